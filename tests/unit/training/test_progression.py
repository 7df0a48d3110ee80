from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bench.sample_training import builtin_plan
from domain.plans.library import load_exercises
from domain.plans.model import AmrapProgression, BodyRegion, Increment, UnknownExerciseError
from domain.plans.rules.reasons import Reason, ReasonKind
from domain.shared.weights import Rounding, Unit, Weight
from domain.training.model import DoneSet, WorkoutSet
from domain.training.prescription import MissingTrainingMaxError, prescribe_day
from domain.training.progression import (
    TrainingMaxChange,
    next_training_max,
    progression_from_workout,
    reset_training_max,
    suggests_reset,
)
from handlers.training.texts import reason_text

NSUNS = builtin_plan("nsuns-4day")
EXERCISES = load_exercises()
AT = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)


FIVE_ON_95 = Reason.of(
    ReasonKind.AMRAP_TABLE, increment=Weight(Decimal(5), Unit.KG), reps=5, percent=Decimal("0.95")
)


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


# TRAINING.md, Progression: reps on the 1+ set → increment, upper (bench) and lower (squat)
@pytest.mark.parametrize(
    ("reps", "bench_kg", "bench_lb", "squat_kg", "squat_lb"),
    [
        (0, "0", "0", "0", "0"),
        (1, "0", "0", "0", "0"),
        (2, "2.5", "5", "2.5", "5"),
        (3, "2.5", "5", "2.5", "5"),
        (4, "2.5", "5", "5", "10"),
        (5, "2.5", "5", "5", "10"),
        (6, "5", "10", "7.5", "15"),
        (7, "5", "10", "7.5", "15"),
        (15, "5", "10", "7.5", "15"),
    ],
)
def test_reps_on_the_one_plus_set_pick_the_bracket(
    reps: int, bench_kg: str, bench_lb: str, squat_kg: str, squat_lb: str
) -> None:
    cases = [
        ("bench", kg("100"), bench_kg),
        ("bench", lb("225"), bench_lb),
        ("ohp", kg("60"), bench_kg),
        ("squat", kg("140"), squat_kg),
        ("squat", lb("315"), squat_lb),
        ("deadlift", lb("405"), squat_lb),
    ]
    for slug, current, increment in cases:
        change = next_training_max(NSUNS, EXERCISES[slug], current, reps)

        assert change.increment == Decimal(increment), slug
        assert change.new == Weight(current.amount + Decimal(increment), current.unit), slug
        assert (change.exercise, change.old) == (slug, current)


def test_five_reps_on_the_95_percent_squat_set_take_a_126_kg_tm_to_131() -> None:
    """The story from the issue: a 126 kg squat TM and 5 reps on the 1+ set."""
    change = next_training_max(NSUNS, EXERCISES["squat"], kg("126"), 5)

    assert change == TrainingMaxChange(
        "squat", "Squat", kg("126"), kg("131"), Decimal(5), FIVE_ON_95
    )


def test_the_reason_says_rep_for_a_single_and_plus_zero_for_a_miss() -> None:
    assert reason_text(next_training_max(NSUNS, EXERCISES["bench"], lb("225"), 1).reason) == (
        "+0 lb: 1 rep on the 95% set"
    )
    assert reason_text(next_training_max(NSUNS, EXERCISES["bench"], kg("100"), 7).reason) == (
        "+5 kg: 7 reps on the 95% set"
    )


def test_an_exercise_rule_beats_its_region_rule_wherever_it_is_listed() -> None:
    bench_only = AmrapProgression(
        brackets=(Increment(0, Decimal(0), Decimal(0)), Increment(3, Decimal(1), Decimal(2))),
        exercise="bench",
    )
    plan = replace(NSUNS, progression=(*NSUNS.progression, bench_only))

    assert next_training_max(plan, EXERCISES["bench"], kg("100"), 8).new == kg("101")
    assert next_training_max(plan, EXERCISES["bench"], lb("225"), 8).new == lb("227")
    assert next_training_max(plan, EXERCISES["ohp"], kg("60"), 8).new == kg("65")


def test_no_matching_rule_keeps_the_training_max() -> None:
    lower_only = replace(
        NSUNS, progression=tuple(r for r in NSUNS.progression if r.region == BodyRegion.LOWER)
    )

    change = next_training_max(lower_only, EXERCISES["bench"], kg("100"), 10)

    assert (change.new, change.increment) == (kg("100"), Decimal(0))
    assert reason_text(change.reason) == "+0 kg: no progression rule for Bench press"


def test_reps_below_the_first_bracket_add_nothing() -> None:
    from_two = AmrapProgression(
        brackets=(Increment(2, Decimal("2.5"), Decimal(5)),), region=BodyRegion.UPPER
    )
    plan = replace(NSUNS, progression=(from_two,))

    assert next_training_max(plan, EXERCISES["bench"], kg("100"), 1).new == kg("100")


def test_negative_reps_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        next_training_max(NSUNS, EXERCISES["bench"], kg("100"), -1)


def workout(day: int, maxes: dict[str, Weight]) -> list[WorkoutSet]:
    prescribed = prescribe_day(
        NSUNS, day, maxes, unit=Unit.KG, step=Decimal("2.5"), rounding=Rounding.NEAREST
    )
    return [WorkoutSet(p) for p in prescribed]


def done(workout_set: WorkoutSet, reps: int) -> WorkoutSet:
    return replace(workout_set, done=DoneSet(workout_set.prescribed.weight, reps, AT))


def test_a_finished_squat_day_raises_only_the_squat_tm() -> None:
    maxes = {"squat": kg("126"), "deadlift": kg("160")}
    sets = [done(s, s.prescribed.reps) for s in workout(2, maxes)]
    sets[2] = done(sets[2], 5)  # the 95% 1+ set
    sets[8] = done(sets[8], 12)  # the 65% 5+ set is AMRAP but does not drive progression

    changes = progression_from_workout(NSUNS, EXERCISES, sets, maxes)

    assert changes == (
        TrainingMaxChange("squat", "Squat", kg("126"), kg("131"), Decimal(5), FIVE_ON_95),
    )


def test_the_tm_grows_in_its_own_unit_when_the_workout_is_in_the_other() -> None:
    maxes = {"bench": lb("225")}
    sets = workout(3, maxes)
    sets[2] = done(sets[2], 4)

    (change,) = progression_from_workout(NSUNS, EXERCISES, sets, maxes)

    assert (change.new, change.increment) == (lb("230"), Decimal(5))


def test_a_skipped_or_open_progression_set_changes_nothing() -> None:
    maxes = {"deadlift": kg("180"), "squat": kg("140")}
    sets = workout(4, maxes)

    assert progression_from_workout(NSUNS, EXERCISES, sets, maxes) == ()
    sets[2] = replace(sets[2], skipped=True)
    assert progression_from_workout(NSUNS, EXERCISES, sets, maxes) == ()


def test_reps_on_a_progression_set_lifted_lighter_than_prescribed_change_nothing() -> None:
    maxes = {"squat": kg("126"), "deadlift": kg("160")}
    sets = workout(2, maxes)
    lighter = replace(sets[2], done=DoneSet(kg("110"), 6, AT))  # 95% of 126 kg is 120 kg
    heavier = replace(sets[2], done=DoneSet(kg("122.5"), 2, AT))

    assert progression_from_workout(NSUNS, EXERCISES, [*sets[:2], lighter], maxes) == ()
    (change,) = progression_from_workout(NSUNS, EXERCISES, [*sets[:2], heavier], maxes)
    assert change.new == kg("128.5")  # 2 reps: +2.5 kg for a lower-body lift


def test_a_day_without_a_progression_set_changes_nothing() -> None:
    maxes = {"bench": kg("100"), "ohp": kg("60")}
    sets = [done(s, 10) for s in workout(1, maxes)]

    assert progression_from_workout(NSUNS, EXERCISES, sets, maxes) == ()


def test_the_last_done_progression_set_for_a_tm_counts() -> None:
    maxes = {"bench": kg("100")}
    first = workout(3, maxes)[2]
    again = replace(first, prescribed=replace(first.prescribed, position=20))
    later_skipped = replace(first, prescribed=replace(first.prescribed, position=21), skipped=True)
    sets = [done(first, 7), done(again, 3), later_skipped]

    (change,) = progression_from_workout(NSUNS, EXERCISES, sets, maxes)

    assert change.new == kg("102.5")


def test_an_unknown_exercise_or_a_missing_tm_is_named() -> None:
    maxes = {"deadlift": kg("180"), "squat": kg("140")}
    sets = workout(4, maxes)
    sets[2] = done(sets[2], 3)

    with pytest.raises(UnknownExerciseError) as unknown:
        progression_from_workout(NSUNS, {}, sets, maxes)
    with pytest.raises(MissingTrainingMaxError) as missing:
        progression_from_workout(NSUNS, EXERCISES, sets, {"squat": kg("140")})

    assert (unknown.value.slug, missing.value.exercise) == ("deadlift", "deadlift")


@pytest.mark.parametrize(
    ("history", "reset"),
    [
        ([], False),
        ([0], False),
        ([0, 0], True),
        ([5, 3, 0, 0], True),
        ([0, 1], False),
        ([1, 0], False),
        ([0, 0, 2], False),
    ],
)
def test_two_zero_rep_one_plus_sets_in_a_row_suggest_a_reset(
    history: list[int], reset: bool
) -> None:
    assert suggests_reset(history) is reset


def test_a_reset_takes_ten_percent_off_unrounded() -> None:
    assert reset_training_max(kg("131")) == kg("117.9")
    assert reset_training_max(lb("225")) == lb("202.5")
