"""Classes on SQLite and PostgreSQL: scheduling (who may), RSVPs said twice counted once, the
last place never overbooked by concurrent taps, promotion told in private once, forged
callback data refused, and attendance marked by coaches only."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from domain.athletes.model import Profile, User
from domain.progress.use_cases.progress import ShowProgress
from domain.teams.classes import Attendance, ClassSpec
from domain.teams.model import Actor, Role, Team
from domain.teams.use_cases.classes import (
    CancelClassDate,
    ClassClosedError,
    MarkAttendance,
    NotMemberError,
    Rsvp,
    RsvpOutcome,
    ScheduleClasses,
    SendClassReminders,
    attendance_sheet,
    set_class_reminders,
    upcoming_cards,
)
from domain.teams.use_cases.invites import AcceptTeamInvite, MakeTeamInvite
from domain.teams.use_cases.membership import (
    BotAdded,
    JoinTeam,
    LeaveTeam,
    NotAllowedError,
    NoTeamError,
    my_teams,
)
from storage.outbox.tables import OutboxRow
from storage.teams.classes_tables import TeamClassReminderOptOutRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

GYM, OTHER = -1001, -1002
ANN, COACH = Profile(11, "Ann"), Profile(12, "Cara")
MEMBERS = [Profile(20 + n, f"M{n}") for n in range(5)]
OUTSIDER = Profile(40, "Olga")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
TOMORROW_10 = ClassSpec(time(10), timedelta(minutes=60), 3, on=date(2026, 3, 3))


class Words:
    def promoted(self, recipient: User, team: Team, starts: datetime) -> str:
        return f"{recipient.first_name}: you're in {team.title} at {starts:%H:%M}"

    def reminder(self, recipient: User, team: Team, starts: datetime, coach: User | None) -> str:
        return f"{recipient.first_name}: {team.title} at {starts:%H:%M}"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def uow(session_factory: async_sessionmaker[AsyncSession], clock: FixedClock) -> SqlUnitOfWork:
    return SqlUnitOfWork(session_factory, clock)


async def a_team_with_a_class(uow: SqlUnitOfWork, clock: FixedClock) -> int:
    """North Gym: Ann owns it, Cara coaches, five members; a class of 3 tomorrow at 10:00."""
    team, _ = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    link = await MakeTeamInvite(uow, clock)(GYM, Actor(ANN.telegram_id), Role.COACH)
    await AcceptTeamInvite(uow, clock)(link.payload, COACH)
    for member in MEMBERS:
        await JoinTeam(uow, clock)(team.id or 0, GYM, member)
    [card] = await ScheduleClasses(uow, clock)(GYM, Actor(COACH.telegram_id), COACH, [TOMORROW_10])
    return card.occurrence.id or 0


async def outbox_keys(session_factory: async_sessionmaker[AsyncSession]) -> list[tuple[str, int]]:
    async with session_factory() as session:
        rows = await session.execute(
            select(OutboxRow.idempotency_key, OutboxRow.chat_id).order_by(OutboxRow.id)
        )
        return [(key, chat) for key, chat in rows]


async def test_five_rsvps_for_three_places_waitlist_two_and_a_cancellation_promotes_the_first(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    occurrence = await a_team_with_a_class(uow, clock)
    rsvp = Rsvp(uow, clock, Words())
    outcomes = [await rsvp(occurrence, GYM, m.telegram_id, going=True) for m in MEMBERS]
    again = await rsvp(occurrence, GYM, MEMBERS[0].telegram_id, going=True)

    assert [o.outcome for o in outcomes] == [RsvpOutcome.BOOKED] * 3 + [RsvpOutcome.WAITING] * 2
    assert [o.position for o in outcomes[3:]] == [1, 2]
    assert again.outcome == RsvpOutcome.ALREADY
    assert len(again.card.roster.booked) == 3
    cancelled = await rsvp(occurrence, GYM, MEMBERS[1].telegram_id, going=False)
    assert cancelled.outcome == RsvpOutcome.CANCELLED  # a day ahead: not late
    assert cancelled.promoted == (MEMBERS[3].telegram_id,)
    assert [b.user_id for b in cancelled.card.roster.waiting] == [MEMBERS[4].telegram_id]
    assert [key for key, _ in await outbox_keys(session_factory)] == [
        f"class-promoted:{cancelled.card.roster.of(MEMBERS[3].telegram_id).id}:4"  # type: ignore[union-attr]
    ]

    clock.current = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)  # an hour before class
    late = await rsvp(occurrence, GYM, MEMBERS[0].telegram_id, going=False)
    assert late.outcome == RsvpOutcome.CANCELLED_LATE
    assert late.promoted == (MEMBERS[4].telegram_id,)
    clock.current = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    with pytest.raises(ClassClosedError):  # it has started
        await rsvp(occurrence, GYM, MEMBERS[1].telegram_id, going=True)


@pytest.mark.parametrize("taps", [2, 6])
async def test_concurrent_taps_for_the_last_place_book_one_person(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock, taps: int
) -> None:
    occurrence = await a_team_with_a_class(SqlUnitOfWork(session_factory, clock), clock)
    for member in MEMBERS[:2]:  # two of three places taken
        await Rsvp(SqlUnitOfWork(session_factory, clock), clock, Words())(
            occurrence, GYM, member.telegram_id, going=True
        )
    contenders = [*MEMBERS[2:], COACH, ANN][: taps // 2 + 1]

    async def tap(person: Profile) -> RsvpOutcome:
        fresh = SqlUnitOfWork(session_factory, clock)  # one session each, like two updates
        result = await Rsvp(fresh, clock, Words())(occurrence, GYM, person.telegram_id, going=True)
        return result.outcome

    outcomes = await asyncio.gather(*(tap(p) for p in contenders for _ in range(2)))

    assert outcomes.count(RsvpOutcome.BOOKED) == 1
    card = (await upcoming_cards(SqlUnitOfWork(session_factory, clock), clock, GYM))[0]
    assert len(card.roster.booked) == 3
    assert len(card.roster.waiting) == len(contenders) - 1  # each person once


async def test_who_may_rsvp_and_for_whom(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    occurrence = await a_team_with_a_class(uow, clock)
    await BotAdded(uow, clock)(OTHER, "South Gym", OUTSIDER, adder_is_admin=True)
    rsvp = Rsvp(uow, clock, Words())

    with pytest.raises(NotMemberError):  # Olga is not in North Gym: she joins first
        await rsvp(occurrence, GYM, OUTSIDER.telegram_id, going=True)
    with pytest.raises(NoTeamError):  # North's card's data pressed in South's chat
        await rsvp(occurrence, OTHER, OUTSIDER.telegram_id, going=True)
    with pytest.raises(NoTeamError):  # an occurrence that does not exist
        await rsvp(occurrence + 99, GYM, MEMBERS[0].telegram_id, going=True)
    # The use case takes the presser's id from Telegram; a member cancelling a place they do
    # not have (someone else's) changes nothing.
    await rsvp(occurrence, GYM, MEMBERS[0].telegram_id, going=True)
    nothing = await rsvp(occurrence, GYM, MEMBERS[1].telegram_id, going=False)
    assert nothing.outcome == RsvpOutcome.NOT_IN
    assert [b.user_id for b in nothing.card.roster.booked] == [MEMBERS[0].telegram_id]


async def test_only_those_who_schedule_create_and_cancel_classes(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    occurrence = await a_team_with_a_class(uow, clock)
    weekly = ClassSpec(time(7), timedelta(hours=1), 12, frozenset({0, 2, 4}))

    with pytest.raises(NotAllowedError):
        await ScheduleClasses(uow, clock)(GYM, Actor(MEMBERS[0].telegram_id), MEMBERS[0], [weekly])
    [card] = await ScheduleClasses(uow, clock)(  # a group admin who is in no role
        GYM, Actor(OUTSIDER.telegram_id, chat_admin=True), OUTSIDER, [weekly]
    )
    assert card.occurrence.day == date(2026, 3, 4)  # Monday 07:00 has passed: Wednesday
    with pytest.raises(NotAllowedError):
        await CancelClassDate(uow, clock)(GYM, Actor(MEMBERS[0].telegram_id), date(2026, 3, 3))

    cancelled = await CancelClassDate(uow, clock)(
        GYM, Actor(COACH.telegram_id), date(2026, 3, 3), occurrence_id=occurrence
    )
    assert cancelled.cancelled
    with pytest.raises(ClassClosedError):
        await Rsvp(uow, clock, Words())(occurrence, GYM, MEMBERS[0].telegram_id, going=True)


async def test_attendance_is_marked_by_the_coach_not_by_a_member(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    occurrence = await a_team_with_a_class(uow, clock)
    await Rsvp(uow, clock, Words())(occurrence, GYM, MEMBERS[0].telegram_id, going=True)
    mark = MarkAttendance(uow)

    with pytest.raises(NotAllowedError):  # a member's forged mark
        await mark(
            occurrence,
            GYM,
            Actor(MEMBERS[1].telegram_id),
            MEMBERS[0].telegram_id,
            Attendance.PRESENT,
        )
    with pytest.raises(NotAllowedError):
        await attendance_sheet(uow, occurrence, GYM, Actor(MEMBERS[0].telegram_id))
    card = await mark(
        occurrence, GYM, Actor(COACH.telegram_id), MEMBERS[0].telegram_id, Attendance.NO_SHOW
    )
    owner = await mark(
        occurrence, GYM, Actor(ANN.telegram_id), MEMBERS[0].telegram_id, Attendance.PRESENT
    )
    assert card.roster.booked[0].attendance == Attendance.NO_SHOW
    assert owner.roster.booked[0].attendance == Attendance.PRESENT
    with pytest.raises(NoTeamError):  # the coach's mark from another chat's data
        await mark(occurrence, OTHER, Actor(COACH.telegram_id), MEMBERS[0].telegram_id, None)


async def test_a_reminder_an_hour_before_once_each_unless_switched_off(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    occurrence = await a_team_with_a_class(uow, clock)
    rsvp = Rsvp(uow, clock, Words())
    for member in MEMBERS[:2]:
        await rsvp(occurrence, GYM, member.telegram_id, going=True)
    team_id = (await upcoming_cards(uow, clock, GYM))[0].team.id or 0
    await set_class_reminders(uow, team_id, MEMBERS[1].telegram_id, on=False)
    send = SendClassReminders(uow, clock, Words())

    clock.current = datetime(2026, 3, 3, 8, 59, tzinfo=UTC)
    assert await send() == 0
    clock.current = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    assert await send() == 1
    assert await send() == 0  # the next run finds it queued

    assert (f"class-reminder:{occurrence}:{MEMBERS[0].telegram_id}", MEMBERS[0].telegram_id) in (
        await outbox_keys(session_factory)
    )


async def test_a_forged_reminders_off_press_from_outside_the_team_writes_nothing(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Review: 🔕 with any team id added an opt-out row; an unregistered presser broke the FK."""
    await a_team_with_a_class(uow, clock)
    team_id = (await upcoming_cards(uow, clock, GYM))[0].team.id or 0
    await BotAdded(uow, clock)(OTHER, "South Gym", OUTSIDER, adder_is_admin=True)

    with pytest.raises(NotMemberError):  # registered, but not in North Gym
        await set_class_reminders(uow, team_id, OUTSIDER.telegram_id, on=False)
    with pytest.raises(NotMemberError):  # never seen by the bot at all
        await set_class_reminders(uow, team_id, 999_999, on=False)
    await LeaveTeam(uow, clock)(GYM, MEMBERS[0].telegram_id)
    with pytest.raises(NotMemberError):  # was in the team, left it
        await set_class_reminders(uow, team_id, MEMBERS[0].telegram_id, on=False)
    await set_class_reminders(uow, team_id, MEMBERS[1].telegram_id, on=False)

    async with session_factory() as session:
        rows = await session.scalars(select(TeamClassReminderOptOutRow.user_id))
        assert list(rows) == [MEMBERS[1].telegram_id]


async def test_someone_who_left_the_team_gets_no_class_reminder(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Review: a booked person who left the team kept getting reminders before class."""
    occurrence = await a_team_with_a_class(uow, clock)
    rsvp = Rsvp(uow, clock, Words())
    for member in MEMBERS[:2]:
        await rsvp(occurrence, GYM, member.telegram_id, going=True)
    await LeaveTeam(uow, clock)(GYM, MEMBERS[0].telegram_id)

    clock.current = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    assert await SendClassReminders(uow, clock, Words())() == 1
    assert [key for key, _ in await outbox_keys(session_factory)] == [
        f"class-reminder:{occurrence}:{MEMBERS[1].telegram_id}"
    ]


async def test_a_card_reads_everyones_names_in_one_query(
    uow: SqlUnitOfWork, clock: FixedClock, engine: AsyncEngine
) -> None:
    """Review: the card read one user per query, while an RSVP held the occurrence's lock."""
    occurrence = await a_team_with_a_class(uow, clock)
    rsvp = Rsvp(uow, clock, Words())
    for member in MEMBERS[:4]:
        await rsvp(occurrence, GYM, member.telegram_id, going=True)
    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        result = await rsvp(occurrence, GYM, MEMBERS[4].telegram_id, going=True)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)

    assert result.card.names == {
        COACH.telegram_id: "Cara",
        **{m.telegram_id: m.first_name for m in MEMBERS},
    }
    assert len([s for s in statements if "FROM users" in s]) == 1


async def test_a_members_classes_of_the_last_30_days_are_in_their_teams_list(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    occurrence = await a_team_with_a_class(uow, clock)
    rsvp, mark = Rsvp(uow, clock, Words()), MarkAttendance(uow)
    for member in MEMBERS[:3]:
        await rsvp(occurrence, GYM, member.telegram_id, going=True)
    clock.current = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)  # half an hour before: late
    await rsvp(occurrence, GYM, MEMBERS[2].telegram_id, going=False)
    coach = Actor(COACH.telegram_id)
    await mark(occurrence, GYM, coach, MEMBERS[0].telegram_id, Attendance.PRESENT)
    await mark(occurrence, GYM, coach, MEMBERS[1].telegram_id, Attendance.NO_SHOW)

    [first] = await my_teams(uow, clock, MEMBERS[0].telegram_id)
    [second] = await my_teams(uow, clock, MEMBERS[1].telegram_id)
    [third] = await my_teams(uow, clock, MEMBERS[2].telegram_id)
    assert (first.classes.attended, first.classes.no_shows) == (1, 0)
    assert (second.classes.attended, second.classes.no_shows) == (0, 1)
    assert third.classes.late_cancels == 1
    clock.current += timedelta(days=31)
    [month_later] = await my_teams(uow, clock, MEMBERS[0].telegram_id)
    assert month_later.classes.attended == 0


async def test_a_class_attended_is_a_training_day_on_the_members_calendar(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    occurrence = await a_team_with_a_class(uow, clock)
    rsvp, mark = Rsvp(uow, clock, Words()), MarkAttendance(uow)
    for member in MEMBERS[:2]:
        await rsvp(occurrence, GYM, member.telegram_id, going=True)
    coach = Actor(COACH.telegram_id)
    await mark(occurrence, GYM, coach, MEMBERS[0].telegram_id, Attendance.PRESENT)
    await mark(occurrence, GYM, coach, MEMBERS[1].telegram_id, Attendance.NO_SHOW)
    clock.current = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)

    present = await ShowProgress(uow, clock)(MEMBERS[0].telegram_id)
    absent = await ShowProgress(uow, clock)(MEMBERS[1].telegram_id)
    assert present.calendar.class_days == {date(2026, 3, 3)}  # the class's local day
    assert present.calendar.sessions == 1
    assert absent.calendar.class_days == frozenset()  # a no-show is not a training day
    assert not absent.calendar.has_days
