"""A coach with 200 clients, each with a year of nSuns: /clients and a client's card, server side.

On SQLite, seeded through the repositories: one coach, `--clients` clients who each accepted an
invite a year ago and trained nSuns 4-day since (a_year_of_training, a different seed each).
Timed in this process, as the handler runs them: the /clients list (the use case and its text)
and opening a client's card (use case, exercise names, text), p50 and p99 over the runs.
The baseline, measured in the same run on the same database, is the cheapest read an update
makes: /start's registration of a known user. Targets: /clients and a card p99 ≤ 50 ms.

`python -m bench.coaching [--clients 200] [--runs 40]`
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

from domain.athletes.model import Language, Profile, User
from domain.athletes.use_cases.registration import RegisterUser
from domain.coaching.model import Coaching
from domain.coaching.use_cases.clients import client_card, clients_overview
from domain.plans.use_cases.exercises import exercise_names
from domain.plans.use_cases.install import install_builtin_programs
from handlers.coaching import texts
from handlers.coaching.clients import clients_page
from handlers.common.i18n import Catalogue
from sandbox.history import PLAN, a_year_of_training
from storage.core.engine import create_engine, create_session_factory
from storage.core.migrate import upgrade_to_head
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

COACH, FIRST_CLIENT = 9_000, 100_000
TARGET_P99_MS = 50.0
NOW = datetime.now(UTC).replace(microsecond=0)


async def seed(uow: SqlUnitOfWork, clients: int) -> None:
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
            await uow.commit()


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


async def measure(clients: int, runs: int, database: Path, *, seeded: bool = False) -> None:
    url = f"sqlite:///{database}"
    await upgrade_to_head(url)
    engine = create_engine(url)
    clock = FixedClock(NOW)
    uow = SqlUnitOfWork(create_session_factory(engine), clock)
    if not seeded:
        started = time.perf_counter()
        await seed(uow, clients)
        spent = time.perf_counter() - started
        print(f"seeded {clients} clients with a year of nSuns in {spent:.0f} s", flush=True)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--database", type=Path, help="keep the seeded database here, reuse it")
    args = parser.parse_args()
    if args.database:
        seeded = args.database.exists()
        asyncio.run(measure(args.clients, args.runs, args.database, seeded=seeded))
        return
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(measure(args.clients, args.runs, Path(folder) / "coaching.db"))


if __name__ == "__main__":
    main()
