"""What teams say. HTML; names and titles from Telegram are escaped."""

from __future__ import annotations

from html import escape

from domain.teams.model import Role
from domain.teams.use_cases.membership import MyTeam, TeamView
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


def teams_list(t: Translator, rows: list[MyTeam]) -> str:
    if not rows:
        return t.get("teams-none")
    lines = [t.get("teams-list-title")]
    for row in rows:
        lines.append(
            t.get(
                "teams-list-line",
                title=escape(row.team.title),
                role=role_name(t, row.membership.role),
                members=row.members,
            )
        )
        record = row.classes
        if record.attended or record.no_shows or record.late_cancels:
            lines.append(
                t.get(
                    "teams-list-classes",
                    attended=record.attended,
                    no_shows=record.no_shows,
                    late=record.late_cancels,
                )
            )
    return "\n".join(lines)
