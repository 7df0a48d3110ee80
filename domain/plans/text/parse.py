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
from domain.plans.rules.slots import counting, rep_range, rule_of
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
from domain.plans.text.problems import LineError, Param, PlanProblem, PlanTextError
from domain.shared.weights import Unit, Weight

_DEFAULT_TIER = {"main": Tier.T1, "variation": Tier.T2}
_NO_PLAN = Plan("", "", ())  # a slot's own rule needs no plan; only "cycle" reads its weeks


class _BadLineError(Exception):
    """One thing wrong with the line being read."""

    def __init__(self, problem: PlanProblem, **params: Param) -> None:
        super().__init__(problem)
        self.problem = problem
        self.params = params


@dataclass
class _Draft:
    name: str | None = None
    slug: str | None = None
    about: str = ""
    per_week: int | None = None
    training_max: Decimal = DEFAULT_TM
    progression: list[AmrapProgression] = field(default_factory=list)
    days: list[PlanDay] = field(default_factory=list)
    week: int | None = None
    deload: bool = False
    seen: set[str] = field(default_factory=set)  # header keys given once


MAX_SESSIONS = 14  # a week: twice a day, every day


def parse_plan_text(text: str, exercises: Mapping[str, Exercise]) -> Plan:
    """The plan the text describes; PlanTextError lists what is wrong, line by line."""
    if len(text) > MAX_TEXT:
        raise PlanTextError([LineError(0, PlanProblem.TEXT_TOO_LONG, {"limit": MAX_TEXT})])
    draft = _Draft()
    errors: list[LineError] = []
    slot_lines: dict[tuple[int, int], int] = {}
    for number, line in _lines(text):
        try:
            if (slot := _read_line(draft, line, exercises)) is not None:
                slot_lines[slot] = number
        except _BadLineError as problem:
            errors.append(LineError(number, problem.problem, problem.params))
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
        per_week=draft.per_week,
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
        raise _BadLineError(PlanProblem.NOT_KEY_VALUE)
    if key in {"plan", "slug", "about", "tm", "sessions"} or key.startswith("progress"):
        if draft.days:
            raise _BadLineError(PlanProblem.HEADER_AFTER_DAYS, header=key)
        _read_header(draft, key, value, exercises)
    elif key == "week":
        draft.week, draft.deload = _week(value)
    elif key == "day":
        if not value:
            raise _BadLineError(PlanProblem.EMPTY_DAY_NAME)
        if len(draft.days) == MAX_DAYS:
            raise _BadLineError(PlanProblem.TOO_MANY_DAYS, limit=MAX_DAYS)
        draft.days.append(
            PlanDay(
                len(draft.days) + 1, value[:100].strip(), (), week=draft.week, deload=draft.deload
            )
        )
        return len(draft.days), 0
    else:
        if not draft.days:
            raise _BadLineError(PlanProblem.EXERCISE_BEFORE_DAY)
        day = draft.days[-1]
        slot = _slot(line, len(day.slots) + 1, exercises)
        draft.days[-1] = replace(day, slots=(*day.slots, slot))
        return day.number, slot.order
    return None


def _read_header(draft: _Draft, key: str, value: str, exercises: Mapping[str, Exercise]) -> None:
    if key in draft.seen:
        raise _BadLineError(PlanProblem.HEADER_TWICE, header=key)
    draft.seen.add(key)
    if key == "plan":
        if not value:
            raise _BadLineError(PlanProblem.EMPTY_PLAN_NAME)
        draft.name = value[:100].strip()
    elif key == "slug":
        if not SLUG.fullmatch(value):
            raise _BadLineError(PlanProblem.BAD_SLUG)
        draft.slug = value
    elif key == "about":
        draft.about = value[:200].strip()
    elif key == "sessions":
        sessions = re.fullmatch(r"(\d{1,2})(?:\s*(?:a|per)\s*week)?", value.lower())
        if sessions is None or not 1 <= int(sessions[1]) <= MAX_SESSIONS:
            raise _BadLineError(PlanProblem.BAD_SESSIONS, limit=MAX_SESSIONS)
        draft.per_week = int(sessions[1])
    elif key == "tm":
        share = _percent(value, PlanProblem.TM_NOT_A_PERCENT)
        if not Decimal("0.5") <= share <= 1:
            raise _BadLineError(PlanProblem.TM_OUT_OF_RANGE)
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
        raise _BadLineError(PlanProblem.BAD_WEEK)
    return int(words[0]), words[1:] == ["deload"]


def _progress(key: str, value: str, exercises: Mapping[str, Exercise]) -> AmrapProgression:
    target = key.removeprefix("progress").strip()
    if not target:
        raise _BadLineError(PlanProblem.PROGRESS_WITHOUT_TARGET)
    parts = _split(value, ",")
    if not parts:
        raise _BadLineError(PlanProblem.PROGRESS_WITHOUT_BRACKETS)
    brackets: list[Increment] = []
    expected: int | None = None  # reps below the first bracket add nothing
    for index, part in enumerate(parts):
        match = BRACKET.fullmatch(part)
        if match is None:
            raise _BadLineError(PlanProblem.NOT_A_BRACKET, token=part)
        low = int(match["low"])
        if expected is not None and low != expected:
            raise _BadLineError(PlanProblem.BRACKET_GAP, expected=expected, found=low)
        last = index == len(parts) - 1
        if last != (match["open"] is not None):
            raise _BadLineError(PlanProblem.OPEN_BRACKET_NOT_LAST)
        high = int(match["high"]) if match["high"] else low
        if high < low:
            raise _BadLineError(PlanProblem.BRACKET_RANGE_DOWNWARD, token=part)
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
            raise _BadLineError(PlanProblem.BAD_DISPLAY_NAME)
        if not display.strip():
            raise _BadLineError(PlanProblem.EMPTY_DISPLAY_NAME)
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
        raise _BadLineError(PlanProblem.EXERCISE_NOT_NAMED)
    exercise = exercises[_exercise(" ".join(words), exercises)]
    stages = tuple(_stage(text) for text in sets_text.split("|")) if sets_text.strip() else ()
    if not stages:
        raise _BadLineError(PlanProblem.NO_SETS)
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
        raise _BadLineError(PlanProblem.EMPTY_SCHEME)
    if len(templates) > MAX_SETS * 3:
        raise _BadLineError(PlanProblem.TOO_MANY_SETS, limit=MAX_SETS * 3)
    return tuple(templates)


def _group(text: str) -> list[SetTemplate]:
    match = GROUP.match(text)
    if match is None:
        raise _BadLineError(PlanProblem.NOT_A_SET, group=text)
    count, reps = int(match["sets"]), int(match["reps"])
    if not 1 <= count <= MAX_SETS:
        raise _BadLineError(PlanProblem.SET_COUNT_OUT_OF_RANGE, group=text, limit=MAX_SETS)
    if not 1 <= reps <= MAX_REPS:
        raise _BadLineError(PlanProblem.REPS_OUT_OF_RANGE, group=text, limit=MAX_REPS)
    top = int(match["top"]) if match["top"] else None
    if top is not None and not reps < top <= MAX_REPS:
        raise _BadLineError(PlanProblem.REP_RANGE_DOWNWARD, group=text)
    template = SetTemplate(reps=reps, top_reps=top, amrap=match["amrap"] is not None)
    for word in text[match.end() :].split():
        template = _modifier(template, word, text)
    if template.drives_progression and not template.amrap:
        raise _BadLineError(PlanProblem.MARK_WITHOUT_AMRAP, group=text)
    if template.load == Load.RPE and (template.amrap or reps > RPE_MAX_REPS or top):
        raise _BadLineError(PlanProblem.RPE_TARGET_NOT_FIXED_REPS, group=text)
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
        raise _BadLineError(PlanProblem.TWO_LOADS, group=group)
    if match := PERCENT.fullmatch(word):
        percent = _decimal(match[1])
        if not 0 < percent <= MAX_PERCENT:
            raise _BadLineError(PlanProblem.PERCENT_OUT_OF_RANGE, group=group, limit=MAX_PERCENT)
        return replace(template, percent=percent / 100)
    if match := WEIGHT.fullmatch(word):
        amount = _decimal(match[1])
        if not 0 < amount <= MAX_WEIGHT:
            raise _BadLineError(PlanProblem.WEIGHT_OUT_OF_RANGE, group=group, limit=MAX_WEIGHT)
        return replace(template, weight=Weight(amount, Unit(match[2].lower())))
    if match := RPE.fullmatch(word):
        rpe = _decimal(match[1])
        if not RPE_LOWEST <= rpe <= RPE_HIGHEST or (rpe * 2) % 1:
            raise _BadLineError(PlanProblem.RPE_OFF_CHART, group=group)
        return replace(template, rpe=rpe)
    raise _BadLineError(PlanProblem.NOT_A_LOAD_OR_MARK, token=word, group=group)


def _rule(text: str, stages: tuple[tuple[SetTemplate, ...], ...]) -> SlotRule:
    words = text.split()
    try:
        kind = RuleKind(words[0].lower())
    except ValueError:
        raise _BadLineError(PlanProblem.UNKNOWN_RULE, token=words[0]) from None
    rule = SlotRule(kind)
    rest = words[1:]
    if rest and STEP.fullmatch(rest[0]):
        rule = replace(rule, step=_step(rest.pop(0)))
    while rest:
        rule = _option(rule, rest)
    if kind != RuleKind.RPE and rule.step is None:
        raise _BadLineError(PlanProblem.RULE_WITHOUT_STEP, rule=kind)
    if kind != RuleKind.STAGES and len(stages) > 1:
        raise _BadLineError(PlanProblem.STAGES_WITHOUT_RULE)
    return rule


def _option(rule: SlotRule, words: list[str]) -> SlotRule:
    word = words.pop(0).lower()
    if word == "start" and words:
        value = words.pop(0)
        if STEP.fullmatch(value):
            return replace(rule, start_weight=_step(value))
        share = _percent(value, PlanProblem.START_NOT_A_PERCENT)
        if not 0 < share <= MAX_PERCENT / 100:
            raise _BadLineError(PlanProblem.START_OUT_OF_RANGE, limit=MAX_PERCENT)
        return replace(rule, start=share)
    if word == "deload" and len(words) >= 3 and words[1].lower() == "after":
        share = _percent(words.pop(0), PlanProblem.DELOAD_NOT_A_PERCENT)
        words.pop(0)
        failures = _whole(words.pop(0), PlanProblem.DELOAD_FAILURES_NOT_WHOLE)
        if not 0 < share < 1 or failures < 1:
            raise _BadLineError(PlanProblem.DELOAD_OUT_OF_RANGE)
        return replace(rule, deload=share, failures=failures)
    if word == "then" and words:
        return _then(rule, words)
    if word == "at" and len(words) >= 2 and words[1].lower() == "reps":
        reps = _whole(words.pop(0), PlanProblem.AT_REPS_NOT_WHOLE)
        words.pop(0)
        if not 1 <= reps <= MAX_REPS:
            raise _BadLineError(PlanProblem.AT_REPS_OUT_OF_RANGE, limit=MAX_REPS)
        return replace(rule, at_reps=reps)
    raise _BadLineError(PlanProblem.NOT_A_RULE_OPTION, token=word)


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
            raise _BadLineError(PlanProblem.BAD_RETEST)
        rule = replace(rule, after=AfterStages.RETEST, retest_reps=int(rep_max[:-2]))
        if len(words) >= 2 and words[0].lower() == "at":
            words.pop(0)
            share = _percent(words.pop(0), PlanProblem.RESTART_NOT_A_PERCENT)
            if not 0 < share <= 1:
                raise _BadLineError(PlanProblem.RESTART_OUT_OF_RANGE)
            rule = replace(rule, restart=share)
        return rule
    raise _BadLineError(PlanProblem.BAD_THEN)


def _check_slot(slot: Slot) -> None:
    rule = slot.rule
    loads = {template.load for stage in slot.stages for template in stage}
    if len(slot.stages) > 1 and (rule is None or rule.kind != RuleKind.STAGES):
        raise _BadLineError(PlanProblem.STAGES_WITHOUT_RULE)
    if rule is None:
        if Load.WORKING in loads:
            raise _BadLineError(PlanProblem.NO_LOAD_NO_RULE)
        return
    if rule.kind in TM_RULES and loads != {Load.PERCENT}:
        raise _BadLineError(PlanProblem.TM_RULE_NEEDS_PERCENTS, rule=rule.kind)
    if rule.kind == RuleKind.RPE and Load.RPE not in loads:
        raise _BadLineError(PlanProblem.RPE_RULE_NEEDS_RPE_SETS)
    if rule.kind == RuleKind.DOUBLE and not any(t.top_reps for stage in slot.stages for t in stage):
        raise _BadLineError(PlanProblem.DOUBLE_NEEDS_RANGE)
    if rule.keeps_working_weight and rule.start is None and rule.start_weight is None:
        raise _BadLineError(PlanProblem.NO_START, lift=slot.training_max_of)
    if any(not counting(stage) for stage in slot.stages):
        raise _BadLineError(PlanProblem.SCHEME_WITHOUT_WORK_SET)
    if rule.kind == RuleKind.RPE and not any(t.rpe for t in counting(slot.sets)):
        raise _BadLineError(PlanProblem.RPE_RULE_NEEDS_RPE_WORK_SET)
    _check_rule_runs(rule, slot)


def _check_rule_runs(rule: SlotRule, slot: Slot) -> None:
    """The rule can be built from the slot's sets: a double progression climbs 8-12, not 12-8."""
    work = counting(slot.sets)
    if rule.kind == RuleKind.DOUBLE and (reps := rep_range(work))[0] > reps[1]:
        raise _BadLineError(
            PlanProblem.DOUBLE_RANGE_DOWNWARD, sets=len(work), low=reps[0], high=reps[1]
        )
    if rule.kind != RuleKind.CYCLE:
        try:
            rule_of(_NO_PLAN, slot)
        except ValueError:  # the rule kinds check their own shape too; the checks above say why
            raise _BadLineError(PlanProblem.RULE_CANNOT_RUN_SETS, rule=rule.kind) from None


def _whole_plan_problems(
    draft: _Draft, exercises: Mapping[str, Exercise], slot_lines: Mapping[tuple[int, int], int]
) -> list[LineError]:
    problems: list[LineError] = []
    if draft.name is None:
        problems.append(LineError(1, PlanProblem.NO_PLAN_NAME))
    if not draft.days:
        problems.append(LineError(0, PlanProblem.NO_DAYS))
    problems.extend(
        LineError(
            slot_lines.get((day.number, 0), 0),
            PlanProblem.DAY_WITHOUT_EXERCISES,
            {"day": day.name},
        )
        for day in draft.days
        if not day.slots
    )
    weeks = max((day.week or 0 for day in draft.days), default=0)
    for day in draft.days:
        for slot in day.slots:
            line = slot_lines.get((day.number, slot.order), 0)
            if slot.rule is not None and slot.rule.kind == RuleKind.CYCLE and not weeks:
                problems.append(LineError(line, PlanProblem.CYCLE_WITHOUT_WEEKS))
            if any(t.drives_progression for t in slot.sets) and not _covered(
                draft.progression, exercises[slot.training_max_of]
            ):
                lift = exercises[slot.training_max_of]
                problems.append(
                    LineError(
                        line,
                        PlanProblem.AMRAP_WITHOUT_PROGRESS,
                        {"lift": lift.slug, "region": lift.region},
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
    if close:
        raise _BadLineError(PlanProblem.MISSPELT_EXERCISE, name=name.strip(), suggestion=close[0])
    raise _BadLineError(PlanProblem.UNKNOWN_EXERCISE, name=name.strip())


def _step(text: str, *, zero: bool = False) -> Step:
    match = STEP.fullmatch(text.strip())
    if match is None:
        raise _BadLineError(PlanProblem.NOT_A_STEP, token=text)
    first, second = (_decimal(match[1]), match[2].lower()), (_decimal(match[3]), match[4].lower())
    if first[1] == second[1]:
        raise _BadLineError(PlanProblem.STEP_IN_ONE_UNIT, token=text)
    kg, lb = (first[0], second[0]) if first[1] == "kg" else (second[0], first[0])
    if kg > MAX_WEIGHT or lb > MAX_WEIGHT:
        raise _BadLineError(PlanProblem.STEP_TOO_BIG, token=text)
    if not zero and (kg <= 0 or lb <= 0):
        raise _BadLineError(PlanProblem.STEP_NOT_POSITIVE, token=text)
    return Step(kg, lb)


def _percent(text: str, problem: PlanProblem) -> Decimal:
    match = PERCENT.fullmatch(text.strip())
    if match is None:
        raise _BadLineError(problem, token=text)
    return _decimal(match[1]) / 100


def _whole(text: str, problem: PlanProblem) -> int:
    if not DIGITS.fullmatch(text):
        raise _BadLineError(problem, token=text)
    return int(text)


def _decimal(text: str) -> Decimal:
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise _BadLineError(PlanProblem.NOT_A_NUMBER, token=text) from None
    if number.as_tuple().exponent < -2:  # type: ignore[operator]  # finite: digits only
        raise _BadLineError(PlanProblem.TOO_MANY_DECIMALS, token=text)
    return number
