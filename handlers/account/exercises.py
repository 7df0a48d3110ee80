"""/exercises lists the athlete's own exercises; "exercise: …" adds one, "exercise for @ann: …"
(a coach's) one to a client's, "shared exercise: …" (a bot admin's) one to the shared library."""

from __future__ import annotations

from html import escape

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import Message

from domain.coaching.use_cases.client_exercises import AddClientExercise
from domain.coaching.use_cases.invites import NotYourClientError
from domain.plans.exercise_line import (
    CATEGORIES,
    LINE,
    MUSCLE_GROUPS,
    LineProblem,
    parse_exercise_line,
)
from domain.plans.use_cases.exercises import AddExercise, own_exercises
from domain.plans.use_cases.library import NotAnAdminError
from domain.shared.errors import NotRegisteredError
from handlers.common.deps import Deps


async def on_exercises(message: Message, deps: Deps) -> None:
    mine = await own_exercises(deps.uow, deps.user_id)
    lines = [deps.t.get("account-exercises-title")]
    lines += [
        f"• {escape(e.name)} · {e.muscle_group} · {e.category} · {e.region.value}" for e in mine
    ] or [deps.t.get("account-exercises-none")]
    lines += [
        "",
        deps.t.get(
            "account-exercises-how",
            groups=", ".join(MUSCLE_GROUPS),
            categories=", ".join(CATEGORIES),
        ),
    ]
    lines.append(deps.t.get("account-exercises-how-client"))
    if deps.user_id in deps.admins:
        lines.append(deps.t.get("account-exercises-how-shared"))
    await message.answer("\n".join(lines))


async def on_exercise_line(message: Message, deps: Deps) -> None:
    line = parse_exercise_line(message.text or "")
    if isinstance(line, LineProblem):
        key = f"account-exercise-problem-{line.value.replace('_', '-')}"
        await message.answer(
            deps.t.get(key, groups=", ".join(MUSCLE_GROUPS), categories=", ".join(CATEGORIES))
        )
        return
    if line.client is not None:
        try:
            exercise, client = await AddClientExercise(deps.uow)(deps.user_id, line)
        except NotYourClientError:
            await message.answer(
                deps.t.get("account-exercise-no-such-client", client=escape(line.client))
            )
            return
        await message.answer(
            deps.t.get(
                "account-exercise-added-for",
                name=escape(exercise.name),
                client=escape(client.first_name),
            )
        )
        return
    try:
        exercise = await AddExercise(deps.uow, deps.admins)(deps.user_id, line)
    except NotAnAdminError:
        await message.answer(deps.t.get("account-exercise-not-admin"))
        return
    except NotRegisteredError:
        await message.answer(deps.t.get("common-register-first"))
        return
    key = "account-exercise-shared" if line.shared else "account-exercise-added"
    await message.answer(deps.t.get(key, name=escape(exercise.name)))


def build_line_router() -> Router:
    """An exercise typed for the library beats an open card."""
    router = Router(name="exercise_lines")
    router.message.register(on_exercise_line, F.chat.type == ChatType.PRIVATE, F.text.regexp(LINE))
    return router


def build_router() -> Router:
    router = Router(name="exercises")
    router.message.register(on_exercises, Command("exercises"), F.chat.type == ChatType.PRIVATE)
    return router
