from datetime import UTC, datetime, timedelta
from decimal import Decimal

from domain.athletes.equipment import PlateInventory
from domain.athletes.model import Language, User
from domain.plans.model import Tier
from domain.shared.weights import Unit, Weight
from domain.training.model import DoneSet, PrescribedSet, Workout, WorkoutSet
from domain.training.today import Taps, as_shown, today_card

T0 = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
ANN = User(1001, "Ann", None, None, Language.EN, "UTC", T0, warmups=False)


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def a_set(
    position: int, weight: Weight, reps: int = 5, *, amrap: bool = False, done: bool = False
) -> WorkoutSet:
    prescribed = PrescribedSet(
        position, 1, Tier.T1, "squat", "squat", "Squat", position + 1, 3, weight, reps, amrap, False
    )
    return WorkoutSet(prescribed, DoneSet(weight, reps, T0) if done else None)


def workout(*sets: WorkoutSet) -> Workout:
    return Workout(1, 1001, "gzclp", 1, "Squat", T0, sets)


def test_the_card_shows_the_next_open_set_with_its_plates_and_what_comes_after() -> None:
    w = workout(a_set(0, kg("100"), done=True), a_set(1, kg("100")), a_set(2, kg("102.5")))
    current = w.sets[1]

    card = today_card(ANN, w, current, Taps(), T0 + timedelta(seconds=30))

    assert card.logged == 1
    assert (card.current.weight, card.current.reps) == (kg("100"), 5)
    assert card.current.load.per_side == (Decimal(25), Decimal(15))
    assert card.bar == kg("20")
    assert card.upcoming == w.sets[2]
    assert card.rest is not None
    assert card.warmup == ()


def test_taps_move_the_weight_by_the_athletes_step_and_the_reps_by_one() -> None:
    shown = as_shown(ANN, a_set(0, kg("100")), Taps(weight_steps=2, reps_delta=-1))

    assert (shown.weight, shown.reps, shown.step) == (kg("105"), 4, Decimal("2.5"))
    assert not shown.as_prescribed


def test_reps_never_go_below_zero() -> None:
    assert as_shown(ANN, a_set(0, kg("100"), reps=2), Taps(reps_delta=-5)).reps == 0


def test_a_weight_the_plates_cannot_make_shows_the_nearest_loadable_and_what_was_wanted() -> None:
    only_twenties = User(
        1001,
        "Ann",
        None,
        None,
        Language.EN,
        "UTC",
        T0,
        plates=PlateInventory(kg("20"), {Decimal(20): 4}),
    )

    shown = as_shown(only_twenties, a_set(0, kg("110")), Taps())

    assert (shown.wanted, shown.weight, shown.load.exact) == (kg("110"), kg("100"), False)
    assert not shown.as_prescribed


def test_untouched_the_set_is_as_prescribed() -> None:
    assert as_shown(ANN, a_set(0, kg("100")), Taps()).as_prescribed


def test_an_amrap_set_offers_the_prescribed_reps_and_seven_more() -> None:
    shown = as_shown(ANN, a_set(0, kg("100"), reps=3, amrap=True), Taps())

    assert shown.amrap_choices == (3, 4, 5, 6, 7, 8, 9, 10)
