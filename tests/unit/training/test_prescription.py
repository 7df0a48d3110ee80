"""Golden nSuns days, worked out by hand from TRAINING.md's tables (not from the code)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.sample_training import builtin_plan
from domain.plans.library import builtin_plans
from domain.plans.model import Plan, UnknownDayError
from domain.shared.weights import Rounding, Unit, Weight
from domain.training.prescription import MissingTrainingMaxError, prescribe_day

NSUNS = builtin_plan("nsuns-4day")
KG_STEP, LB_STEP = Decimal("2.5"), Decimal("5")
Row = tuple[str, Decimal, int, bool]  # exercise, weight, reps, amrap


def tms(unit: Unit, **amounts: str) -> dict[str, Weight]:
    return {slug: Weight(Decimal(amount), unit) for slug, amount in amounts.items()}


def sets(*slots: tuple[str, str]) -> list[Row]:
    """("squat", "95x5 120x1+") → one (exercise, weight, reps, amrap) per set, in order."""
    expected: list[Row] = []
    for exercise, text in slots:
        for item in text.split():
            weight, reps = item.split("x")
            expected.append((exercise, Decimal(weight), int(reps.rstrip("+")), reps.endswith("+")))
    return expected


def prescribed(
    day: int,
    maxes: dict[str, Weight],
    unit: Unit,
    step: Decimal,
    rounding: Rounding = Rounding.NEAREST,
) -> list[Row]:
    result = prescribe_day(NSUNS, day, maxes, unit=unit, step=step, rounding=rounding)
    assert all(s.weight.unit == unit for s in result)
    return [(s.exercise, s.weight.amount, s.reps, s.amrap) for s in result]


# Ties on a 2.5 kg step: squat 125 × 0.65 = 81.25 → 82.5; deadlift 165 × 0.75 = 123.75 → 125.
KG_A = tms(Unit.KG, bench="100", ohp="60", squat="125", deadlift="165")
# TMs a season of progression leaves behind: squat 131, deadlift 187.5.
KG_B = tms(Unit.KG, bench="82.5", ohp="47.5", squat="131", deadlift="187.5")
# Ties on a 5 lb step: squat 190 × 0.75 = 142.5 → 145; bench 225 × 0.70 = 157.5 → 160.
LB_A = tms(Unit.LB, bench="225", ohp="135", squat="190", deadlift="315")
LB_B = tms(Unit.LB, bench="185", ohp="95", squat="190", deadlift="315")

GOLDEN = [
    (
        "kg day 1",
        1,
        KG_A,
        Unit.KG,
        sets(
            ("bench", "65x8 75x6 85x4 85x4 85x4 80x5 75x6 70x7 65x8+"),
            ("ohp", "30x6 35x5 42.5x3 42.5x5 42.5x7 42.5x4 42.5x6 42.5x8"),
        ),
    ),
    (
        "kg day 2",
        2,
        KG_A,
        Unit.KG,
        sets(
            ("squat", "95x5 107.5x3 120x1+ 112.5x3 107.5x3 100x3 95x5 87.5x5 82.5x5+"),
            ("sumo_deadlift", "82.5x5 100x5 115x3 115x5 115x7 115x4 115x6 115x8"),
        ),
    ),
    (
        "kg day 3",
        3,
        KG_A,
        Unit.KG,
        sets(
            ("bench", "75x5 85x3 95x1+ 90x3 85x5 80x3 75x5 70x3 65x5+"),
            ("close_grip_bench", "40x6 50x5 60x3 60x5 60x7 60x4 60x6 60x8"),
        ),
    ),
    (
        "kg day 4",
        4,
        KG_A,
        Unit.KG,
        sets(
            ("deadlift", "125x5 140x3 157.5x1+ 147.5x3 140x3 132.5x3 125x3 115x3 107.5x3+"),
            ("front_squat", "45x5 57.5x5 70x3 70x5 70x7 70x4 70x6 70x8"),
        ),
    ),
    (
        "kg day 1, second TMs",
        1,
        KG_B,
        Unit.KG,
        sets(
            # 82.5: 53.625 → 52.5, 61.875 → 62.5, 70.125 → 70, 66 → 65, 57.75 → 57.5
            ("bench", "52.5x8 62.5x6 70x4 70x4 70x4 65x5 62.5x6 57.5x7 52.5x8+"),
            # 47.5: 23.75 → 25 (tie), 28.5 → 27.5, 33.25 → 32.5
            ("ohp", "25x6 27.5x5 32.5x3 32.5x5 32.5x7 32.5x4 32.5x6 32.5x8"),
        ),
    ),
    (
        "kg day 2, second TMs",
        2,
        KG_B,
        Unit.KG,
        sets(
            ("squat", "97.5x5 112.5x3 125x1+ 117.5x3 112.5x3 105x3 97.5x5 92.5x5 85x5+"),
            ("sumo_deadlift", "95x5 112.5x5 132.5x3 132.5x5 132.5x7 132.5x4 132.5x6 132.5x8"),
        ),
    ),
    (
        "kg day 3, second TMs",
        3,
        KG_B,
        Unit.KG,
        sets(
            # 82.5: 78.375 → 77.5, 74.25 → 75
            ("bench", "62.5x5 70x3 77.5x1+ 75x3 70x5 65x3 62.5x5 57.5x3 52.5x5+"),
            # 33 → 32.5, 41.25 → 42.5 (tie), 49.5 → 50
            ("close_grip_bench", "32.5x6 42.5x5 50x3 50x5 50x7 50x4 50x6 50x8"),
        ),
    ),
    (
        "kg day 4, second TMs",
        4,
        KG_B,
        Unit.KG,
        sets(
            ("deadlift", "140x5 160x3 177.5x1+ 170x3 160x3 150x3 140x3 132.5x3 122.5x3+"),
            ("front_squat", "45x5 60x5 72.5x3 72.5x5 72.5x7 72.5x4 72.5x6 72.5x8"),
        ),
    ),
    (
        "lb day 1",
        1,
        LB_A,
        Unit.LB,
        sets(
            ("bench", "145x8 170x6 190x4 190x4 190x4 180x5 170x6 160x7 145x8+"),
            ("ohp", "70x6 80x5 95x3 95x5 95x7 95x4 95x6 95x8"),
        ),
    ),
    (
        "lb day 2",
        2,
        LB_A,
        Unit.LB,
        sets(
            ("squat", "145x5 160x3 180x1+ 170x3 160x3 150x3 145x5 135x5 125x5+"),
            ("sumo_deadlift", "160x5 190x5 220x3 220x5 220x7 220x4 220x6 220x8"),
        ),
    ),
    (
        "lb day 3",
        3,
        LB_A,
        Unit.LB,
        sets(
            ("bench", "170x5 190x3 215x1+ 205x3 190x5 180x3 170x5 160x3 145x5+"),
            ("close_grip_bench", "90x6 115x5 135x3 135x5 135x7 135x4 135x6 135x8"),
        ),
    ),
    (
        "lb day 4",
        4,
        LB_A,
        Unit.LB,
        sets(
            ("deadlift", "235x5 270x3 300x1+ 285x3 270x3 250x3 235x3 220x3 205x3+"),
            ("front_squat", "65x5 85x5 105x3 105x5 105x7 105x4 105x6 105x8"),
        ),
    ),
    (
        "lb day 1, second TMs",
        1,
        LB_B,
        Unit.LB,
        sets(
            ("bench", "120x8 140x6 155x4 155x4 155x4 150x5 140x6 130x7 120x8+"),
            ("ohp", "50x6 55x5 65x3 65x5 65x7 65x4 65x6 65x8"),
        ),
    ),
    (
        "lb day 3, second TMs",
        3,
        LB_B,
        Unit.LB,
        sets(
            ("bench", "140x5 155x3 175x1+ 165x3 155x5 150x3 140x5 130x3 120x5+"),
            ("close_grip_bench", "75x6 95x5 110x3 110x5 110x7 110x4 110x6 110x8"),
        ),
    ),
]


@pytest.mark.parametrize(
    ("day", "maxes", "unit", "expected"),
    [case[1:] for case in GOLDEN],
    ids=[case[0] for case in GOLDEN],
)
def test_an_nsuns_day_matches_the_hand_worked_table(
    day: int, maxes: dict[str, Weight], unit: Unit, expected: list[Row]
) -> None:
    step = KG_STEP if unit == Unit.KG else LB_STEP

    assert prescribed(day, maxes, unit, step) == expected


def test_rounding_down_takes_the_step_below_even_on_a_tie() -> None:
    expected = sets(
        # 165: 123.75 → 122.5, 156.75 → 155, 148.5 → 147.5, 132 → 130, 107.25 → 105
        ("deadlift", "122.5x5 140x3 155x1+ 147.5x3 140x3 130x3 122.5x3 115x3 105x3+"),
        # 125: 43.75 → 42.5, 56.25 → 55, 68.75 → 67.5
        ("front_squat", "42.5x5 55x5 67.5x3 67.5x5 67.5x7 67.5x4 67.5x6 67.5x8"),
    )

    assert prescribed(4, KG_A, Unit.KG, KG_STEP, Rounding.DOWN) == expected


def test_a_one_kg_step_follows_half_kilo_plates() -> None:
    # squat 125: 93.75 → 94, 106.25 → 106, 118.75 → 119, 112.5 → 113, 81.25 → 81
    expected = [Decimal(w) for w in ("94", "106", "119", "113", "106", "100", "94", "88", "81")]

    result = prescribed(2, KG_A, Unit.KG, Decimal("1"))

    assert [weight for exercise, weight, _, _ in result if exercise == "squat"] == expected


def test_a_pound_training_max_is_converted_exactly_before_a_kilo_rounding() -> None:
    # 225 lb = 102.05828325 kg; × 0.65 = 66.34 → 67.5, × 0.75 = 76.54 → 77.5, × 0.85 = 86.75 → 87.5
    maxes = {**tms(Unit.LB, bench="225"), **tms(Unit.KG, ohp="60")}

    result = prescribed(1, maxes, Unit.KG, KG_STEP)

    assert [weight for _, weight, _, _ in result[:3]] == [
        Decimal("67.5"),
        Decimal("77.5"),
        Decimal("87.5"),
    ]


def test_only_the_95_percent_one_plus_sets_drive_progression() -> None:
    driving = {
        day: [
            (s.exercise, s.set_number)
            for s in prescribe_day(
                NSUNS, day, KG_A, unit=Unit.KG, step=KG_STEP, rounding=Rounding.NEAREST
            )
            if s.drives_progression
        ]
        for day in (1, 2, 3, 4)
    }

    assert driving == {1: [], 2: [("squat", 3)], 3: [("bench", 3)], 4: [("deadlift", 3)]}


def test_sets_come_in_slot_then_set_order_at_positions_from_zero() -> None:
    result = prescribe_day(NSUNS, 2, KG_A, unit=Unit.KG, step=KG_STEP, rounding=Rounding.NEAREST)

    assert [s.position for s in result] == list(range(17))
    assert [(s.slot_order, s.set_number, s.sets_in_slot) for s in result[8:10]] == [
        (1, 9, 9),
        (2, 1, 8),
    ]
    assert {(s.tier, s.training_max_of, s.display_name) for s in result[9:]} == {
        ("T2", "deadlift", "Sumo deadlift")
    }


def test_a_missing_training_max_is_named() -> None:
    with pytest.raises(MissingTrainingMaxError) as raised:
        prescribe_day(
            NSUNS,
            4,
            tms(Unit.KG, deadlift="165"),
            unit=Unit.KG,
            step=KG_STEP,
            rounding=Rounding.NEAREST,
        )

    assert raised.value.exercise == "squat"


def test_a_day_the_plan_does_not_have_is_an_error() -> None:
    with pytest.raises(UnknownDayError):
        prescribe_day(NSUNS, 5, KG_A, unit=Unit.KG, step=KG_STEP, rounding=Rounding.NEAREST)


@given(
    plan=st.sampled_from([p for p in builtin_plans() if p.training_max_exercises]),
    day=st.integers(1, 16),
    lighter=st.decimals(min_value=20, max_value=300, places=1),
    more=st.decimals(min_value=0, max_value=50, places=1),
    unit=st.sampled_from(Unit),
    rounding=st.sampled_from(Rounding),
)
def test_a_heavier_training_max_never_prescribes_a_lighter_set(
    *, plan: Plan, day: int, lighter: Decimal, more: Decimal, unit: Unit, rounding: Rounding
) -> None:
    number = (day - 1) % len(plan.days) + 1
    step = KG_STEP if unit == Unit.KG else LB_STEP

    def day_at(amount: Decimal) -> list[Weight]:
        maxes = {lift: Weight(amount, unit) for lift in plan.training_max_exercises}
        found = prescribe_day(plan, number, maxes, unit=unit, step=step, rounding=rounding)
        return [s.weight for s in found]

    light, heavy = day_at(lighter), day_at(lighter + more)
    assert all(h.amount >= w.amount for w, h in zip(light, heavy, strict=True))
    assert all(w.amount >= 0 and w.amount % step == 0 for w in light)
