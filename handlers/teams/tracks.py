"""Programming tracks in the group (/track, /tracks, /wod_time, /wod_rest, /wod_note) and in
private (/track, /tracks); `/track price` and `/track pay` are in track_pricing. Syntax:
docs/track-format.md."""

from __future__ import annotations

import logging
import re
from datetime import date, time
from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import InlineKeyboardMarkup, Message

from domain.reminders.parsing import TimeEntryError, parse_time
from domain.shared.errors import NotRegisteredError
from domain.teams.model import Actor
from domain.teams.tracks import StoredTrack, TrackTextError
from domain.teams.use_cases.membership import NotAllowedError, NoTeamError
from domain.teams.use_cases.tracks import (
    NoSuchTrackError,
    OffsetOutOfRangeError,
    SavePersonalTrack,
    SaveTeamTrack,
    SetWodNote,
    SetWodTime,
    Subscribe,
    Subscribed,
    Unsubscribe,
    personal_today,
    personal_tracks,
    publish_track,
    team_tracks,
)
from handlers.common.deps import Deps
from handlers.teams.admins import is_chat_admin
from handlers.teams.track_pricing import (
    PayTrack,
    access_text,
    on_pay_track,
    pay_markup,
    pay_reply,
    price_track,
    pricing_text,
)
from handlers.teams.track_texts import WodWords, today_texts, track_errors, tracks_list

logger = logging.getLogger(__name__)

GROUPS = F.chat.type.in_({"group", "supergroup"})
PRIVATE = F.chat.type == "private"
_REF = re.compile(r"^(?P<ref>.+?)(?:\s+offset\s+(?P<offset>[+-]?\d{1,5}))?$", re.IGNORECASE)
_NOTE = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})\s+(?P<text>.+)$", re.DOTALL)
_VERBS = frozenset({"subscribe", "unsubscribe", "publish", "unpublish", "today", "price", "pay"})
Reply = tuple[str, InlineKeyboardMarkup | None]
_SWITCH = {"on": True, "off": False}


def _split(args: str | None) -> tuple[str, str]:
    """(`subscribe` | `unsubscribe` | … | "", the rest)."""
    text = (args or "").strip()
    verb, _, rest = text.partition(" ")
    if verb.lower() in _VERBS and "\n" not in verb:
        return verb.lower(), rest.strip()
    return "", text


async def _actor(message: Message, bot: Bot) -> Actor:
    sender = message.from_user
    user_id = sender.id if sender else 0
    admin = await is_chat_admin(bot, message.chat.id, user_id, message.sender_chat)
    return Actor(user_id, admin)


def _pasted(message: Message, rest: str) -> str:
    """The track's text: after the command, or the message the command answers."""
    if rest:
        return rest
    replied = message.reply_to_message
    return (replied.text or replied.caption or "") if replied else ""


def _subscribed(deps: Deps, done: Subscribed) -> Reply:
    t, track, held = deps.t, done.track, done.subscription
    text = t.get(
        "tracks-subscribed-again" if done.again else "tracks-subscribed",
        name=escape(track.name),
        first=done.first_day.isoformat(),
        offset=held.offset,
    )
    if not track.pricing.paid:
        return text, None
    lines = [text, pricing_text(t, track.pricing), access_text(t, deps, track, held)]
    markup = None if held.paid_for_good else pay_markup(t, track, held)
    return "\n".join(lines), markup


def _saved(deps: Deps, saved: tuple[StoredTrack, bool]) -> str:
    track, new = saved
    return deps.t.get(
        "tracks-saved" if new else "tracks-replaced",
        name=escape(track.name),
        id=track.id or 0,
        days=len(track.track.days),
    )


async def on_team_track(message: Message, command: CommandObject, bot: Bot, deps: Deps) -> None:
    verb, rest = _split(command.args)
    t = deps.t
    markup = None
    try:
        actor = await _actor(message, bot)
        reply, markup = await _team_track(message, deps, actor, verb, rest)
    except NoTeamError:
        reply = t.get("teams-no-team")
    except NotAllowedError:
        reply = t.get("tracks-not-allowed")
    except NoSuchTrackError as missing:
        reply = t.get("tracks-no-such-track", ref=escape(str(missing)))
    except OffsetOutOfRangeError:
        reply = t.get("tracks-bad-offset")
    except TrackTextError as wrong:
        reply = track_errors(t, wrong.errors)
    await message.reply(reply, reply_markup=markup)


async def _team_track(message: Message, deps: Deps, actor: Actor, verb: str, rest: str) -> Reply:
    t, chat = deps.t, message.chat.id
    if verb == "pay":
        return await pay_reply(deps, rest, chat_id=chat)
    if verb == "subscribe":
        found = _REF.match(rest)
        if found is None:
            return t.get("tracks-help"), None
        done = await Subscribe(deps.uow, deps.clock).team(
            chat, actor, found["ref"], int(found["offset"] or 0), t.language.value
        )
        return _subscribed(deps, done)
    if verb == "unsubscribe":
        ended = await Unsubscribe(deps.uow, deps.clock).team(chat, actor, rest)
        return _ended(deps, ended), None
    text = "" if verb else _pasted(message, rest)
    if not text:
        return t.get("tracks-help"), None
    return _saved(deps, await SaveTeamTrack(deps.uow, deps.clock)(chat, actor, text)), None


def _ended(deps: Deps, ended: StoredTrack | None) -> str:
    if ended is None:
        return deps.t.get("tracks-not-subscribed")
    return deps.t.get("tracks-unsubscribed", name=escape(ended.name))


async def on_team_tracks(message: Message, deps: Deps) -> None:
    try:
        settings, rows = await team_tracks(deps.uow, message.chat.id)
    except NoTeamError:
        await message.reply(deps.t.get("teams-no-team"))
        return
    await message.reply(tracks_list(deps.t, rows, settings))


async def on_wod_time(message: Message, command: CommandObject, bot: Bot, deps: Deps) -> None:
    """`/wod_time 05:30`: the team's posting time (local)."""
    t = deps.t
    try:
        at = parse_time(command.args or "")
    except TimeEntryError:
        await message.reply(t.get("tracks-time-help"))
        return
    await _settings(message, bot, deps, at=at)


async def on_wod_rest(message: Message, command: CommandObject, bot: Bot, deps: Deps) -> None:
    """`/wod_rest on|off`: a day with nothing programmed says so, or posts nothing."""
    switch = _SWITCH.get((command.args or "").strip().lower())
    if switch is None:
        await message.reply(deps.t.get("tracks-rest-help"))
        return
    await _settings(message, bot, deps, rest_days=switch)


async def _settings(
    message: Message, bot: Bot, deps: Deps, *, at: time | None = None, rest_days: bool | None = None
) -> None:
    t = deps.t
    try:
        actor = await _actor(message, bot)
        settings, team = await SetWodTime(deps.uow, deps.clock)(
            message.chat.id,
            actor,
            t.language.value,
            at=at,
            rest_days=rest_days,
        )
    except NoTeamError:
        await message.reply(t.get("teams-no-team"))
        return
    except NotAllowedError:
        await message.reply(t.get("tracks-not-allowed"))
        return
    nxt = settings.next_post_at
    local = nxt.astimezone(ZoneInfo(team.time_zone)) if nxt else None
    await message.reply(
        t.get(
            "tracks-settings",
            time=settings.post_at.strftime("%H:%M"),
            zone=team.time_zone,
            rest=str(settings.post_rest_days).lower(),
            next=local.strftime("%Y-%m-%d %H:%M") if local else "-",
        )
    )


async def on_wod_note(message: Message, command: CommandObject, bot: Bot, deps: Deps) -> None:
    """`/wod_note 2026-12-07 Bring a jump rope`, or `/wod_note …` in reply to a post: the
    note shows under the day's posts; those already posted are edited in place."""
    t = deps.t
    args = (command.args or "").strip()
    found = _NOTE.match(args)
    on: date | None = None
    text = args
    if found is not None:
        try:
            on = date.fromisoformat(found["day"])
        except ValueError:
            await message.reply(t.get("tracks-note-help"))
            return
        text = found["text"]
    replied = message.reply_to_message
    if not text or (on is None and replied is None):
        await message.reply(t.get("tracks-note-help"))
        return
    try:
        actor = await _actor(message, bot)
        on, reposted = await SetWodNote(deps.uow, deps.clock)(
            message.chat.id, actor, on, text, replied.message_id if replied else None
        )
    except NoTeamError:
        await message.reply(t.get("teams-no-team"))
        return
    except NotAllowedError:
        await message.reply(t.get("tracks-not-allowed"))
        return
    except LookupError:
        await message.reply(t.get("tracks-note-help"))
        return
    words = WodWords(deps.catalogue)
    for shown in reposted:
        try:
            await bot.edit_message_text(
                words.post(shown.content, shown.language),
                chat_id=shown.post.chat_id,
                message_id=shown.post.message_id,
            )
        except TelegramAPIError as error:  # deleted meanwhile: the note stays for the record
            logger.info("WOD post %s not edited: %s", shown.post.id, error)
    await message.reply(t.get("tracks-noted", date=on.isoformat(), edited=len(reposted)))


async def on_private_track(message: Message, command: CommandObject, deps: Deps) -> None:
    verb, rest = _split(command.args)
    t = deps.t
    if verb == "today":
        for text in today_texts(t, await personal_today(deps.uow, deps.clock, deps.user_id)):
            await message.answer(text)
        return
    markup = None
    try:
        reply, markup = await _private_track(message, deps, verb, rest)
    except NoSuchTrackError as missing:
        reply = t.get("tracks-no-such-track", ref=escape(str(missing)))
    except OffsetOutOfRangeError:
        reply = t.get("tracks-bad-offset")
    except TrackTextError as wrong:
        reply = track_errors(t, wrong.errors)
    except NotRegisteredError:
        reply = t.get("common-register-first")
    except PermissionError:
        reply = t.get("tracks-admins-only")
    await message.answer(reply, reply_markup=markup)


async def _private_track(message: Message, deps: Deps, verb: str, rest: str) -> Reply:
    t, user = deps.t, deps.user_id
    if verb in {"publish", "unpublish", "price", "pay"}:
        return await _private_other(deps, verb, rest)
    if verb == "subscribe":
        found = _REF.match(rest)
        if found is None:
            return t.get("tracks-help-private"), None
        done = await Subscribe(deps.uow, deps.clock).personal(
            user, found["ref"], int(found["offset"] or 0)
        )
        return _subscribed(deps, done)
    if verb == "unsubscribe":
        return _ended(deps, await Unsubscribe(deps.uow, deps.clock).personal(user, rest)), None
    text = _pasted(message, rest)
    if not text:
        return t.get("tracks-help-private"), None
    return _saved(deps, await SavePersonalTrack(deps.uow, deps.clock)(user, text)), None


async def _private_other(deps: Deps, verb: str, rest: str) -> Reply:
    """An owner's `/track price`, a subscriber's `/track pay`, and a bot admin's
    `/track publish` and `/track unpublish`."""
    t, user = deps.t, deps.user_id
    if verb == "price":
        return await price_track(deps, rest), None
    if verb == "pay":
        return await pay_reply(deps, rest, chat_id=None)
    track = await publish_track(deps.uow, user, rest, deps.admins, public=verb == "publish")
    key = "tracks-published" if verb == "publish" else "tracks-unpublished"
    return t.get(key, name=escape(track.name)), None


async def on_private_tracks(message: Message, deps: Deps) -> None:
    rows = await personal_tracks(deps.uow, deps.user_id)
    await message.answer(tracks_list(deps.t, rows, None))


def build_router() -> Router:
    router = Router(name="tracks")
    router.message.register(on_team_track, GROUPS, Command("track"))
    router.message.register(on_team_tracks, GROUPS, Command("tracks"))
    router.message.register(on_wod_time, GROUPS, Command("wod_time"))
    router.message.register(on_wod_rest, GROUPS, Command("wod_rest"))
    router.message.register(on_wod_note, GROUPS, Command("wod_note"))
    router.message.register(on_private_track, PRIVATE, Command("track"))
    router.message.register(on_private_tracks, PRIVATE, Command("tracks"))
    router.callback_query.register(on_pay_track, PayTrack.filter())
    return router
