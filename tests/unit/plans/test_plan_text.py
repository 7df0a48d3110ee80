"""The plan text format: what each construct reads as, what each mistake is, and round trips."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.plans.library import builtin_plans, load_exercises
from domain.plans.model import (
    AfterStages,
    AmrapProgression,
    BodyRegion,
    Increment,
    Load,
    Plan,
    PlanDay,
    RuleKind,
    SetTemplate,
    Slot,
    SlotRule,
    Step,
    Tier,
)
from domain.plans.text.grammar import MAX_ERRORS
from domain.plans.text.parse import parse_plan_text
from domain.plans.text.problems import Param, PlanTextError
from domain.plans.text.problems import PlanProblem as Problem
from domain.plans.text.render import plan_to_text
from domain.shared.weights import Unit, Weight

EXERCISES = load_exercises()
DOC = Path(__file__).resolve().parents[3] / "docs" / "plan-format.md"


def parse(text: str) -> Plan:
    return parse_plan_text(text, EXERCISES)


def problems(text: str) -> list[tuple[int, Problem, dict[str, Param]]]:
    with pytest.raises(PlanTextError) as raised:
        parse(text)
    return [(error.line, error.problem, dict(error.params)) for error in raised.value.errors]


def one_slot(line: str, *, header: str = "") -> Slot:
    """The slot an exercise line reads as, on the only day of a minimal plan."""
    return parse(f"plan: Test\n{header}day: A\n{line}\n").days[0].slots[0]


def kg(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.KG)


def lb(amount: str) -> Weight:
    return Weight(Decimal(amount), Unit.LB)


def d(text: str) -> Decimal:
    return Decimal(text)


# --- headers ---------------------------------------------------------------------------------


def test_the_header_lines_give_name_slug_about_and_training_max_share() -> None:
    plan = parse(
        "plan: My Plan, v2\n"
        "slug: my-plan-2\n"
        "about: Three days: squat, bench, pull.\n"
        "tm: 87.5%\n"
        "day: A\n"
        "squat: 3x5 @75%\n"
    )
    assert (plan.name, plan.slug, plan.about) == (
        "My Plan, v2",
        "my-plan-2",
        "Three days: squat, bench, pull.",
    )
    assert plan.training_max_percent == d("0.875")


def test_without_slug_about_or_tm_the_slug_comes_from_the_name_and_the_tm_is_90_percent() -> None:
    plan = parse("PLAN: Starter Plan (2025)\nday: A\nsquat: 3x5 @75%\n")
    assert (plan.slug, plan.about, plan.training_max_percent) == (
        "starter-plan-2025",
        "",
        d("0.90"),
    )


def test_progress_lines_read_as_brackets_per_region_or_per_lift() -> None:
    plan = parse(
        "plan: P\n"
        "progress upper: 0-1 +0, 2-3 +2.5kg/5lb, 4+ +5kg/10lb\n"
        "progress front squat: 0 +0, 1-5 +5lb/2.5kg, 6+ +7.5kg/15lb\n"
        "day: A\n"
        "bench: 1x1+ @95% !\n"
    )
    assert plan.progression == (
        AmrapProgression(
            (
                Increment(0, d("0"), d("0")),
                Increment(2, d("2.5"), d("5")),
                Increment(4, d("5"), d("10")),
            ),
            region=BodyRegion.UPPER,
        ),
        AmrapProgression(
            (
                Increment(0, d("0"), d("0")),
                Increment(1, d("2.5"), d("5")),
                Increment(6, d("7.5"), d("15")),
            ),
            exercise="front_squat",
        ),
    )


# --- days and weeks --------------------------------------------------------------------------


def test_days_are_numbered_in_order_and_weeks_carry_on_until_the_next_week_line() -> None:
    plan = parse(
        "plan: P\n"
        "week: 1\n"
        "day: Squat\n"
        "squat: 1x5+ @85% ; cycle +5kg/10lb\n"
        "day: Bench\n"
        "bench: 1x5+ @85% ; cycle +2.5kg/5lb\n"
        "week: 2 deload\n"
        "day: Squat, light\n"
        "squat: 1x5 @60% ; cycle +5kg/10lb\n"
    )
    assert [(d.number, d.name, d.week, d.deload) for d in plan.days] == [
        (1, "Squat", 1, False),
        (2, "Bench", 1, False),
        (3, "Squat, light", 2, True),
    ]
    assert plan.weeks == 2


# --- exercise lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["close_grip_bench", "close grip bench", "Close-grip bench press", "CLOSE-GRIP-BENCH"],
)
def test_an_exercise_is_found_by_its_slug_or_its_name_in_any_case(written: str) -> None:
    slot = one_slot(f"{written} tm=bench: 3x5 @60%")
    assert (slot.exercise, slot.display_name) == ("close_grip_bench", "Close-grip bench press")


def test_tier_defaults_follow_the_library_category() -> None:
    plan = parse(
        "plan: P\nday: A\n"
        "squat: 3x5 @75%\n"
        "front squat tm=squat: 3x5 @60%\n"
        "lat pulldown: 3x10 40kg\n"
        "T3 bench: 3x10 @50%\n"
    )
    assert [slot.tier for slot in plan.days[0].slots] == [Tier.T1, Tier.T2, Tier.T3, Tier.T3]


def test_tier_superset_tm_of_and_display_name_on_one_line() -> None:
    slot = one_slot('T2 A1 front squat tm=squat "Paused front squat #2": 3x5 @60%')
    assert (
        slot.tier,
        slot.superset,
        slot.exercise,
        slot.training_max_of,
        slot.display_name,
    ) == (Tier.T2, "A1", "front_squat", "squat", "Paused front squat #2")
    assert slot.track == "front_squat/T2"


@pytest.mark.parametrize(
    ("sets", "expected"),
    [
        ("3x5 @75%", [SetTemplate(5, percent=d("0.75"))] * 3),
        ("3 × 5 75%", [SetTemplate(5, percent=d("0.75"))] * 3),
        ("1x5+ @72.5%", [SetTemplate(5, percent=d("0.725"), amrap=True)]),
        (
            "1x1+ @95% !",
            [SetTemplate(1, percent=d("0.95"), amrap=True, drives_progression=True)],
        ),
        ("2x5 80kg", [SetTemplate(5, weight=kg("80"))] * 2),
        ("1x10 @47.5LB", [SetTemplate(10, weight=lb("47.5"))]),
        ("1x5 20kg warmup", [SetTemplate(5, weight=kg("20"), warmup=True)]),
        ("1x1 @105% joker", [SetTemplate(1, percent=d("1.05"), optional=True)]),
        (
            "1x5 @65%, 2x3 @80%",
            [
                SetTemplate(5, percent=d("0.65")),
                SetTemplate(3, percent=d("0.8")),
                SetTemplate(3, percent=d("0.8")),
            ],
        ),
    ],
)
def test_set_groups_read_as_templates(sets: str, expected: list[SetTemplate]) -> None:
    slot = one_slot(f"squat: {sets}", header="progress lower: 0+ +5kg/10lb\n")
    assert list(slot.sets) == expected


def test_a_rep_range_and_the_double_rule() -> None:
    slot = one_slot("bench: 3x8-12 ; double +2.5kg/5lb start 50%")
    assert slot.sets == (SetTemplate(8, top_reps=12),) * 3
    assert slot.sets[0].load == Load.WORKING
    assert slot.rule == SlotRule(RuleKind.DOUBLE, step=Step(d("2.5"), d("5")), start=d("0.5"))


def test_rpe_targets_with_the_rpe_rule() -> None:
    slot = one_slot("squat: 1x3 @8.5, 3x5 @8 ; rpe start 70%")
    assert slot.sets == (SetTemplate(3, rpe=d("8.5")),) + (SetTemplate(5, rpe=d("8")),) * 3
    assert slot.rule == SlotRule(RuleKind.RPE, start=d("0.7"))


def test_the_linear_rule_with_a_start_weight_and_its_deload_option() -> None:
    slot = one_slot("deadlift: 1x5 ; linear +5kg/10lb start 40kg/95lb deload 15% after 2")
    assert slot.rule == SlotRule(
        RuleKind.LINEAR,
        step=Step(d("5"), d("10")),
        start_weight=Step(d("40"), d("95")),
        failures=2,
        deload=d("0.15"),
    )


def test_stages_separated_by_bars_with_each_then_option() -> None:
    t1 = one_slot(
        "squat: 4x3, 1x3+ | 5x2, 1x2+ | 9x1, 1x1+ ; stages +5kg/10lb start 80% "
        "then retest 3RM at 90%"
    )
    assert [len(stage) for stage in t1.stages] == [5, 6, 10]
    assert [stage[-1] for stage in t1.stages] == [
        SetTemplate(3, amrap=True),
        SetTemplate(2, amrap=True),
        SetTemplate(1, amrap=True),
    ]
    assert t1.rule == SlotRule(
        RuleKind.STAGES,
        step=Step(d("5"), d("10")),
        start=d("0.8"),
        after=AfterStages.RETEST,
        retest_reps=3,
        restart=d("0.9"),
    )
    t2 = one_slot("bench: 3x10 | 3x8 | 3x6 ; stages +2.5kg/5lb start 60% then +7.5kg/15lb")
    assert t2.rule is not None
    assert (t2.rule.after, t2.rule.bump) == (AfterStages.BUMP, Step(d("7.5"), d("15")))
    t3 = one_slot("lat pulldown: 2x15, 1x15+ ; stages +2.5kg/5lb start 25kg/55lb at 25 reps")
    assert t3.rule is not None
    assert (t3.rule.after, t3.rule.at_reps) == (AfterStages.REPEAT, 25)


def test_the_tm_rules_cycle_and_complete() -> None:
    cycle = parse("plan: P\nweek: 1\nday: A\nsquat: 1x5+ @85% ; cycle +5kg/10lb\n")
    assert cycle.days[0].slots[0].rule == SlotRule(RuleKind.CYCLE, step=Step(d("5"), d("10")))
    complete = one_slot("ohp: 3x5 @70% ; complete +2.5kg/5lb")
    assert complete.rule == SlotRule(RuleKind.COMPLETE, step=Step(d("2.5"), d("5")))


def test_comments_and_blank_lines_are_ignored_but_a_hash_in_quotes_is_kept() -> None:
    commented = parse(
        "# my plan\n"
        "\n"
        "plan: P   # the name\n"
        "   \n"
        "day: A # first day\n"
        "# squat: 3x5 @75%\n"
        'bench "Bench #1": 3x5 @75%   # heavy\n'
    )
    plain = parse('plan: P\nday: A\nbench "Bench #1": 3x5 @75%\n')
    assert commented == plain
    assert [slot.display_name for slot in plain.days[0].slots] == ["Bench #1"]


# --- errors ----------------------------------------------------------------------------------

PLAN = "plan: P\nday: A\n"


@pytest.mark.parametrize(
    ("text", "line", "problem", "params"),
    [
        (
            PLAN + "squat: 3x5 @75%\nsqaut: 5x5 @75%\n",
            4,
            Problem.MISSPELT_EXERCISE,
            {"name": "sqaut", "suggestion": "squat"},
        ),
        (PLAN + "squat: 3y5 @75%\n", 3, Problem.NOT_A_SET, {"group": "3y5 @75%"}),
        (
            PLAN + "squat: 21x5 @75%\n",
            3,
            Problem.SET_COUNT_OUT_OF_RANGE,
            {"group": "21x5 @75%", "limit": 20},
        ),
        (PLAN + "squat: 3x12-8\n", 3, Problem.REP_RANGE_DOWNWARD, {"group": "3x12-8"}),
        (
            PLAN + "squat: 3x5 @175%\n",
            3,
            Problem.PERCENT_OUT_OF_RANGE,
            {"group": "3x5 @175%", "limit": d("150")},
        ),
        (
            PLAN + "squat: 3x5 @0%\n",
            3,
            Problem.PERCENT_OUT_OF_RANGE,
            {"group": "3x5 @0%", "limit": d("150")},
        ),
        (PLAN + "squat: 3x5 @11 ; rpe start 70%\n", 3, Problem.RPE_OFF_CHART, {"group": "3x5 @11"}),
        (
            PLAN + "squat: 3x5 @7.25 ; rpe start 70%\n",
            3,
            Problem.RPE_OFF_CHART,
            {"group": "3x5 @7.25"},
        ),
        (
            PLAN + "squat: 3x12 @8 ; rpe start 70%\n",
            3,
            Problem.RPE_TARGET_NOT_FIXED_REPS,
            {"group": "3x12 @8"},
        ),
        (PLAN + "squat: 3x5 @75% !\n", 3, Problem.MARK_WITHOUT_AMRAP, {"group": "3x5 @75% !"}),
        (PLAN + "squat: 3x5 @75% 80kg\n", 3, Problem.TWO_LOADS, {"group": "3x5 @75% 80kg"}),
        (
            PLAN + "squat: 5x5 80 kg\n",
            3,
            Problem.NOT_A_LOAD_OR_MARK,
            {"token": "80", "group": "5x5 80 kg"},
        ),
        (PLAN + "squat: 3x5\n", 3, Problem.NO_LOAD_NO_RULE, {}),
        (PLAN + "squat: 3x5 ; linear +2.5kg/5lb\n", 3, Problem.NO_START, {"lift": "squat"}),
        (
            PLAN + "squat: 3x5 ; linear start 50%\n",
            3,
            Problem.RULE_WITHOUT_STEP,
            {"rule": RuleKind.LINEAR},
        ),
        (
            PLAN + "squat: 3x5 ; linar +2.5kg/5lb start 50%\n",
            3,
            Problem.UNKNOWN_RULE,
            {"token": "linar"},
        ),
        (
            PLAN + "squat: 3x5 ; linear +2.5kg/5lb start 50% x\n",
            3,
            Problem.NOT_A_RULE_OPTION,
            {"token": "x"},
        ),
        (
            PLAN + "squat: 3x5 ; linear +5kg/10kg start 50%\n",
            3,
            Problem.STEP_IN_ONE_UNIT,
            {"token": "+5kg/10kg"},
        ),
        (PLAN + "squat: 3x5 @75% ; cycle +5kg/10lb\n", 3, Problem.CYCLE_WITHOUT_WEEKS, {}),
        (
            "plan: P\nweek: 1\nday: A\nsquat: 3x5 80kg ; cycle +5kg/10lb\n",
            4,
            Problem.TM_RULE_NEEDS_PERCENTS,
            {"rule": RuleKind.CYCLE},
        ),
        (PLAN + "squat: 3x5 ; double +5kg/10lb start 50%\n", 3, Problem.DOUBLE_NEEDS_RANGE, {}),
        (PLAN + "squat: 3x5 ; rpe start 50%\n", 3, Problem.RPE_RULE_NEEDS_RPE_SETS, {}),
        (
            PLAN + "bench: 3x5 @70%\nsquat: 1x1+ @95% !\n",
            4,
            Problem.AMRAP_WITHOUT_PROGRESS,
            {"lift": "squat", "region": BodyRegion.LOWER},
        ),
        (
            PLAN + "squat: 3x5 | 3x3 ; linear +2.5kg/5lb start 50%\n",
            3,
            Problem.STAGES_WITHOUT_RULE,
            {},
        ),
        (
            "plan: P\nday: A\nday: B\nsquat: 3x5 @75%\n",
            2,
            Problem.DAY_WITHOUT_EXERCISES,
            {"day": "A"},
        ),
        (
            "plan: P\nplan: Q\nday: A\nsquat: 3x5 @75%\n",
            2,
            Problem.HEADER_TWICE,
            {"header": "plan"},
        ),
        (
            "plan: P\ntm: 85%\n\ntm: 90%\nday: A\nsquat: 3x5 @75%\n",
            4,
            Problem.HEADER_TWICE,
            {"header": "tm"},
        ),
        (PLAN + "squat: 3x5 @75%\ntm: 85%\n", 4, Problem.HEADER_AFTER_DAYS, {"header": "tm"}),
        (
            PLAN + "squat: 3x5 @75%\nprogress lower: 0+ +5kg/10lb\n",
            4,
            Problem.HEADER_AFTER_DAYS,
            {"header": "progress lower"},
        ),
        ("plan: P\nsquat: 3x5 @75%\n", 2, Problem.EXERCISE_BEFORE_DAY, {}),
        ("day: A\nsquat: 3x5 @75%\n", 1, Problem.NO_PLAN_NAME, {}),
        ("plan: P\ntm: 40%\nday: A\nsquat: 3x5 @75%\n", 2, Problem.TM_OUT_OF_RANGE, {}),
        ("plan: P\nslug: My Plan\nday: A\nsquat: 3x5 @75%\n", 2, Problem.BAD_SLUG, {}),
        ("plan: P\nweek: one\nday: A\nsquat: 3x5 @75%\n", 2, Problem.BAD_WEEK, {}),
        (
            "plan: P\nprogress lower: 0-1 +0, 3+ +5kg/10lb\nday: A\nsquat: 3x5 @75%\n",
            2,
            Problem.BRACKET_GAP,
            {"expected": 2, "found": 3},
        ),
        (
            "plan: P\nprogress lower: 0-1 +0, 2-3 +5kg/10lb\nday: A\nsquat: 3x5 @75%\n",
            2,
            Problem.OPEN_BRACKET_NOT_LAST,
            {},
        ),
        (PLAN + "squat: 3x5 @72.125%\n", 3, Problem.TOO_MANY_DECIMALS, {"token": "72.125"}),
        (PLAN + "squat 3x5 @75%\n", 3, Problem.NOT_KEY_VALUE, {}),
        (PLAN + 'squat "Paused" deep: 3x5 @75%\n', 3, Problem.BAD_DISPLAY_NAME, {}),
    ],
)
def test_a_mistake_names_its_line_and_what_is_wrong(
    text: str, line: int, problem: Problem, params: dict[str, Param]
) -> None:
    assert problems(text) == [(line, problem, params)]


def test_a_plan_with_no_day_is_wrong_as_a_whole() -> None:
    assert problems("plan: P\n") == [(0, Problem.NO_DAYS, {})]


def test_a_text_too_long_is_refused_before_reading_it() -> None:
    text = PLAN + "squat: 3x5 @75%  # " + "x" * 64_000 + "\n"
    assert problems(text) == [(0, Problem.TEXT_TOO_LONG, {"limit": 64_000})]


def test_every_bad_line_is_reported_at_once_first_line_first() -> None:
    found = problems(
        "plan: P\nday: A\nsquat: 3y5\nbench: 3x5 @75%\ndeadlfit: 1x5 @85%\nohp: 3x5 @200%\n"
    )
    assert [line for line, _, _ in found] == [3, 5, 6]
    assert found[1] == (
        5,
        Problem.MISSPELT_EXERCISE,
        {"name": "deadlfit", "suggestion": "deadlift"},
    )


def test_at_most_a_handful_of_errors_are_listed() -> None:
    text = PLAN + "".join(f"squat: {n}y5\n" for n in range(1, 15))
    found = problems(text)
    assert len(found) == MAX_ERRORS
    assert [line for line, _, _ in found] == list(range(3, 3 + MAX_ERRORS))


def test_whole_plan_problems_are_all_listed_with_their_lines() -> None:
    found = problems(
        "plan: P\nday: A\nday: B\nsquat: 1x1+ @95% !\nsquat: 1x5+ @85% ; cycle +5kg/10lb\n"
    )
    assert [line for line, _, _ in found] == [2, 4, 5]


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize("plan", builtin_plans(), ids=lambda plan: plan.slug)
def test_every_built_in_plan_reads_back_the_same_from_its_text(plan: Plan) -> None:
    assert parse(plan_to_text(plan, EXERCISES)) == plan


def test_a_plan_saved_under_another_slug_keeps_it_through_its_text() -> None:
    """The bot stores a custom plan under a slug of its own making, as text."""
    plan = parse("plan: P\nday: A\nsquat: 3x5 @75%\n")
    renamed = replace(plan, slug="p-1f")
    assert parse(plan_to_text(renamed, EXERCISES)) == renamed


SLUGS = sorted(EXERCISES)
TEXT = st.text(
    st.characters(
        codec="utf-8",
        exclude_categories=("Cc", "Cs", "Zl", "Zp"),
        exclude_characters="#",
    ),
    min_size=1,
    max_size=100,
).filter(lambda text: text == text.strip() and text != "")
DISPLAY = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters='":'
    ),
    min_size=1,
    max_size=100,
).filter(lambda text: text == text.strip() and text != "")


def hundredths(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Decimals low/100 … high/100 with at most two decimals, as the parser allows."""
    return st.integers(low, high).map(lambda n: Decimal(n) / 100)


def shares(low_percent: int, high_percent: int) -> st.SearchStrategy[Decimal]:
    """A share written as a percent with at most two decimals: 72.5% → 0.725."""
    return st.integers(low_percent * 100, high_percent * 100).map(lambda n: Decimal(n) / 10_000)


STEPS = st.builds(Step, hundredths(1, 100_000), hundredths(1, 100_000))


@st.composite
def templates(draw: st.DrawFn, loads: tuple[Load, ...]) -> SetTemplate:
    load = draw(st.sampled_from(loads))
    if load == Load.RPE:
        reps, top, amrap = draw(st.integers(1, 10)), None, False
    else:
        reps = draw(st.integers(1, 99))
        shape = draw(st.sampled_from(["fixed", "amrap", "range"]))
        top = draw(st.integers(reps + 1, 100)) if shape == "range" else None
        amrap = shape == "amrap"
    return SetTemplate(
        reps=reps,
        percent=draw(shares(0, 150).filter(bool)) if load == Load.PERCENT else None,
        weight=(
            Weight(draw(hundredths(1, 100_000)), draw(st.sampled_from(Unit)))
            if load == Load.FIXED
            else None
        ),
        rpe=draw(st.integers(12, 20).map(lambda n: Decimal(n) / 2)) if load == Load.RPE else None,
        top_reps=top,
        amrap=amrap,
        drives_progression=amrap and draw(st.booleans()),
        warmup=draw(st.booleans()),
        optional=draw(st.booleans()),
    )


@st.composite
def schemes(
    draw: st.DrawFn, loads: tuple[Load, ...], first: SetTemplate | None = None, *, work: bool
) -> tuple[SetTemplate, ...]:
    """Up to 4 groups of up to 5 sets: no run of equal sets is longer than the 20 a group takes.

    With `work`, the first set is a work set, as a slot with a rule needs in every scheme.
    """
    groups = draw(st.lists(st.tuples(st.integers(1, 5), templates(loads)), min_size=1, max_size=4))
    if first is not None:
        groups[0] = (groups[0][0], first)
    if work:
        groups[0] = (groups[0][0], replace(groups[0][1], warmup=False, optional=False))
    return tuple(template for count, template in groups for _ in range(count))


WORKING_LOADS = (Load.PERCENT, Load.FIXED, Load.WORKING, Load.RPE)


@st.composite
def slot_rules(draw: st.DrawFn, kind: RuleKind) -> SlotRule:
    after = draw(st.sampled_from(AfterStages))
    start_kind = draw(st.sampled_from(["share", "weight", "none"]))
    if kind not in (RuleKind.CYCLE, RuleKind.COMPLETE) and start_kind == "none":
        start_kind = "share"
    failures, deload = draw(
        st.one_of(st.just((3, Decimal("0.10"))), st.tuples(st.integers(1, 9), shares(1, 99)))
    )
    return SlotRule(
        kind,
        step=draw(st.none() | STEPS) if kind == RuleKind.RPE else draw(STEPS),
        start=draw(shares(1, 150)) if start_kind == "share" else None,
        start_weight=draw(STEPS) if start_kind == "weight" else None,
        failures=failures,
        deload=deload,
        after=after,
        bump=draw(STEPS) if after == AfterStages.BUMP else None,
        retest_reps=draw(st.integers(1, 20)) if after == AfterStages.RETEST else 5,
        restart=draw(shares(1, 100)) if after == AfterStages.RETEST else Decimal("0.85"),
        at_reps=draw(st.none() | st.integers(1, 100)),
    )


@st.composite
def slots(draw: st.DrawFn, order: int, *, weeks: bool) -> Slot:
    kinds: list[RuleKind | None] = [None, *RuleKind]
    if not weeks:
        kinds.remove(RuleKind.CYCLE)
    kind = draw(st.sampled_from(kinds))
    first: SetTemplate | None = None
    if kind is None:
        loads: tuple[Load, ...] = (Load.PERCENT, Load.FIXED)
    elif kind in (RuleKind.CYCLE, RuleKind.COMPLETE):
        loads = (Load.PERCENT,)
    else:
        loads = WORKING_LOADS
        if kind == RuleKind.DOUBLE:
            first = SetTemplate(draw(st.integers(1, 20)), top_reps=draw(st.integers(21, 30)))
        elif kind == RuleKind.RPE:
            first = SetTemplate(draw(st.integers(1, 10)), rpe=Decimal(8))
    stage_count = draw(st.integers(1, 3)) if kind == RuleKind.STAGES else 1
    exercise = draw(st.sampled_from(SLUGS))
    return Slot(
        order=order,
        tier=draw(st.sampled_from(Tier)),
        exercise=exercise,
        training_max_of=draw(st.sampled_from([exercise, *SLUGS])),
        display_name=draw(st.just(EXERCISES[exercise].name) | DISPLAY),
        stages=tuple(
            draw(schemes(loads, first if index == 0 else None, work=kind is not None))
            for index in range(stage_count)
        ),
        # "T1"–"T3" read as tiers, so a superset group has another letter
        superset=draw(st.none() | st.from_regex(r"[A-SU-Z][1-9]", fullmatch=True)),
        rule=None if kind is None else draw(slot_rules(kind)),
    )


BRACKETS = st.lists(
    st.tuples(st.integers(1, 5), hundredths(0, 100_000), hundredths(0, 100_000)),
    min_size=1,
    max_size=4,
).map(
    # the first bracket starts anywhere (fewer reps add nothing); the others run on from it
    lambda rows: tuple(
        Increment(sum(gap for gap, _, _ in rows[: index + 1]) - 1, kg_step, lb_step)
        for index, (_, kg_step, lb_step) in enumerate(rows)
    )
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    day_count = draw(st.integers(1, 4))
    weekly_from = draw(st.integers(0, day_count))  # days before it are not in weeks
    in_weeks = weekly_from < day_count
    days = []
    for number in range(1, day_count + 1):
        week, deload = (
            (draw(st.integers(1, 5)), draw(st.booleans()))
            if number > weekly_from
            else (None, False)
        )
        day_slots = tuple(
            draw(slots(order, weeks=in_weeks)) for order in range(1, draw(st.integers(1, 3)) + 1)
        )
        days.append(PlanDay(number, draw(TEXT), day_slots, week=week, deload=deload))
    regions = draw(st.lists(st.sampled_from(BodyRegion), unique=True))
    lifts = draw(st.lists(st.sampled_from(SLUGS), unique=True, max_size=3))
    progression = [AmrapProgression(draw(BRACKETS), region=region) for region in regions]
    progression += [AmrapProgression(draw(BRACKETS), exercise=lift) for lift in lifts]
    # every "!" set needs a progress line covering its lift
    for day in days:
        for slot in day.slots:
            region = EXERCISES[slot.training_max_of].region
            if any(t.drives_progression for t in slot.sets) and region not in regions:
                regions.append(region)
                progression.append(AmrapProgression(draw(BRACKETS), region=region))
    return Plan(
        slug=draw(st.from_regex(r"[a-z0-9][a-z0-9-]{0,63}", fullmatch=True)),
        name=draw(TEXT),
        days=tuple(days),
        progression=tuple(progression),
        training_max_percent=draw(shares(50, 100)),
        about=draw(st.just("") | TEXT),
        per_week=draw(st.none() | st.integers(1, 14)),
    )


@settings(max_examples=150, deadline=None)
@given(plans())
def test_any_valid_plan_reads_back_the_same_from_its_text(plan: Plan) -> None:
    assert parse(plan_to_text(plan, EXERCISES)) == plan


# --- the documentation's examples ------------------------------------------------------------

DOC_EXAMPLES = [
    block
    for block in re.findall(r"```text\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    if block.startswith("plan:")
]


def test_the_documentation_has_an_example_of_every_kind() -> None:
    assert len(DOC_EXAMPLES) >= 7
    rules = {
        slot.rule.kind
        for text in DOC_EXAMPLES
        for day in parse(text).days
        for slot in day.slots
        if slot.rule is not None
    }
    assert rules == set(RuleKind) - {RuleKind.COMPLETE}


@pytest.mark.parametrize(
    "text", DOC_EXAMPLES, ids=[text.splitlines()[0].removeprefix("plan: ") for text in DOC_EXAMPLES]
)
def test_every_example_in_the_documentation_is_a_valid_plan(text: str) -> None:
    plan = parse(text)
    assert parse(plan_to_text(plan, EXERCISES)) == plan


# --- regressions: bugs found while writing these tests ---------------------------------


def test_more_than_twenty_equal_sets_in_a_row_are_written_as_groups_the_parser_reads() -> None:
    plan = parse("plan: P\nday: A\nsquat: 20x5 @50%, 5x5 @50%\n")
    assert parse(plan_to_text(plan, EXERCISES)) == plan


@pytest.mark.parametrize(
    "text",
    [
        "plan: " + "a" * 99 + " b\nday: A\nsquat: 3x5 @50%\n",
        "plan: P\nabout: " + "a" * 199 + " b\nday: A\nsquat: 3x5 @50%\n",
        "plan: P\nday: " + "a" * 99 + " b\nsquat: 3x5 @50%\n",
        'plan: P\nday: A\nsquat "' + "a" * 99 + ' b": 3x5 @50%\n',
    ],
    ids=["plan", "about", "day", "display"],
)
def test_a_name_cut_at_its_limit_reads_back_the_same(text: str) -> None:
    plan = parse(text)
    assert parse(plan_to_text(plan, EXERCISES)) == plan


def test_a_decimal_comma_in_a_set_reads_as_a_decimal() -> None:
    assert one_slot("squat: 1x5+ @72,5%").sets == (SetTemplate(5, percent=d("0.725"), amrap=True),)


def test_stages_without_a_rule_are_refused() -> None:
    found = problems(PLAN + "squat: 3x5 @75% | 3x3 @80%\n")
    assert found == [(3, Problem.STAGES_WITHOUT_RULE, {})]


@pytest.mark.parametrize(
    "rule",
    [
        "linear +0kg/0lb start 50%",
        "linear +2.5kg/0lb start 50%",
        "stages +2.5kg/5lb start 50% then +0kg/0lb",
        "linear +2.5kg/5lb start 0kg/0lb",
    ],
)
def test_a_rule_that_adds_nothing_or_starts_from_nothing_is_refused(rule: str) -> None:
    assert [line for line, _, _ in problems(f"{PLAN}squat: 3x5 ; {rule}\n")] == [3]


@pytest.mark.parametrize(
    ("body", "problem", "params"),
    [
        ("bench: , ; linear +2.5kg/5lb start 20kg/45lb", Problem.EMPTY_SCHEME, {}),
        ("bench: 3x5 | , ; stages +2.5kg/5lb start 20kg/45lb", Problem.EMPTY_SCHEME, {}),
        (
            "squat: 3x5 | 1x3 joker ; stages +2.5kg/5lb start 50%",
            Problem.SCHEME_WITHOUT_WORK_SET,
            {},
        ),
        (
            "squat: 1x12, 3x8-10 ; double +2.5kg/5lb start 50%",
            Problem.DOUBLE_RANGE_DOWNWARD,
            {"sets": 4, "low": 12, "high": 10},
        ),
        ("squat: 1x5 @8 warmup, 3x5 ; rpe start 50%", Problem.RPE_RULE_NEEDS_RPE_WORK_SET, {}),
        ("squat: 3x5 80kg 75%", Problem.TWO_LOADS, {"group": "3x5 80kg 75%"}),
        (
            "squat: 3x5 ; linear +2.5kg/5lb start 50% deload 10% after ²",
            Problem.DELOAD_FAILURES_NOT_WHOLE,
            {"token": "²"},
        ),
    ],
)
def test_plans_that_could_not_be_stored_or_run_are_refused_at_their_line(
    body: str, problem: Problem, params: dict[str, Param]
) -> None:
    """#4: each of these parsed, then broke storage, the finish, or the upload handler."""
    assert problems(f"{PLAN}{body}\n") == [(3, problem, params)]


def test_a_superscript_week_number_is_refused_not_a_crash() -> None:
    assert problems("plan: P\nweek: ²\nday: A\nsquat: 3x5 @50%\n")[0][0] == 2


def test_sessions_a_week_come_from_the_plan_or_its_weeks_or_its_days() -> None:
    per_week = {plan.slug: plan.sessions_per_week for plan in builtin_plans()}

    # TRAINING.md: StrongLifts, Starting Strength and GZCLP run three sessions a week; 5/3/1
    # four a week over a 4-week cycle of 16 days; nSuns as many as its name says.
    assert per_week == {
        "531-bbb": 4,
        "531-fsl": 4,
        "gzclp": 3,
        "nsuns-4day": 4,
        "nsuns-5day": 5,
        "starting-strength-1": 3,
        "starting-strength-2": 3,
        "stronglifts": 3,
    }


def test_a_sessions_line_reads_back_and_a_bad_one_names_its_line() -> None:
    exercises = load_exercises()
    text = "plan: A/B\nsessions: 3 A WEEK\nday: A\nsquat: 3x5 @70%\nday: B\nbench: 3x5 @70%\n"

    plan = parse_plan_text(text, exercises)

    assert plan.per_week == 3
    assert parse_plan_text(plan_to_text(plan, exercises), exercises) == plan
    for bad in ("0", "15", "three", "3 a month"):
        with pytest.raises(PlanTextError) as wrong:
            parse_plan_text(text.replace("3 A WEEK", bad), exercises)
        assert [(e.line, e.problem) for e in wrong.value.errors] == [(2, Problem.BAD_SESSIONS)]
