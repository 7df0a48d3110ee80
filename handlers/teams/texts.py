"""What teams say. HTML; names and titles from Telegram are escaped."""

from __future__ import annotations

from html import escape

from domain.teams.model import Role, Team
from domain.teams.use_cases.membership import TeamView
from handlers.common.i18n import Translator


def role_name(t: Translator, role: Role) -> str:
    return t.get("teams-role", role=role.value)


def card(t: Translator, view: TeamView) -> str:
    return t.get(
        "teams-card",
        title=escape(view.team.title),
        members=len(view.members),
        zone=escape(view.team.time_zone),
    )


def teams_list(t: Translator, rows: list[tuple[Team, Role, int]]) -> str:
    if not rows:
        return t.get("teams-none")
    lines = [t.get("teams-list-title")]
    lines += [
        t.get("teams-list-line", title=escape(team.title), role=role_name(t, role), members=count)
        for team, role, count in rows
    ]
    return "\n".join(lines)
