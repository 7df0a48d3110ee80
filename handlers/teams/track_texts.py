"""What tracks say: the day's post, the track lists, and a pasted track's mistakes. HTML;
names, lines and notes people wrote are escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from domain.conditioning.text import workout_to_text
from domain.shared.time import local_day
from domain.teams.tracks import TrackKind, TrackLineError, WodContent, WodSettings
from domain.teams.use_cases.tracks import Listed
from handlers.common.i18n import Catalogue, Translator
from handlers.common.plan_problems import plan_problem_text

ERRORS_SHOWN = 8
TRACKS_SHOWN = 30  # a list line is at most about 110 characters: 30 stay one message


def post_text(t: Translator, content: WodContent) -> str:
    week, day = content.week_and_day
    lines = [
        t.get(
            "tracks-post-title",
            date=content.on.isoformat(),
            track=escape(content.track_name),
            week=week,
            day=day,
        )
    ]
    programmed = content.day
    if programmed is None:
        lines.append(t.get("tracks-post-nothing"))
    else:
        if programmed.strength:
            lines += ["", t.get("tracks-post-strength")]
            lines += [escape(line) for line in programmed.strength]
        for workout in programmed.workouts:
            lines += ["", t.get("tracks-post-metcon"), escape(workout_to_text(workout).strip())]
        if programmed.scaling:
            lines += ["", t.get("tracks-post-scaling", scaling=escape(programmed.scaling))]
    if content.note:
        lines += ["", t.get("tracks-post-note", note=escape(content.note))]
    return "\n".join(lines)


class WodWords:
    """The domain's WodWording, from the catalogue, in the team's language."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def post(self, content: WodContent, language: str | None) -> str:
        return post_text(self._catalogue.translator(language or "en"), content)

    def lapsed(self, track_name: str, track_id: int, language: str | None) -> str:
        t = self._catalogue.translator(language or "en")
        return t.get("tracks-lapsed", name=escape(track_name), id=track_id)

    def ending(
        self, track_name: str, track_id: int, until: datetime, zone: ZoneInfo, language: str | None
    ) -> str:
        t = self._catalogue.translator(language or "en")
        last = local_day(until, zone).isoformat()
        return t.get("tracks-ending", name=escape(track_name), id=track_id, until=last)


def track_errors(t: Translator, errors: Sequence[TrackLineError]) -> str:
    lines = []
    for error in errors[:ERRORS_SHOWN]:
        if error.strength is not None:
            said = plan_problem_text(t, error.strength)
        elif error.workout is not None:
            key = f"conditioning-problem-{error.workout.problem.value.replace('_', '-')}"
            if error.workout.params.get("suggestion"):
                key += "-like"
            said = t.get(
                "tracks-on-line", line=error.line, problem=t.get(key, **error.workout.params)
            )
        else:
            said = t.get(f"tracks-problem-{error.problem.value.replace('_', '-')}", **error.params)
            if error.line:
                said = t.get("tracks-on-line", line=error.line, problem=said)
        lines.append("• " + said)
    return t.get("tracks-errors", errors=escape("\n".join(lines), quote=False))


def _line(t: Translator, listed: Listed) -> str:
    track, held = listed.track, listed.subscription
    mark = "📢" if track.kind == TrackKind.PUBLIC else "✍️"
    price = ""
    if track.pricing.paid:
        pricing = track.pricing
        price = " " + t.get("tracks-list-price", kind=pricing.kind.value, price=pricing.price)
    if held is None:
        line = t.get("tracks-list-line", mark=mark, id=track.id or 0, name=escape(track.name))
        return line + price
    first = held.start + timedelta(days=held.offset)
    line = t.get(
        "tracks-list-line-followed",
        mark=mark,
        id=track.id or 0,
        name=escape(track.name),
        first=first.isoformat(),
    )
    return line + price


def tracks_list(t: Translator, rows: Sequence[Listed], settings: WodSettings | None) -> str:
    head = (
        t.get("tracks-list-title")
        if settings is None
        else t.get(
            "tracks-list-title-team",
            time=settings.post_at.strftime("%H:%M"),
            rest=str(settings.post_rest_days).lower(),
        )
    )
    if not rows:
        return head + "\n" + t.get("tracks-list-none")
    followed_first = sorted(rows, key=lambda row: row.subscription is None)
    lines = [head, *(_line(t, row) for row in followed_first[:TRACKS_SHOWN])]
    if len(rows) > TRACKS_SHOWN:
        lines.append(t.get("tracks-list-more", count=len(rows) - TRACKS_SHOWN))
    return "\n".join([*lines, "", t.get("tracks-list-hint")])


def today_texts(t: Translator, shown: Sequence[WodContent]) -> list[str]:
    """/track today: one message a followed day (each fits one; together they may not)."""
    return [post_text(t, content) for content in shown] or [t.get("tracks-today-none")]
