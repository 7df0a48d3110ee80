"""A team's classes: scheduling them (and the dates they do not happen), the day's cards,
RSVPs with a waitlist that fills itself, attendance, and reminders before class.

Every use case that callback data reaches checks the class belongs to the chat the card is in
and acts for the presser only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import enter
from domain.outbox.model import Action, Button, OutgoingMessage
from domain.shared.ports import Clock
from domain.shared.time import local_day
from domain.teams.classes import (
    LATE_CANCEL_WINDOW,
    Attendance,
    Booking,
    BookingStatus,
    ClassSettings,
    ClassSpec,
    Occurrence,
    Roster,
    TeamClass,
    cancel,
    rsvp,
)
from domain.teams.model import Actor, Permission, Role, Team
from domain.teams.ports import ClassesUnitOfWork, ClassWording, TeamsUnitOfWork
from domain.teams.use_cases.membership import (
    NoTeamError,
    active_team,
    authorize,
    ensure_member,
)

PROMOTED_KEY = "class-promoted:"  # class-promoted:<booking>:<seq>, one per promotion
REMINDER_KEY = "class-reminder:"  # class-reminder:<occurrence>:<person>
CARDS_AHEAD = 14  # days /classes looks ahead for the next classes when today has none
CARDS_LIMIT = 3  # cards /classes posts at most: each is a group message


class NotMemberError(PermissionError):
    """The presser is not in the team: they join first."""


class ClassClosedError(LookupError):
    """The occurrence has started, is over, or does not happen (cancelled)."""


class NoSuchClassError(LookupError):
    """No class of the team matches (or more than one does, for a cancellation)."""


@dataclass(frozen=True, slots=True)
class ClassCard:
    """What the card of a class on a date shows."""

    team: Team
    team_class: TeamClass
    occurrence: Occurrence
    roster: Roster
    names: dict[int, str]  # first names of the coach and everyone on the roster
    cancelled: bool

    @property
    def starts(self) -> datetime:
        return self.occurrence.starts_at.astimezone(ZoneInfo(self.team.time_zone))


class RsvpOutcome(StrEnum):
    BOOKED = "booked"
    WAITING = "waiting"
    ALREADY = "already"  # booked or waiting already: nothing changed
    CANCELLED = "cancelled"
    CANCELLED_LATE = "cancelled_late"
    NOT_IN = "not_in"  # cancelling a place they did not have: nothing changed


@dataclass(frozen=True, slots=True)
class RsvpResult:
    outcome: RsvpOutcome
    card: ClassCard
    position: int = 0  # on the waitlist, from 1
    promoted: tuple[int, ...] = ()  # people moved in from the waitlist
    late_cancel: timedelta = LATE_CANCEL_WINDOW  # the team's window, for the late notice


def _zone(team: Team) -> ZoneInfo:
    return ZoneInfo(team.time_zone)


async def _names(uow: TeamsUnitOfWork, ids: set[int]) -> dict[int, str]:
    """One read for everyone (an RSVP holds the occurrence's lock meanwhile)."""
    found = await uow.classes.first_names(ids)
    return {user_id: found.get(user_id, str(user_id)) for user_id in ids}


async def _card(
    uow: TeamsUnitOfWork, team: Team, team_class: TeamClass, occurrence: Occurrence
) -> ClassCard:
    roster = await uow.classes.roster(occurrence.id or 0)
    ids = {b.user_id for b in roster.bookings if b.active}
    if team_class.coach_id is not None:
        ids.add(team_class.coach_id)
    return ClassCard(
        team,
        team_class,
        occurrence,
        roster,
        await _names(uow, ids),
        cancelled=not team_class.happens_on(occurrence.day),
    )


async def _of_chat(
    uow: TeamsUnitOfWork, occurrence_id: int, chat_id: int, *, lock: bool = False
) -> tuple[Team, TeamClass, Occurrence]:
    """The occurrence, its class and team, if the team is the chat's (NoTeamError otherwise:
    callback data from another chat's card, or made up)."""
    team = await active_team(uow, chat_id)
    occurrence = await uow.classes.get_occurrence(occurrence_id, lock=lock)
    team_class = None if occurrence is None else await uow.classes.get_class(occurrence.class_id)
    if occurrence is None or team_class is None or team_class.team_id != team.id:
        raise NoTeamError(chat_id)
    return team, team_class, occurrence


class ScheduleClasses:
    """Classes from /class: the scheduler coaches them. NotAllowedError unless they schedule."""

    def __init__(self, uow: TeamsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, chat_id: int, actor: Actor, person: Profile | None, specs: list[ClassSpec]
    ) -> list[ClassCard]:
        """The card of each class's next date (stored, so it can be posted)."""
        now = self._clock.now()
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.SCHEDULE)
            coach = None
            if person is not None:  # an anonymous admin schedules classes nobody coaches yet
                await enter(self._uow, person, now)  # in this commit: a crash leaves neither
                await ensure_member(self._uow, team.id or 0, person.telegram_id, Role.MEMBER, now)
                coach = person.telegram_id
            cards = []
            for spec in specs:
                added = await self._uow.classes.add_class(
                    TeamClass(
                        None,
                        team.id or 0,
                        coach,
                        spec.start,
                        spec.duration,
                        spec.capacity,
                        spec.weekdays,
                        spec.on,
                        created_at=now,
                    )
                )
                day = _next_day(added, team, now)
                if day is not None:
                    occurrence = await self._uow.classes.occurrence(
                        added.id or 0, day, added.starts_at(day, _zone(team))
                    )
                    cards.append(await _card(self._uow, team, added, occurrence))
            await self._uow.commit()
            return cards


def _next_day(team_class: TeamClass, team: Team, now: datetime) -> date | None:
    """The first day from today the class happens and has not started yet."""
    zone = _zone(team)
    today = local_day(now, zone)
    for day in team_class.days(today, today + timedelta(days=CARDS_AHEAD)):
        if team_class.starts_at(day, zone) > now:
            return day
    return None


class CancelClassDate:
    """A class does not happen on a date (`/class cancel <date>`): the class replied to, or the
    team's one class that day (at `at`, if named)."""

    def __init__(self, uow: TeamsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self,
        chat_id: int,
        actor: Actor,
        day: date,
        *,
        occurrence_id: int | None = None,
        at: time | None = None,
    ) -> ClassCard:
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.SCHEDULE)
            if occurrence_id is not None:
                _, replied, _ = await _of_chat(self._uow, occurrence_id, chat_id)
                candidates = [replied]
            else:
                candidates = await self._uow.classes.classes_of(team.id or 0)
            matching = [
                c
                for c in candidates
                if c.happens_on(day) and (at is None or c.start == at) and c.id is not None
            ]
            if len(matching) != 1:
                raise NoSuchClassError(day)
            [chosen] = matching
            await self._uow.classes.add_exception(chosen.id or 0, day)
            occurrence = await self._uow.classes.occurrence(
                chosen.id or 0, day, chosen.starts_at(day, _zone(team))
            )
            chosen = replace(chosen, exceptions=chosen.exceptions | {day})
            card = await _card(self._uow, team, chosen, occurrence)
            await self._uow.commit()
            return card


async def upcoming_cards(uow: TeamsUnitOfWork, clock: Clock, chat_id: int) -> list[ClassCard]:
    """Today's classes not over yet, or else those of the next day that has any."""
    now = clock.now()
    async with uow:
        team = await active_team(uow, chat_id)
        zone = _zone(team)
        today = local_day(now, zone)
        classes = await uow.classes.classes_of(team.id or 0)
        found: list[tuple[datetime, TeamClass, date]] = []
        for offset in range(CARDS_AHEAD + 1):
            day = today + timedelta(days=offset)
            found = sorted(
                (c.starts_at(day, zone), c, day)
                for c in classes
                if c.happens_on(day) and c.starts_at(day, zone) + c.duration > now
            )
            if found:
                break
        cards = []
        for starts_at, team_class, day in found[:CARDS_LIMIT]:
            occurrence = await uow.classes.occurrence(team_class.id or 0, day, starts_at)
            cards.append(await _card(uow, team, team_class, occurrence))
        await uow.commit()
        return cards


class Rsvp:
    """✅ or ❌ on a card, for the presser only. The occurrence is locked while its roster
    changes, so two taps for the last place book one person and wait-list the other."""

    def __init__(self, uow: ClassesUnitOfWork, clock: Clock, wording: ClassWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(
        self, occurrence_id: int, chat_id: int, user_id: int, *, going: bool
    ) -> RsvpResult:
        """NoTeamError for a card not of this chat's team, NotMemberError for someone not in
        the team, ClassClosedError once it has started or if it does not happen."""
        now = self._clock.now()
        async with self._uow:
            team, team_class, occurrence = await _of_chat(
                self._uow, occurrence_id, chat_id, lock=True
            )
            held = await self._uow.teams.membership(team.id or 0, user_id)
            if held is None or not held.current:
                raise NotMemberError(user_id)
            if not team_class.happens_on(occurrence.day) or occurrence.starts_at <= now:
                raise ClassClosedError(occurrence_id)
            roster = await self._uow.classes.roster(occurrence_id)
            result = await self._decide(
                team, team_class, occurrence, roster, user_id, going=going, now=now
            )
            await self._uow.commit()
            return result

    async def _decide(
        self,
        team: Team,
        team_class: TeamClass,
        occurrence: Occurrence,
        roster: Roster,
        user_id: int,
        *,
        going: bool,
        now: datetime,
    ) -> RsvpResult:
        classes = self._uow.classes
        promoted: list[Booking] = []
        settings = await classes.settings(team.id or 0)
        if going:
            booking = rsvp(roster, occurrence.id or 0, user_id, team_class.capacity, now)
            if booking is None:
                outcome = RsvpOutcome.ALREADY
            else:
                if booking.id is None:
                    booking = await classes.add_booking(booking)
                else:
                    await classes.save_booking(booking)
                waiting = booking.status == BookingStatus.WAITING
                outcome = RsvpOutcome.WAITING if waiting else RsvpOutcome.BOOKED
        else:
            done = cancel(
                roster,
                user_id,
                team_class.capacity,
                starts_at=occurrence.starts_at,
                now=now,
                window=settings.late_cancel,
            )
            if done is None:
                outcome = RsvpOutcome.NOT_IN
            else:
                await classes.save_booking(done.booking)
                promoted = done.promoted
                for moved in promoted:
                    await classes.save_booking(moved)
                    await self._tell_promoted(team, occurrence, moved, now)
                late = done.booking.late
                outcome = RsvpOutcome.CANCELLED_LATE if late else RsvpOutcome.CANCELLED
        card = await _card(self._uow, team, team_class, occurrence)
        mine = card.roster.of(user_id)
        position = 0
        if mine is not None and mine.status == BookingStatus.WAITING:
            position = [b.user_id for b in card.roster.waiting].index(user_id) + 1
        promoted_ids = tuple(b.user_id for b in promoted)
        return RsvpResult(outcome, card, position, promoted_ids, settings.late_cancel)

    async def _tell_promoted(
        self, team: Team, occurrence: Occurrence, booking: Booking, now: datetime
    ) -> None:
        recipient = await self._uow.users.get(booking.user_id)
        if recipient is None:
            return
        starts = occurrence.starts_at.astimezone(_zone(team))
        await self._uow.outbox.add(
            OutgoingMessage(
                f"{PROMOTED_KEY}{booking.id}:{booking.seq}",
                recipient.telegram_id,
                now,
                self._wording.promoted(recipient, team, starts),
                language=recipient.language.value,
                expires_at=occurrence.starts_at,
            )
        )


async def _may_mark(uow: TeamsUnitOfWork, team: Team, team_class: TeamClass, actor: Actor) -> None:
    """The class's coach, or whoever schedules the team's classes."""
    if team_class.coach_id == actor.user_id:
        held = await uow.teams.membership(team.id or 0, actor.user_id)
        if held is not None and held.current:
            return
    await authorize(uow, team, actor, Permission.SCHEDULE)


async def attendance_sheet(
    uow: TeamsUnitOfWork, occurrence_id: int, chat_id: int, actor: Actor
) -> ClassCard:
    """The card as the coach marks it. NotAllowedError unless the actor may mark."""
    async with uow:
        team, team_class, occurrence = await _of_chat(uow, occurrence_id, chat_id)
        await _may_mark(uow, team, team_class, actor)
        return await _card(uow, team, team_class, occurrence)


class MarkAttendance:
    """The coach marks a booked person present or a no-show (or clears the mark)."""

    def __init__(self, uow: TeamsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(
        self,
        occurrence_id: int,
        chat_id: int,
        actor: Actor,
        user_id: int,
        mark: Attendance | None,
    ) -> ClassCard:
        """NotAllowedError unless the actor may mark; LookupError if the person is not booked."""
        async with self._uow:
            team, team_class, occurrence = await _of_chat(self._uow, occurrence_id, chat_id)
            await _may_mark(self._uow, team, team_class, actor)
            if not team_class.happens_on(occurrence.day):
                raise ClassClosedError(occurrence_id)
            roster = await self._uow.classes.roster(occurrence_id)
            held = roster.of(user_id)
            if held is None or held.status != BookingStatus.BOOKED:
                raise LookupError(user_id)
            await self._uow.classes.save_booking(replace(held, attendance=mark))
            card = await _card(self._uow, team, team_class, occurrence)
            await self._uow.commit()
            return card


class SetLateCancelWindow:
    def __init__(self, uow: TeamsUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, chat_id: int, actor: Actor, window: timedelta) -> None:
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.SCHEDULE)
            held = await self._uow.classes.settings(team.id or 0)
            await self._uow.classes.save_settings(team.id or 0, replace(held, late_cancel=window))
            await self._uow.commit()


async def set_class_reminders(
    uow: TeamsUnitOfWork, team_id: int, user_id: int, *, on: bool
) -> Team:
    """The person's own choice (the button under a reminder): it touches nobody else.
    NotMemberError unless they are in the team now (the team id comes from callback data)."""
    async with uow:
        team = await uow.teams.get(team_id)
        if team is None:
            raise NoTeamError(team_id)
        held = await uow.teams.membership(team_id, user_id)
        if held is None or not held.current:
            raise NotMemberError(user_id)
        await uow.classes.set_reminders(team_id, user_id, on=on)
        await uow.commit()
        return team


class SendClassReminders:
    """Queues a reminder to everyone booked who is in the team now, `reminder_lead` before class
    (the team's setting), unless they said no; each once (its outbox key), and never after the
    class has started. Someone who left keeps their booking on the roster, unreminded."""

    LOOKAHEAD = timedelta(hours=6)  # the longest lead a team may choose

    def __init__(self, uow: ClassesUnitOfWork, clock: Clock, wording: ClassWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        queued = 0
        async with self._uow:
            for occurrence in await self._uow.classes.starting_between(now, now + self.LOOKAHEAD):
                queued += await self._remind(occurrence, now)
            await self._uow.commit()
        return queued

    async def _remind(self, occurrence: Occurrence, now: datetime) -> int:
        classes = self._uow.classes
        team_class = await classes.get_class(occurrence.class_id)
        team = None if team_class is None else await self._uow.teams.get(team_class.team_id)
        if team_class is None or team is None or not team.active:
            return 0
        settings: ClassSettings = await classes.settings(team.id or 0)
        if occurrence.starts_at - settings.reminder_lead > now:
            return 0
        if not team_class.happens_on(occurrence.day):
            return 0
        off = await classes.reminders_off(team.id or 0)
        members = {m.user_id for m in await self._uow.teams.members(team.id or 0)}
        coach = (
            None if team_class.coach_id is None else await self._uow.users.get(team_class.coach_id)
        )
        starts = occurrence.starts_at.astimezone(_zone(team))
        queued = 0
        for booking in (await classes.roster(occurrence.id or 0)).booked:
            if booking.user_id in off or booking.user_id not in members:
                continue
            recipient = await self._uow.users.get(booking.user_id)
            if recipient is None:
                continue
            queued += await self._uow.outbox.add(
                OutgoingMessage(
                    f"{REMINDER_KEY}{occurrence.id}:{booking.user_id}",
                    recipient.telegram_id,
                    now,
                    self._wording.reminder(recipient, team, starts, coach),
                    buttons=((Button(Action.SKIP_CLASS_REMINDERS, (("team", str(team.id)),)),),),
                    language=recipient.language.value,
                    expires_at=occurrence.starts_at,
                )
            )
        return queued
