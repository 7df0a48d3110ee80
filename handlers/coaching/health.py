"""A client's health record under their card, the coach's acknowledgement of a PAR-Q flag, and
what assigning a plan says when the record stops it. The current coach only."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from html import escape
from typing import Annotated

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from pydantic import Field

from domain.athletes.model import User
from domain.coaching.use_cases.health import (
    AcknowledgeHealth,
    AvoidedLift,
    AvoidedLiftsError,
    ClientHealth,
    HealthNotAcknowledgedError,
    client_health,
)
from domain.coaching.use_cases.invites import NotYourClientError
from domain.health.model import as_mask, from_mask
from domain.plans.use_cases.exercises import exercise_names
from handlers.coaching import texts
from handlers.common.callback_fields import UserId
from handlers.common.deps import Deps
from handlers.common.health import parq_answer_lines, parq_summary, record_lines
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button

Mask = Annotated[int, Field(ge=1, le=127)]  # the PAR-Q questions shown, a bit each


class AcknowledgeFlag(CallbackData, prefix="chak"):
    athlete: UserId
    shown: Mask  # the yes answers the card showed: a later yes is not acknowledged with them


def health_text(t: Translator, health: ClientHealth, names: dict[str, str]) -> str:
    client_name = texts.name(health.client)
    record = health.record
    if record is None:
        return t.get("health-client-none", client=client_name)
    lines = [t.get("health-client-title", client=client_name), parq_summary(t, record.answers)]
    lines += parq_answer_lines(t, record.answers)
    lines += record_lines(t, record, health.contacts, health.avoided, names)
    if health.flagged:
        lines.append(t.get("health-client-flagged", count=len(health.flagged)))
    elif any(record.answers):
        lines.append(t.get("health-client-acknowledged"))
    return "\n".join(lines)


def health_keyboard(
    t: Translator, athlete: int, health: ClientHealth
) -> InlineKeyboardMarkup | None:
    if not health.flagged:
        return None
    ack = AcknowledgeFlag(athlete=athlete, shown=as_mask(health.flagged))
    return InlineKeyboardMarkup(
        inline_keyboard=[[callback_button(t.get("health-acknowledge-button"), ack)]]
    )


@dataclass(frozen=True, slots=True)
class CardHealth:
    """The health line the client card ends with, and the record's details sent below it
    (none until the client has answered something)."""

    line: str
    details: str | None = None
    keyboard: InlineKeyboardMarkup | None = None


async def card_health(deps: Deps, athlete: int) -> CardHealth:
    """What the client card shows of the client's health, for their current coach only."""
    try:
        health = await client_health(deps.uow, deps.user_id, athlete)
    except NotYourClientError:
        return CardHealth("")
    t = deps.t
    if health.record is None:
        return CardHealth("\n" + t.get("health-card-none"))
    key = "health-card-flagged" if health.flagged else "health-card-below"
    names = await exercise_names(deps.uow)
    return CardHealth(
        "\n" + t.get(key),
        health_text(t, health, names),
        health_keyboard(t, athlete, health),
    )


async def on_acknowledge(
    callback: CallbackQuery, callback_data: AcknowledgeFlag, deps: Deps
) -> None:
    acknowledge = AcknowledgeHealth(deps.uow, deps.clock)
    try:
        health = await acknowledge(
            callback.from_user.id, callback_data.athlete, from_mask(callback_data.shown)
        )
    except NotYourClientError:
        await callback.answer(deps.t.get("coaching-not-your-client"), show_alert=True)
        return
    await callback.answer()
    if not isinstance(callback.message, Message) or health.record is None:
        return
    names = await exercise_names(deps.uow)
    with suppress(TelegramBadRequest):  # pressed twice: it shows this already
        await callback.message.edit_text(
            health_text(deps.t, health, names),
            reply_markup=health_keyboard(deps.t, callback_data.athlete, health),
        )
    if not health.flagged:
        await callback.message.answer(
            deps.t.get("health-acknowledged", client=texts.name(health.client))
        )


def avoided_lifts_text(
    t: Translator, client_name: str, lifts: tuple[AvoidedLift, ...], names: dict[str, str]
) -> str:
    lines = [
        t.get(
            "health-avoided-lift",
            lift=escape(names.get(lift.exercise, lift.exercise)),
            days=len(lift.days),
            numbers=", ".join(str(day) for day in lift.days),
        )
        for lift in lifts
    ]
    return t.get("health-assign-avoided", client=client_name, lifts="\n".join(lines))


async def health_stops_assigning(
    callback: CallbackQuery,
    deps: Deps,
    client: User,
    stopped: HealthNotAcknowledgedError | AvoidedLiftsError,
    confirmed: CallbackData,
) -> None:
    """Assigning refused until the flag is acknowledged, or a plan with avoided lifts shown
    with a button (`confirmed`) that assigns it anyway."""
    await callback.answer()
    if not isinstance(callback.message, Message):
        return
    if isinstance(stopped, HealthNotAcknowledgedError):
        await callback.message.answer(
            deps.t.get("health-assign-refused", client=texts.name(client))
        )
    else:
        names = await exercise_names(deps.uow)
        anyway = callback_button(deps.t.get("health-assign-anyway-button"), confirmed)
        await callback.message.answer(
            avoided_lifts_text(deps.t, texts.name(client), stopped.lifts, names),
            reply_markup=InlineKeyboardMarkup(inline_keyboard=[[anyway]]),
        )


def build_router() -> Router:
    router = Router(name="client_health")
    router.callback_query.register(on_acknowledge, AcknowledgeFlag.filter())
    return router
