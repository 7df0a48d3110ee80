"""What conditioning says. HTML; a workout's own text is escaped."""

from __future__ import annotations

from html import escape

from domain.conditioning.generator import domain_of, estimate
from domain.conditioning.model import LoggedResult, SavedWorkout
from domain.conditioning.scores import (
    LOWER_IS_BETTER,
    ROUND,
    Scheme,
    clock_text,
    gain,
    render_score,
)
from domain.conditioning.text import WorkoutLineError, workout_to_text
from domain.conditioning.use_cases import Logged
from domain.conditioning.workout import reps_per_round
from handlers.common.i18n import Translator

ERRORS_SHOWN = 8


def workout_card(t: Translator, saved: SavedWorkout) -> str:
    workout = saved.workout
    minutes = max(1, round(estimate(workout) / 60))
    title = escape(workout.name) if workout.name else t.get("conditioning-untitled")
    body = escape(workout_to_text(workout).strip())
    return t.get(
        "conditioning-card",
        name=title,
        workout=body,
        domain=t.get(f"conditioning-domain-{domain_of(workout).value}"),
        minutes=minutes,
    )


def score_how(t: Translator, scheme: Scheme) -> str:
    """The shape a score of this scheme is typed in: the reply to a bad one, and the prompt."""
    return t.get(f"conditioning-score-how-{scheme.value.replace('_', '-')}")


def logged(t: Translator, outcome: Logged, unit: str) -> str:
    workout = outcome.workout.workout
    score = outcome.result.score
    name = escape(workout.name) if workout.name else t.get("conditioning-untitled")
    lines = [
        t.get(
            "conditioning-logged",
            name=name,
            score=escape(render_score(score, unit=unit)),
            rx="rx" if outcome.result.rx else "scaled",
        )
    ]
    result = outcome.result
    if result.sets:
        typed = ", ".join(render_score(one, unit=unit) for one in result.sets)
        lines.append(t.get("conditioning-sets", count=len(result.sets), sets=escape(typed)))
    if score.tiebreak is not None and not score.tiebreak_reps:
        lines.append(t.get("conditioning-tiebreak", time=clock_text(score.tiebreak)))
    if result.note:
        lines.append(t.get("conditioning-note", note=escape(result.note)))
    if outcome.standing is not None:
        lines.append(
            t.get(
                "conditioning-standing",
                level=outcome.standing.level,
                tier=t.get(f"conditioning-tier-{outcome.standing.tier.value}"),
                source=outcome.standing.source.value,
            )
        )
    if outcome.beaten is not None:
        lines.append(pr_line(t, outcome, outcome.beaten, unit))
    return "\n".join(lines)


def pr_line(t: Translator, outcome: Logged, before: LoggedResult, unit: str) -> str:
    """ "Fran 4:22 → 3:58, 24 s faster"."""
    after, workout = outcome.result, outcome.workout.workout
    name = escape(workout.name) if workout.name else t.get("conditioning-untitled")
    scheme = after.score.scheme
    if scheme in LOWER_IS_BETTER:
        seconds = round(gain(after.score, before.score) / 1000)
        by = t.get("conditioning-faster", seconds=seconds)
    elif scheme == Scheme.ROUNDS_REPS:
        per_round = reps_per_round(workout)

        def reps(value: int) -> int:
            rounds, extra = divmod(value, ROUND)
            return rounds * per_round + extra

        by = t.get(
            "conditioning-more-reps", reps=reps(after.score.value) - reps(before.score.value)
        )
    else:
        by = t.get("conditioning-better")
    return t.get(
        "conditioning-pr",
        name=name,
        before=escape(render_score(before.score, unit=unit)),
        after=escape(render_score(after.score, unit=unit)),
        by=by,
    )


def workout_errors(t: Translator, errors: list[WorkoutLineError]) -> str:
    lines = []
    for error in errors[:ERRORS_SHOWN]:
        key = f"conditioning-problem-{error.problem.value.replace('_', '-')}"
        if error.params.get("suggestion"):
            key += "-like"
        said = t.get(key, **error.params)
        lines.append(
            "• "
            + (t.get("conditioning-on-line", line=error.line, problem=said) if error.line else said)
        )
    return t.get("conditioning-errors", errors=escape("\n".join(lines), quote=False))


def history_text(t: Translator, rows: list[tuple[LoggedResult, SavedWorkout]], unit: str) -> str:
    if not rows:
        return t.get("conditioning-history-empty")
    lines = [t.get("conditioning-history-title")]
    for result, saved in rows:
        name = escape(saved.workout.name) if saved.workout.name else t.get("conditioning-untitled")
        lines.append(
            t.get(
                "conditioning-history-line",
                date=result.logged_at.strftime("%d.%m"),
                name=name,
                score=escape(render_score(result.score, unit=unit)),
                rx="rx" if result.rx else "scaled",
            )
        )
    return "\n".join(lines)
