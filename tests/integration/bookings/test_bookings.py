"""Bookings on SQLite and PostgreSQL: availability shown in the athlete's own zone, a slot
held once however many tap it at once (50 taps, one booking), group places, cancelling
(reminders withdrawn), moving, marks by the coach only, recurring series, reminders queued
once per booking and offset, and another coach seeing none of it."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile, User
from domain.athletes.use_cases.registration import RegisterUser
from domain.bookings.model import Booking, BookingStatus, TransitionError
from domain.bookings.parsing import SeriesSpec, Vacation, WindowSpec
from domain.bookings.recurrence import Frequency
from domain.bookings.use_cases.access import (
    NoSuchBookingError,
    NoSuchSlotError,
    NoSuchWindowError,
    SlotTakenError,
)
from domain.bookings.use_cases.availability import AddWindow, RemoveWindow, TakeVacation
from domain.bookings.use_cases.booking import Book, BookSeries, CancelBooking, Reschedule, slot_page
from domain.bookings.use_cases.reminders import SendBookingReminders, SetReminderOffsets
from domain.bookings.use_cases.sessions import (
    MarkSession,
    booking_view,
    coach_sessions,
    my_bookings,
)
from domain.coaching.use_cases.invites import (
    AcceptInvite,
    BecomeCoach,
    CreateInvite,
    NoCoachError,
    NotACoachError,
)
from storage.outbox.tables import OutboxRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import Words as CoachingWords

SAM, KIM = 101, 102  # coaches: Sam in Berlin, Kim
ALEX, MASHA = 201, 202  # Sam's clients; Alex lives in New York
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)  # Monday 10:30 in Berlin, 04:30 in New York
# Sam: Mondays and Wednesdays 07:00-12:00 Berlin, hour slots, 15 min buffer.
MORNINGS = WindowSpec(
    frozenset({0, 2}), time(7), time(12), timedelta(hours=1), timedelta(minutes=15)
)
WED_0700 = datetime(2026, 3, 4, 6, tzinfo=UTC)  # Wednesday 07:00 CET; 01:00 in New York
WED_0815 = datetime(2026, 3, 4, 7, 15, tzinfo=UTC)


class Words:
    def reminder(self, athlete: User, coach: User, starts: datetime) -> str:
        return f"{athlete.first_name}: {coach.first_name} at {starts:%a %H:%M}"

    def booked(self, coach: User, athlete: User, starts: datetime) -> str:
        return f"{athlete.first_name} booked {starts:%a %H:%M}"

    def moved(self, coach: User, athlete: User, was: datetime, starts: datetime) -> str:
        return f"{athlete.first_name} moved {was:%a %H:%M} to {starts:%a %H:%M}"

    def cancelled(self, recipient: User, other: User, starts: datetime) -> str:
        return f"{other.first_name} cancelled {starts:%a %H:%M}"


WORDS = Words()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def uow(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> SqlUnitOfWork:
    work = SqlUnitOfWork(session_factory, clock)
    for user_id, name in ((SAM, "Sam"), (KIM, "Kim"), (ALEX, "Alex"), (MASHA, "Masha")):
        await RegisterUser(work, clock)(Profile(user_id, name, language_code="en"))
    await set_zone(work, SAM, "Europe/Berlin")
    await set_zone(work, ALEX, "America/New_York")
    await set_zone(work, MASHA, "Europe/Berlin")
    for coach in (SAM, KIM):
        await BecomeCoach(work, clock)(coach)
    _, payload = await CreateInvite(work, clock)(SAM, multi_use=True)
    for athlete in (ALEX, MASHA):
        await AcceptInvite(work, clock, CoachingWords())(payload, athlete)
    await AddWindow(work)(SAM, MORNINGS)
    return work


async def set_zone(uow: SqlUnitOfWork, user_id: int, zone: str) -> None:
    async with uow:
        user = await uow.users.get(user_id)
        assert user is not None
        await uow.users.update(replace(user, time_zone=zone))
        await uow.commit()


async def outbox(session_factory: async_sessionmaker[AsyncSession]) -> list[OutboxRow]:
    async with session_factory() as session:
        return list(await session.scalars(select(OutboxRow).order_by(OutboxRow.id)))


async def test_the_athlete_pages_through_the_coach_s_slots_on_their_own_calendar(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    # Today (Monday) in New York: Sam's Monday slots 07:00..10:45 Berlin are 01:00..04:45 in
    # New York, all before now (04:30 NY) but the 10:45 one (04:45 NY). Tuesday in New York
    # has none from Monday and Wednesday's from 01:00 NY, which is Wednesday, not Tuesday.
    today = await slot_page(uow, clock, ALEX, 0)
    tuesday = await slot_page(uow, clock, ALEX, 1)
    wednesday = await slot_page(uow, clock, ALEX, 2)

    assert today.day == date(2026, 3, 2)
    assert [s.starts_at for s in today.slots] == [datetime(2026, 3, 2, 9, 45, tzinfo=UTC)]
    assert tuesday.slots == []
    assert [s.starts_at.astimezone(wednesday.athlete_zone).time() for s in wednesday.slots] == [
        time(1),
        time(2, 15),
        time(3, 30),
        time(4, 45),
    ]


async def test_a_booked_slot_is_gone_for_others_and_a_second_tap_is_the_same_booking(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    book = Book(uow, clock, WORDS)
    first = await book(ALEX, WED_0700)
    again = await book(ALEX, WED_0700)

    with pytest.raises(SlotTakenError):
        await book(MASHA, WED_0700)
    page = await slot_page(uow, clock, MASHA, 2)

    assert (first.already, again.already, again.booking.id) == (False, True, first.booking.id)
    assert WED_0700 not in [s.starts_at for s in page.slots]
    told = [r for r in await outbox(session_factory) if r.idempotency_key.startswith("booking-")]
    assert [(r.chat_id, r.text) for r in told] == [(SAM, "Alex booked Wed 07:00")]


@pytest.mark.parametrize("taps", [50])
async def test_fifty_athletes_tapping_the_same_slot_at_once_make_exactly_one_booking(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock, taps: int
) -> None:
    work = SqlUnitOfWork(session_factory, clock)
    await RegisterUser(work, clock)(Profile(SAM, "Sam"))
    await set_zone(work, SAM, "Europe/Berlin")
    await BecomeCoach(work, clock)(SAM)
    _, payload = await CreateInvite(work, clock)(SAM, multi_use=True)
    athletes = [1000 + n for n in range(taps)]
    for athlete in athletes:
        await RegisterUser(work, clock)(Profile(athlete, f"A{athlete}"))
        await AcceptInvite(work, clock, CoachingWords())(payload, athlete)
    await AddWindow(work)(SAM, MORNINGS)

    async def tap(athlete: int) -> str:
        try:
            await Book(SqlUnitOfWork(session_factory, clock), clock, WORDS)(athlete, WED_0700)
        except SlotTakenError:
            return "just taken"
        return "booked"

    outcomes = await asyncio.gather(*(tap(athlete) for athlete in athletes))
    async with work:
        held = await work.bookings.of_coach(SAM, WED_0700, WED_0700 + timedelta(minutes=1))

    assert sorted(outcomes) == ["booked"] + ["just taken"] * (taps - 1)
    assert len(held) == 1


async def test_a_group_slot_takes_its_capacity_of_simultaneous_taps_each_in_its_own_seat(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await AddWindow(uow)(
        SAM,
        WindowSpec(frozenset({3}), time(18), time(19), timedelta(hours=1), capacity=2, price=250),
    )
    thursday_18 = datetime(2026, 3, 5, 17, tzinfo=UTC)
    _, payload = await CreateInvite(uow, clock)(SAM, multi_use=True)
    others = [300 + n for n in range(3)]
    for athlete in others:
        await RegisterUser(uow, clock)(Profile(athlete, f"A{athlete}"))
        await AcceptInvite(uow, clock, CoachingWords())(payload, athlete)

    async def tap(athlete: int) -> int:
        try:
            booked = await Book(SqlUnitOfWork(session_factory, clock), clock, WORDS)(
                athlete, thursday_18
            )
        except SlotTakenError:
            return 0
        return booked.booking.seat

    seats = await asyncio.gather(*(tap(a) for a in [ALEX, MASHA, *others]))
    async with uow:
        held = await uow.bookings.of_coach(SAM, thursday_18, thursday_18 + timedelta(minutes=1))

    assert sorted(seats) == [0, 0, 0, 1, 2]
    assert {(b.capacity, b.price) for b in held} == {(2, 250)}


async def test_a_start_that_is_no_slot_of_the_coach_s_is_refused(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    book = Book(uow, clock, WORDS)
    with pytest.raises(NoSuchSlotError):
        await book(ALEX, WED_0700 + timedelta(minutes=30))  # between slots
    with pytest.raises(NoSuchSlotError):
        await book(ALEX, datetime(2026, 3, 2, 6, tzinfo=UTC))  # Monday 07:00: past
    with pytest.raises(NoCoachError):
        await book(KIM, WED_0700)  # Kim has no coach


async def test_cancelling_frees_the_slot_tells_the_coach_and_withdraws_queued_reminders(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    booked = (await Book(uow, clock, WORDS)(MASHA, WED_0700)).booking
    clock.current = WED_0700 - timedelta(hours=23)  # the day-before reminder is due
    assert await SendBookingReminders(uow, clock, WORDS)() == 1

    await CancelBooking(uow, clock, WORDS)(MASHA, booked.id or 0)
    page = await slot_page(uow, clock, MASHA, 1)

    assert WED_0700 in [s.starts_at for s in page.slots]
    rows = {r.idempotency_key: (r.state, r.text) for r in await outbox(session_factory)}
    assert rows[f"booking-reminder:{booked.id}:1440"][0] == "cancelled"
    assert rows[f"booking-cancelled:{booked.id}"] == ("queued", "Masha cancelled Wed 07:00")


async def test_reminders_come_once_per_booking_and_offset_as_the_athlete_chose(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    alex = (await Book(uow, clock, WORDS)(ALEX, WED_0700)).booking
    masha = (await Book(uow, clock, WORDS)(MASHA, WED_0815)).booking
    await SetReminderOffsets(uow)(MASHA, (timedelta(hours=2),))
    send = SendBookingReminders(uow, clock, WORDS)

    clock.current = WED_0700 - timedelta(hours=24)
    day_before = await send() + await send()
    clock.current = WED_0700 - timedelta(hours=1)
    hour_before = await send()
    clock.current = WED_0815 - timedelta(hours=2)
    two_hours = await send()

    assert (day_before, hour_before, two_hours) == (1, 1, 1)
    reminders = [
        (r.idempotency_key, r.chat_id, r.text, r.expires_at)
        for r in await outbox(session_factory)
        if r.idempotency_key.startswith("booking-reminder:")
    ]
    assert reminders == [
        (f"booking-reminder:{alex.id}:1440", ALEX, "Alex: Sam at Wed 01:00", WED_0700),
        (f"booking-reminder:{alex.id}:60", ALEX, "Alex: Sam at Wed 01:00", WED_0700),
        (f"booking-reminder:{masha.id}:120", MASHA, "Masha: Sam at Wed 08:15", WED_0815),
    ]


async def test_the_coach_marks_a_session_once_it_has_started_and_only_their_client_s(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    booked = (await Book(uow, clock, WORDS)(ALEX, WED_0700)).booking
    mark = MarkSession(uow, clock)

    confirmed = await mark(SAM, booked.id or 0, BookingStatus.CONFIRMED)
    with pytest.raises(TransitionError):
        await mark(SAM, booked.id or 0, BookingStatus.COMPLETED)  # not yet
    with pytest.raises(NoSuchBookingError):
        await mark(KIM, booked.id or 0, BookingStatus.CONFIRMED)  # not Kim's
    with pytest.raises(NoSuchBookingError):
        await mark(ALEX, booked.id or 0, BookingStatus.CONFIRMED)  # not a coach's tap
    clock.current = WED_0700 + timedelta(minutes=70)
    completed = await mark(SAM, booked.id or 0, BookingStatus.COMPLETED)
    again = await mark(SAM, booked.id or 0, BookingStatus.COMPLETED)
    with pytest.raises(TransitionError):
        await mark(SAM, booked.id or 0, BookingStatus.NO_SHOW)

    assert confirmed.booking.status == BookingStatus.CONFIRMED
    assert (completed.booking.status, completed.sessions_left) == (BookingStatus.COMPLETED, None)
    assert again.booking.status == BookingStatus.COMPLETED


async def test_a_session_held_draws_one_from_the_pack_whether_they_came_or_not(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    async with uow:  # Alex paid for a pack of four with Sam (billing grants it so)
        await uow.balances.add_sessions(ALEX, SAM, 4, NOW, payment_id=None)
        await uow.commit()
    came = (await Book(uow, clock, WORDS)(ALEX, WED_0700)).booking
    missed = (await Book(uow, clock, WORDS)(ALEX, WED_0815)).booking
    unpaid = (await Book(uow, clock, WORDS)(MASHA, datetime(2026, 3, 4, 8, 30, tzinfo=UTC))).booking
    mark = MarkSession(uow, clock)
    clock.current = WED_0815 + timedelta(hours=3)  # all three have started

    first = await mark(SAM, came.id or 0, BookingStatus.COMPLETED)
    second = await mark(SAM, missed.id or 0, BookingStatus.NO_SHOW)
    again = await mark(SAM, came.id or 0, BookingStatus.COMPLETED)  # a redelivered tap
    masha = await mark(SAM, unpaid.id or 0, BookingStatus.COMPLETED)

    assert (first.sessions_left, second.sessions_left, again.sessions_left) == (3, 2, 2)
    assert masha.sessions_left is None  # no pack: nothing to draw from
    async with uow:
        assert await uow.balances.sessions(ALEX, SAM) == 2


async def test_another_coach_sees_no_booking_and_an_athlete_cannot_touch_another_s(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    booked = (await Book(uow, clock, WORDS)(ALEX, WED_0700)).booking

    with pytest.raises(NotACoachError):
        await coach_sessions(uow, clock, ALEX)
    kim = await coach_sessions(uow, clock, KIM)
    sam = await coach_sessions(uow, clock, SAM)
    with pytest.raises(NoSuchBookingError):
        await CancelBooking(uow, clock, WORDS)(MASHA, booked.id or 0)
    with pytest.raises(NoSuchBookingError):
        await booking_view(uow, KIM, booked.id or 0)
    with pytest.raises(NoSuchBookingError):
        await booking_view(uow, MASHA, booked.id or 0)

    assert kim.bookings == []
    assert [(b.athlete_id, sam.names[b.athlete_id]) for b in sam.bookings] == [(ALEX, "Alex")]
    assert (await booking_view(uow, SAM, booked.id or 0)).athlete.first_name == "Alex"


async def test_moving_a_booking_frees_the_old_slot_holds_the_new_one_and_tells_the_coach(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    booked = (await Book(uow, clock, WORDS)(ALEX, WED_0700)).booking

    moved = await Reschedule(uow, clock, WORDS)(ALEX, booked.id or 0, WED_0815)
    with pytest.raises(SlotTakenError):
        await Book(uow, clock, WORDS)(MASHA, WED_0815)
    await Book(uow, clock, WORDS)(MASHA, WED_0700)
    async with uow:
        old = await uow.bookings.get(booked.id or 0)

    assert old is not None
    assert (old.status, old.moved_to) == (BookingStatus.RESCHEDULED, moved.id)
    assert [b.starts_at for b in (await my_bookings(uow, clock, ALEX)).bookings] == [WED_0815]
    told = {r.idempotency_key: (r.chat_id, r.text) for r in await outbox(session_factory)}
    assert told[f"booking-moved:{booked.id}"] == (SAM, "Alex moved Wed 07:00 to Wed 08:15")


async def test_a_weekly_series_books_every_free_occurrence_and_lists_the_rest(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    week_two = WED_0700 + timedelta(weeks=1)
    await Book(uow, clock, WORDS)(MASHA, week_two)  # already Masha's

    series = await BookSeries(uow, clock)(
        ALEX, WED_0700, Frequency.WEEKLY, count=4, exceptions=frozenset({date(2026, 3, 25)})
    )

    # 4, 11 (taken), 18 March and 1 April (25 March is an exception): 07:00 CET is 06:00
    # UTC until Berlin's change on 29 March, 05:00 UTC after it.
    assert [b.starts_at for b in series.booked] == [
        WED_0700,
        datetime(2026, 3, 18, 6, tzinfo=UTC),
        datetime(2026, 4, 1, 5, tzinfo=UTC),
    ]
    assert series.skipped == [week_two]
    assert {b.series_id for b in series.booked} == {series.series_id}


async def test_a_vacation_closes_the_days_and_only_the_coach_removes_their_window(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    shown = await TakeVacation(uow)(SAM, Vacation(date(2026, 3, 3), date(2026, 3, 10)))
    wednesday = await slot_page(uow, clock, MASHA, 2)
    next_wednesday = await slot_page(uow, clock, MASHA, 9)
    window_ids = [w.id or 0 for w in shown.windows]

    with pytest.raises(NoSuchWindowError):
        await RemoveWindow(uow)(KIM, window_ids[0])  # Kim's forged button
    for window_id in window_ids:
        await RemoveWindow(uow)(SAM, window_id)

    assert [(w.valid_from, w.valid_until) for w in shown.windows] == [
        (None, date(2026, 3, 2)),
        (date(2026, 3, 11), None),
    ]
    assert (wednesday.slots, len(next_wednesday.slots)) == ([], 4)
    assert (await slot_page(uow, clock, MASHA, 9)).slots == []


async def test_the_database_itself_refuses_a_second_active_booking_of_a_seat(
    uow: SqlUnitOfWork,
) -> None:
    """Without the use case's look first: the partial unique index is what holds the slot."""
    held = Booking(None, SAM, ALEX, WED_0700, WED_0815, BookingStatus.SCHEDULED, NOW)
    async with uow:
        first = await uow.bookings.add(held)
        second = await uow.bookings.add(replace(held, athlete_id=MASHA))
        assert first is not None
        await uow.bookings.set_status(first.id or 0, BookingStatus.CANCELLED)
        after_cancel = await uow.bookings.add(replace(held, athlete_id=MASHA))
        await uow.commit()

    assert second is None
    assert after_cancel is not None


async def test_a_typed_series_is_read_in_the_athlete_s_time_and_skips_their_dates(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    # Alex types New York time: Wednesday 4 March 01:00 EST is Sam's 07:00 in Berlin. Every
    # other week until 1 April, skipping New York's 18 March: 4 March and 1 April remain;
    # 1 April 07:00 CEST is 05:00 UTC (Berlin changed on 29 March), 01:00 EDT in New York.
    spec = SeriesSpec(
        date(2026, 3, 4),
        time(1),
        Frequency.BIWEEKLY,
        until=date(2026, 4, 1),
        exceptions=frozenset({date(2026, 3, 18)}),
    )

    series = await BookSeries(uow, clock).typed(ALEX, spec)

    assert [b.starts_at for b in series.booked] == [WED_0700, datetime(2026, 4, 1, 5, tzinfo=UTC)]
    assert series.skipped == []
