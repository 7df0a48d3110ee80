"""/today: the workout card, one message edited in place, set by set."""

from __future__ import annotations

import operator
from dataclasses import replace
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager, StartMode
from aiogram_dialog.widgets.kbd import Button, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from domain.athletes.model import User as Athlete
from domain.athletes.use_cases.registration import find_user
from domain.plans.use_cases.exercises import exercise_names
from domain.shared.errors import NotRegisteredError
from domain.training.entry import (
    MAX_REPS,
    AsPrescribed,
    EntryError,
    RepsOnly,
    Skip,
    Undo,
    WeightAndReps,
    parse_entry,
)
from domain.training.model import SetResult, Workout
from domain.training.prescription import MissingTrainingMaxError
from domain.training.rest import current_rest
from domain.training.today import SetAsShown, Taps, as_shown, today_card
from domain.training.use_cases.finishing import FinishWorkout
from domain.training.use_cases.logging import (
    AddNote,
    LogSet,
    NoActivePlanError,
    OpenWorkout,
    RelogEditedSet,
    ReopenSet,
    SkipSet,
    WorkoutNotFoundError,
    athlete_and_open_workout,
    last_closed,
    set_logged_by,
)
from handlers.common.cards import Card
from handlers.common.deps import Deps, SeenToday, deps_of
from handlers.common.filters import leaves_others_alone
from handlers.common.states import TodaySG
from handlers.common.texts import entry_problem, needs_max
from handlers.common.widgets import T, TextMessageInput
from handlers.training import texts
from handlers.training.progression import summary_keyboard


async def on_today(message: Message, dialog_manager: DialogManager, deps: Deps) -> None:
    if message.from_user is None:
        return
    try:
        workout = await OpenWorkout(deps.uow, deps.clock)(message.from_user.id)
    except (NoActivePlanError, NotRegisteredError):
        await message.answer(deps.t.get("common-no-plan"))
        return
    except MissingTrainingMaxError as missing:
        name = (await exercise_names(deps.uow))[missing.exercise]
        await message.answer(needs_max(deps.t, name, missing.exercise))
        return
    await dialog_manager.start(
        TodaySG.card, data={"workout_id": workout.id}, mode=StartMode.RESET_STACK
    )


def _state(manager: DialogManager) -> dict[str, Any]:
    return manager.dialog_data


async def _context(manager: DialogManager) -> tuple[Deps, Athlete, Workout | None]:
    """Read once per update: handlers, use case results and the card getter share it."""
    deps = deps_of(manager)
    seen = deps.reads.today
    if seen is None:
        seen = SeenToday(*await athlete_and_open_workout(deps.uow, deps.user_id))
        deps.reads.today = seen
    athlete, workout = seen.athlete, seen.workout
    start = manager.start_data
    workout_id = start.get("workout_id") if isinstance(start, dict) else None
    if workout is not None and workout.id != workout_id:
        workout = None
    return deps, athlete, workout


def _seen(manager: DialogManager, workout: Workout | None) -> None:
    """What a use case returned is the newest state: the card renders from it."""
    seen = deps_of(manager).reads.today
    if seen is not None:
        seen.workout = workout


def _taps(manager: DialogManager, position: int) -> Taps:
    """The taps on the set at `position`, if the card shows that set."""
    state = _state(manager)
    if state.get("position") != position:
        return Taps()
    return Taps(int(state.get("weight_steps", 0)), int(state.get("reps_delta", 0)))


async def card_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    deps, athlete, workout = await _context(dialog_manager)
    state = _state(dialog_manager)
    current = workout.next_open if workout else None
    if workout is None or current is None:
        undone = last_closed(workout) if workout else None
        return {
            "text": deps.t.get("training-no-workout" if workout is None else "training-all-logged"),
            "open": False,
            "active": workout is not None,  # a crash between the last set and finishing
            "done_items": [],
            "amrap_items": [],
            "skip_items": [],
            "undo_items": [str(undone.prescribed.position)] if undone else [],
            "step_down": "",
            "step_up": "",
            "amrap": False,
            "plain": False,
        }
    position = current.prescribed.position
    if state.get("position") != position:
        state.update(position=position, reps_delta=0, weight_steps=0)
    now = deps.clock.now()
    card = today_card(athlete, workout, current, _taps(dialog_manager, position), now)
    shown = card.current
    undo = last_closed(workout)
    p = current.prescribed
    return {
        "text": texts.card(deps.t, card, now),
        "open": True,
        "active": True,
        "amrap": p.amrap,
        "plain": not p.amrap,
        "done_items": [str(position)],
        "skip_items": [str(position)],
        "undo_items": [str(undo.prescribed.position)] if undo else [],
        "amrap_items": [(f"{position}:{n}", n) for n in shown.amrap_choices],
        "step_down": texts.weight_down(shown.step, str(shown.weight.unit)),
        "step_up": texts.weight_up(shown.step, str(shown.weight.unit)),
    }


async def _after_change(manager: DialogManager, workout: Workout) -> None:
    _seen(manager, workout)
    if workout.next_open is None:
        await _finish(manager)
        return
    deps = deps_of(manager)
    rest = current_rest(workout, deps.clock.now())
    if rest is not None:
        over = deps.t.get("training-rest-over")
        deps.rest_timers.start(workout.athlete_id, rest, manager.bg(), over)


async def _finish(manager: DialogManager) -> None:
    deps, athlete, workout = await _context(manager)
    if workout is None or workout.id is None:
        await manager.done()
        return
    summary = await FinishWorkout(deps.uow, deps.clock)(athlete.telegram_id, workout.id)
    _seen(manager, None)
    deps.rest_timers.stop(athlete.telegram_id)
    await manager.done()
    await deps.bot.send_message(
        athlete.telegram_id,
        texts.summary(deps.t, summary),
        reply_markup=summary_keyboard(deps.t, summary.changes, summary.resets),
    )


async def _log(
    manager: DialogManager, position: int, result: SetResult, source_message_id: int | None = None
) -> Workout | None:
    """The workout with the set logged, or None when the card shows no workout."""
    deps, athlete, workout = await _context(manager)
    if workout is None or workout.id is None:
        return None
    try:
        return await LogSet(deps.uow, deps.clock)(
            athlete.telegram_id, workout.id, position, result, source_message_id
        )
    except WorkoutNotFoundError:
        return None


async def _moved_on(manager: DialogManager, updated: Workout | None) -> None:
    if updated is not None:
        await _after_change(manager, updated)


def _adjusted(
    manager: DialogManager, workout: Workout, athlete: Athlete, position: int
) -> SetResult:
    """What the card showed: the prescription moved by the taps, as the athlete can load it."""
    current = next(s for s in workout.sets if s.prescribed.position == position)
    shown: SetAsShown = as_shown(athlete, current, _taps(manager, position))
    return SetResult() if shown.as_prescribed else SetResult(shown.weight, shown.reps)


async def on_done(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    if not item.isdecimal():
        return
    position, updated = int(item), None
    async with deps_of(manager).uow.one_transaction():  # the card's read and the set's write
        _deps, athlete, workout = await _context(manager)
        if workout is not None and any(s.prescribed.position == position for s in workout.sets):
            updated = await _log(manager, position, _adjusted(manager, workout, athlete, position))
    await _moved_on(manager, updated)


async def on_amrap(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """The button names its set and the reps, so a second tap cannot log the next set."""
    position, _, reps = item.partition(":")
    if not (position.isdecimal() and reps.isdecimal() and int(reps) <= MAX_REPS):
        return
    at, updated = int(position), None
    async with deps_of(manager).uow.one_transaction():
        _deps, athlete, workout = await _context(manager)
        if workout is not None and any(s.prescribed.position == at for s in workout.sets):
            weight = _adjusted(manager, workout, athlete, at).weight
            updated = await _log(manager, at, SetResult(weight, int(reps)))
    await _moved_on(manager, updated)


async def on_skip(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    if not item.isdecimal():
        return
    updated = None
    async with deps_of(manager).uow.one_transaction():
        deps, athlete, workout = await _context(manager)
        if workout is not None and workout.id is not None:
            updated = await SkipSet(deps.uow)(athlete.telegram_id, workout.id, int(item))
    await _moved_on(manager, updated)


async def on_undo(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    if not item.isdecimal():
        return
    async with deps_of(manager).uow.one_transaction():
        deps, athlete, workout = await _context(manager)
        if workout is not None and workout.id is not None:
            _seen(manager, await ReopenSet(deps.uow)(athlete.telegram_id, workout.id, int(item)))


def _nudge(key: str, by: int) -> Any:
    async def handler(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
        state = _state(manager)
        state[key] = int(state.get(key, 0)) + by

    return handler


async def on_finish(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _finish(manager)


async def on_typed(message: Message, _w: Any, manager: DialogManager) -> None:
    async with deps_of(manager).uow.one_transaction():  # the card's read and the set's write
        reply, updated = await _entered(message, manager)
    if reply is not None:
        await message.answer(reply)
    await _moved_on(manager, updated)


async def _entered(message: Message, manager: DialogManager) -> tuple[str | None, Workout | None]:
    """What the typed entry did: a reply to send, or the workout to move the card on with."""
    deps, athlete, workout = await _context(manager)
    if workout is None or workout.id is None:
        return deps.t.get("training-no-workout"), None
    entry = parse_entry(message.text or "", athlete.unit)
    match entry:
        case EntryError():
            return entry_problem(deps.t, entry), None
        case Skip():
            return None, await SkipSet(deps.uow)(athlete.telegram_id, workout.id, None)
        case Undo():
            _seen(manager, await ReopenSet(deps.uow)(athlete.telegram_id, workout.id, None))
            return None, None
    position = _state(manager).get("position")
    if not isinstance(position, int):
        return None, None
    result = _typed_result(manager, workout, athlete, position, entry)
    return None, await _log(manager, position, result, message.message_id)


def _typed_result(
    manager: DialogManager,
    workout: Workout,
    athlete: Athlete,
    position: int,
    entry: AsPrescribed | RepsOnly | WeightAndReps,
) -> SetResult:
    match entry:
        case AsPrescribed(rpe=rpe):
            return replace(_adjusted(manager, workout, athlete, position), rpe=rpe)
        case RepsOnly(reps=reps, rpe=rpe):
            return SetResult(_adjusted(manager, workout, athlete, position).weight, reps, rpe)
        case WeightAndReps(weight=weight, reps=reps, rpe=rpe):
            return SetResult(weight, reps, rpe)


async def on_edited(message: Message, deps: Deps) -> None:
    """Editing the message that logged a set re-logs that set."""
    if message.from_user is None:
        return
    uow = deps.uow
    athlete = await find_user(uow, message.from_user.id)
    if athlete is None or await set_logged_by(uow, athlete.telegram_id, message.message_id) is None:
        return  # an edit of any other message is none of the card's business
    entry = parse_entry(message.text or "", athlete.unit)
    match entry:
        case EntryError():
            await message.reply(entry_problem(deps.t, entry))
            return
        case AsPrescribed(rpe=rpe):
            result = SetResult(rpe=rpe)
        case RepsOnly(reps=reps, rpe=rpe):
            result = SetResult(reps=reps, rpe=rpe)
        case WeightAndReps(weight=weight, reps=reps, rpe=rpe):
            result = SetResult(weight, reps, rpe)
        case _:
            await message.reply(deps.t.get("training-edit-cannot-skip"))
            return
    relogged = await RelogEditedSet(uow)(athlete.telegram_id, message.message_id, result)
    if relogged is None or relogged.done is None:
        await message.reply(deps.t.get("training-edit-not-a-set"))
        return
    await message.reply(texts.relogged(deps.t, relogged.prescribed, relogged.done))


async def on_note(message: Message, _w: Any, manager: DialogManager) -> None:
    deps, athlete, workout = await _context(manager)
    note = (message.text or "").strip()
    if workout is None or workout.id is None or not note:
        await manager.switch_to(TodaySG.card)
        return
    noted = await AddNote(deps.uow)(athlete.telegram_id, workout.id, note)
    deps.reads.today = None
    await message.answer(
        deps.t.get("training-note-saved" if noted else "training-note-needs-a-set")
    )
    await manager.switch_to(TodaySG.card)


def _select(
    key: str, widget_id: str, items: str, on_click: Any, when: str | None = None
) -> Select[str]:
    return Select(
        T(key), id=widget_id, item_id_getter=str, items=items, on_click=on_click, when=when
    )


def build_dialog() -> Dialog:
    return leaves_others_alone(
        Dialog(
            Card(
                Format("{text}"),
                _select("training-done-button", "done", "done_items", on_done, when="plain"),
                Select(
                    Format("{item[1]}"),
                    id="amrap",
                    item_id_getter=operator.itemgetter(0),
                    items="amrap_items",
                    on_click=on_amrap,
                    when="amrap",
                ),
                Row(
                    Button(
                        T("training-reps-down"),
                        id="reps_down",
                        on_click=_nudge("reps_delta", -1),
                        when="plain",
                    ),
                    Button(
                        T("training-reps-up"),
                        id="reps_up",
                        on_click=_nudge("reps_delta", 1),
                        when="plain",
                    ),
                    Button(
                        Format("{step_down}"),
                        id="kg_down",
                        on_click=_nudge("weight_steps", -1),
                        when="open",
                    ),
                    Button(
                        Format("{step_up}"),
                        id="kg_up",
                        on_click=_nudge("weight_steps", 1),
                        when="open",
                    ),
                ),
                Row(
                    _select("training-skip-button", "skip", "skip_items", on_skip, when="open"),
                    _select("training-undo-button", "undo", "undo_items", on_undo),
                    Button(
                        T("training-finish-button"), id="finish", on_click=on_finish, when="active"
                    ),
                ),
                SwitchTo(T("training-note-button"), id="note", state=TodaySG.note, when="open"),
                TextMessageInput(on_typed),
                state=TodaySG.card,
                getter=card_getter,
            ),
            Card(
                T("training-note-prompt"),
                TextMessageInput(on_note),
                SwitchTo(T("training-back"), id="note_back", state=TodaySG.card),
                state=TodaySG.note,
            ),
        )
    )


def build_router() -> Router:
    router = Router(name="today")
    router.message.register(on_today, Command("today"), F.chat.type == "private")
    router.edited_message.register(on_edited, F.chat.type == "private", F.text)
    router.include_router(build_dialog())
    return router
