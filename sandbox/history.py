"""A realistic stretch of nSuns training: the sandbox's demo athlete, chart tests and benches."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from domain.plans.model import Tier
from domain.plans.rules.reasons import SET_BY_HAND, Reason, ReasonKind
from domain.shared.weights import Unit, Weight
from domain.training.model import (
    DoneSet,
    LoggedSet,
    PrescribedSet,
    TrainingMax,
    Workout,
    WorkoutSet,
)

PLAN = "nsuns-4day"
T1 = {  # TRAINING.md: percent of TM and reps; the 95% set is the 1+ that drives progression
    "volume": ((65, 8), (75, 6), (85, 4), (85, 4), (85, 4), (80, 5), (75, 6), (70, 7), (65, 8)),
    "531": ((75, 5), (85, 3), (95, 1), (90, 3), (85, 3), (80, 3), (75, 5), (70, 5), (65, 5)),
}
T2 = ((50, 6), (60, 5), (70, 3), (70, 5), (70, 7), (70, 4), (70, 6), (70, 8))
DAYS = (  # weekday, name, T1 lift, its kind, T2 lift, the TM it uses
    (0, "Bench volume, OHP", "bench", "volume", "ohp", "ohp"),
    (1, "Squat, sumo deadlift", "squat", "531", "sumo_deadlift", "deadlift"),
    (3, "Bench 5/3/1, close-grip bench", "bench", "531", "close_grip_bench", "bench"),
    (4, "Deadlift, front squat", "deadlift", "531", "front_squat", "squat"),
)
START_TMS = {"bench": 90, "squat": 120, "deadlift": 150, "ohp": 55}
UPPER = {"bench", "ohp"}


@dataclass(frozen=True)
class SampleYear:
    workouts: list[Workout]
    training_maxes: dict[str, list[TrainingMax]]

    @property
    def sets(self) -> list[LoggedSet]:
        return [
            LoggedSet(
                w.id or n,
                w.started_at,
                s.prescribed.exercise,
                s.done.weight,
                s.done.reps,
                s.done.logged_at,
            )
            for n, w in enumerate(self.workouts, 1)
            for s in w.sets
            if s.done is not None
        ]


def a_year_of_training(
    athlete_id: int, today: date, *, seed: int = 5, attendance: float = 0.85, weeks: int = 52
) -> SampleYear:
    """nSuns 4-day from `weeks` weeks ago to yesterday: missed days, stalls and PRs included."""
    rng = random.Random(seed)  # noqa: S311 - sample data, not a secret
    start = today - timedelta(weeks=weeks)
    start -= timedelta(days=start.weekday())
    tms = {lift: Decimal(kg) for lift, kg in START_TMS.items()}
    strength = {lift: Decimal(kg) / Decimal("0.9") for lift, kg in START_TMS.items()}
    history = {
        lift: [TrainingMax(lift, Weight(tm, Unit.KG), _at(start, 8), SET_BY_HAND)]
        for lift, tm in tms.items()
    }
    workouts: list[Workout] = []
    for week in range(weeks + 1):
        holiday = rng.random() < 0.06
        for weekday, name, t1, kind, t2, t2_tm in DAYS:
            day = start + timedelta(weeks=week, days=weekday)
            if day >= today or holiday or rng.random() > attendance:
                continue
            began = _at(day, 17 + rng.random() * 2)
            sets: list[WorkoutSet] = []
            amrap_reps = 0
            for order, (lift, tm_of, scheme, tier) in enumerate(
                ((t1, t1, T1[kind], Tier.T1), (t2, t2_tm, T2, Tier.T2))
            ):
                for number, (percent, reps) in enumerate(scheme, 1):
                    weight = (tms[tm_of] * percent / 100 / Decimal("2.5")).quantize(1) * Decimal(
                        "2.5"
                    )
                    done_reps = reps
                    if tier == Tier.T1 and percent == 95:  # the 1+ set: reps from true strength
                        done_reps = max(
                            1, int((strength[lift] / weight - 1) * 30) + rng.choice((-1, 0, 0, 1))
                        )
                        amrap_reps = done_reps
                    position = len(sets)
                    sets.append(
                        WorkoutSet(
                            PrescribedSet(
                                position,
                                order,
                                tier,
                                lift,
                                tm_of,
                                lift.title(),
                                number,
                                len(scheme),
                                Weight(weight, Unit.KG),
                                reps,
                                tier == Tier.T1 and number in {3, 9},
                                percent == 95,
                            ),
                            DoneSet(
                                Weight(weight, Unit.KG),
                                done_reps,
                                began + timedelta(minutes=3 * position + 5),
                            ),
                        )
                    )
            finished = began + timedelta(minutes=3 * len(sets) + 10)
            workouts.append(
                Workout(
                    None,
                    athlete_id,
                    PLAN,
                    DAYS.index((weekday, name, t1, kind, t2, t2_tm)) + 1,
                    name,
                    began,
                    tuple(sets),
                    finished,
                )
            )
            if kind == "531":
                increment = _increment(amrap_reps, upper=t1 in UPPER)
                if increment:
                    tms[t1] += increment
                    history[t1].append(
                        TrainingMax(
                            t1, Weight(tms[t1], Unit.KG), finished, _amrap(increment, amrap_reps)
                        )
                    )
            for lift in strength:  # getting stronger, slower as the year goes on
                strength[lift] += Decimal(str(round(rng.uniform(-0.1, 0.45) * (1 - week / 90), 2)))
        if week == 30:  # a stall: the athlete resets bench
            tms["bench"] -= Decimal(10)
            history["bench"].append(
                TrainingMax("bench", Weight(tms["bench"], Unit.KG), _at(day, 20), SET_BY_HAND)
            )
    return SampleYear(workouts, history)


def _increment(reps: int, *, upper: bool) -> Decimal:
    if reps <= 1:
        return Decimal(0)
    if reps <= 3:
        return Decimal("2.5")
    if reps <= 5:
        return Decimal("2.5") if upper else Decimal(5)
    return Decimal(5) if upper else Decimal("7.5")


def _at(day: date, hour: float) -> datetime:
    return datetime.combine(day, time(), UTC) + timedelta(hours=hour)


def _amrap(increment: Decimal, reps: int) -> Reason:
    return Reason.of(ReasonKind.AMRAP_TABLE, increment=Weight(increment, Unit.KG), reps=reps)
