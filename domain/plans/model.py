"""Training plans as data: exercises, days, slots, set templates and progression rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.shared.weights import Unit, Weight


class UnknownExerciseError(LookupError):
    """An exercise slug that the exercise library does not know."""

    def __init__(self, slug: str) -> None:
        super().__init__(f"unknown exercise {slug!r}")
        self.slug = slug


class UnknownPlanError(LookupError):
    """No plan has that slug."""

    def __init__(self, slug: str) -> None:
        super().__init__(f"unknown plan {slug!r}")
        self.slug = slug


class UnknownDayError(LookupError):
    """A day number that the plan does not have."""

    def __init__(self, plan: str, number: int) -> None:
        super().__init__(f"plan {plan!r} has no day {number}")
        self.plan = plan
        self.number = number


class BodyRegion(StrEnum):
    UPPER = "upper"
    LOWER = "lower"


class Tier(StrEnum):
    T1 = "T1"
    T2 = "T2"
    T3 = "T3"


@dataclass(frozen=True, slots=True)
class Exercise:
    slug: str  # "squat", "bench", "sumo_deadlift"
    name: str  # "Squat"
    muscle_group: str  # "legs", "chest", "back", "shoulders"
    category: str  # "main", "variation", "accessory"
    region: BodyRegion


class Load(StrEnum):
    """Where a set's weight comes from."""

    PERCENT = "percent"  # a share of the training max
    FIXED = "fixed"  # a weight written in the plan
    RPE = "rpe"  # the working weight, the athlete rating the effort
    WORKING = "working"  # the working weight the slot's rule keeps


@dataclass(frozen=True, slots=True)
class SetTemplate:
    reps: int  # the reps asked for; at least this many when amrap; the bottom of a range
    percent: Decimal | None = None  # of the training max: Decimal("0.95")
    weight: Weight | None = None  # a fixed load
    rpe: Decimal | None = None  # the target effort, 6–10
    top_reps: int | None = None  # the top of a rep range (3x8-12)
    amrap: bool = False
    drives_progression: bool = False
    warmup: bool = False  # lifted before the work sets; no records, no progression
    optional: bool = False  # a joker set: offered, never required

    @property
    def load(self) -> Load:
        if self.percent is not None:
            return Load.PERCENT
        if self.weight is not None:
            return Load.FIXED
        if self.rpe is not None:
            return Load.RPE
        return Load.WORKING

    @property
    def counts(self) -> bool:
        """A work set that every rule reads: neither a warm-up nor optional."""
        return not self.warmup and not self.optional


@dataclass(frozen=True, slots=True)
class Step:
    """An amount in both units, so a lb lift moves by whole lb rather than converted kg."""

    kg: Decimal
    lb: Decimal

    def amount(self, unit: Unit) -> Decimal:
        return self.kg if unit == Unit.KG else self.lb


class RuleKind(StrEnum):
    """How a slot's lift progresses (besides a plan's AMRAP table)."""

    CYCLE = "cycle"  # 5/3/1: the TM rises once per cycle of weeks; a stall resets it
    COMPLETE = "complete"  # nSuns 4-day OHP (ours): the TM rises when every set is made
    LINEAR = "linear"  # StrongLifts, Starting Strength: working weight up each good session
    STAGES = "stages"  # GZCLP: rep schemes at one weight on failure, then a reset
    DOUBLE = "double"  # reps climb a range, then the weight rises
    RPE = "rpe"  # the load follows the e1RM the rated sets imply


TM_RULES = frozenset({RuleKind.CYCLE, RuleKind.COMPLETE})


class AfterStages(StrEnum):
    RETEST = "retest"  # T1: test a new rep max, restart at a share of it
    BUMP = "bump"  # T2: first stage again at its last weight plus a bump
    REPEAT = "repeat"  # T3: the same weight again


@dataclass(frozen=True, slots=True)
class SlotRule:
    """A slot's progression rule as the plan states it; plans/rules/slots.py makes it a rule."""

    kind: RuleKind
    step: Step | None = None  # the increment; not for rpe
    start: Decimal | None = None  # the first working weight as a share of the TM ...
    start_weight: Step | None = None  # ... or as a weight per unit
    failures: int = 3  # linear: failed sessions in a row before a deload
    deload: Decimal = Decimal("0.10")  # linear: the share taken off by that deload
    after: AfterStages = AfterStages.REPEAT  # stages: what follows a failed last stage
    bump: Step | None = None  # stages + BUMP
    retest_reps: int = 5  # stages + RETEST: the rep max tested
    restart: Decimal = Decimal("0.85")  # stages + RETEST: share of the new rep max
    at_reps: int | None = None  # stages: more weight only once the last set reaches this

    @property
    def keeps_working_weight(self) -> bool:
        return self.kind not in TM_RULES


@dataclass(frozen=True, slots=True)
class Slot:
    """One exercise on a plan day: what is performed, and whose training max sets the loads."""

    order: int
    tier: Tier
    exercise: str  # slug of the exercise performed
    training_max_of: str  # slug of the exercise whose TM the percentages apply to
    display_name: str
    stages: tuple[tuple[SetTemplate, ...], ...]  # one scheme, or a staged rule's schemes
    superset: str | None = None  # "A1": alternates set by set with "A2" of the same day
    rule: SlotRule | None = None

    @property
    def sets(self) -> tuple[SetTemplate, ...]:
        """The sets of the first (usually the only) scheme."""
        return self.stages[0]

    @property
    def track(self) -> str:
        """The key of the working weight this slot keeps: one per exercise and tier."""
        return f"{self.exercise}/{self.tier}"

    @property
    def needs_training_max(self) -> bool:
        """True when a load of this slot derives from the TM of `training_max_of`."""
        uses_percent = any(t.load == Load.PERCENT for stage in self.stages for t in stage)
        if self.rule is None:
            return uses_percent
        if self.rule.kind in TM_RULES:
            return True
        return uses_percent or self.rule.start_weight is None


@dataclass(frozen=True, slots=True)
class PlanDay:
    number: int  # 1-based position in the plan's day sequence
    name: str
    slots: tuple[Slot, ...]
    week: int | None = None  # in plans that run in weeks (5/3/1), the week of this day
    deload: bool = False  # a deload day: lighter, no records


@dataclass(frozen=True, slots=True)
class Increment:
    """Reps on the progression set from `min_reps` (inclusive) → how much the TM rises."""

    min_reps: int
    kg: Decimal
    lb: Decimal

    def amount(self, unit: Unit) -> Decimal:
        return self.kg if unit == Unit.KG else self.lb


@dataclass(frozen=True, slots=True)
class AmrapProgression:
    """nSuns: reps on the progression set pick an increment; an exercise rule beats a region rule.

    Exactly one of `exercise` or `region` is set. Brackets are ordered by min_reps.
    """

    brackets: tuple[Increment, ...]
    exercise: str | None = None
    region: BodyRegion | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    slug: str  # "nsuns-4day"
    name: str  # "nSuns 5/3/1 LP, 4 days"
    days: tuple[PlanDay, ...]
    progression: tuple[AmrapProgression, ...] = ()
    training_max_percent: Decimal = Decimal("0.90")
    about: str = ""  # one line for the plan list
    per_week: int | None = None  # sessions a week, when not one per day listed (A/B plans)

    def day(self, number: int) -> PlanDay:
        for day in self.days:
            if day.number == number:
                return day
        # not StopIteration, which a generator calling this would turn into a RuntimeError
        raise UnknownDayError(self.slug, number)

    def next_day(self, number: int) -> int:
        """The day that follows `number` in the sequence, wrapping around after the last."""
        return number % len(self.days) + 1

    @property
    def training_max_exercises(self) -> tuple[str, ...]:
        """The exercises whose training max the plan needs, in the order they first appear."""
        seen: dict[str, None] = {}
        for day in self.days:
            for slot in day.slots:
                if slot.needs_training_max:
                    seen.setdefault(slot.training_max_of)
        return tuple(seen)

    @property
    def weeks(self) -> int:
        """How many weeks a cycle of the plan runs; 0 when its days are not set in weeks."""
        return max((day.week or 0 for day in self.days), default=0)

    @property
    def sessions_per_week(self) -> int:
        """Sessions planned a week: as the plan says (`sessions: 3`), or a 4-week 5/3/1 cycle of
        16 days is 4 a week, or else one session per day listed (nSuns 4-day: 4)."""
        if self.per_week is not None:
            return self.per_week
        weeks = self.weeks
        return max(1, round(len(self.days) / weeks)) if weeks else len(self.days)


@dataclass(frozen=True, slots=True)
class PlanInfo:
    """A plan as the plan list shows it."""

    slug: str
    name: str
    builtin: bool
    owner_id: int | None = None  # who wrote it, for a custom plan
    published: bool = False  # offered to everyone by a bot admin
