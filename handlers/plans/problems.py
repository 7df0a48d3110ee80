"""What a plan-text problem says: the domain's code and parameters, in words."""

from __future__ import annotations

from decimal import Decimal

from domain.plans.model import RuleKind
from domain.plans.text.problems import LineError, PlanProblem

_TEXTS = {
    PlanProblem.TEXT_TOO_LONG: "a plan is at most {limit} characters",
    PlanProblem.UNSAVABLE: "this plan can't be written back as it was read; please report it",
    PlanProblem.NO_PLAN_NAME: "the plan starts with its name: “plan: My 5x5”",
    PlanProblem.NO_DAYS: "a plan has at least one “day:” with exercises",
    PlanProblem.NOT_KEY_VALUE: "expected “key: value”, a day or an exercise line with a colon",
    PlanProblem.HEADER_AFTER_DAYS: "“{key}:” belongs at the top, before the first day",
    PlanProblem.HEADER_TWICE: "“{key}:” is given twice",
    PlanProblem.EXERCISE_BEFORE_DAY: "an exercise line comes after a “day:” line",
    PlanProblem.EMPTY_PLAN_NAME: "the plan needs a name: “plan: My 5x5”",
    PlanProblem.BAD_SLUG: "a slug is lowercase letters, digits and dashes: “my-5x5”",
    PlanProblem.TM_NOT_A_PERCENT: (
        "“{token}” is not a percent; expected the TM as a share of the 1RM, like “tm: 90%”"
    ),
    PlanProblem.TM_OUT_OF_RANGE: "a training max is 50%–100% of the 1RM",
    PlanProblem.BAD_WEEK: "a week is a number, optionally “deload”: “week: 4 deload”",
    PlanProblem.EMPTY_DAY_NAME: "a day needs a name: “day: Squat, bench”",
    PlanProblem.TOO_MANY_DAYS: "a plan has at most {limit} days",
    PlanProblem.DAY_WITHOUT_EXERCISES: "day “{day}” has no exercises",
    PlanProblem.PROGRESS_WITHOUT_TARGET: (
        "say whose progression: “progress upper:”, “progress lower:” or a lift"
    ),
    PlanProblem.PROGRESS_WITHOUT_BRACKETS: (
        "list the brackets: “0-1 +0, 2-3 +2.5kg/5lb, 4+ +5kg/10lb”"
    ),
    PlanProblem.NOT_A_BRACKET: "“{token}” is not “reps +step”, like “2-3 +2.5kg/5lb” or “0-1 +0”",
    PlanProblem.BRACKET_GAP: "the reps run on from {expected}, not from {found}",
    PlanProblem.OPEN_BRACKET_NOT_LAST: "only the last bracket is open-ended, like “6+ +5kg/10lb”",
    PlanProblem.BRACKET_RANGE_DOWNWARD: "“{token}”: a range runs upward",
    PlanProblem.BAD_DISPLAY_NAME: (
        'a display name is in double quotes at the end: squat "Paused squat":'
    ),
    PlanProblem.EMPTY_DISPLAY_NAME: "a display name in quotes is not empty",
    PlanProblem.EXERCISE_NOT_NAMED: "name the exercise before the colon: “T1 squat: 5x5”",
    PlanProblem.UNKNOWN_EXERCISE: "I don't know the exercise “{name}”",
    PlanProblem.MISSPELT_EXERCISE: (
        "I don't know the exercise “{name}” — did you mean {suggestion}?"
    ),
    PlanProblem.NO_SETS: "list the sets after the colon: “squat: 3x5 @75%”",
    PlanProblem.EMPTY_SCHEME: "a scheme between “|” lists its sets, like “3x5”",
    PlanProblem.TOO_MANY_SETS: "an exercise has at most {limit} sets",
    PlanProblem.NOT_A_SET: "“{group}” is not a set like “3x5”, “1x5+”, “3x8-12”",
    PlanProblem.SET_COUNT_OUT_OF_RANGE: "“{group}”: 1 to {limit} sets",
    PlanProblem.REPS_OUT_OF_RANGE: "“{group}”: 1 to {limit} reps",
    PlanProblem.REP_RANGE_DOWNWARD: "“{group}”: a rep range runs upward, like 8-12",
    PlanProblem.MARK_WITHOUT_AMRAP: "“{group}”: “!” marks an AMRAP set (“1x1+ @95% !”)",
    PlanProblem.RPE_TARGET_NOT_FIXED_REPS: (
        "“{group}”: an RPE target is 1–10 fixed reps, like “3x5 @8”"
    ),
    PlanProblem.TWO_LOADS: "“{group}”: one load per set — a percent, a weight or an RPE",
    PlanProblem.PERCENT_OUT_OF_RANGE: (
        "“{group}”: a percent of the TM is above 0 and at most {limit}"
    ),
    PlanProblem.WEIGHT_OUT_OF_RANGE: "“{group}”: a weight is above 0 and at most {limit}",
    PlanProblem.RPE_OFF_CHART: "“{group}”: an RPE is 6 to 10 in half points, like @8 or @8.5",
    PlanProblem.NOT_A_LOAD_OR_MARK: (
        "“{token}” in “{group}” is not a load (@75%, 80kg, @8) or a mark (!, warmup, joker)"
    ),
    PlanProblem.UNKNOWN_RULE: "“{token}” is not a progression rule; try one of: {rules}",
    PlanProblem.RULE_WITHOUT_STEP: "say how much “{rule}” adds, like “{rule} +2.5kg/5lb”",
    PlanProblem.STAGES_WITHOUT_RULE: "schemes separated by “|” need the “stages” rule",
    PlanProblem.START_NOT_A_PERCENT: (
        "“{token}” is not a percent; expected “start 65%” of the TM or “start 20kg/45lb”"
    ),
    PlanProblem.START_OUT_OF_RANGE: "a start is above 0% and at most {limit}% of the TM",
    PlanProblem.DELOAD_NOT_A_PERCENT: "“{token}” is not a percent; expected “deload 10% after 3”",
    PlanProblem.DELOAD_FAILURES_NOT_WHOLE: (
        "“{token}” is not a whole number; expected “deload 10% after 3”"
    ),
    PlanProblem.DELOAD_OUT_OF_RANGE: (
        "a deload takes off 1%–99% after at least one failed session"
    ),
    PlanProblem.AT_REPS_NOT_WHOLE: "“{token}” is not a whole number; expected “at 25 reps”",
    PlanProblem.AT_REPS_OUT_OF_RANGE: "“at N reps” takes 1 to {limit}",
    PlanProblem.NOT_A_RULE_OPTION: (
        "“{token}” is not a rule option; options are start, deload … after, then …, at … reps"
    ),
    PlanProblem.BAD_RETEST: "“then retest 5RM” names the rep max to test",
    PlanProblem.RESTART_NOT_A_PERCENT: (
        "“{token}” is not a percent; expected “then retest 5RM at 85%”"
    ),
    PlanProblem.RESTART_OUT_OF_RANGE: "a restart is above 0% and at most 100% of the new rep max",
    PlanProblem.BAD_THEN: "after “then” comes “repeat”, “+7.5kg/15lb” or “retest 5RM”",
    PlanProblem.NO_LOAD_NO_RULE: (
        "sets with no load need a rule that keeps a working weight, like "
        "“; linear +2.5kg/5lb start 50%”, or a load on each set (@75%, 80kg)"
    ),
    PlanProblem.TM_RULE_NEEDS_PERCENTS: (
        "“{rule}” raises the TM, so every set is a percent of it (@75%)"
    ),
    PlanProblem.RPE_RULE_NEEDS_RPE_SETS: (
        "the “rpe” rule needs sets with an RPE target, like “3x5 @8”"
    ),
    PlanProblem.RPE_RULE_NEEDS_RPE_WORK_SET: (
        "the “rpe” rule needs a work set with an RPE target, like “3x5 @8”"
    ),
    PlanProblem.DOUBLE_NEEDS_RANGE: "“double” needs a rep range, like “3x8-12”",
    PlanProblem.DOUBLE_RANGE_DOWNWARD: (
        "the “double” rule can't run these sets: a rep range needs 1 ≤ low ≤ high and a set, "
        "got {sets}×{low}–{high}"
    ),
    PlanProblem.NO_START: (
        "say where the working weight starts: “start 60%” of the {lift} TM or “start 20kg/45lb”"
    ),
    PlanProblem.SCHEME_WITHOUT_WORK_SET: (
        "each scheme needs a work set, not only warm-up or joker sets"
    ),
    PlanProblem.RULE_CANNOT_RUN_SETS: "the “{rule}” rule can't run these sets",
    PlanProblem.CYCLE_WITHOUT_WEEKS: "“cycle” needs days set in weeks (“week: 1”)",
    PlanProblem.AMRAP_WITHOUT_PROGRESS: (
        "“!” raises the {lift} TM by reps, but no “progress” line covers it "
        "(“progress {region}: …”)"
    ),
    PlanProblem.NOT_A_STEP: "“{token}” is not a step in both units, like “+2.5kg/5lb”",
    PlanProblem.STEP_IN_ONE_UNIT: (
        "“{token}” gives one amount in kg and one in lb, like “+2.5kg/5lb”"
    ),
    PlanProblem.STEP_TOO_BIG: "“{token}” is more than a step",
    PlanProblem.STEP_NOT_POSITIVE: "“{token}”: a step is more than zero in both units",
    PlanProblem.NOT_A_NUMBER: "“{token}” is not a number",
    PlanProblem.TOO_MANY_DECIMALS: "“{token}”: at most two decimals",
}


def plan_problem_text(error: LineError) -> str:
    """`line 3: “3y5” is not a set like …`; a problem with the whole plan has no line."""
    args = {name: _arg(value) for name, value in error.params.items()}
    if error.problem == PlanProblem.UNKNOWN_RULE:
        args["rules"] = ", ".join(RuleKind)
    if error.problem == PlanProblem.TEXT_TOO_LONG:
        args["limit"] = f"{error.params['limit']:,}"
    text = _TEXTS[error.problem].format(**args)
    return text if error.line == 0 else f"line {error.line}: {text}"


def _arg(value: str | int | Decimal) -> str | int:
    return str(value) if isinstance(value, Decimal | str) else value
