"""Onboarding after /start: units, a plan, and the maxes the plan needs."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.kbd import Button, Column, Row, Select
from aiogram_dialog.widgets.text import Const, Format

from domain.athletes.use_cases.preferences import ChooseUnits
from domain.athletes.use_cases.registration import find_user
from domain.plans.model import UnknownPlanError
from domain.plans.rules import TM_85, TM_90, TM_PERCENTS
from domain.plans.use_cases.exercises import exercise_names
from domain.plans.use_cases.library import available_plans
from domain.shared.ports import Clock
from domain.shared.weights import Unit, format_amount
from domain.training.maxes_text import MAX_WEIGHT, read_maxes, read_one_weight
from domain.training.ports import TrainingUnitOfWork
from domain.training.use_cases.logging import WorkoutInProgressError
from domain.training.use_cases.onboarding import (
    SetTrainingMaxes,
    StartPlan,
    missing_training_maxes,
    training_maxes_with_history,
)
from handlers.common.cards import Card
from handlers.common.deps import deps_of
from handlers.common.filters import leaves_others_alone
from handlers.common.i18n import Translator
from handlers.common.states import OnboardingSG
from handlers.common.widgets import T, TextMessageInput

ONE_REP_MODE = "one-rep"
TM_MODE = "tm"


def _ask(t: Translator, lift: str, mode: str, unit: str) -> str:
    return t.get("training-ask-max", mode=mode, lift=escape(lift), unit=unit)


def _ids(manager: DialogManager) -> tuple[TrainingUnitOfWork, Clock, int]:
    deps = deps_of(manager)
    return deps.uow, deps.clock, deps.user_id


async def on_unit(_c: CallbackQuery, button: Button, manager: DialogManager) -> None:
    uow, _clock, athlete_id = _ids(manager)
    await ChooseUnits(uow)(athlete_id, Unit(str(button.widget_id)))
    await manager.next()


async def plans_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    uow, _clock, athlete_id = _ids(dialog_manager)
    return {"plans": [(p.slug, p.name) for p in await available_plans(uow, athlete_id)]}


async def on_plan(callback: CallbackQuery, _w: Any, manager: DialogManager, slug: str) -> None:
    uow, clock, athlete_id = _ids(manager)
    try:
        plan = await StartPlan(uow, clock)(athlete_id, slug)
    except (UnknownPlanError, WorkoutInProgressError):
        return
    if await missing_training_maxes(uow, athlete_id):
        await manager.next()
        return
    if isinstance(callback.message, Message):
        t = deps_of(manager).t
        await callback.message.answer(t.get("training-ready", plan=escape(plan.name)))
    await manager.done()


async def maxes_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    uow, _clock, athlete_id = _ids(dialog_manager)
    missing = await missing_training_maxes(uow, athlete_id)
    user = await find_user(uow, athlete_id)
    unit = user.unit if user else Unit.KG
    t = deps_of(dialog_manager).t
    mode = TM_MODE if dialog_manager.dialog_data.get("training_maxes") else ONE_REP_MODE
    toggle = t.get(
        "training-know-one-rep-maxes" if mode == TM_MODE else "training-know-training-maxes"
    )
    prompt = _ask(t, (await exercise_names(uow))[missing[0]], mode, str(unit)) if missing else ""
    share = _share(dialog_manager)
    if share is not None and mode == ONE_REP_MODE and prompt:
        prompt += "\n" + t.get("training-tm-share", percent=format_amount(share * 100))
    return {
        "prompt": prompt,
        "toggle": toggle,
        "one_rep": mode == ONE_REP_MODE,
        "other_share": "85" if share != TM_85 else "90",
    }


def _share(manager: DialogManager) -> Decimal | None:
    chosen = manager.dialog_data.get("tm_percent")
    return Decimal(chosen) if isinstance(chosen, str) and Decimal(chosen) in TM_PERCENTS else None


async def on_share(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    manager.dialog_data["tm_percent"] = str(TM_90 if _share(manager) == TM_85 else TM_85)


async def on_toggle(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    manager.dialog_data["training_maxes"] = not manager.dialog_data.get("training_maxes")


async def on_maxes_text(message: Message, _w: Any, manager: DialogManager) -> None:
    uow, clock, athlete_id = _ids(manager)
    user = await find_user(uow, athlete_id)
    missing = await missing_training_maxes(uow, athlete_id)
    if user is None or not missing:
        await manager.done()
        return
    text = (message.text or "").strip()
    one = read_one_weight(text, user.unit)
    found = {missing[0]: one} if one else None
    if found is None:
        parsed = read_maxes(text, user.unit)
        found = {k: v for k, v in parsed.found.items() if k in missing}
        if not found:
            await message.answer(_explain(deps_of(manager).t, parsed.unknown, parsed.out_of_range))
            return
    await SetTrainingMaxes(uow, clock)(
        athlete_id,
        found,
        one_rep_maxes=not manager.dialog_data.get("training_maxes"),
        percent=_share(manager),
    )
    if not await missing_training_maxes(uow, athlete_id):
        current = await training_maxes_with_history(uow, athlete_id)
        names = await exercise_names(uow)
        listed = ", ".join(
            f"{escape(names[e])} {history[-1].weight}" for e, history in current.items()
        )
        await message.answer(deps_of(manager).t.get("training-maxes-done", maxes=listed))
        await manager.done()


def _explain(t: Translator, unknown: tuple[str, ...], out_of_range: tuple[str, ...]) -> str:
    if out_of_range:
        return t.get(
            "training-max-out-of-range",
            typed=escape(", ".join(out_of_range)),
            max=format_amount(MAX_WEIGHT[Unit.KG]),
        )
    if unknown:
        return t.get("training-unknown-lift", typed=escape(unknown[0][:30]))
    return t.get("training-maxes-example")


def build_dialog() -> Dialog:
    return leaves_others_alone(
        Dialog(
            Card(
                T("training-units-prompt"),
                Row(
                    Button(Const("kg"), id=Unit.KG.value, on_click=on_unit),
                    Button(Const("lb"), id=Unit.LB.value, on_click=on_unit),
                ),
                state=OnboardingSG.units,
            ),
            Card(
                T("training-plan-prompt"),
                Column(
                    Select(
                        Format("{item[1]}"),
                        id="plan",
                        item_id_getter=lambda item: item[0],
                        items="plans",
                        on_click=on_plan,
                    )
                ),
                state=OnboardingSG.plan,
                getter=plans_getter,
            ),
            Card(
                Format("{prompt}"),
                Button(Format("{toggle}"), id="toggle", on_click=on_toggle),
                Button(
                    T("training-share-toggle", "other_share"),
                    id="share",
                    on_click=on_share,
                    when="one_rep",
                ),
                TextMessageInput(on_maxes_text),
                state=OnboardingSG.maxes,
                getter=maxes_getter,
            ),
        )
    )
