"""What classes say: the card, the attendance sheet, problems with /class, and the words of
what is sent unasked (a promotion, a reminder). HTML; names from Telegram are escaped."""

from __future__ import annotations

from datetime import datetime
from html import escape

from domain.athletes.model import User
from domain.teams.classes import Booking, LineProblem
from domain.teams.model import Team
from domain.teams.use_cases.classes import ClassCard
from handlers.common.i18n import Catalogue, Translator


def when(t: Translator, starts: datetime, end: datetime | None = None) -> str:
    """ "Tue 03.03, 10:00–11:00" in the team's time zone."""
    day = f"{t.get('classes-weekday', day=starts.weekday())} {starts:%d.%m}, {starts:%H:%M}"
    return f"{day}–{end:%H:%M}" if end is not None else day


def _names(card: ClassCard, bookings: list[Booking], *, numbered: bool = False) -> str:
    names = [escape(card.names.get(b.user_id, str(b.user_id))) for b in bookings]
    if numbered:
        names = [f"{n}. {name}" for n, name in enumerate(names, start=1)]
    return ", ".join(names)


def card(t: Translator, view: ClassCard) -> str:
    starts = view.starts
    if view.cancelled:
        return t.get("classes-card-cancelled", when=when(t, starts))
    coach_id = view.team_class.coach_id
    coach = escape(view.names[coach_id]) if coach_id in view.names else t.get("classes-no-coach")
    booked = view.roster.booked
    text = t.get(
        "classes-card",
        when=when(t, starts, starts + view.team_class.duration),
        coach=coach,
        booked=len(booked),
        capacity=view.team_class.capacity,
        names=_names(view, booked) or t.get("classes-nobody"),
    )
    waiting = view.roster.waiting
    if waiting:
        text += "\n" + t.get("classes-card-waitlist", names=_names(view, waiting, numbered=True))
    return text


def sheet(t: Translator, view: ClassCard) -> str:
    lines = [t.get("classes-sheet", when=when(t, view.starts))]
    marks = {"present": "✅", "no_show": "🚫"}
    for booking in view.roster.booked:
        mark = marks.get(booking.attendance.value if booking.attendance else "", "▫️")
        lines.append(f"{mark} {escape(view.names.get(booking.user_id, ''))}")
    if not view.roster.booked:
        lines.append(t.get("classes-sheet-empty"))
    return "\n".join(lines)


def problems(t: Translator, found: list[LineProblem]) -> str:
    lines = [t.get("classes-problems")]
    lines += [
        t.get(
            "classes-problem-line",
            line=p.line,
            problem=t.get("classes-problem", problem=p.problem.value),
            word=escape(p.word) if p.word else "none",
        )
        for p in found
    ]
    return "\n".join(lines)


class ClassWords:
    """ClassWording in the recipient's language."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def _t(self, user: User) -> Translator:
        return self._catalogue.translator(user.language.value)

    def promoted(self, recipient: User, team: Team, starts: datetime) -> str:
        t = self._t(recipient)
        return t.get("classes-promoted", team=escape(team.title), when=when(t, starts))

    def reminder(self, recipient: User, team: Team, starts: datetime, coach: User | None) -> str:
        t = self._t(recipient)
        return t.get(
            "classes-reminder",
            team=escape(team.title),
            when=when(t, starts),
            coach=escape(coach.first_name) if coach is not None else "none",
        )
