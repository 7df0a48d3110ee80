"""/health: the athlete's health record, the PAR-Q intake step by step, emergency contacts.

Every answer is stored as it is given, and the record keeps the step the intake is at: a
restart, or /health typed later, resumes there. A button names the step it answers, so an old
or repeated press answers nothing twice.
"""

from __future__ import annotations

from html import escape
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, User
from aiogram_dialog import Dialog, DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from domain.athletes.use_cases.registration import find_user
from domain.health.model import (
    CONTACTS_STEP,
    HISTORY_FIELDS,
    FitnessLevel,
    HealthRecord,
    HistoryField,
    Stage,
    stage_of,
    yes_answers,
)
from domain.health.rules import PhoneError, avoided_lifts
from domain.health.use_cases import (
    MAX_CONTACT_TEXT,
    MAX_CONTACTS,
    AddContact,
    Answer,
    AnswerIntake,
    FinishIntake,
    MakePrimary,
    NotYourContactError,
    RemoveContact,
    StaleStepError,
    StartIntake,
    TooLongError,
    TooManyContactsError,
    WrongAnswerError,
    contact_text,
    health_of,
)
from domain.plans.use_cases.exercises import exercise_names
from handlers.common.cards import Card
from handlers.common.deps import Deps, deps_of
from handlers.common.filters import leaves_others_alone
from handlers.common.health import (
    OpenIntake,
    avoided_text,
    contact_line,
    parq_question,
    parq_summary,
    record_lines,
)
from handlers.common.widgets import T, TextMessageInput


class HealthSG(StatesGroup):
    card = State()
    parq = State()
    history = State()
    fitness = State()
    contacts = State()
    contact_name = State()
    contact_relation = State()
    contact_phone = State()


_STAGE_STATES = {
    Stage.PARQ: HealthSG.parq,
    Stage.HISTORY: HealthSG.history,
    Stage.FITNESS: HealthSG.fitness,
    Stage.CONTACTS: HealthSG.contacts,
}


def _state_for(record: HealthRecord) -> State:
    if record.intake_step is None:
        return HealthSG.card
    return _STAGE_STATES[stage_of(record.intake_step)[0]]


async def on_health(message: Message, dialog_manager: DialogManager, deps: Deps) -> None:
    if await find_user(deps.uow, deps.user_id) is None:
        await message.answer(deps.t.get("health-register-first"))
        return
    await dialog_manager.start(HealthSG.card, mode=StartMode.RESET_STACK)


async def on_open_intake(
    callback: CallbackQuery, deps: Deps, dialog_manager: DialogManager
) -> None:
    """The offer's button (on accepting a coach): the intake, where it was left if begun."""
    if await find_user(deps.uow, callback.from_user.id) is None:
        await callback.answer(deps.t.get("health-register-first"), show_alert=True)
        return
    await callback.answer()
    record = await StartIntake(deps.uow, deps.clock)(callback.from_user.id)
    # On top of what is open (a new client's onboarding card): closing /health goes back to it.
    await dialog_manager.start(_state_for(record), mode=StartMode.NORMAL, show_mode=ShowMode.SEND)


async def card_getter(
    dialog_manager: DialogManager, event_from_user: User, **_: Any
) -> dict[str, Any]:
    deps = deps_of(dialog_manager)
    t = deps.t
    view = await health_of(deps.uow, event_from_user.id)
    record = view.record
    lines = [t.get("health-title")]
    if dialog_manager.dialog_data.pop("finished", False):
        lines.append(t.get("health-finished"))
    if record is None or (record.intake_step == 0 and record.completed_at is None):
        lines.append(t.get("health-empty"))
    else:
        names = await exercise_names(deps.uow)
        limitations = record.text_of(HistoryField.LIMITATIONS) or ""
        avoided = avoided_lifts(limitations, names) if limitations else frozenset()
        lines.append(parq_summary(t, record.answers))
        lines += record_lines(t, record, view.contacts, avoided, names)
        if record.intake_step is not None:
            lines.append(t.get("health-unfinished"))
    lines.append(t.get("health-private"))
    unfinished = record is not None and record.intake_step is not None
    return {
        "text": "\n".join(lines),
        "fresh": record is None,
        "unfinished": unfinished,
        "done": record is not None and not unfinished,
    }


async def _record_at_step(manager: DialogManager, athlete_id: int) -> HealthRecord | None:
    """The record, with the step its window answers kept for the text a reply brings."""
    record = (await health_of(deps_of(manager).uow, athlete_id)).record
    manager.dialog_data["step"] = None if record is None else record.intake_step
    return record


async def parq_getter(
    dialog_manager: DialogManager, event_from_user: User, **_: Any
) -> dict[str, Any]:
    t = deps_of(dialog_manager).t
    record = await _record_at_step(dialog_manager, event_from_user.id)
    step = 0 if record is None or record.intake_step is None else record.intake_step
    number = min(step, len(record.answers) - 1) if record else 0
    lines = [t.get("health-parq-question", number=number + 1, question=parq_question(t, number))]
    if record is not None and yes_answers(record.answers):
        lines.append(t.get("health-parq-yes-advice"))
    return {
        "text": "\n\n".join(lines),
        "answers": [
            (f"{step}.1", t.get("health-yes-button")),
            (f"{step}.0", t.get("health-no-button")),
        ],
    }


async def history_getter(
    dialog_manager: DialogManager, event_from_user: User, **_: Any
) -> dict[str, Any]:
    t = deps_of(dialog_manager).t
    record = await _record_at_step(dialog_manager, event_from_user.id)
    step = record.intake_step if record else None
    field = HistoryField.CONDITIONS
    if step is not None and stage_of(step)[0] is Stage.HISTORY:
        field = HISTORY_FIELDS[stage_of(step)[1]]
    return {"text": t.get(f"health-ask-{field.value}")}


async def fitness_getter(
    dialog_manager: DialogManager, event_from_user: User, **_: Any
) -> dict[str, Any]:
    deps = deps_of(dialog_manager)
    t = deps.t
    record = await _record_at_step(dialog_manager, event_from_user.id)
    step = record.intake_step if record else None
    lines = []
    limitations = (record.text_of(HistoryField.LIMITATIONS) if record else None) or ""
    if limitations:
        names = await exercise_names(deps.uow)
        avoided = avoided_lifts(limitations, names)
        if avoided:
            lines.append(avoided_text(t, avoided, names))
    lines.append(t.get("health-ask-fitness"))
    return {
        "text": "\n\n".join(lines),
        "levels": [
            (f"{step}.{level.value}", t.get(f"health-fitness-{level.value}"))
            for level in FitnessLevel
        ],
    }


async def contacts_getter(
    dialog_manager: DialogManager, event_from_user: User, **_: Any
) -> dict[str, Any]:
    deps = deps_of(dialog_manager)
    t = deps.t
    view = await health_of(deps.uow, event_from_user.id)
    lines = [t.get("health-contacts-title")]
    if view.contacts:
        lines += [contact_line(t, contact) for contact in view.contacts]
        lines.append(t.get("health-contacts-hint"))
    else:
        lines.append(t.get("health-contacts-none"))
    return {
        "text": "\n".join(lines),
        "contacts": [(str(c.id), f"⭐ {c.name}" if c.primary else c.name) for c in view.contacts],
        "removable": [
            (str(c.id), t.get("health-remove-contact-button", name=c.name)) for c in view.contacts
        ],
        "can_add": len(view.contacts) < MAX_CONTACTS,
    }


def _athlete(manager: DialogManager) -> int:
    return deps_of(manager).user_id


async def _answer(manager: DialogManager, step: int, answer: Answer) -> None:
    deps = deps_of(manager)
    record: HealthRecord | None
    try:
        record = await AnswerIntake(deps.uow, deps.clock)(_athlete(manager), step, answer)
    except (StaleStepError, WrongAnswerError):  # an old or forged press: show where it is now
        record = (await health_of(deps.uow, _athlete(manager))).record
    await manager.switch_to(HealthSG.card if record is None else _state_for(record))


def _pressed(item: str) -> tuple[int, str] | None:
    """A press's "<step>.<answer>", or None when it is not one (forged)."""
    step, _, answer = item.partition(".")
    return (int(step), answer) if step.isdecimal() and len(step) <= 2 else None


async def on_parq(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    pressed = _pressed(item)
    if pressed is None or pressed[1] not in {"0", "1"}:
        return  # forged: the window shows the question again
    await _answer(manager, pressed[0], pressed[1] == "1")


async def on_fitness(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    pressed = _pressed(item)
    if pressed is None or pressed[1] not in set(FitnessLevel):
        return
    await _answer(manager, pressed[0], FitnessLevel(pressed[1]))


def _step_shown(manager: DialogManager) -> int | None:
    step = manager.dialog_data.get("step")
    return step if isinstance(step, int) else None


async def on_history_text(message: Message, _w: Any, manager: DialogManager) -> None:
    step = _step_shown(manager)
    if step is None:
        return
    try:
        await _answer(manager, step, message.text or "")
    except TooLongError as error:
        await message.answer(deps_of(manager).t.get("health-text-too-long", limit=error.limit))


async def on_skip(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    step = _step_shown(manager)
    if step is not None:
        await _answer(manager, step, None)


async def on_not_text(message: Message, _w: Any, manager: DialogManager) -> None:
    await message.answer(deps_of(manager).t.get("health-not-text"))


async def on_begin(_c: CallbackQuery, button: Button, manager: DialogManager) -> None:
    deps = deps_of(manager)
    resume = button.widget_id != "retake"
    record = await StartIntake(deps.uow, deps.clock)(_athlete(manager), resume=resume)
    await manager.switch_to(_state_for(record))


async def on_contacts_done(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    deps = deps_of(manager)
    record = (await health_of(deps.uow, _athlete(manager))).record
    if record is not None and record.intake_step == CONTACTS_STEP:
        try:
            await FinishIntake(deps.uow, deps.clock)(_athlete(manager))
            manager.dialog_data["finished"] = True
        except StaleStepError:
            pass
    await manager.switch_to(HealthSG.card)


async def _contact_or_gone(callback: CallbackQuery, manager: DialogManager, action: Any) -> None:
    deps = deps_of(manager)
    try:
        await action
    except NotYourContactError:
        if isinstance(callback.message, Message):
            await callback.message.answer(deps.t.get("health-contact-gone"))


def _contact_id(item: str) -> int | None:
    return int(item) if item.isdecimal() and len(item) <= 10 else None


async def on_primary(callback: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    deps = deps_of(manager)
    contact = _contact_id(item)
    if contact is not None:
        await _contact_or_gone(callback, manager, MakePrimary(deps.uow)(_athlete(manager), contact))


async def on_remove(callback: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    deps = deps_of(manager)
    contact = _contact_id(item)
    if contact is not None:
        await _contact_or_gone(
            callback, manager, RemoveContact(deps.uow)(_athlete(manager), contact)
        )


async def _typed(message: Message, manager: DialogManager, key: str, then: State) -> None:
    t = deps_of(manager).t
    try:
        manager.dialog_data[key] = contact_text(message.text or "")
    except (WrongAnswerError, TooLongError):
        await message.answer(t.get("health-contact-bad-text", limit=MAX_CONTACT_TEXT))
        return
    await manager.switch_to(then)


async def on_contact_name(message: Message, _w: Any, manager: DialogManager) -> None:
    await _typed(message, manager, "name", HealthSG.contact_relation)


async def on_contact_relation(message: Message, _w: Any, manager: DialogManager) -> None:
    await _typed(message, manager, "relation", HealthSG.contact_phone)


async def on_contact_phone(message: Message, _w: Any, manager: DialogManager) -> None:
    deps = deps_of(manager)
    t = deps.t
    typed = message.text or ""
    name, relation = manager.dialog_data.get("name"), manager.dialog_data.get("relation")
    if not isinstance(name, str) or not isinstance(relation, str):
        await manager.switch_to(HealthSG.contact_name)
        return
    try:
        await AddContact(deps.uow, deps.clock)(_athlete(manager), name, relation, typed)
    except PhoneError as error:
        await message.answer(t.get(f"health-phone-{error.problem.value}", typed=escape(typed)))
        return
    except TooManyContactsError:
        await message.answer(t.get("health-too-many-contacts", limit=MAX_CONTACTS))
    except (WrongAnswerError, TooLongError):
        await message.answer(t.get("health-contact-bad-text", limit=MAX_CONTACT_TEXT))
    _forget_contact(manager)
    await manager.switch_to(HealthSG.contacts)


def _forget_contact(manager: DialogManager) -> None:
    """The name and relation typed are kept in the dialog's storage only until the contact is
    added or abandoned: the record is where health data lives."""
    manager.dialog_data.pop("name", None)
    manager.dialog_data.pop("relation", None)


async def on_back_to_contacts(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    _forget_contact(manager)


async def name_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    name = dialog_manager.dialog_data.get("name")
    return {"name": escape(name) if isinstance(name, str) else ""}


def _text_window(prompt: Any, on_text: Any, state: State, *extra: Any, getter: Any = None) -> Card:
    return Card(
        prompt,
        TextMessageInput(on_text),
        MessageInput(on_not_text),
        *extra,
        state=state,
        getter=getter,
    )


def build_dialog() -> Dialog:
    back_to_contacts = SwitchTo(
        T("health-back-button"),
        id="to_contacts",
        state=HealthSG.contacts,
        on_click=on_back_to_contacts,
    )
    return leaves_others_alone(
        Dialog(
            Card(
                Format("{text}"),
                Button(T("health-start-button"), id="start", on_click=on_begin, when="fresh"),
                Button(
                    T("health-continue-button"), id="continue", on_click=on_begin, when="unfinished"
                ),
                Button(T("health-retake-button"), id="retake", on_click=on_begin, when="done"),
                SwitchTo(T("health-contacts-button"), id="contacts", state=HealthSG.contacts),
                Cancel(T("health-close-button")),
                state=HealthSG.card,
                getter=card_getter,
            ),
            Card(
                Format("{text}"),
                Row(
                    Select(
                        Format("{item[1]}"),
                        id="parq",
                        item_id_getter=lambda item: item[0],
                        items="answers",
                        on_click=on_parq,
                    )
                ),
                state=HealthSG.parq,
                getter=parq_getter,
            ),
            _text_window(
                Format("{text}"),
                on_history_text,
                HealthSG.history,
                Button(T("health-skip-button"), id="skip", on_click=on_skip),
                getter=history_getter,
            ),
            Card(
                Format("{text}"),
                Group(
                    Select(
                        Format("{item[1]}"),
                        id="level",
                        item_id_getter=lambda item: item[0],
                        items="levels",
                        on_click=on_fitness,
                    ),
                    width=2,
                ),
                state=HealthSG.fitness,
                getter=fitness_getter,
            ),
            Card(
                Format("{text}"),
                Group(
                    Select(
                        Format("{item[1]}"),
                        id="primary",
                        item_id_getter=lambda item: item[0],
                        items="contacts",
                        on_click=on_primary,
                    ),
                    width=1,
                ),
                Group(
                    Select(
                        Format("{item[1]}"),
                        id="remove",
                        item_id_getter=lambda item: item[0],
                        items="removable",
                        on_click=on_remove,
                    ),
                    width=2,
                ),
                SwitchTo(
                    T("health-add-contact-button"),
                    id="add",
                    state=HealthSG.contact_name,
                    when="can_add",
                ),
                Button(T("health-done-button"), id="done", on_click=on_contacts_done),
                state=HealthSG.contacts,
                getter=contacts_getter,
            ),
            _text_window(
                T("health-ask-contact-name"),
                on_contact_name,
                HealthSG.contact_name,
                back_to_contacts,
            ),
            _text_window(
                T("health-ask-contact-relation", "name"),
                on_contact_relation,
                HealthSG.contact_relation,
                back_to_contacts,
                getter=name_getter,
            ),
            _text_window(
                T("health-ask-contact-phone", "name"),
                on_contact_phone,
                HealthSG.contact_phone,
                back_to_contacts,
                getter=name_getter,
            ),
        )
    )


def build_router() -> Router:
    router = Router(name="health")
    router.message.register(on_health, Command("health"), F.chat.type == "private")
    router.callback_query.register(on_open_intake, OpenIntake.filter())
    router.include_router(build_dialog())
    return router
