"""What can be wrong with a plan text: a problem code per kind, with the line and its parameters.

The words are the handlers' (one catalogue message per code); the parameters are the offending
token, a limit, a suggestion: values, never sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

Param = str | int | Decimal


class PlanProblem(StrEnum):
    # the text as a whole
    TEXT_TOO_LONG = "text_too_long"  # limit
    UNSAVABLE = "unsavable"  # it does not read back as the plan it was read as
    NO_PLAN_NAME = "no_plan_name"
    NO_DAYS = "no_days"
    # the shape of a line
    NOT_KEY_VALUE = "not_key_value"
    HEADER_AFTER_DAYS = "header_after_days"  # header
    HEADER_TWICE = "header_twice"  # header
    EXERCISE_BEFORE_DAY = "exercise_before_day"
    # headers
    EMPTY_PLAN_NAME = "empty_plan_name"
    BAD_SLUG = "bad_slug"
    TM_NOT_A_PERCENT = "tm_not_a_percent"  # token
    TM_OUT_OF_RANGE = "tm_out_of_range"
    BAD_SESSIONS = "bad_sessions"  # limit
    BAD_WEEK = "bad_week"
    EMPTY_DAY_NAME = "empty_day_name"
    TOO_MANY_DAYS = "too_many_days"  # limit
    DAY_WITHOUT_EXERCISES = "day_without_exercises"  # day
    # progress lines
    PROGRESS_WITHOUT_TARGET = "progress_without_target"
    PROGRESS_WITHOUT_BRACKETS = "progress_without_brackets"
    NOT_A_BRACKET = "not_a_bracket"  # token
    BRACKET_GAP = "bracket_gap"  # expected, found
    OPEN_BRACKET_NOT_LAST = "open_bracket_not_last"
    BRACKET_RANGE_DOWNWARD = "bracket_range_downward"  # token
    # exercise lines
    BAD_DISPLAY_NAME = "bad_display_name"
    EMPTY_DISPLAY_NAME = "empty_display_name"
    EXERCISE_NOT_NAMED = "exercise_not_named"
    UNKNOWN_EXERCISE = "unknown_exercise"  # name
    MISSPELT_EXERCISE = "misspelt_exercise"  # name, suggestion
    NO_SETS = "no_sets"
    EMPTY_SCHEME = "empty_scheme"
    TOO_MANY_SETS = "too_many_sets"  # limit
    # set groups: "3x5 @75%"
    NOT_A_SET = "not_a_set"  # group
    SET_COUNT_OUT_OF_RANGE = "set_count_out_of_range"  # group, limit
    REPS_OUT_OF_RANGE = "reps_out_of_range"  # group, limit
    REP_RANGE_DOWNWARD = "rep_range_downward"  # group
    MARK_WITHOUT_AMRAP = "mark_without_amrap"  # group
    RPE_TARGET_NOT_FIXED_REPS = "rpe_target_not_fixed_reps"  # group
    TWO_LOADS = "two_loads"  # group
    PERCENT_OUT_OF_RANGE = "percent_out_of_range"  # group, limit
    WEIGHT_OUT_OF_RANGE = "weight_out_of_range"  # group, limit
    RPE_OFF_CHART = "rpe_off_chart"  # group
    NOT_A_LOAD_OR_MARK = "not_a_load_or_mark"  # token, group
    # rules: "; linear +2.5kg/5lb start 50%"
    UNKNOWN_RULE = "unknown_rule"  # token
    RULE_WITHOUT_STEP = "rule_without_step"  # rule
    STAGES_WITHOUT_RULE = "stages_without_rule"
    START_NOT_A_PERCENT = "start_not_a_percent"  # token
    START_OUT_OF_RANGE = "start_out_of_range"  # limit
    DELOAD_NOT_A_PERCENT = "deload_not_a_percent"  # token
    DELOAD_FAILURES_NOT_WHOLE = "deload_failures_not_whole"  # token
    DELOAD_OUT_OF_RANGE = "deload_out_of_range"
    AT_REPS_NOT_WHOLE = "at_reps_not_whole"  # token
    AT_REPS_OUT_OF_RANGE = "at_reps_out_of_range"  # limit
    NOT_A_RULE_OPTION = "not_a_rule_option"  # token
    BAD_RETEST = "bad_retest"
    RESTART_NOT_A_PERCENT = "restart_not_a_percent"  # token
    RESTART_OUT_OF_RANGE = "restart_out_of_range"
    BAD_THEN = "bad_then"
    # a rule and its sets
    NO_LOAD_NO_RULE = "no_load_no_rule"
    TM_RULE_NEEDS_PERCENTS = "tm_rule_needs_percents"  # rule
    RPE_RULE_NEEDS_RPE_SETS = "rpe_rule_needs_rpe_sets"
    RPE_RULE_NEEDS_RPE_WORK_SET = "rpe_rule_needs_rpe_work_set"
    DOUBLE_NEEDS_RANGE = "double_needs_range"
    DOUBLE_RANGE_DOWNWARD = "double_range_downward"  # sets, low, high
    NO_START = "no_start"  # lift
    SCHEME_WITHOUT_WORK_SET = "scheme_without_work_set"
    RULE_CANNOT_RUN_SETS = "rule_cannot_run_sets"  # rule
    CYCLE_WITHOUT_WEEKS = "cycle_without_weeks"
    AMRAP_WITHOUT_PROGRESS = "amrap_without_progress"  # lift, region
    # steps and numbers
    NOT_A_STEP = "not_a_step"  # token
    STEP_IN_ONE_UNIT = "step_in_one_unit"  # token
    STEP_TOO_BIG = "step_too_big"  # token
    STEP_NOT_POSITIVE = "step_not_positive"  # token
    NOT_A_NUMBER = "not_a_number"  # token
    TOO_MANY_DECIMALS = "too_many_decimals"  # token


@dataclass(frozen=True, slots=True)
class LineError:
    """One problem, on a line (1-based; 0 for the plan as a whole), with what it is about."""

    line: int
    problem: PlanProblem
    params: Mapping[str, Param] = field(default_factory=dict)

    def __str__(self) -> str:
        """A diagnostic for logs and data-file errors; people see the handlers' words."""
        where = "plan" if self.line == 0 else f"line {self.line}"
        params = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
        return f"{where}: {self.problem}({params})"


class PlanTextError(ValueError):
    """The text is not a valid plan; `errors` say where and why, first line first."""

    def __init__(self, errors: list[LineError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = tuple(errors)
