"""The weekly check-in on each backend: asked once a week at local time, answered by buttons,
seen on the client card by the current coach only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from domain.athletes.model import User
from domain.athletes.use_cases.registration import SetTimeZone
from domain.checkins.model import Question
from domain.checkins.use_cases.checkins import (
    AnswerCheckIn,
    BadAnswerError,
    NotAllowedError,
    SendCheckIns,
    SetCheckInDay,
    UnknownCheckInError,
)
from domain.coaching.use_cases.clients import client_card
from domain.coaching.use_cases.digest import digest_lines
from domain.coaching.use_cases.invites import NotYourClientError
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, SAM, accept, invite

SUNDAY = 6
ANSWERS = {"sleep": 4, "energy": 3, "stress": 4, "soreness": 2, "mood": 5}  # readiness 65


class Asking:
    def question(self, athlete: User, question: Question) -> str:
        return f"{athlete.first_name}: {question}?"


async def queued(uow: SqlUnitOfWork) -> list[tuple[str, str]]:
    async with uow:
        session = uow._active_session
        rows = await session.execute(
            text("SELECT idempotency_key, buttons FROM outbox ORDER BY idempotency_key")
        )
        return [(key, buttons) for key, buttons in rows]


async def check_in_id(uow: SqlUnitOfWork) -> int:
    async with uow:
        session = uow._active_session
        return int(await session.scalar(text("SELECT id FROM checkins")) or 0)


async def test_the_check_in_comes_at_nine_berlin_time_once_that_week(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await SetTimeZone(uow)(ALEX, "Europe/Berlin")
    await SetCheckInDay(uow)(ALEX, ALEX, SUNDAY)
    send = SendCheckIns(uow, clock, Asking())
    clock.current = datetime(2026, 3, 22, 20, 1, tzinfo=UTC)  # 12 h past last week's 08:00 UTC
    assert await send() == 0
    clock.current = datetime(2026, 3, 29, 6, 59, tzinfo=UTC)  # 08:59 CEST, the day DST began
    assert await send() == 0
    clock.current = datetime(2026, 3, 29, 7, 0, tzinfo=UTC)  # 09:00 CEST
    assert await send() == 1
    clock.current += timedelta(minutes=1)
    assert await send() == 0
    [(key, buttons)] = await queued(uow)
    assert key == f"checkin:{ALEX}:2026-W13"
    assert buttons.count('"checkin_answer"') == 5


async def test_answers_make_readiness_re_taps_change_nothing_and_forgeries_are_refused(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await SetCheckInDay(uow)(ALEX, ALEX, clock.now().weekday())
    assert await SendCheckIns(uow, clock, Asking())() == 1
    check_in = await check_in_id(uow)
    answer = AnswerCheckIn(uow, clock)
    with pytest.raises(UnknownCheckInError):
        await answer(MASHA, check_in, "sleep", 1)
    with pytest.raises(BadAnswerError):
        await answer(ALEX, check_in, "sleep", 6)
    with pytest.raises(BadAnswerError):
        await answer(ALEX, check_in, "appetite", 3)
    for question, value in ANSWERS.items():
        done = await answer(ALEX, check_in, question, value)
        again = await answer(ALEX, check_in, question, value)
        assert again == done
    assert done.completed_at is not None
    late = await answer(ALEX, check_in, "sleep", 1)  # a stale button after the last answer
    assert late.answers[Question.SLEEP] == 4

    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    card = await client_card(uow, SAM, ALEX, clock.now())
    assert [c.answers for c in card.check_ins] == [done.answers]
    with pytest.raises(NotYourClientError):
        await client_card(uow, KIM, ALEX, clock.now())


async def test_the_coach_may_choose_the_day_and_another_coach_may_not(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    day = await SetCheckInDay(uow)(SAM, ALEX, 2)
    assert day.weekday == 2
    with pytest.raises(NotAllowedError):
        await SetCheckInDay(uow)(KIM, ALEX, 3)
    with pytest.raises(NotAllowedError):
        await SetCheckInDay(uow)(ALEX, MASHA, 3)
    off = await SetCheckInDay(uow)(ALEX, ALEX, None)
    assert off.weekday is None
    assert await SendCheckIns(uow, clock, Asking())() == 0


async def test_a_low_check_in_puts_the_client_in_their_coachs_morning_digest_only(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await SetCheckInDay(uow)(SAM, ALEX, clock.now().weekday())
    assert await SendCheckIns(uow, clock, Asking())() == 1
    check_in = await check_in_id(uow)
    low = {"sleep": 2, "energy": 2, "stress": 4, "soreness": 4, "mood": 3}  # 6 points: 30
    for question, value in low.items():
        await AnswerCheckIn(uow, clock)(ALEX, check_in, question, value)
    [line] = await digest_lines(uow, SAM, clock.now())
    assert (line.client.telegram_id, line.low_readiness) == (ALEX, 30)
    assert await digest_lines(uow, KIM, clock.now()) == []
