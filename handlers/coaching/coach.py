"""/coach, invite links, and what opening one does: accept, decline, or replace a coach."""

from __future__ import annotations

from contextlib import suppress

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
)
from aiogram_dialog import DialogManager, ShowMode, StartMode

from domain.athletes.use_cases.registration import RegisterUser
from domain.coaching.model import INVITE_PREFIX
from domain.coaching.use_cases.digest import DigestSetting
from domain.coaching.use_cases.invites import (
    Accepted,
    AcceptInvite,
    AnotherCoachError,
    BecomeCoach,
    CreateInvite,
    InvalidInviteError,
    LeaveCoach,
    NoCoachError,
    NotACoachError,
    OwnInviteError,
    RevokeInvite,
    coaching_status,
    open_invite,
)
from domain.training.use_cases.onboarding import active_plan
from handlers.coaching import reviews, texts
from handlers.coaching.clients import ShowClients
from handlers.common.callback_fields import RowId
from handlers.common.deps import Deps
from handlers.common.health import intake_offer
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button
from handlers.common.profiles import profile_of
from handlers.common.states import OnboardingSG
from handlers.common.texts import day_text

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


class Become(CallbackData, prefix="cbec"):
    pass


class NewInvite(CallbackData, prefix="cinv"):
    multi_use: bool


class Revoke(CallbackData, prefix="crev"):
    invite: RowId


class Answer(CallbackData, prefix="cans"):
    payload: str  # the link's payload itself: only who opened the link can hold it
    accept: bool
    replace: bool = False


class Leave(CallbackData, prefix="clv"):
    sure: bool = False


async def on_coach(message: Message, deps: Deps) -> None:
    status = await coaching_status(deps.uow, deps.user_id)
    t = deps.t
    rows: list[list[InlineKeyboardButton]] = []
    if status.is_coach:
        lines = [t.get("coaching-menu", clients=status.clients)]
        rows += [
            *_invite_rows(t),
            [callback_button(t.get("coaching-clients-button"), ShowClients())],
            reviews.coach_menu_row(t),
            [_digest_button(t, on=await DigestSetting(deps.uow).is_on(deps.user_id))],
        ]
    else:
        lines = [t.get("coaching-pitch")]
        rows.append([callback_button(t.get("coaching-become-button"), Become())])
    if status.coach is not None:
        coach = texts.name(status.coach)
        lines.append(t.get("coaching-your-coach", coach=coach))
        rows.append(
            [
                callback_button(
                    t.get("coaching-leave-button", coach=status.coach.first_name), Leave()
                )
            ]
        )
    await message.answer(
        "\n\n".join(lines), reply_markup=InlineKeyboardMarkup(inline_keyboard=rows)
    )


class Digest(CallbackData, prefix="cdig"):
    on: bool


def _digest_button(t: Translator, *, on: bool) -> InlineKeyboardButton:
    """Shows the setting as it is; pressing it flips it."""
    label = t.get("coaching-digest-on-button" if on else "coaching-digest-off-button")
    return callback_button(label, Digest(on=not on))


async def on_digest(callback: CallbackQuery, callback_data: Digest, deps: Deps) -> None:
    # Only a coach's row changes: anyone else's press updates nothing.
    await DigestSetting(deps.uow)(callback.from_user.id, on=callback_data.on)
    await callback.answer(
        deps.t.get("coaching-digest-now-on" if callback_data.on else "coaching-digest-now-off")
    )
    menu = callback.message
    if not isinstance(menu, Message) or menu.reply_markup is None:
        return
    flipped = _digest_button(deps.t, on=callback_data.on)
    rows = [
        [
            flipped if (button.callback_data or "").startswith(f"{Digest.__prefix__}:") else button
            for button in row
        ]
        for row in menu.reply_markup.inline_keyboard
    ]
    with suppress(TelegramBadRequest):  # pressed twice: the markup is already so
        await menu.edit_reply_markup(reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


def _invite_rows(t: Translator) -> list[list[InlineKeyboardButton]]:
    return [
        [callback_button(t.get("coaching-invite-once-button"), NewInvite(multi_use=False))],
        [callback_button(t.get("coaching-invite-many-button"), NewInvite(multi_use=True))],
    ]


async def on_become(callback: CallbackQuery, deps: Deps) -> None:
    """One tap makes a coach, registering them first if /coach was their first word."""
    await RegisterUser(deps.uow, deps.clock)(profile_of(callback.from_user))
    await BecomeCoach(deps.uow, deps.clock)(callback.from_user.id)
    await callback.answer()
    if isinstance(callback.message, Message):
        rows = _invite_rows(deps.t)
        await callback.message.edit_text(
            deps.t.get("coaching-became"), reply_markup=InlineKeyboardMarkup(inline_keyboard=rows)
        )


async def on_new_invite(callback: CallbackQuery, callback_data: NewInvite, deps: Deps) -> None:
    try:
        invite, payload = await CreateInvite(deps.uow, deps.clock)(
            callback.from_user.id, multi_use=callback_data.multi_use
        )
    except NotACoachError:
        await callback.answer(deps.t.get("coaching-not-coach"), show_alert=True)
        return
    await callback.answer()
    until = invite.expires_at.date()  # UTC: a day's difference at most, and it errs early
    key = "coaching-link-many" if invite.multi_use else "coaching-link-once"
    text = deps.t.get(
        key,
        until=day_text(deps.t, until),
        link=texts.invite_anchor(deps.bot_username, payload),
    )
    revoke = callback_button(deps.t.get("coaching-revoke-button"), Revoke(invite=invite.id or 0))
    if isinstance(callback.message, Message):
        await callback.message.answer(
            text,
            reply_markup=InlineKeyboardMarkup(inline_keyboard=[[revoke]]),
            link_preview_options=NO_PREVIEW,
        )


async def on_revoke(callback: CallbackQuery, callback_data: Revoke, deps: Deps) -> None:
    try:
        await RevokeInvite(deps.uow, deps.clock)(callback.from_user.id, callback_data.invite)
    except InvalidInviteError:
        await callback.answer(deps.t.get("coaching-invite-invalid"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(deps.t.get("coaching-revoked"))


async def on_invite_link(message: Message, command: CommandObject, deps: Deps) -> None:
    """`/start c…`: who invites, with Accept and Decline; a bad link changes nothing."""
    payload = command.args or ""
    try:
        offer = await open_invite(deps.uow, deps.clock, payload, deps.user_id)
    except InvalidInviteError:
        await message.answer(deps.t.get("coaching-invite-invalid"))
        return
    except OwnInviteError:
        await message.answer(deps.t.get("coaching-own-invite"))
        return
    text = deps.t.get("coaching-invite", coach=texts.name(offer.coach))
    if offer.current_coach is not None:
        replaced = texts.name(offer.current_coach)
        text += "\n\n" + deps.t.get("coaching-invite-replaces", current=replaced)
    await message.answer(
        text, reply_markup=_answer_keyboard(deps, payload, replace=offer.current_coach is not None)
    )


def _answer_keyboard(deps: Deps, payload: str, *, replace: bool) -> InlineKeyboardMarkup:
    accept = Answer(payload=payload, accept=True, replace=replace)
    decline = Answer(payload=payload, accept=False)
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                callback_button(deps.t.get("coaching-accept-button"), accept),
                callback_button(deps.t.get("coaching-decline-button"), decline),
            ]
        ]
    )


async def on_answer(
    callback: CallbackQuery, callback_data: Answer, deps: Deps, dialog_manager: DialogManager
) -> None:
    message = callback.message if isinstance(callback.message, Message) else None
    if not callback_data.accept:
        await callback.answer()
        if message:
            await message.edit_text(deps.t.get("coaching-declined"))
        return
    sender = callback.from_user
    try:
        # A bad link registers nobody: it is checked before the athlete is.
        await open_invite(deps.uow, deps.clock, callback_data.payload, sender.id)
        await RegisterUser(deps.uow, deps.clock)(profile_of(sender))
        accepted = await AcceptInvite(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))(
            callback_data.payload, sender.id, replace=callback_data.replace
        )
    except InvalidInviteError:
        await callback.answer(deps.t.get("coaching-invite-invalid"), show_alert=True)
        return
    except OwnInviteError:
        await callback.answer(deps.t.get("coaching-own-invite"), show_alert=True)
        return
    except AnotherCoachError as error:  # a coach arrived since the link was opened: ask again
        await callback.answer()
        if message:
            text = deps.t.get("coaching-invite-replaces", current=texts.name(error.current))
            await message.edit_text(
                text, reply_markup=_answer_keyboard(deps, callback_data.payload, replace=True)
            )
        return
    await callback.answer()
    key = "coaching-already" if accepted.already else "coaching-accepted"
    text = deps.t.get(key, coach=texts.name(accepted.coach))
    text, keyboard = _with_intake_offer(deps, text, accepted)
    if await active_plan(deps.uow, sender.id) is not None:
        if message:
            await message.edit_text(text, reply_markup=keyboard)
        return
    # A new athlete: the answer, then the onboarding card below it. Sending the card takes
    # the invite's buttons off, as it does for any card that is replaced.
    if message:
        await message.answer(text, reply_markup=keyboard)
    await dialog_manager.start(
        OnboardingSG.units, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND
    )


def _with_intake_offer(
    deps: Deps, text: str, accepted: Accepted
) -> tuple[str, InlineKeyboardMarkup | None]:
    """A new client is offered the health questionnaire at once: their coach needs it."""
    if accepted.already:
        return text, None
    offer, keyboard = intake_offer(deps.t)
    return f"{text}\n\n{offer}", keyboard


async def on_leave(callback: CallbackQuery, callback_data: Leave, deps: Deps) -> None:
    message = callback.message if isinstance(callback.message, Message) else None
    if not callback_data.sure:
        status = await coaching_status(deps.uow, callback.from_user.id)
        await callback.answer()
        if status.coach is None:
            if message:
                await message.answer(deps.t.get("coaching-no-coach"))
            return
        if message:
            yes = callback_button(deps.t.get("coaching-leave-yes"), Leave(sure=True))
            await message.answer(
                deps.t.get("coaching-leave-sure", coach=texts.name(status.coach)),
                reply_markup=InlineKeyboardMarkup(inline_keyboard=[[yes]]),
            )
        return
    try:
        coach = await LeaveCoach(deps.uow, deps.clock, texts.CoachingWords(deps.catalogue))(
            callback.from_user.id
        )
    except NoCoachError:
        await callback.answer(deps.t.get("coaching-no-coach"), show_alert=True)
        return
    await callback.answer()
    if message:
        await message.edit_text(deps.t.get("coaching-left", coach=texts.name(coach)))


def build_router() -> Router:
    router = Router(name="coaching")
    private = F.chat.type == "private"
    router.message.register(
        on_invite_link,
        CommandStart(deep_link=True, magic=F.args.startswith(INVITE_PREFIX)),
        private,
    )
    router.message.register(on_coach, Command("coach"), private)
    router.callback_query.register(on_become, Become.filter())
    router.callback_query.register(on_new_invite, NewInvite.filter())
    router.callback_query.register(on_revoke, Revoke.filter())
    router.callback_query.register(on_answer, Answer.filter())
    router.callback_query.register(on_leave, Leave.filter())
    router.callback_query.register(on_digest, Digest.filter())
    return router
