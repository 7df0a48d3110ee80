"""Golden days for every shipped program, at two training maxes, in kg and in lb.

The expected sets are TRAINING.md's tables typed in below (not read from the plan files), each
load TM × percent rounded half-up to 2.5 kg or 5 lb by the few lines of `nearest`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal

import pytest

from bench.sample_training import builtin_plan
from domain.plans.library import builtin_plans, load_exercises
from domain.plans.model import Tier
from domain.plans.text.parse import parse_plan_text
from domain.shared.weights import Rounding, Unit, Weight
from domain.training.model import PrescribedSet
from domain.training.prescription import prescribe_day

STEP = {Unit.KG: Decimal("2.5"), Unit.LB: Decimal(5)}
# (exercise, weight, reps, amrap, drives progression, optional)
Row = tuple[str, Decimal, int, bool, bool, bool]
Tms = dict[str, Weight]
Golden = Callable[[Tms], dict[int, list[Row]]]
LinearDays = Mapping[int, tuple[tuple[str, int, int], ...]]


def tms(unit: Unit, **amounts: str) -> Tms:
    return {slug: Weight(Decimal(amount), unit) for slug, amount in amounts.items()}


TMS = {
    # ties on 2.5 kg: bench 105 × 75% = 78.75 → 80; squat 145 × 65% = 94.25 → 95
    "kg-a": tms(Unit.KG, bench="105", squat="145", deadlift="180", ohp="62.5"),
    # TMs a few cycles leave behind, off the step: bench 82.5, squat 131, ohp 47.5
    "kg-b": tms(Unit.KG, bench="82.5", squat="131", deadlift="187.5", ohp="47.5"),
    # ties on 5 lb: bench 225 × 70% = 157.5 → 160; squat 190 × 75% = 142.5 → 145
    "lb-a": tms(Unit.LB, bench="225", squat="190", deadlift="405", ohp="135"),
    "lb-b": tms(Unit.LB, bench="185", squat="275", deadlift="345", ohp="105"),
}


def nearest(training_max: Weight, percent: Decimal) -> Decimal:
    """TM × percent to the nearest step, a tie going up (TRAINING.md)."""
    step = STEP[training_max.unit]
    steps = training_max.amount * percent / 100 / step
    return steps.to_integral_value(rounding=ROUND_HALF_UP) * step


def percent_sets(exercise: str, training_max: Weight, table: str) -> list[Row]:
    """ "75x5 95x1+! 90x3" of the TM: + for AMRAP, ! for the set that drives progression."""
    rows: list[Row] = []
    for item in table.split():
        percent, reps = item.split("x")
        count = reps.rstrip("+!")
        rows.append(
            (
                exercise,
                nearest(training_max, Decimal(percent)),
                int(count),
                "+" in reps,
                reps.endswith("!"),
                False,
            )
        )
    return rows


def fixed_sets(exercise: str, weight: Decimal, sets: int, reps: int) -> list[Row]:
    return [(exercise, weight, reps, False, False, False)] * sets


def rows(prescribed: tuple[PrescribedSet, ...]) -> list[Row]:
    return [
        (s.exercise, s.weight.amount, s.reps, s.amrap, s.drives_progression, s.optional)
        for s in prescribed
    ]


def prescribed(slug: str, day: int, maxes: Tms, unit: Unit) -> tuple[PrescribedSet, ...]:
    result = prescribe_day(
        builtin_plan(slug), day, maxes, unit=unit, step=STEP[unit], rounding=Rounding.NEAREST
    )
    assert {s.weight.unit for s in result} == {unit}
    return result


# --- nSuns (TRAINING.md, "nSuns 5/3/1 LP — 4-day") ---------------------------------------------

BENCH_VOLUME = "65x8 75x6 85x4 85x4 85x4 80x5 75x6 70x7 65x8+"
SQUAT_OHP = "75x5 85x3 95x1+! 90x3 85x3 80x3 75x5 70x5 65x5+"
BENCH_531 = "75x5 85x3 95x1+! 90x3 85x5 80x3 75x5 70x3 65x5+"
DEADLIFT = "75x5 85x3 95x1+! 90x3 85x3 80x3 75x3 70x3 65x3+"
OHP_T2 = "50x6 60x5 70x3 70x5 70x7 70x4 70x6 70x8"
SUMO_T2 = "50x5 60x5 70x3 70x5 70x7 70x4 70x6 70x8"
CLOSE_GRIP_T2 = "40x6 50x5 60x3 60x5 60x7 60x4 60x6 60x8"
FRONT_SQUAT_T2 = "35x5 45x5 55x3 55x5 55x7 55x4 55x6 55x8"


def nsuns_4day(tm: Tms) -> dict[int, list[Row]]:
    return {
        1: percent_sets("bench", tm["bench"], BENCH_VOLUME)
        + percent_sets("ohp", tm["ohp"], OHP_T2),
        2: percent_sets("squat", tm["squat"], SQUAT_OHP)
        + percent_sets("sumo_deadlift", tm["deadlift"], SUMO_T2),
        3: percent_sets("bench", tm["bench"], BENCH_531)
        + percent_sets("close_grip_bench", tm["bench"], CLOSE_GRIP_T2),
        4: percent_sets("deadlift", tm["deadlift"], DEADLIFT)
        + percent_sets("front_squat", tm["squat"], FRONT_SQUAT_T2),
    }


def nsuns_5day(tm: Tms) -> dict[int, list[Row]]:
    """Day 3 is OHP (squat/OHP column) + incline bench at close-grip reps; 4-day 3, 4 → 5, 4."""
    four = nsuns_4day(tm)
    return {
        1: four[1],
        2: four[2],
        3: percent_sets("ohp", tm["ohp"], SQUAT_OHP)
        + percent_sets("incline_bench", tm["bench"], CLOSE_GRIP_T2),
        4: four[4],
        5: four[3],
    }


# --- Wendler 5/3/1 -----------------------------------------------------------------------------

WEEKS = {1: "65x5 75x5 85x5+", 2: "70x3 80x3 90x3+", 3: "75x5 85x3 95x1+", 4: "40x5 50x5 60x5"}
FIRST_SET = {1: "65", 2: "70", 3: "75"}
LIFTS_531 = ("ohp", "deadlift", "bench", "squat")  # press, deadlift, bench, squat each week


def wendler(supplemental: Callable[[str, Weight, int], list[Row]]) -> Golden:
    def days(tm: Tms) -> dict[int, list[Row]]:
        table: dict[int, list[Row]] = {}
        for week, sets in WEEKS.items():
            for index, lift in enumerate(LIFTS_531):
                day = (week - 1) * 4 + index + 1
                table[day] = percent_sets(lift, tm[lift], sets)
                if week < 4:
                    table[day] += supplemental(lift, tm[lift], week)
        return table

    return days


def boring_but_big(lift: str, training_max: Weight, _week: int) -> list[Row]:
    return percent_sets(lift, training_max, " ".join(["50x10"] * 5))


def first_set_last(lift: str, training_max: Weight, week: int) -> list[Row]:
    return percent_sets(lift, training_max, " ".join([f"{FIRST_SET[week]}x5"] * 5))


# --- GZCLP, StrongLifts, Starting Strength --------------------------------------------------

GZCLP_DAYS = {  # T1, T2, T3 of A1, A2, B1, B2
    1: ("squat", "bench", "lat_pulldown"),
    2: ("ohp", "deadlift", "dumbbell_row"),
    3: ("bench", "squat", "lat_pulldown"),
    4: ("deadlift", "ohp", "dumbbell_row"),
}
# (ours) the plan file's T3 starts: light fixed weights, per unit
T3_START = {
    "lat_pulldown": {Unit.KG: Decimal(25), Unit.LB: Decimal(55)},
    "dumbbell_row": {Unit.KG: Decimal(10), Unit.LB: Decimal(25)},
}


def gzclp(tm: Tms) -> dict[int, list[Row]]:
    """T1 5×3+ at 80% of the TM, T2 3×10 at 60%, T3 3×15+ at the plan's start weight."""
    table = {}
    for day, (t1, t2, t3) in GZCLP_DAYS.items():
        unit = tm[t1].unit
        t1_weight = nearest(tm[t1], Decimal(80))
        t3_weight = T3_START[t3][unit]
        table[day] = [
            *fixed_sets(t1, t1_weight, 4, 3),
            (t1, t1_weight, 3, True, False, False),
            *fixed_sets(t2, nearest(tm[t2], Decimal(60)), 3, 10),
            *fixed_sets(t3, t3_weight, 2, 15),
            (t3, t3_weight, 15, True, False, False),
        ]
    return table


# StrongLifts (and, by our choice, Starting Strength) start on the empty bar, rows at 30 kg,
# deadlifts at 40 kg, cleans at 30 kg, as the plan files state
START = {
    "bar": {Unit.KG: Decimal(20), Unit.LB: Decimal(45)},
    "barbell_row": {Unit.KG: Decimal(30), Unit.LB: Decimal(65)},
    "deadlift": {Unit.KG: Decimal(40), Unit.LB: Decimal(95)},
    "power_clean": {Unit.KG: Decimal(30), Unit.LB: Decimal(65)},
}


def _start(lift: str, unit: Unit) -> Decimal:
    return START.get(lift, START["bar"])[unit]


def linear(days: LinearDays) -> Golden:
    def table(tm: Tms) -> dict[int, list[Row]]:
        unit = next(iter(tm.values())).unit
        return {
            day: [row for lift, s, r in lifts for row in fixed_sets(lift, _start(lift, unit), s, r)]
            for day, lifts in days.items()
        }

    return table


STRONGLIFTS: LinearDays = {
    1: (("squat", 5, 5), ("bench", 5, 5), ("barbell_row", 5, 5)),
    2: (("squat", 5, 5), ("ohp", 5, 5), ("deadlift", 1, 5)),
}
STARTING_STRENGTH_1: LinearDays = {
    1: (("squat", 3, 5), ("ohp", 3, 5), ("deadlift", 1, 5)),
    2: (("squat", 3, 5), ("bench", 3, 5), ("deadlift", 1, 5)),
}
STARTING_STRENGTH_2: LinearDays = {
    1: (("squat", 3, 5), ("ohp", 3, 5), ("deadlift", 1, 5)),
    2: (("squat", 3, 5), ("bench", 3, 5), ("power_clean", 5, 3)),
}

GOLDEN: dict[str, Golden] = {
    "nsuns-4day": nsuns_4day,
    "nsuns-5day": nsuns_5day,
    "531-bbb": wendler(boring_but_big),
    "531-fsl": wendler(first_set_last),
    "gzclp": gzclp,
    "stronglifts": linear(STRONGLIFTS),
    "starting-strength-1": linear(STARTING_STRENGTH_1),
    "starting-strength-2": linear(STARTING_STRENGTH_2),
}


def test_every_shipped_program_has_a_golden_table() -> None:
    assert {plan.slug for plan in builtin_plans()} == set(GOLDEN)


@pytest.mark.parametrize("maxes", list(TMS))
@pytest.mark.parametrize("slug", list(GOLDEN))
def test_every_day_of_every_program_matches_the_reference_table(slug: str, maxes: str) -> None:
    training_maxes = TMS[maxes]
    unit = next(iter(training_maxes.values())).unit
    expected = GOLDEN[slug](training_maxes)
    plan = builtin_plan(slug)

    assert [day.number for day in plan.days] == sorted(expected)
    for day, sets in expected.items():
        work = [s for s in prescribed(slug, day, training_maxes, unit) if s.counts]
        assert rows(tuple(work)) == sets, f"{slug} day {day}"


def test_hand_worked_anchors_agree_with_the_rounding_used_above() -> None:
    """A few loads by hand, so a mistake in `nearest` cannot hide in both sides."""
    assert [
        s.weight.amount
        for s in prescribed("531-bbb", 4, tms(Unit.KG, squat="100"), Unit.KG)
        if s.counts and s.tier == "T1"
    ] == [Decimal(65), Decimal(75), Decimal(85)]
    kg_a = TMS["kg-a"]
    # nSuns bench 5/3/1 at 105 kg: 75% = 78.75 (a tie) → 80; 95% = 99.75 → 100
    bench = prescribed("nsuns-4day", 3, kg_a, Unit.KG)
    assert [s.weight.amount for s in bench[:3]] == [Decimal(80), Decimal(90), Decimal(100)]
    # nSuns 5-day day 3: OHP T1 75/85/95% of 62.5 kg, incline bench 40/50/60% of the bench TM
    day3 = prescribed("nsuns-5day", 3, kg_a, Unit.KG)
    assert [s.weight.amount for s in day3[:3]] == [Decimal("47.5"), Decimal("52.5"), Decimal(60)]
    incline = [s for s in day3 if s.exercise == "incline_bench"]
    assert [(s.weight.amount, s.reps) for s in incline[:3]] == [
        (Decimal("42.5"), 6),
        (Decimal("52.5"), 5),
        (Decimal("62.5"), 3),
    ]
    # GZCLP T1 at 80% of a 190 lb squat TM: 152 lb → 150 lb; T2 bench 60% of 225 lb: 135 lb
    gz = prescribed("gzclp", 1, TMS["lb-a"], Unit.LB)
    assert (gz[0].weight.amount, gz[5].weight.amount) == (Decimal(150), Decimal(135))


@pytest.mark.parametrize("slug", ["nsuns-4day", "nsuns-5day"])
def test_nsuns_structure_nine_t1_sets_then_eight_t2_sets(slug: str) -> None:
    for day in builtin_plan(slug).days:
        t1, t2 = day.slots
        assert (t1.tier, len(t1.sets), t2.tier, len(t2.sets)) == ("T1", 9, "T2", 8)
        assert t1.sets[-1].amrap
        assert not any(s.amrap for s in t2.sets)


def test_nsuns_only_the_4day_ohp_rises_on_a_completed_day() -> None:
    four = builtin_plan("nsuns-4day").day(1).slots[1]
    five = builtin_plan("nsuns-5day").day(1).slots[1]
    assert (four.exercise, four.rule and four.rule.kind) == ("ohp", "complete")
    assert (five.exercise, five.rule) == ("ohp", None)


@pytest.mark.parametrize("slug", ["531-bbb", "531-fsl"])
def test_531_runs_four_weeks_with_the_fourth_a_deload_of_three_sets_of_five(slug: str) -> None:
    plan = builtin_plan(slug)
    assert [(day.week, day.deload) for day in plan.days] == [
        (week, week == 4) for week in (1, 2, 3, 4) for _ in range(4)
    ]
    for day in plan.days[12:]:
        sets = prescribed(
            slug, day.number, tms(Unit.KG, **dict.fromkeys(LIFTS_531, "100")), Unit.KG
        )
        assert [(s.weight.amount, s.reps, s.amrap) for s in sets] == [
            (Decimal(40), 5, False),
            (Decimal(50), 5, False),
            (Decimal(60), 5, False),
        ]
    assert not any(t.drives_progression for d in plan.days for s in d.slots for t in s.sets)


# TM 200 lb: top sets 85/90/95% → 170/180/190 lb; jokers +5% and +10% of the TM above them
TOP_AND_JOKERS = {1: (170, 180, 190), 2: (180, 190, 200), 3: (190, 200, 210)}


@pytest.mark.parametrize("slug", ["531-bbb", "531-fsl"])
def test_531_joker_sets_are_optional_jumps_of_5_and_10_percent_above_the_top_set(
    slug: str,
) -> None:
    top = {week: tuple(Decimal(w) for w in ws) for week, ws in TOP_AND_JOKERS.items()}
    reps = {2: 3, 3: 1}  # triples in the 3s week, singles in the 5/3/1 week
    maxes = tms(Unit.LB, **dict.fromkeys(LIFTS_531, "200"))
    for week, (top_set, first, second) in top.items():
        sets = prescribed(slug, (week - 1) * 4 + 1, maxes, Unit.LB)
        jokers = [s for s in sets if s.optional]
        assert [s.weight.amount for s in jokers] == [first, second]
        assert not any(s.amrap or s.drives_progression or s.counts for s in jokers)
        # the jokers come straight after the + set they build on
        assert sets[2].amrap
        assert sets[2].weight.amount == top_set
        assert sets[3:5] == tuple(jokers)
        if week in reps:
            assert {s.reps for s in jokers} == {reps[week]}


def test_531_supplemental_sets_follow_the_main_sets() -> None:
    maxes = tms(Unit.KG, ohp="60")
    bbb = prescribed("531-bbb", 1, maxes, Unit.KG)
    fsl = prescribed("531-fsl", 9, maxes, Unit.KG)
    # BBB 5×10 at 50% of 60 kg = 30 kg; FSL week 3 5×5 at the first set's 75% = 45 kg
    assert [(s.weight.amount, s.reps, s.tier) for s in bbb[5:]] == [(Decimal(30), 10, Tier.T2)] * 5
    assert [(s.weight.amount, s.reps, s.tier) for s in fsl[5:]] == [(Decimal(45), 5, Tier.T2)] * 5


def test_gzclp_tiers_and_their_amrap_sets() -> None:
    for day in builtin_plan("gzclp").days:
        t1, t2, t3 = day.slots
        assert [t1.tier, t2.tier, t3.tier] == ["T1", "T2", "T3"]
        # T1 5×3+ → 6×2+ → 10×1+; T2 3×10 → 3×8 → 3×6; T3 3×15+
        assert [[(t.reps, t.amrap) for t in stage] for stage in t1.stages] == [
            [(3, False)] * 4 + [(3, True)],
            [(2, False)] * 5 + [(2, True)],
            [(1, False)] * 9 + [(1, True)],
        ]
        assert [[(t.reps, t.amrap) for t in stage] for stage in t2.stages] == [
            [(10, False)] * 3,
            [(8, False)] * 3,
            [(6, False)] * 3,
        ]
        assert [(t.reps, t.amrap) for t in t3.sets] == [(15, False), (15, False), (15, True)]


@pytest.mark.parametrize("slug", ["stronglifts", "starting-strength-1", "starting-strength-2"])
def test_linear_programs_need_no_training_max_and_start_the_same_for_everyone(slug: str) -> None:
    plan = builtin_plan(slug)
    assert plan.training_max_exercises == ()
    for unit in Unit:
        for day in plan.days:
            without = prescribed(slug, day.number, {}, unit)
            with_tms = prescribed(
                slug, day.number, TMS["kg-a" if unit == Unit.KG else "lb-a"], unit
            )
            assert without == with_tms


@pytest.mark.parametrize(
    ("slug", "needed"),
    [
        ("nsuns-4day", ("bench", "ohp", "squat", "deadlift")),
        ("nsuns-5day", ("bench", "ohp", "squat", "deadlift")),
        ("531-bbb", ("ohp", "deadlift", "bench", "squat")),
        ("gzclp", ("squat", "bench", "ohp", "deadlift")),
    ],
)
def test_percentage_programs_ask_for_the_training_maxes_they_load_from(
    slug: str, needed: tuple[str, ...]
) -> None:
    assert builtin_plan(slug).training_max_exercises == needed


def test_no_shipped_program_uses_supersets_and_a_custom_one_alternates_set_by_set() -> None:
    assert not any(s.superset for p in builtin_plans() for d in p.days for s in d.slots)
    plan = parse_plan_text(
        "plan: Supersets\n"
        "day: A\n"
        "squat: 2x5 @75%\n"
        "A1 bench: 3x8 @60%\n"
        "A2 barbell_row: 2x10 60kg\n"
        "lat_pulldown: 1x12 40kg\n",
        load_exercises(),
    )
    sets = prescribe_day(
        plan,
        1,
        tms(Unit.KG, squat="100", bench="100"),
        unit=Unit.KG,
        step=STEP[Unit.KG],
        rounding=Rounding.NEAREST,
    )
    assert [(s.exercise, s.set_number, s.weight.amount) for s in sets] == [
        ("squat", 1, Decimal(75)),
        ("squat", 2, Decimal(75)),
        ("bench", 1, Decimal(60)),
        ("barbell_row", 1, Decimal(60)),
        ("bench", 2, Decimal(60)),
        ("barbell_row", 2, Decimal(60)),
        ("bench", 3, Decimal(60)),
        ("lat_pulldown", 1, Decimal(40)),
    ]
