"""/history: finished workouts, newest first, set by set; a set logged wrong can be fixed."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from operator import itemgetter
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager, StartMode
from aiogram_dialog.widgets.kbd import Button, Column, Group, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Const, Format

from domain.athletes.use_cases.registration import find_user
from domain.progress.ports import ProgressUnitOfWork
from domain.progress.use_cases.history import (
    CorrectSet,
    ListHistory,
    NoSuchSetError,
    PastWorkout,
    PastWorkoutNotFoundError,
    ShowPastWorkout,
)
from domain.shared.errors import NotRegisteredError
from domain.training.entry import (
    AsPrescribed,
    Entry,
    EntryError,
    EntryProblem,
    RepsOnly,
    Skip,
    Undo,
    WeightAndReps,
    parse_entry,
)
from domain.training.model import SetResult, WorkoutSet
from handlers.common.cards import Card
from handlers.common.deps import Deps, deps_of
from handlers.common.filters import leaves_others_alone
from handlers.common.i18n import Translator
from handlers.common.texts import entry_problem
from handlers.common.widgets import T, TextMessageInput
from handlers.progress import history_texts as texts

SET_BUTTONS_PER_ROW = 6
_SET_NUMBER = re.compile(r"#?\s*([0-9]{1,4})")


class HistorySG(StatesGroup):
    workouts = State()
    workout = State()
    pick_set = State()
    entry = State()


async def on_history(message: Message, dialog_manager: DialogManager, deps: Deps) -> None:
    if message.from_user is None:
        return
    try:
        page = await ListHistory(deps.uow, deps.clock)(message.from_user.id)
    except NotRegisteredError:
        await message.answer(deps.t.get("common-register-first"))
        return
    if not page.workouts:
        await message.answer(deps.t.get("progress-no-workouts"))
        return
    await dialog_manager.start(HistorySG.workouts, mode=StartMode.RESET_STACK)


def _athlete_id(manager: DialogManager) -> int:
    return deps_of(manager).user_id


def _uow(manager: DialogManager) -> ProgressUnitOfWork:
    return deps_of(manager).uow


def _t(manager: DialogManager) -> Translator:
    return deps_of(manager).t


def _int(manager: DialogManager, key: str) -> int | None:
    value = manager.dialog_data.get(key)
    return value if isinstance(value, int) else None


async def _shown(manager: DialogManager) -> PastWorkout | None:
    """The workout this dialog shows, re-authorised against the acting athlete."""
    workout_id = _int(manager, "workout_id")
    if workout_id is None:
        return None
    try:
        return await ShowPastWorkout(_uow(manager))(_athlete_id(manager), workout_id)
    except PastWorkoutNotFoundError:
        return None


def _set(past: PastWorkout, position: int | None) -> WorkoutSet | None:
    return next((s for s in past.workout.sets if s.prescribed.position == position), None)


async def workouts_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    clock = deps_of(dialog_manager).clock
    state = dialog_manager.dialog_data
    page = await ListHistory(_uow(dialog_manager), clock)(
        _athlete_id(dialog_manager), _int(dialog_manager, "page") or 0
    )
    # the buttons carry a place on the page; which workout is there stays on our side
    state.update(page=page.page, ids=[past.id for past in page.workouts])
    return {
        "text": texts.list_text(_t(dialog_manager), page),
        "entries": [
            (str(index), texts.entry_line(_t(dialog_manager), past, page.today))
            for index, past in enumerate(page.workouts)
        ],
        "has_previous": page.has_previous,
        "has_next": page.has_next,
    }


def _workout_view(
    t: Translator,
    past: PastWorkout | None,
    render: Callable[[Translator, PastWorkout], str],
) -> dict[str, Any]:
    if past is None:
        return {"text": t.get("progress-not-found"), "found": False, "numbers": []}
    return {
        "text": render(t, past),
        "found": True,
        "numbers": [str(texts.set_number(s)) for s in past.workout.sets],
    }


async def workout_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return _workout_view(_t(dialog_manager), await _shown(dialog_manager), texts.workout_text)


async def pick_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return _workout_view(_t(dialog_manager), await _shown(dialog_manager), texts.pick_set_text)


async def entry_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    past = await _shown(dialog_manager)
    chosen = _set(past, _int(dialog_manager, "position")) if past else None
    t = _t(dialog_manager)
    return {
        "text": t.get("progress-not-found") if chosen is None else texts.entry_prompt(t, chosen)
    }


def _turn(by: int) -> Any:
    async def handler(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
        manager.dialog_data["page"] = max(0, (_int(manager, "page") or 0) + by)

    return handler


async def on_open(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    ids = manager.dialog_data.get("ids")
    if not isinstance(ids, list) or not item.isdecimal() or int(item) >= len(ids):
        return  # a forged or stale press: the card is shown again as it is
    manager.dialog_data["workout_id"] = ids[int(item)]
    await manager.switch_to(HistorySG.workout)


def _by_number(past: PastWorkout, typed: str) -> WorkoutSet | None:
    match = _SET_NUMBER.fullmatch(typed.strip())
    if match is None:
        return None
    return _set(past, int(match[1]) - 1)


async def _choose(manager: DialogManager, chosen: WorkoutSet) -> None:
    manager.dialog_data["position"] = chosen.prescribed.position
    await manager.switch_to(HistorySG.entry)


async def on_pick(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    past = await _shown(manager)
    chosen = _by_number(past, item) if past else None
    if chosen is not None:
        await _choose(manager, chosen)


async def on_typed_number(message: Message, _w: Any, manager: DialogManager) -> None:
    past = await _shown(manager)
    t = _t(manager)
    if past is None:
        await message.answer(t.get("progress-not-found"))
        return
    typed = message.text or ""
    chosen = _by_number(past, typed)
    if chosen is None:
        await message.answer(texts.set_number_problem(t, typed, len(past.workout.sets)))
        return
    await _choose(manager, chosen)


def _result(t: Translator, entry: Entry | EntryError) -> SetResult | str:
    """What to record for a typed entry, or why it cannot fix a set."""
    match entry:
        # The card's own answer offers skip and undo, which a fix cannot take.
        case EntryError(reason=EntryProblem.NOT_AN_ENTRY) | Skip() | Undo():
            return t.get("progress-only-results")
        case EntryError():
            return entry_problem(t, entry)
        case AsPrescribed():
            return SetResult()
        case RepsOnly(reps=reps):
            return SetResult(reps=reps)
        case WeightAndReps(weight=weight, reps=reps):
            return SetResult(weight, reps)


async def on_entry(message: Message, _w: Any, manager: DialogManager) -> None:
    uow = _uow(manager)
    clock = deps_of(manager).clock
    athlete = await find_user(uow, _athlete_id(manager))
    if athlete is None:
        raise NotRegisteredError(_athlete_id(manager))
    t = _t(manager)
    result = _result(t, parse_entry(message.text or "", athlete.unit))
    if isinstance(result, str):
        await message.answer(result)
        return
    workout_id, position = _int(manager, "workout_id"), _int(manager, "position")
    correction = None
    if workout_id is not None and position is not None:
        with suppress(PastWorkoutNotFoundError, NoSuchSetError):
            correction = await CorrectSet(uow, clock)(
                athlete.telegram_id, workout_id, position, result
            )
    if correction is None:
        await message.answer(t.get("progress-not-found"))
        await manager.switch_to(HistorySG.workouts)
        return
    await message.answer(texts.corrected(t, correction))
    await manager.switch_to(HistorySG.workout)


def build_dialog() -> Dialog:
    return leaves_others_alone(
        Dialog(
            Card(
                Format("{text}"),
                Column(
                    Select(
                        Format("{item[1]}"),
                        id="open",
                        item_id_getter=itemgetter(0),
                        items="entries",
                        on_click=on_open,
                    )
                ),
                Row(
                    Button(
                        Const(texts.PREVIOUS_BUTTON),
                        id="previous",
                        on_click=_turn(-1),
                        when="has_previous",
                    ),
                    Button(Const(texts.NEXT_BUTTON), id="next", on_click=_turn(1), when="has_next"),
                ),
                state=HistorySG.workouts,
                getter=workouts_getter,
            ),
            Card(
                Format("{text}"),
                Row(
                    SwitchTo(T("progress-back-button"), id="to_list", state=HistorySG.workouts),
                    SwitchTo(
                        T("progress-fix-button"), id="fix", state=HistorySG.pick_set, when="found"
                    ),
                ),
                state=HistorySG.workout,
                getter=workout_getter,
            ),
            Card(
                Format("{text}"),
                Group(
                    Select(
                        Format("{item}"),
                        id="set",
                        item_id_getter=str,
                        items="numbers",
                        on_click=on_pick,
                    ),
                    width=SET_BUTTONS_PER_ROW,
                ),
                SwitchTo(T("progress-back-button"), id="to_workout", state=HistorySG.workout),
                TextMessageInput(on_typed_number),
                state=HistorySG.pick_set,
                getter=pick_getter,
            ),
            Card(
                Format("{text}"),
                SwitchTo(T("progress-back-button"), id="cancel_fix", state=HistorySG.workout),
                TextMessageInput(on_entry),
                state=HistorySG.entry,
                getter=entry_getter,
            ),
        )
    )


def build_router() -> Router:
    router = Router(name="history")
    router.message.register(on_history, Command("history"), F.chat.type == "private")
    router.include_router(build_dialog())
    return router
