"""Reading plan text a person typed: the plan, or errors that name the line.

The format is documented, with examples, in docs/plan-format.md. Writing a plan (render.py)
and reading the text back gives the same plan, so the text is also how plans are stored.

One module on purpose (~570 lines): the header, day and slot readers share the draft and the
one-error-per-line flow (`_BadLineError`), and the slot grammar is one recursive reading.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from domain.plans.model import (
    TM_RULES,
    AfterStages,
    AmrapProgression,
    BodyRegion,
    Exercise,
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
from domain.plans.rules.slots import counting, rule_of
from domain.plans.text.grammar import (
    BRACKET,
    DECIMAL_COMMA,
    DEFAULT_TM,
    DIGITS,
    GROUP,
    MAX_DAYS,
    MAX_ERRORS,
    MAX_PERCENT,
    MAX_REPS,
    MAX_SETS,
    MAX_TEXT,
    MAX_WEIGHT,
    PERCENT,
    RPE,
    RPE_HIGHEST,
    RPE_LOWEST,
    RPE_MAX_REPS,
    SLUG,
    STEP,
    SUPERSET,
    WEIGHT,
)
from domain.shared.weights import Unit, Weight

_DEFAULT_TIER = {"main": Tier.T1, "variation": Tier.T2}
_NO_PLAN = Plan("", "", ())  # a slot's own rule needs no plan; only "cycle" reads its weeks


@dataclass(frozen=True, slots=True)
class LineError:
    line: int  # 1-based; 0 for the plan as a whole
    message: str

    def __str__(self) -> str:
        return self.message if self.line == 0 else f"line {self.line}: {self.message}"


class PlanTextError(ValueError):
    """The text is not a valid plan; `errors` say where and why, first line first."""

    def __init__(self, errors: list[LineError]) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = tuple(errors)


class _BadLineError(Exception):
    """One thing wrong with the line being read."""


@dataclass
class _Draft:
    name: str | None = None
    slug: str | None = None
    about: str = ""
    training_max: Decimal = DEFAULT_TM
    progression: list[AmrapProgression] = field(default_factory=list)
    days: list[PlanDay] = field(default_factory=list)
    week: int | None = None
    deload: bool = False
    seen: set[str] = field(default_factory=set)  # header keys given once


def parse_plan_text(text: str, exercises: Mapping[str, Exercise]) -> Plan:
    """The plan the text describes; PlanTextError lists what is wrong, line by line."""
    if len(text) > MAX_TEXT:
        raise PlanTextError([LineError(0, f"a plan is at most {MAX_TEXT:,} characters")])
    draft = _Draft()
    errors: list[LineError] = []
    slot_lines: dict[tuple[int, int], int] = {}
    for number, line in _lines(text):
        try:
            if (slot := _read_line(draft, line, exercises)) is not None:
                slot_lines[slot] = number
        except _BadLineError as problem:
            errors.append(LineError(number, str(problem)))
            if len(errors) == MAX_ERRORS:
                break
    if not errors:
        errors.extend(_whole_plan_problems(draft, exercises, slot_lines))
    if errors:
        raise PlanTextError(errors)
    return Plan(
        slug=draft.slug or slugify(draft.name or ""),
        name=draft.name or "",
        days=tuple(draft.days),
        progression=tuple(draft.progression),
        training_max_percent=draft.training_max,
        about=draft.about,
    )


def slugify(name: str) -> str:
    """ "My Plan #2" → "my-plan-2"."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:64] or "plan"


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _without_comment(raw).strip()
        if line:
            yield number, line


def _without_comment(line: str) -> str:
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "#" and not quoted:
            return line[:index]
    return line


def _read_line(
    draft: _Draft, line: str, exercises: Mapping[str, Exercise]
) -> tuple[int, int] | None:
    """Reads one line into the draft; returns (day, slot) numbers, slot 0 for a day line."""
    key, colon, value = line.partition(":")
    key = key.strip().lower()
    value = value.strip()
    if not colon:
        raise _BadLineError("expected “key: value”, a day or an exercise line with a colon")
    if key in {"plan", "slug", "about", "tm"} or key.startswith("progress"):
        if draft.days:
            raise _BadLineError(f"“{key}:” belongs at the top, before the first day")
        _read_header(draft, key, value, exercises)
    elif key == "week":
        draft.week, draft.deload = _week(value)
    elif key == "day":
        if not value:
            raise _BadLineError("a day needs a name: “day: Squat, bench”")
        if len(draft.days) == MAX_DAYS:
            raise _BadLineError(f"a plan has at most {MAX_DAYS} days")
        draft.days.append(
            PlanDay(
                len(draft.days) + 1, value[:100].strip(), (), week=draft.week, deload=draft.deload
            )
        )
        return len(draft.days), 0
    else:
        if not draft.days:
            raise _BadLineError("an exercise line comes after a “day:” line")
        day = draft.days[-1]
        slot = _slot(line, len(day.slots) + 1, exercises)
        draft.days[-1] = replace(day, slots=(*day.slots, slot))
        return day.number, slot.order
    return None


def _read_header(draft: _Draft, key: str, value: str, exercises: Mapping[str, Exercise]) -> None:
    if key in draft.seen:
        raise _BadLineError(f"“{key}:” is given twice")
    draft.seen.add(key)
    if key == "plan":
        if not value:
            raise _BadLineError("the plan needs a name: “plan: My 5x5”")
        draft.name = value[:100].strip()
    elif key == "slug":
        if not SLUG.fullmatch(value):
            raise _BadLineError("a slug is lowercase letters, digits and dashes: “my-5x5”")
        draft.slug = value
    elif key == "about":
        draft.about = value[:200].strip()
    elif key == "tm":
        share = _percent(value, "the TM as a share of the 1RM, like “tm: 90%”")
        if not Decimal("0.5") <= share <= 1:
            raise _BadLineError("a training max is 50%–100% of the 1RM")
        draft.training_max = share
    else:
        draft.progression.append(_progress(key, value, exercises))


def _week(value: str) -> tuple[int, bool]:
    words = value.lower().split()
    if (
        not words
        or not DIGITS.fullmatch(words[0])
        or int(words[0]) < 1
        or words[1:] not in ([], ["deload"])
    ):
        raise _BadLineError("a week is a number, optionally “deload”: “week: 4 deload”")
    return int(words[0]), words[1:] == ["deload"]


def _progress(key: str, value: str, exercises: Mapping[str, Exercise]) -> AmrapProgression:
    target = key.removeprefix("progress").strip()
    if not target:
        raise _BadLineError("say whose progression: “progress upper:”, “progress lower:” or a lift")
    parts = _split(value, ",")
    if not parts:
        raise _BadLineError("list the brackets: “0-1 +0, 2-3 +2.5kg/5lb, 4+ +5kg/10lb”")
    brackets: list[Increment] = []
    expected: int | None = None  # reps below the first bracket add nothing
    for index, part in enumerate(parts):
        match = BRACKET.fullmatch(part)
        if match is None:
            raise _BadLineError(f"“{part}” is not “reps +step”, like “2-3 +2.5kg/5lb” or “0-1 +0”")
        low = int(match["low"])
        if expected is not None and low != expected:
            raise _BadLineError(f"the reps run on from {expected}, not from {low}")
        last = index == len(parts) - 1
        if last != (match["open"] is not None):
            raise _BadLineError("only the last bracket is open-ended, like “6+ +5kg/10lb”")
        high = int(match["high"]) if match["high"] else low
        if high < low:
            raise _BadLineError(f"“{part}”: a range runs upward")
        step = _step(match["step"], zero=True) if match["step"] else Step(Decimal(0), Decimal(0))
        brackets.append(Increment(low, step.kg, step.lb))
        expected = high + 1
    if target in {region.value for region in BodyRegion}:
        return AmrapProgression(tuple(brackets), region=BodyRegion(target))
    return AmrapProgression(tuple(brackets), exercise=_exercise(target, exercises))


def _slot(line: str, order: int, exercises: Mapping[str, Exercise]) -> Slot:
    head, _, body = line.partition(":")
    sets_text, _, rule_text = body.partition(";")
    display: str | None = None
    if '"' in head:
        before, _, rest = head.partition('"')
        display, closed, after = rest.partition('"')
        if not closed or after.strip():
            raise _BadLineError(
                'a display name is in double quotes at the end: squat "Paused squat":'
            )
        if not display.strip():
            raise _BadLineError("a display name in quotes is not empty")
        head = before
    words = head.split()
    tier: Tier | None = None
    superset: str | None = None
    while words and (words[0].upper() in set(Tier) or SUPERSET.fullmatch(words[0])):
        word = words.pop(0)
        if word.upper() in set(Tier):
            tier = Tier(word.upper())
        else:
            superset = word
    tm_of: str | None = None
    if words and words[-1].lower().startswith("tm="):
        tm_of = _exercise(words.pop()[3:], exercises)
    if not words:
        raise _BadLineError("name the exercise before the colon: “T1 squat: 5x5”")
    exercise = exercises[_exercise(" ".join(words), exercises)]
    stages = tuple(_stage(text) for text in sets_text.split("|")) if sets_text.strip() else ()
    if not stages:
        raise _BadLineError("list the sets after the colon: “squat: 3x5 @75%”")
    rule = _rule(rule_text.strip(), stages) if rule_text.strip() else None
    if rule is None and any(t.load == Load.RPE for stage in stages for t in stage):
        rule = SlotRule(RuleKind.RPE)
    slot = Slot(
        order=order,
        tier=tier or _DEFAULT_TIER.get(exercise.category, Tier.T3),
        exercise=exercise.slug,
        training_max_of=tm_of or exercise.slug,
        display_name=(display or exercise.name).strip()[:100].strip(),
        stages=stages,
        superset=superset,
        rule=rule,
    )
    _check_slot(slot)
    return slot


def _split(text: str, separator: str) -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


def _stage(text: str) -> tuple[SetTemplate, ...]:
    text = DECIMAL_COMMA.sub(r"\1.\2", text)  # "@72,5%": a decimal comma, not a new group
    templates: list[SetTemplate] = []
    for group in _split(text, ","):
        templates.extend(_group(group))
    if not templates:
        raise _BadLineError("a scheme between “|” lists its sets, like “3x5”")
    if len(templates) > MAX_SETS * 3:
        raise _BadLineError(f"an exercise has at most {MAX_SETS * 3} sets")
    return tuple(templates)


def _group(text: str) -> list[SetTemplate]:
    match = GROUP.match(text)
    if match is None:
        raise _BadLineError(f"“{text}” is not a set like “3x5”, “1x5+”, “3x8-12”")
    count, reps = int(match["sets"]), int(match["reps"])
    if not 1 <= count <= MAX_SETS:
        raise _BadLineError(f"“{text}”: 1 to {MAX_SETS} sets")
    if not 1 <= reps <= MAX_REPS:
        raise _BadLineError(f"“{text}”: 1 to {MAX_REPS} reps")
    top = int(match["top"]) if match["top"] else None
    if top is not None and not reps < top <= MAX_REPS:
        raise _BadLineError(f"“{text}”: a rep range runs upward, like 8-12")
    template = SetTemplate(reps=reps, top_reps=top, amrap=match["amrap"] is not None)
    for word in text[match.end() :].split():
        template = _modifier(template, word, text)
    if template.drives_progression and not template.amrap:
        raise _BadLineError(f"“{text}”: “!” marks an AMRAP set (“1x1+ @95% !”)")
    if template.load == Load.RPE and (template.amrap or reps > RPE_MAX_REPS or top):
        raise _BadLineError(f"“{text}”: an RPE target is 1–10 fixed reps, like “3x5 @8”")
    return [template] * count


def _modifier(template: SetTemplate, word: str, group: str) -> SetTemplate:
    lowered = word.lower()
    if lowered == "!":
        return replace(template, drives_progression=True)
    if lowered == "warmup":
        return replace(template, warmup=True)
    if lowered == "joker":
        return replace(template, optional=True)
    is_load = word.startswith("@") or WEIGHT.fullmatch(word) or PERCENT.fullmatch(word)
    if template.load != Load.WORKING and is_load:
        raise _BadLineError(f"“{group}”: one load per set — a percent, a weight or an RPE")
    if match := PERCENT.fullmatch(word):
        percent = _decimal(match[1])
        if not 0 < percent <= MAX_PERCENT:
            raise _BadLineError(
                f"“{group}”: a percent of the TM is above 0 and at most {MAX_PERCENT}"
            )
        return replace(template, percent=percent / 100)
    if match := WEIGHT.fullmatch(word):
        amount = _decimal(match[1])
        if not 0 < amount <= MAX_WEIGHT:
            raise _BadLineError(f"“{group}”: a weight is above 0 and at most {MAX_WEIGHT}")
        return replace(template, weight=Weight(amount, Unit(match[2].lower())))
    if match := RPE.fullmatch(word):
        rpe = _decimal(match[1])
        if not RPE_LOWEST <= rpe <= RPE_HIGHEST or (rpe * 2) % 1:
            raise _BadLineError(f"“{group}”: an RPE is 6 to 10 in half points, like @8 or @8.5")
        return replace(template, rpe=rpe)
    raise _BadLineError(
        f"“{word}” in “{group}” is not a load (@75%, 80kg, @8) or a mark (!, warmup, joker)"
    )


def _rule(text: str, stages: tuple[tuple[SetTemplate, ...], ...]) -> SlotRule:
    words = text.split()
    try:
        kind = RuleKind(words[0].lower())
    except ValueError:
        kinds = ", ".join(kind.value for kind in RuleKind)
        raise _BadLineError(
            f"“{words[0]}” is not a progression rule; try one of: {kinds}"
        ) from None
    rule = SlotRule(kind)
    rest = words[1:]
    if rest and STEP.fullmatch(rest[0]):
        rule = replace(rule, step=_step(rest.pop(0)))
    while rest:
        rule = _option(rule, rest)
    if kind != RuleKind.RPE and rule.step is None:
        raise _BadLineError(f"say how much “{kind}” adds, like “{kind} +2.5kg/5lb”")
    if kind != RuleKind.STAGES and len(stages) > 1:
        raise _BadLineError("schemes separated by “|” need the “stages” rule")
    return rule


def _option(rule: SlotRule, words: list[str]) -> SlotRule:
    word = words.pop(0).lower()
    if word == "start" and words:
        value = words.pop(0)
        if STEP.fullmatch(value):
            return replace(rule, start_weight=_step(value))
        share = _percent(value, "“start 65%” of the TM or “start 20kg/45lb”")
        if not 0 < share <= MAX_PERCENT / 100:
            raise _BadLineError("a start is above 0% and at most 150% of the TM")
        return replace(rule, start=share)
    if word == "deload" and len(words) >= 3 and words[1].lower() == "after":
        share = _percent(words.pop(0), "“deload 10% after 3”")
        words.pop(0)
        failures = _whole(words.pop(0), "“deload 10% after 3”")
        if not 0 < share < 1 or failures < 1:
            raise _BadLineError("a deload takes off 1%–99% after at least one failed session")
        return replace(rule, deload=share, failures=failures)
    if word == "then" and words:
        return _then(rule, words)
    if word == "at" and len(words) >= 2 and words[1].lower() == "reps":
        reps = _whole(words.pop(0), "“at 25 reps”")
        words.pop(0)
        if not 1 <= reps <= MAX_REPS:
            raise _BadLineError(f"“at N reps” takes 1 to {MAX_REPS}")
        return replace(rule, at_reps=reps)
    raise _BadLineError(
        f"“{word}” is not a rule option; options are start, deload … after, then …, at … reps"
    )


def _then(rule: SlotRule, words: list[str]) -> SlotRule:
    word = words.pop(0)
    if word.lower() == "repeat":
        return replace(rule, after=AfterStages.REPEAT)
    if STEP.fullmatch(word):
        return replace(rule, after=AfterStages.BUMP, bump=_step(word))
    if word.lower() == "retest" and words:
        rep_max = words.pop(0).upper()
        if (
            not rep_max.endswith("RM")
            or not DIGITS.fullmatch(rep_max[:-2])
            or not 1 <= int(rep_max[:-2]) <= 20
        ):
            raise _BadLineError("“then retest 5RM” names the rep max to test")
        rule = replace(rule, after=AfterStages.RETEST, retest_reps=int(rep_max[:-2]))
        if len(words) >= 2 and words[0].lower() == "at":
            words.pop(0)
            share = _percent(words.pop(0), "“then retest 5RM at 85%”")
            if not 0 < share <= 1:
                raise _BadLineError("a restart is above 0% and at most 100% of the new rep max")
            rule = replace(rule, restart=share)
        return rule
    raise _BadLineError("after “then” comes “repeat”, “+7.5kg/15lb” or “retest 5RM”")


def _check_slot(slot: Slot) -> None:
    rule = slot.rule
    loads = {template.load for stage in slot.stages for template in stage}
    if len(slot.stages) > 1 and (rule is None or rule.kind != RuleKind.STAGES):
        raise _BadLineError("schemes separated by “|” need the “stages” rule")
    if rule is None:
        if Load.WORKING in loads:
            raise _BadLineError(
                "sets with no load need a rule that keeps a working weight, like "
                "“; linear +2.5kg/5lb start 50%”, or a load on each set (@75%, 80kg)"
            )
        return
    if rule.kind in TM_RULES and loads != {Load.PERCENT}:
        raise _BadLineError(f"“{rule.kind}” raises the TM, so every set is a percent of it (@75%)")
    if rule.kind == RuleKind.RPE and Load.RPE not in loads:
        raise _BadLineError("the “rpe” rule needs sets with an RPE target, like “3x5 @8”")
    if rule.kind == RuleKind.DOUBLE and not any(t.top_reps for stage in slot.stages for t in stage):
        raise _BadLineError("“double” needs a rep range, like “3x8-12”")
    if rule.kind == RuleKind.STAGES and rule.after == AfterStages.RETEST and len(slot.stages) < 1:
        raise _BadLineError("“stages” lists its schemes separated by “|”")
    if rule.keeps_working_weight and rule.start is None and rule.start_weight is None:
        raise _BadLineError(
            f"say where the working weight starts: “start 60%” of the {slot.training_max_of} TM "
            "or “start 20kg/45lb”"
        )
    if any(not counting(stage) for stage in slot.stages):
        raise _BadLineError("each scheme needs a work set, not only warm-up or joker sets")
    if rule.kind == RuleKind.RPE and not any(t.rpe for t in counting(slot.sets)):
        raise _BadLineError("the “rpe” rule needs a work set with an RPE target, like “3x5 @8”")
    if rule.kind != RuleKind.CYCLE:
        try:
            rule_of(_NO_PLAN, slot)
        except ValueError as error:  # the rule kinds check their own shape: 8-12, not 12-8
            raise _BadLineError(f"the “{rule.kind}” rule can't run these sets: {error}") from None


def _whole_plan_problems(
    draft: _Draft, exercises: Mapping[str, Exercise], slot_lines: Mapping[tuple[int, int], int]
) -> list[LineError]:
    problems: list[LineError] = []
    if draft.name is None:
        problems.append(LineError(1, "the plan starts with its name: “plan: My 5x5”"))
    if not draft.days:
        problems.append(LineError(0, "a plan has at least one “day:” with exercises"))
    problems.extend(
        LineError(slot_lines.get((day.number, 0), 0), f"day “{day.name}” has no exercises")
        for day in draft.days
        if not day.slots
    )
    weeks = max((day.week or 0 for day in draft.days), default=0)
    for day in draft.days:
        for slot in day.slots:
            line = slot_lines.get((day.number, slot.order), 0)
            if slot.rule is not None and slot.rule.kind == RuleKind.CYCLE and not weeks:
                problems.append(LineError(line, "“cycle” needs days set in weeks (“week: 1”)"))
            if any(t.drives_progression for t in slot.sets) and not _covered(
                draft.progression, exercises[slot.training_max_of]
            ):
                problems.append(
                    LineError(
                        line,
                        f"“!” raises the {slot.training_max_of} TM by reps, but no “progress” line "
                        f"covers it (“progress {exercises[slot.training_max_of].region}: …”)",
                    )
                )
    return problems


def _covered(progression: list[AmrapProgression], exercise: Exercise) -> bool:
    return any(
        rule.exercise == exercise.slug or rule.region == exercise.region for rule in progression
    )


def _exercise(name: str, exercises: Mapping[str, Exercise]) -> str:
    key = re.sub(r"[\s-]+", "_", name.strip().lower())
    if key in exercises:
        return key
    by_name = {exercise.name.lower(): slug for slug, exercise in exercises.items()}
    if name.strip().lower() in by_name:
        return by_name[name.strip().lower()]
    close = difflib.get_close_matches(key, list(exercises), n=1, cutoff=0.6)
    hint = f" — did you mean {close[0]}?" if close else ""
    raise _BadLineError(f"I don't know the exercise “{name.strip()}”{hint}")


def _step(text: str, *, zero: bool = False) -> Step:
    match = STEP.fullmatch(text.strip())
    if match is None:
        raise _BadLineError(f"“{text}” is not a step in both units, like “+2.5kg/5lb”")
    first, second = (_decimal(match[1]), match[2].lower()), (_decimal(match[3]), match[4].lower())
    if first[1] == second[1]:
        raise _BadLineError(f"“{text}” gives one amount in kg and one in lb, like “+2.5kg/5lb”")
    kg, lb = (first[0], second[0]) if first[1] == "kg" else (second[0], first[0])
    if kg > MAX_WEIGHT or lb > MAX_WEIGHT:
        raise _BadLineError(f"“{text}” is more than a step")
    if not zero and (kg <= 0 or lb <= 0):
        raise _BadLineError(f"“{text}”: a step is more than zero in both units")
    return Step(kg, lb)


def _percent(text: str, example: str) -> Decimal:
    match = PERCENT.fullmatch(text.strip())
    if match is None:
        raise _BadLineError(f"“{text}” is not a percent; expected {example}")
    return _decimal(match[1]) / 100


def _whole(text: str, example: str) -> int:
    if not DIGITS.fullmatch(text):
        raise _BadLineError(f"“{text}” is not a whole number; expected {example}")
    return int(text)


def _decimal(text: str) -> Decimal:
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise _BadLineError(f"“{text}” is not a number") from None
    if number.as_tuple().exponent < -2:  # type: ignore[operator]  # finite: digits only
        raise _BadLineError(f"“{text}”: at most two decimals")
    return number
