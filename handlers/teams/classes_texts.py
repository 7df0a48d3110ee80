"""What classes say: the card (the first names, then how many more), the attendance sheet (in
pages), problems with /class, and the words of what is sent unasked (a promotion, a reminder).
HTML; names from Telegram are escaped."""

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


CARD_BOOKED = 20  # names a card shows of those in, and of those waiting: with Telegram's
CARD_WAITING = 10  # 64-character names, a card stays near half of its 4096 characters
SHEET_PAGE = 45  # people a sheet message lists: two buttons each, under 100 a message


def _names(
    t: Translator, card: ClassCard, bookings: list[Booking], shown: int, *, numbered: bool = False
) -> str:
    names = [escape(card.names.get(b.user_id, str(b.user_id))) for b in bookings[:shown]]
    if numbered:
        names = [f"{n}. {name}" for n, name in enumerate(names, start=1)]
    if len(bookings) > shown:
        names.append(t.get("classes-card-more", count=len(bookings) - shown))
    return ", ".join(names)


def card(t: Translator, view: ClassCard) -> str:
    """The first few names of each list and how many more (Fluent's placeables hold 1,000
    characters at most, so the names follow its text rather than fill one)."""
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
    )
    text += " " + (_names(t, view, booked, CARD_BOOKED) or t.get("classes-nobody"))
    waiting = view.roster.waiting
    if waiting:
        names = _names(t, view, waiting, CARD_WAITING, numbered=True)
        text += "\n" + t.get("classes-card-waitlist") + " " + names
    return text


def sheet_pages(view: ClassCard) -> int:
    return max(1, -(-len(view.roster.booked) // SHEET_PAGE))


def sheet_page(view: ClassCard, page: int) -> tuple[int, list[Booking]]:
    """The page (the last one if `page` is past it, the roster having shrunk) and its people."""
    page = min(max(page, 0), sheet_pages(view) - 1)
    return page, view.roster.booked[page * SHEET_PAGE : (page + 1) * SHEET_PAGE]


def sheet(t: Translator, view: ClassCard, page: int = 0) -> str:
    page, people = sheet_page(view, page)
    lines = [t.get("classes-sheet", when=when(t, view.starts))]
    if sheet_pages(view) > 1:
        lines[0] += " " + t.get("classes-sheet-page", page=page + 1, pages=sheet_pages(view))
    marks = {"present": "✅", "no_show": "🚫"}
    for booking in people:
        mark = marks.get(booking.attendance.value if booking.attendance else "", "▫️")
        lines.append(f"{mark} {escape(view.names.get(booking.user_id, ''))}")
    if not view.roster.booked:
        lines.append(t.get("classes-sheet-empty"))
    return "\n".join(lines)


def _short(word: str, limit: int = 24) -> str:
    """A word of the user's as much as a reply needs to name it."""
    return word if len(word) <= limit else word[: limit - 1] + "…"


def problems(t: Translator, found: list[LineProblem]) -> str:
    lines = [t.get("classes-problems")]
    lines += [
        t.get(
            "classes-problem-line",
            line=p.line,
            problem=t.get("classes-problem", problem=p.problem.value),
            word=escape(_short(p.word)) if p.word else "none",
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
