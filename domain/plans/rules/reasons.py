"""Why a training max or working weight moved: a kind and typed parameters, never a sentence.

The rules produce reasons, training stores them with each history entry, and the handlers put
them into words. Every kind declares its parameters, so a stored reason reads back typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from domain.shared.weights import Unit, Weight


@dataclass(frozen=True, slots=True)
class SetScheme:
    """Sets × reps: "5×3+" with a last set as many as possible, "3×8–12" for a rep range."""

    sets: int
    reps: int
    amrap: bool = False
    top: int | None = None  # a rep range: reps–top

    @property
    def label(self) -> str:
        if self.top is not None:
            return f"{self.sets}×{self.reps}–{self.top}"
        return f"{self.sets}×{self.reps}{'+' if self.amrap else ''}"


class ReasonKind(StrEnum):
    # a training max from an AMRAP table, or a step for a slot done as prescribed
    AMRAP_TABLE = "amrap_table"
    NO_RULE = "no_rule"
    ALL_PRESCRIBED_SETS_MADE = "all_prescribed_sets_made"
    # a 5/3/1 cycle
    CYCLE_WEEK_DONE = "cycle_week_done"
    CYCLE_SET_SHORT = "cycle_set_short"
    CYCLE_COMPLETE = "cycle_complete"
    CYCLE_FELL_SHORT = "cycle_fell_short"
    # linear progression with a deload
    ALL_SETS_MADE = "all_sets_made"
    SESSION_FAILED = "session_failed"
    DELOAD_AFTER_FAILURES = "deload_after_failures"
    # double progression
    RANGE_TOP_REACHED = "range_top_reached"
    SETS_NOT_LOGGED = "sets_not_logged"
    RANGE_TOP_MISSED = "range_top_missed"
    # RPE targets
    NO_RATED_SET = "no_rated_set"
    RPE_ESTIMATE = "rpe_estimate"
    # staged linear (GZCLP)
    SET_FELL_SHORT = "set_fell_short"
    STAGE_ADVANCED = "stage_advanced"
    RETEST_NEXT = "retest_next"
    RETEST_AGAIN = "retest_again"
    RETEST_RESTART = "retest_restart"
    STAGE_RESTART_BUMPED = "stage_restart_bumped"
    LAST_SET_SHORT = "last_set_short"
    LAST_SET_REACHED = "last_set_reached"
    # the athlete and the bot, outside the rules
    RESET_PROPOSED = "reset_proposed"
    RESET_AFTER_STALL = "reset_after_stall"
    DECLINED = "declined"
    PLAN_START = "plan_start"
    SET_BY_HAND = "set_by_hand"
    SET_BY_COACH = "set_by_coach"
    FROM_ONE_REP_MAX = "from_one_rep_max"
    NOTE = "note"  # prose stored before reasons had kinds, kept verbatim


ReasonValue = Weight | Decimal | int | bool | str | SetScheme

# The parameters each kind carries. Percentages and factors are fractions: 0.9, not 90.
PARAMETERS: Mapping[ReasonKind, Mapping[str, type]] = {
    ReasonKind.AMRAP_TABLE: {"increment": Weight, "reps": int, "percent": Decimal},
    ReasonKind.NO_RULE: {"increment": Weight, "exercise": str},
    ReasonKind.ALL_PRESCRIBED_SETS_MADE: {"increment": Weight, "sets": int},
    ReasonKind.CYCLE_WEEK_DONE: {
        "week": int,
        "deload": bool,
        "next_week": int,
        "next_deload": bool,
    },
    ReasonKind.CYCLE_SET_SHORT: {
        "next_week": int,
        "next_deload": bool,
        "percent": Decimal,
        "set_reps": int,
        "amrap": bool,
        "reps": int,
        "factor": Decimal,
    },
    ReasonKind.CYCLE_COMPLETE: {"increment": Weight, "weeks": int},
    ReasonKind.CYCLE_FELL_SHORT: {"factor": Decimal},
    ReasonKind.ALL_SETS_MADE: {"increment": Weight, "scheme": SetScheme},
    ReasonKind.SESSION_FAILED: {"scheme": SetScheme, "failures": int},
    ReasonKind.DELOAD_AFTER_FAILURES: {"factor": Decimal, "failures": int},
    ReasonKind.RANGE_TOP_REACHED: {"increment": Weight, "scheme": SetScheme, "reps": int},
    ReasonKind.SETS_NOT_LOGGED: {"logged": int, "sets": int},
    ReasonKind.RANGE_TOP_MISSED: {"reps": int, "needed": int},
    ReasonKind.NO_RATED_SET: {},
    ReasonKind.RPE_ESTIMATE: {
        "change": Weight,
        "lifted": Weight,
        "reps": int,
        "rpe": Decimal,
        "e1rm": Weight,
        "target_reps": int,
        "target_rpe": Decimal,
        "percent": Decimal,
    },
    ReasonKind.SET_FELL_SHORT: {"scheme": SetScheme},
    ReasonKind.STAGE_ADVANCED: {"scheme": SetScheme, "failed": SetScheme},
    ReasonKind.RETEST_NEXT: {"reps": int, "failed": SetScheme},
    ReasonKind.RETEST_AGAIN: {"reps": int},
    ReasonKind.RETEST_RESTART: {
        "scheme": SetScheme,
        "weight": Weight,
        "percent": Decimal,
        "reps": int,
        "best": Weight,
    },
    ReasonKind.STAGE_RESTART_BUMPED: {
        "scheme": SetScheme,
        "weight": Weight,
        "failed": SetScheme,
        "increment": Weight,
    },
    ReasonKind.LAST_SET_SHORT: {"reps": int, "scheme": SetScheme, "needed": int},
    ReasonKind.LAST_SET_REACHED: {"increment": Weight, "reps": int, "scheme": SetScheme},
    ReasonKind.RESET_PROPOSED: {"factor": Decimal},
    ReasonKind.RESET_AFTER_STALL: {"factor": Decimal},
    ReasonKind.DECLINED: {},
    ReasonKind.PLAN_START: {},
    ReasonKind.SET_BY_HAND: {},
    ReasonKind.SET_BY_COACH: {"coach": str},
    ReasonKind.FROM_ONE_REP_MAX: {"percent": Decimal, "one_rep_max": Weight},
    ReasonKind.NOTE: {"text": str},
}
OPTIONAL = {(ReasonKind.AMRAP_TABLE, "percent")}  # the progression set may have no percent

ValueT = TypeVar("ValueT", Weight, Decimal, int, bool, str, SetScheme)


@dataclass(frozen=True, slots=True)
class Reason:
    """A kind and its parameters, as PARAMETERS declares them; build one with `Reason.of`."""

    kind: ReasonKind
    params: tuple[tuple[str, ReasonValue], ...] = ()

    def __post_init__(self) -> None:
        declared = PARAMETERS[self.kind]
        given = dict(self.params)
        required = {name for name in declared if (self.kind, name) not in OPTIONAL}
        if not required <= given.keys() <= declared.keys():
            raise ValueError(f"a {self.kind} reason takes {sorted(declared)}, got {sorted(given)}")
        for name, value in given.items():
            if not _is(value, declared[name]):
                raise TypeError(f"{self.kind}'s {name} is a {declared[name].__name__}: {value!r}")

    @classmethod
    def of(cls, kind: ReasonKind, **params: ReasonValue | None) -> Reason:
        """The reason with `params` in declared order; a None leaves an optional one out."""
        given = {name: value for name, value in params.items() if value is not None}
        order = [*PARAMETERS[kind], *sorted(given.keys() - PARAMETERS[kind].keys())]
        return cls(kind, tuple((name, given[name]) for name in order if name in given))

    def get(self, name: str, kind: type[ValueT]) -> ValueT:
        value = dict(self.params)[name]
        if not _is(value, kind):
            raise TypeError(f"{self.kind}'s {name} is not a {kind.__name__}: {value!r}")
        return value  # type: ignore[return-value]  # checked just above


def _is(value: object, kind: type) -> bool:
    if kind is int:  # a bool is an int to Python, not to a reason
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def note(text: str) -> Reason:
    return Reason.of(ReasonKind.NOTE, text=text)


DECLINED = Reason(ReasonKind.DECLINED)
PLAN_START = Reason(ReasonKind.PLAN_START)
SET_BY_HAND = Reason(ReasonKind.SET_BY_HAND)


# -------------------------------------------------------------------------------------------
# Stored as JSON: {"kind": ..., "params": {...}}; weights as [amount, unit], decimals as strings,
# set schemes as {"sets", "reps", "amrap", "top"}.


def reason_to_json(reason: Reason) -> dict[str, Any]:
    return {"kind": reason.kind.value, "params": {n: _encode(v) for n, v in reason.params}}


def reason_from_json(data: Mapping[str, Any]) -> Reason:
    kind = ReasonKind(data["kind"])
    declared = PARAMETERS[kind]
    params: dict[str, Any] = data.get("params", {})
    return Reason.of(
        kind, **{name: _decode(value, declared[name]) for name, value in params.items()}
    )


def _encode(value: ReasonValue) -> Any:
    match value:
        case Weight():
            return [str(value.amount), value.unit.value]
        case Decimal():
            return str(value)
        case SetScheme():
            return {"sets": value.sets, "reps": value.reps, "amrap": value.amrap, "top": value.top}
        case _:
            return value


def _decode(value: Any, kind: type) -> ReasonValue:
    if kind is Weight:
        amount, unit = value
        return Weight(Decimal(amount), Unit(unit))
    if kind is Decimal:
        return Decimal(value)
    if kind is SetScheme:
        return SetScheme(value["sets"], value["reps"], bool(value["amrap"]), value["top"])
    if kind is bool:
        return bool(value)
    if kind is int:
        return int(value)
    return str(value)
