"""What a plan-text problem says: the domain's code and parameters, in the reader's words.

Each `PlanProblem` has the message `plans-problem-<code with dashes>` in locales/<lang>/plans.ftl.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from domain.plans.model import RuleKind
from domain.plans.text.grammar import MAX_ERRORS
from domain.plans.text.problems import LineError, Param, PlanProblem
from handlers.common.i18n import Arg, Translator


def problem_key(problem: PlanProblem) -> str:
    return f"plans-problem-{problem.replace('_', '-')}"


def plan_problem_text(t: Translator, error: LineError) -> str:
    """`line 3: “3y5” is not a set like …`; a problem with the whole plan has no line."""
    args = {name: _arg(value) for name, value in error.params.items()}
    if error.problem == PlanProblem.UNKNOWN_RULE:
        args["rules"] = ", ".join(RuleKind)  # keywords of the format: the same in every language
    text = t.get(problem_key(error.problem), **args)
    return (
        text if error.line == 0 else t.get("plans-problem-on-line", line=error.line, problem=text)
    )


def _arg(value: Param) -> Arg:
    """Limits such as 150 (%) are Decimals, passed formatted; counts stay numbers."""
    return str(value) if isinstance(value, Decimal | str) else value


ERROR_SHOWN = 300  # characters of one error: eight of them stay well inside a message


def plan_errors(t: Translator, problems: Sequence[LineError]) -> str:
    """A plan text's problems, a line each, as the reply to the text."""
    listed = "\n".join(
        f"• {escape(_clipped(plan_problem_text(t, problem)))}" for problem in problems[:MAX_ERRORS]
    )
    return t.get("plans-errors", errors=listed)


def _clipped(text: str) -> str:
    return text if len(text) <= ERROR_SHOWN else text[: ERROR_SHOWN - 1] + "…"
