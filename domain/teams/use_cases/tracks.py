"""Tracks: a team's (or a person's) own pasted, public ones published by bot admins;
subscriptions with an offset; the team's posting time, notes for a day, and the daily post."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock
from domain.shared.time import local_day
from domain.teams.model import Actor, Permission, Team
from domain.teams.ports import LapsedWording, TracksUnitOfWork, WodWording
from domain.teams.tracks import (
    ENDING_NOTICE,
    NOTE_LIMIT,
    OFFSET_LIMIT,
    POST_GRACE,
    WATCHED,
    StoredTrack,
    Subscription,
    TrackKind,
    WodContent,
    WodNote,
    WodPost,
    WodSettings,
    ending_key,
    has_access,
    lapsed_key,
    next_post,
    parse_track,
    post_date,
    track_to_text,
    trial_access,
    wod_key,
    worth_telling_ending,
)
from domain.teams.use_cases.membership import active_team, authorize

logger = logging.getLogger(__name__)


class NoSuchTrackError(LookupError):
    """No track of that name or id is visible to this team or person."""


class OffsetOutOfRangeError(ValueError):
    """An offset beyond OFFSET_LIMIT days either way."""


@dataclass(frozen=True, slots=True)
class Subscribed:
    track: StoredTrack
    subscription: Subscription
    first_day: date  # when day 1 of the track falls
    again: bool  # an ended subscription started again
    access: bool = True  # a paid track's: on trial or paid; False until paid


@dataclass(frozen=True, slots=True)
class Listed:
    track: StoredTrack
    subscription: Subscription | None  # the active one, if any


@dataclass(frozen=True, slots=True)
class Reposted:
    """A delivered post and what it says now (the handler edits it in place)."""

    post: WodPost
    content: WodContent
    language: str | None  # the team's posts'


def _zone(team: Team) -> ZoneInfo:
    return ZoneInfo(team.time_zone)


def find_track(tracks: list[StoredTrack], ref: str) -> StoredTrack:
    """By id (`12` or `#12`), else by name regardless of case; own tracks before public."""
    wanted = ref.strip().removeprefix("#")
    if wanted.isdecimal():  # not isdigit(): "²" is a digit int() refuses
        found = next((t for t in tracks if t.id == int(wanted)), None)
    else:
        named = [t for t in tracks if t.name.casefold() == " ".join(ref.split()).casefold()]
        named.sort(key=lambda t: t.kind == TrackKind.PUBLIC)
        found = named[0] if named else None
    if found is None:
        raise NoSuchTrackError(ref)
    return found


async def _save(
    uow: TracksUnitOfWork, text: str, now: datetime, owner: StoredTrack, mine: list[StoredTrack]
) -> tuple[StoredTrack, bool]:
    """Adds the track, or replaces the text of the same-named own one (its id stays)."""
    track = parse_track(text, await uow.exercises.all())
    stored = replace(owner, name=track.name, text=track_to_text(track))
    same = next((t for t in mine if t.name.casefold() == track.name.casefold()), None)
    if same is None:
        return await uow.wod_tracks.add_track(stored), True
    kept = replace(same, name=stored.name, text=stored.text)
    await uow.wod_tracks.save_track(kept)
    return kept, False


class SaveTeamTrack:
    """A pasted track becomes the team's own (same name: a new version of it)."""

    def __init__(self, uow: TracksUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, chat_id: int, actor: Actor, text: str) -> tuple[StoredTrack, bool]:
        """TrackTextError names the wrong lines; NotAllowedError unless the actor programs."""
        now = self._clock.now()
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.PROGRAM)
            mine = [
                t
                for t in await self._uow.wod_tracks.visible(team_id=team.id, user_id=None)
                if t.team_id == team.id
            ]
            draft = StoredTrack(None, TrackKind.TEAM, "", "", actor.user_id, now, team_id=team.id)
            saved = await _save(self._uow, text, now, draft, mine)
            await self._uow.commit()
            return saved


class SavePersonalTrack:
    """A track pasted in private becomes the person's own."""

    def __init__(self, uow: TracksUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, user_id: int, text: str) -> tuple[StoredTrack, bool]:
        now = self._clock.now()
        async with self._uow:
            mine = [
                t
                for t in await self._uow.wod_tracks.visible(team_id=None, user_id=user_id)
                if t.owner_id == user_id
            ]
            draft = StoredTrack(None, TrackKind.PERSONAL, "", "", user_id, now, owner_id=user_id)
            saved = await _save(self._uow, text, now, draft, mine)
            await self._uow.commit()
            return saved


async def publish_track(
    uow: TracksUnitOfWork, user_id: int, ref: str, admins: frozenset[int], *, public: bool
) -> StoredTrack:
    """A bot admin offers one of their own tracks to everyone (or stops)."""
    if user_id not in admins:
        raise PermissionError(user_id)
    async with uow:
        own = [
            t
            for t in await uow.wod_tracks.visible(team_id=None, user_id=user_id)
            if t.owner_id == user_id
        ]
        track = find_track(own, ref)
        changed = replace(track, kind=TrackKind.PUBLIC if public else TrackKind.PERSONAL)
        await uow.wod_tracks.save_track(changed)
        await uow.commit()
        return changed


class Subscribe:
    """A team (or a person) follows a track: day 1 falls on today plus the offset. Subscribing
    again starts an ended subscription again (or moves an active one's start)."""

    def __init__(self, uow: TracksUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def team(
        self, chat_id: int, actor: Actor, ref: str, offset: int, language: str | None
    ) -> Subscribed:
        if abs(offset) > OFFSET_LIMIT:
            raise OffsetOutOfRangeError(offset)
        now = self._clock.now()
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.PROGRAM)
            track = find_track(
                await self._uow.wod_tracks.visible(team_id=team.id, user_id=None), ref
            )
            today = local_day(now, _zone(team))
            done = await self._follow(track, today, offset, now, team_id=team.id, user_id=None)
            settings = await self._uow.wod_tracks.wod_settings(team.id or 0)
            await self._uow.wod_tracks.save_wod_settings(
                replace(
                    settings,
                    language=language,
                    next_post_at=settings.next_post_at
                    or next_post(settings.post_at, _zone(team), now),
                )
            )
            await self._uow.commit()
            return done

    async def personal(self, user_id: int, ref: str, offset: int) -> Subscribed:
        """Day 1 falls on the person's today (in their time zone) plus the offset."""
        if abs(offset) > OFFSET_LIMIT:
            raise OffsetOutOfRangeError(offset)
        now = self._clock.now()
        async with self._uow:
            person = await self._uow.users.get(user_id)
            zone = ZoneInfo(person.time_zone if person is not None else "UTC")
            track = find_track(
                await self._uow.wod_tracks.visible(team_id=None, user_id=user_id), ref
            )
            today = local_day(now, zone)
            done = await self._follow(track, today, offset, now, team_id=None, user_id=user_id)
            await self._uow.commit()
            return done

    async def _follow(
        self,
        track: StoredTrack,
        today: date,
        offset: int,
        now: datetime,
        *,
        team_id: int | None,
        user_id: int | None,
    ) -> Subscribed:
        tracks = self._uow.wod_tracks
        held = await tracks.subscription(track.id or 0, team_id=team_id, user_id=user_id)
        if held is None:  # a paid track's trial comes once, with the first subscription
            access = trial_access(track.pricing, now)
            made = Subscription(
                None, track.id or 0, today, offset, True, now, team_id, user_id, access
            )
            held, again = await tracks.add_subscription(made), False
        else:
            again = not held.active
            held = replace(held, start=today, offset=offset, active=True, changed_at=now)
            await tracks.save_subscription(held)
        return Subscribed(
            track, held, today + timedelta(days=offset), again, has_access(track.pricing, held, now)
        )


class Unsubscribe:
    """The subscription ends (kept: the posts made for it stay)."""

    def __init__(self, uow: TracksUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def team(self, chat_id: int, actor: Actor, ref: str) -> StoredTrack | None:
        """The track, or None if the team did not follow it."""
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.PROGRAM)
            track = find_track(
                await self._uow.wod_tracks.visible(team_id=team.id, user_id=None), ref
            )
            return await self._end(track, team_id=team.id, user_id=None)

    async def personal(self, user_id: int, ref: str) -> StoredTrack | None:
        async with self._uow:
            track = find_track(
                await self._uow.wod_tracks.visible(team_id=None, user_id=user_id), ref
            )
            return await self._end(track, team_id=None, user_id=user_id)

    async def _end(
        self, track: StoredTrack, *, team_id: int | None, user_id: int | None
    ) -> StoredTrack | None:
        held = await self._uow.wod_tracks.subscription(
            track.id or 0, team_id=team_id, user_id=user_id
        )
        if held is None or not held.active:
            return None
        ended = replace(held, active=False, changed_at=self._clock.now())
        await self._uow.wod_tracks.save_subscription(ended)
        await self._uow.commit()
        return track


async def _listed(
    uow: TracksUnitOfWork, *, team_id: int | None, user_id: int | None
) -> list[Listed]:
    tracks = await uow.wod_tracks.visible(team_id=team_id, user_id=user_id)
    active = {
        s.track_id: s for s in await uow.wod_tracks.subscriptions(team_id=team_id, user_id=user_id)
    }
    return [Listed(t, active.get(t.id or 0)) for t in tracks]


async def followed(
    uow: TracksUnitOfWork, ref: str, *, chat_id: int | None, user_id: int | None
) -> Listed:
    """A track the team of the chat (or the person) can see, with its subscription there,
    active or ended (None: never followed)."""
    async with uow:
        team_id = None if chat_id is None else (await active_team(uow, chat_id)).id
        person = None if team_id is not None else user_id
        track = find_track(await uow.wod_tracks.visible(team_id=team_id, user_id=person), ref)
        held = await uow.wod_tracks.subscription(track.id or 0, team_id=team_id, user_id=person)
        return Listed(track, held)


async def team_tracks(uow: TracksUnitOfWork, chat_id: int) -> tuple[WodSettings, list[Listed]]:
    """The team's own and the public tracks, with the team's active subscriptions."""
    async with uow:
        team = await active_team(uow, chat_id)
        settings = await uow.wod_tracks.wod_settings(team.id or 0)
        return settings, await _listed(uow, team_id=team.id, user_id=None)


async def personal_tracks(uow: TracksUnitOfWork, user_id: int) -> list[Listed]:
    async with uow:
        return await _listed(uow, team_id=None, user_id=user_id)


async def personal_today(uow: TracksUnitOfWork, clock: Clock, user_id: int) -> list[WodContent]:
    """Today's day (in the person's time zone) of each track they follow with access,
    programmed or not."""
    now = clock.now()
    async with uow:
        person = await uow.users.get(user_id)
        today = local_day(now, ZoneInfo(person.time_zone if person else "UTC"))
        shown = []
        for subscription in await uow.wod_tracks.subscriptions(team_id=None, user_id=user_id):
            stored = await uow.wod_tracks.track(subscription.track_id)
            number = subscription.day_number(today)
            if stored is None or not has_access(stored.pricing, subscription, now):
                continue
            if number is not None:
                shown.append(WodContent(stored.name, today, number, stored.track.day(number)))
        return shown


class SetWodTime:
    """The team's posting time (local) and whether a day with nothing programmed says so."""

    def __init__(self, uow: TracksUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self,
        chat_id: int,
        actor: Actor,
        language: str | None,
        *,
        at: time | None = None,
        rest_days: bool | None = None,
    ) -> tuple[WodSettings, Team]:
        now = self._clock.now()
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.PROGRAM)
            settings = await self._uow.wod_tracks.wod_settings(team.id or 0)
            post_at = settings.post_at if at is None else at
            settings = replace(
                settings,
                post_at=post_at,
                post_rest_days=settings.post_rest_days if rest_days is None else rest_days,
                language=language,
                next_post_at=next_post(post_at, _zone(team), now),
            )
            await self._uow.wod_tracks.save_wod_settings(settings)
            await self._uow.commit()
            return settings, team


class SetWodNote:
    """A coach's note or scaling for a team's day; the day's posts already delivered are
    returned with their new content, to be edited in place."""

    def __init__(self, uow: TracksUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, chat_id: int, actor: Actor, on: date | None, text: str, reply_to: int | None = None
    ) -> tuple[date, list[Reposted]]:
        """`on`, or the day of the post replied to; LookupError when neither says a day."""
        now = self._clock.now()
        async with self._uow:
            team = await active_team(self._uow, chat_id)
            await authorize(self._uow, team, actor, Permission.PROGRAM)
            if on is None:
                post = (
                    None
                    if reply_to is None
                    else await self._uow.wod_tracks.post_for_message(chat_id, reply_to)
                )
                if post is None or post.team_id != team.id:
                    raise LookupError(reply_to)
                on = post.on
            note = WodNote(team.id or 0, on, text.strip()[:NOTE_LIMIT], actor.user_id, now)
            await self._uow.wod_tracks.save_note(note)
            language = (await self._uow.wod_tracks.wod_settings(team.id or 0)).language
            reposted = [
                Reposted(post, await _content(self._uow, post, note.text), language)
                for post in await self._uow.wod_tracks.posts_on(team.id or 0, on)
                if post.message_id is not None
            ]
            await self._uow.commit()
            return on, reposted


async def _content(uow: TracksUnitOfWork, post: WodPost, note: str) -> WodContent:
    stored = await uow.wod_tracks.track(post.track_id)
    name = stored.name if stored is not None else ""
    day = stored.track.day(post.day_number) if stored is not None else None
    return WodContent(name, post.on, post.day_number, day, note)


@dataclass(frozen=True, slots=True)
class PostRun:
    queued: int
    skipped_late: int


class PostWods:
    """Every team whose posting time has come gets the day's workout of each track it follows,
    once (a post per subscription and day, one outbox key each); a team's run more than
    POST_GRACE late (the bot was down) posts nothing that day. Then its next time is set."""

    def __init__(self, uow: TracksUnitOfWork, clock: Clock, wording: WodWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> PostRun:
        now = self._clock.now()
        queued = late = 0
        async with self._uow:
            await self._uow.wod_tracks.record_delivered(since=now.date() - WATCHED)
            for settings in await self._uow.wod_tracks.due_settings(now):
                team = await self._uow.teams.get(settings.team_id)
                if team is None:
                    continue
                zone, due = _zone(team), settings.next_post_at or now
                if team.active and now - due > POST_GRACE:
                    late += 1
                    logger.info("team %d: the WOD due at %s is too late, skipped", team.id, due)
                elif team.active:
                    queued += await self._post(team, settings, post_date(due, zone), due)
                following = replace(settings, next_post_at=next_post(settings.post_at, zone, now))
                await self._uow.wod_tracks.save_wod_settings(following)
            await self._uow.commit()
        return PostRun(queued, late)

    async def _post(self, team: Team, settings: WodSettings, on: date, due: datetime) -> int:
        tracks = self._uow.wod_tracks
        note = await tracks.note(team.id or 0, on)
        posted = 0
        for subscription in await tracks.subscriptions(team_id=team.id, user_id=None):
            stored = await tracks.track(subscription.track_id)
            number = subscription.day_number(on)
            if stored is None or number is None:
                continue
            if not has_access(stored.pricing, subscription, due):
                continue  # a paid track's lapsed subscription: kept, not posted
            day = stored.track.day(number)
            if day is None and not settings.post_rest_days:
                continue
            key = wod_key(team.id or 0, on, subscription.id or 0)
            post = WodPost(
                None,
                team.id or 0,
                subscription.id or 0,
                stored.id or 0,
                on,
                number,
                key,
                team.chat_id,
            )
            if await tracks.add_post(post) is None:
                continue
            content = WodContent(stored.name, on, number, day, note.text if note else "")
            await self._uow.outbox.add(
                OutgoingMessage(
                    key,
                    team.chat_id,
                    due,
                    self._wording.post(content, settings.language),
                    expires_at=due + POST_GRACE,
                    pin=True,
                )
            )
            posted += 1
        return posted


class TellLapsed:
    """Each subscription whose paid track's access ends in ENDING_NOTICE, and each whose access
    ended lately, is told so once (the outbox key names the subscription and the moment), in the
    person's or the team's language."""

    def __init__(self, uow: TracksUnitOfWork, clock: Clock, wording: LapsedWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        now = self._clock.now()
        queued = 0
        async with self._uow:
            for subscription, track in await self._uow.wod_tracks.lapsed(now - WATCHED, now):
                recipient = await self._recipient(subscription)
                if recipient is None:
                    continue
                chat_id, language, _ = recipient
                queued += await self._uow.outbox.add(
                    OutgoingMessage(
                        lapsed_key(subscription),
                        chat_id,
                        now,
                        self._wording.lapsed(track.name, track.id or 0, language),
                        language=language,
                    )
                )
            ending = await self._uow.wod_tracks.lapsed(now, now + ENDING_NOTICE)
            for subscription, track in ending:
                until = subscription.access_until
                recipient = await self._recipient(subscription)
                if until is None or until <= now or recipient is None:
                    continue
                if not worth_telling_ending(subscription):
                    continue
                chat_id, language, zone = recipient
                text = self._wording.ending(track.name, track.id or 0, until, zone, language)
                queued += await self._uow.outbox.add(
                    OutgoingMessage(
                        ending_key(subscription),
                        chat_id,
                        now,
                        text,
                        language=language,
                        expires_at=until,  # news only while it has not ended
                    )
                )
            await self._uow.commit()
        return queued

    async def _recipient(
        self, subscription: Subscription
    ) -> tuple[int, str | None, ZoneInfo] | None:
        """The chat told, its language and its clock: the person's, or the team's group."""
        if subscription.user_id is not None:
            person = await self._uow.users.get(subscription.user_id)
            if person is None:
                return None
            return person.telegram_id, person.language.value, person.zone
        team = await self._uow.teams.get(subscription.team_id or 0)
        if team is None or not team.active:
            return None
        language = (await self._uow.wod_tracks.wod_settings(team.id or 0)).language
        return team.chat_id, language, ZoneInfo(team.time_zone)
