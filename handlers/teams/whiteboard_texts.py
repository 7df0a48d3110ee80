"""What the whiteboard says: a post's board, the day's summary, and the shape of a score.
HTML; names and notes people wrote are escaped."""

from __future__ import annotations

from html import escape

from domain.conditioning.scores import Scheme, Score, render_score
from domain.conditioning.workout import Workout
from domain.teams.whiteboard import BoardView, Line, podium
from handlers.common.i18n import Catalogue, Translator

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


def score_how(t: Translator, scheme: Scheme) -> str:
    """The shape a score of this scheme is typed in (the conditioning catalogue's words)."""
    return t.get(f"conditioning-score-how-{scheme.value.replace('_', '-')}")


def score_text(t: Translator, score: Score, *, rx: bool, unit: str) -> str:
    division = t.get("whiteboard-rx" if rx else "whiteboard-scaled")
    return f"{escape(render_score(score, unit=unit))} {division}"


def workout_name(t: Translator, workout: Workout) -> str:
    return escape(workout.name) if workout.name else t.get("whiteboard-untitled")


def _line(t: Translator, view: BoardView, line: Line, mark: str) -> str:
    user = line.entry.user_id
    return t.get(
        "whiteboard-line",
        place=mark,
        name=escape(view.names.get(user, str(user))),
        score=score_text(t, line.entry.score, rx=line.entry.rx, unit=view.units.get(user, "kg")),
    )


def board_text(t: Translator, view: BoardView) -> str:
    title = t.get(
        "whiteboard-title", date=view.post.on.isoformat(), workout=workout_name(t, view.workout)
    )
    lines = [title]
    lines += [_line(t, view, line, f"{line.place}.") for line in view.lines]
    if not view.lines:
        lines.append(t.get("whiteboard-empty"))
    lines += ["", t.get("whiteboard-hint")]
    return "\n".join(lines)


def summary_text(t: Translator, view: BoardView) -> str:
    title = t.get(
        "whiteboard-summary-title",
        date=view.post.on.isoformat(),
        workout=workout_name(t, view.workout),
    )
    lines = [title]
    lines += [_line(t, view, line, MEDALS[line.place]) for line in podium(view.lines)]
    if view.prs:
        names = ", ".join(escape(view.names.get(user, str(user))) for user in sorted(view.prs))
        lines += ["", t.get("whiteboard-summary-prs", names=names)]
    lines += ["", t.get("whiteboard-summary-count", count=len(view.lines))]
    return "\n".join(lines)


class BoardWords:
    """The domain's BoardWording, from the catalogue, in the team's language."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def board(self, view: BoardView) -> str:
        return board_text(self._catalogue.translator(view.language or "en"), view)

    def summary(self, view: BoardView) -> str:
        return summary_text(self._catalogue.translator(view.language or "en"), view)
