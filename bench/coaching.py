"""A coach with 200 clients, each with a year of nSuns: /clients and a client's card, server side.

On SQLite, seeded through the repositories: one coach, `--clients` clients who each accepted an
invite a year ago and trained nSuns 4-day since (a_year_of_training, a different seed each),
with `--metcons` conditioning results a week (Fran; Tuesday evening after lifting, Saturday
morning on a rest day), which count as sessions (#12).
Timed in this process, as the handler runs them: the /clients list (the use case and its text)
and opening a client's card (use case, exercise names, text), p50 and p99 over the runs.
The baseline, measured in the same run on the same database, is the cheapest read an update
makes: /start's registration of a known user. Targets: /clients and a card p99 ≤ 50 ms.

Then the Sunday evening: the coach's digest of every client's week is built (timed against
its baseline, the clients' own weekly summaries worked out one by one, which the reminders job
does anyway), and the digest's parts go out with each client's summary through the real
outbox sender to an emulator that enforces Telegram's flood limits. Target: 0 violations, every
message delivered once, in at most 1.1 × the time the sender's overall rate allows (30/s less
its 5% headroom).

`python -m bench.coaching [--clients 200] [--runs 40] [--metcons 2]`
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.outbox_buttons import OutboxButtons
from domain.athletes.model import Language, Profile, User
from domain.athletes.use_cases.registration import RegisterUser
from domain.coaching.model import Coaching
from domain.coaching.use_cases.clients import client_card, clients_overview
from domain.coaching.use_cases.weekly import DIGEST_AT, WeeklyDigests
from domain.conditioning.library import benchmark
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.scores import parse_score
from domain.outbox.activity import InactiveChats
from domain.outbox.model import OutgoingMessage
from domain.plans.use_cases.exercises import exercise_names
from domain.plans.use_cases.install import install_builtin_programs
from domain.progress.use_cases.weekly_summary import SummariseWeek
from domain.reminders.use_cases.summaries import FixedTime
from emulator import BotApiEmulator
from handlers.checkins.checkin import CheckInButtons
from handlers.coaching import texts
from handlers.coaching.buttons import CoachingButtons
from handlers.coaching.clients import clients_page
from handlers.common.i18n import Catalogue
from handlers.reminders.buttons import ReminderButtons
from handlers.teams.classes import ClassButtons
from sandbox.history import PLAN, a_year_of_training
from scheduler.delivery.limits import DeliveryLimits
from scheduler.delivery.sender import DeliverySettings, Sender
from scheduler.delivery.transport import BotTransport
from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import upgrade_to_head
from storage.outbox.outbox import OutboxQueue
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

COACH, FIRST_CLIENT = 9_000, 100_000
TARGET_P99_MS = 50.0
TOKEN = "777002:bench-token_coaching0123456789"
GLOBAL_RATE = 30  # messages a second, Telegram's overall limit
FLOOD_TARGET = 1.1
NOW = datetime.now(UTC).replace(microsecond=0)
METCONS = (  # from Monday 00:00 UTC; the clients live in Berlin and lift Mon, Tue, Thu, Fri
    timedelta(days=1, hours=20, minutes=30),
    timedelta(days=5, hours=10),
)


async def seed(uow: SqlUnitOfWork, clients: int, metcons: int) -> None:
    await install_builtin_programs(uow)
    start = NOW - timedelta(days=366)
    async with uow:
        await uow.users.add(User(COACH, "Coach", None, None, Language.EN, "UTC", start))
        await uow.coaches.add(COACH, start)
        await uow.commit()
    for n in range(clients):
        athlete = FIRST_CLIENT + n
        year = a_year_of_training(athlete, NOW.date(), seed=n)
        async with uow:
            joined = year.workouts[0].started_at - timedelta(days=1)
            await uow.users.add(
                User(athlete, f"Client {n}", None, None, Language.EN, "Europe/Berlin", joined)
            )
            await uow.athlete_plans.start(athlete, PLAN, joined)
            await uow.coachings.add(Coaching(None, COACH, athlete, joined))
            for history in year.training_maxes.values():
                for entry in history:
                    await uow.training_maxes.add(athlete, entry)
            for workout in year.workouts:
                await uow.workouts.add(workout)
            await conditioning(uow, athlete, joined, metcons)
            await uow.commit()


async def conditioning(uow: SqlUnitOfWork, athlete: int, joined: datetime, metcons: int) -> None:
    """Fran `metcons` times a week since the athlete joined."""
    fran = benchmark("Fran")
    if fran is None or not metcons:
        return
    saved = await uow.conditioning.add_workout(
        SavedWorkout(None, athlete, WorkoutSource.BENCHMARK, fran, joined)
    )
    score = parse_score(fran.scheme, "4:22")
    first = joined.date() - timedelta(days=joined.weekday())
    monday = datetime(first.year, first.month, first.day, tzinfo=UTC)
    while monday < NOW:
        for offset in METCONS[:metcons]:
            if joined < monday + offset < NOW:
                await uow.conditioning.add_result(
                    LoggedResult(None, athlete, saved.id or 0, score, True, monday + offset)
                )
        monday += timedelta(weeks=1)


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[98] * 1000


async def timed(runs: int, work: Callable[[int], Awaitable[object]]) -> list[float]:
    spent = []
    for run in range(runs):
        started = time.perf_counter()
        await work(run)
        spent.append(time.perf_counter() - started)
    return spent


async def measure(
    clients: int, runs: int, database: Path, *, metcons: int, seeded: bool = False
) -> None:
    url = f"sqlite:///{database}"
    await upgrade_to_head(url)
    engine = create_engine(url)
    clock = FixedClock(NOW)
    factory = create_session_factory(engine)
    uow = SqlUnitOfWork(factory, clock)
    if not seeded:
        started = time.perf_counter()
        await seed(uow, clients, metcons)
        spent = time.perf_counter() - started
        print(
            f"seeded {clients} clients with a year of nSuns and {metcons} metcons a week "
            f"in {spent:.0f} s",
            flush=True,
        )
    t = Catalogue.load().translator(Language.EN)

    async def register(run: int) -> None:
        await RegisterUser(uow, clock)(
            Profile(FIRST_CLIENT + run % clients, f"Client {run % clients}")
        )

    async def show_clients(run: int) -> None:
        lines = await clients_overview(uow, COACH, NOW)
        if len(lines) != clients:
            raise RuntimeError(f"/clients counted {len(lines)} of {clients} clients")
        clients_page(t, lines, 0, NOW)  # what the handler sends: the first page

    async def open_card(run: int) -> None:
        card = await client_card(uow, COACH, FIRST_CLIENT + run % clients, NOW)
        texts.card_text(t, card, await exercise_names(uow), NOW.date())

    if seeded:  # the digest goes once a week: a database it went out from has nothing to say
        print("Sunday evening: skipped on a reused database (it sends once a week)")
    else:
        await sunday_evening(factory, clients)
    await timed(3, register)  # warm the caches and the plan parser
    await timed(2, show_clients)
    baseline = await timed(runs, register)
    listing = await timed(runs, show_clients)
    cards = await timed(runs, open_card)
    await engine.dispose()

    base50, base99 = percentiles(baseline)
    print(f"\n{'server time':<34} {'p50 ms':>8} {'p99 ms':>8} {'× baseline p50':>15}")
    print(f"{'baseline: /start, known user':<34} {base50:8.2f} {base99:8.2f} {1:15.1f}")
    for label, samples in (
        (f"/clients, {clients} clients", listing),
        ("open a client's card", cards),
    ):
        p50, p99 = percentiles(samples)
        verdict = "met" if p99 <= TARGET_P99_MS else "MISSED"
        print(f"{label:<34} {p50:8.2f} {p99:8.2f} {p50 / base50:15.1f}   p99 target {verdict}")


async def sunday_evening(factory: async_sessionmaker[AsyncSession], clients: int) -> None:
    last_sunday = NOW.date() - timedelta(days=(NOW.weekday() + 1) % 7)
    evening = datetime.combine(last_sunday, DIGEST_AT, tzinfo=UTC)  # the coach lives in UTC
    clock = FixedClock(evening)
    work = SqlUnitOfWork(factory, clock)
    wording = texts.CoachingWords(Catalogue.load())
    started = time.perf_counter()
    for n in range(clients):
        ends = FixedTime(evening)
        await SummariseWeek(SqlUnitOfWork(factory, ends), ends)(FIRST_CLIENT + n)
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    if await WeeklyDigests(work, clock, wording)() != 1:
        raise RuntimeError("the coach got no Sunday digest")
    built = time.perf_counter() - started
    async with work:
        await work.outbox.add_all(
            [
                OutgoingMessage(f"bench-summary:{n}", FIRST_CLIENT + n, evening, f"week {n}")
                for n in range(clients)
            ]
        )
        await work.commit()
    delivered, seconds, violations, parts = await deliver(factory, clock, clients)
    # the sender leaves DeliveryLimits' headroom of each limit unused, on purpose
    floor = delivered / (GLOBAL_RATE * (1 - DeliveryLimits().headroom))
    print(f"\nSunday digest of {clients} clients: built in {built:.2f} s, ", end="")
    print(f"{built / baseline:.2f} × their {clients} summaries ({baseline:.2f} s); {parts} parts")
    verdict = "met" if not violations and seconds <= FLOOD_TARGET * floor else "MISSED"
    print(
        f"delivered with the clients' summaries: {delivered} messages in {seconds:.1f} s, "
        f"{seconds / floor:.2f} × the floor its rate allows, {violations} flood-limit "
        f"violations   target {verdict}"
    )


async def deliver(
    factory: async_sessionmaker[AsyncSession], clock: FixedClock, clients: int
) -> tuple[int, float, int, int]:
    """Drains the outbox into a flood-limited emulator: (messages, seconds, violations, parts)."""
    async with BotApiEmulator(token=TOKEN, bot_username="spotter_bench_bot") as emulator:
        emulator.enforce_flood_limits(global_per_second=GLOBAL_RATE)
        coach = emulator.user(COACH, first_name="Coach")
        coach.allow_messages()
        people = [coach] + [emulator.user(FIRST_CLIENT + n) for n in range(clients)]
        for person in people[1:]:
            person.allow_messages()
        bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url)))
        catalogue = Catalogue.load()
        markup = OutboxButtons(
            catalogue,
            [
                ReminderButtons(catalogue),
                CoachingButtons(catalogue),
                ClassButtons(catalogue),
                CheckInButtons(catalogue),
            ],
        )
        limits = DeliveryLimits(global_per_second=GLOBAL_RATE)
        sender = Sender(
            OutboxQueue(factory),
            BotTransport(bot, markup),
            clock,
            InactiveChats(),
            settings=DeliverySettings(limits=limits, poll_seconds=0.2),
        )
        expected = clients + 1
        started = time.perf_counter()
        sender.start()
        try:
            await emulator.wait_until(
                lambda: sum(len(p.chat.bot_messages) for p in people) >= expected,
                timeout=expected,
                what="the Sunday messages",
            )
            seconds = time.perf_counter() - started
            await asyncio.sleep(1.0)  # anything sent twice would show now
        finally:
            await sender.stop()
            await bot.session.close()
        delivered = sum(len(p.chat.bot_messages) for p in people)
        parts = len(coach.chat.bot_messages)
        if delivered != clients + parts:
            raise RuntimeError(f"{delivered} messages arrived for {clients} + {parts}")
        return delivered, seconds, len(emulator.flood_violations), parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--metcons", type=int, default=2, choices=range(len(METCONS) + 1))
    parser.add_argument("--database", type=Path, help="keep the seeded database here, reuse it")
    args = parser.parse_args()
    if args.database:
        seeded = args.database.exists()
        asyncio.run(
            measure(args.clients, args.runs, args.database, metcons=args.metcons, seeded=seeded)
        )
        return
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "coaching.db"
        asyncio.run(measure(args.clients, args.runs, database, metcons=args.metcons))


if __name__ == "__main__":
    main()
