"""The whiteboard: members score the day's posted workout (a reply to the post, or /score in
private), coaches correct or remove scores, each post's board is shown and kept current, and
the day ends with a summary. Every score on a board is also the member's own conditioning
result, so their history, charts and PRs count it.

Rules (ours):
- A score is read in the scheme of the day's first conditioning workout; `sc`/`scaled` at the
  end of its line makes it scaled, `rx` (or nothing) Rx. Only current members score.
- A member's later score replaces their earlier one; a coach (SCORES) or a group admin may
  correct or remove anyone's, a member only their own. Each is a new row: the history stays.
- /score in private takes the person's teams' posts of today (the team's local day) and picks
  the one they last scored on, else the first posted.
- A board changes in the database only (a version number); the refresh job sends its first
  version through the outbox and edits it in place afterwards, at most one board a group per
  run, so scoring never floods a group.
- A member's current board score is one conditioning result (source message None: a group's
  message ids are not private ones); a correction replaces it, a removal deletes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from domain.conditioning.library import benchmark
from domain.conditioning.model import LoggedResult, SavedWorkout, WorkoutSource
from domain.conditioning.scores import is_better, sort_key
from domain.conditioning.workout import Workout
from domain.outbox.model import OutgoingMessage
from domain.shared.ports import Clock
from domain.shared.time import local_day
from domain.teams.model import Actor, Permission, Team
from domain.teams.ports import BoardWording, WhiteboardUnitOfWork
from domain.teams.tracks import WATCHED, WodPost
from domain.teams.use_cases.membership import authorize
from domain.teams.whiteboard import (
    BOARD_LINES,
    BoardScore,
    BoardView,
    HistoryLink,
    board,
    board_key,
    latest_of,
    read_board_score,
    summary_due,
    summary_key,
)

SUMMARY_GRACE = timedelta(hours=6)  # a summary later than this (the bot was down) is noise


class NotAPostError(LookupError):
    """The message is not a posted workout of an active team."""


class NothingToScoreError(LookupError):
    """The day's post has no conditioning workout."""


class NoPostTodayError(LookupError):
    """None of the person's teams has a workout to score today."""


class NotMemberError(PermissionError):
    """Only the team's current members score on its board."""

    def __init__(self, team_id: int) -> None:
        super().__init__(team_id)
        self.team_id = team_id


class NotAScoreError(LookupError):
    """The message corrected is no score on a board."""


@dataclass(frozen=True, slots=True)
class BoardLogged:
    """A score kept (or found again: `new` is False for a redelivered message)."""

    team: Team
    post: WodPost
    workout: Workout
    score: BoardScore
    new: bool
    unit: str  # the member's, to show a load or a distance in


@dataclass(frozen=True, slots=True)
class BoardEdit:
    """A delivered board to edit to `text`, which shows `version`."""

    post_id: int
    chat_id: int
    message_id: int
    text: str
    version: int


async def _team_of(uow: WhiteboardUnitOfWork, post: WodPost) -> Team:
    team = await uow.teams.get(post.team_id)
    if team is None or not team.active:
        raise NotAPostError(post.id)
    return team


async def _workout(uow: WhiteboardUnitOfWork, post: WodPost) -> Workout:
    stored = await uow.wod_tracks.track(post.track_id)
    day = stored.track.day(post.day_number) if stored is not None else None
    if day is None or not day.workouts:
        raise NothingToScoreError(post.id)
    return day.workouts[0]


async def replied_post(uow: WhiteboardUnitOfWork, chat_id: int, message_id: int) -> WodPost | None:
    """The post a group message is, if any (a reply to anything else is not a score)."""
    async with uow:
        return await uow.wod_tracks.post_for_message(chat_id, message_id)


class LogBoardScore:
    """A member's score on the day's post; NotMemberError, NothingToScoreError, or the
    conditioning's BadScoreError / BadTiebreakError (nothing is kept then)."""

    def __init__(self, uow: WhiteboardUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def reply(
        self, chat_id: int, replied_id: int, user_id: int, typed: str, message_id: int
    ) -> BoardLogged:
        async with self._uow:
            post = await self._uow.wod_tracks.post_for_message(chat_id, replied_id)
            if post is None:
                raise NotAPostError(replied_id)
            return await self._log(post, user_id, typed, chat_id, message_id)

    async def private(self, user_id: int, typed: str, message_id: int) -> BoardLogged:
        """In private: the person's team post of today they last scored on, else the first."""
        now = self._clock.now()
        async with self._uow:
            candidates: list[WodPost] = []
            for team, _ in await self._uow.teams.teams_of(user_id):
                today = local_day(now, ZoneInfo(team.time_zone))
                posts = await self._uow.wod_tracks.posts_on(team.id or 0, today)
                # a post still in the outbox is one the group has not seen: nothing to score
                seen = [p for p in posts if p.message_id is not None]
                candidates += [p for p in seen if await _scorable(self._uow, p)]
            if not candidates:
                raise NoPostTodayError(user_id)
            last = await self._uow.whiteboard.last_scored(user_id, [p.id or 0 for p in candidates])
            post = next((p for p in candidates if p.id == last), candidates[0])
            return await self._log(post, user_id, typed, user_id, message_id)

    async def _log(
        self, post: WodPost, user_id: int, typed: str, chat_id: int, message_id: int
    ) -> BoardLogged:
        uow, now = self._uow, self._clock.now()
        team = await _team_of(uow, post)
        held = await uow.teams.membership(team.id or 0, user_id)
        person = await uow.users.get(user_id)
        if held is None or not held.current or person is None:
            raise NotMemberError(team.id or 0)
        workout = await _workout(uow, post)
        read = read_board_score(workout, typed, unit=person.unit.value)
        draft = BoardScore(
            None,
            post.id or 0,
            user_id,
            read.entry.score,
            read.rx,
            now,
            read.entry.note,
            source_message_id=message_id,
            entered_by=user_id,
        )
        kept, new = await uow.whiteboard.add_score(draft, chat_id)
        if new:
            await _changed(uow, post, workout, user_id, now)
        await uow.commit()
        return BoardLogged(team, post, workout, kept, new, person.unit.value)


async def _scorable(uow: WhiteboardUnitOfWork, post: WodPost) -> bool:
    try:
        await _workout(uow, post)
    except NothingToScoreError:
        return False
    return True


class CorrectBoardScore:
    """`/fix <score>` or `/remove` in reply to a score message: a coach (SCORES) or a group
    admin for anyone, a member for their own. NotAScoreError, NotAllowedError, or the
    conditioning's BadScoreError when the new score is not one."""

    def __init__(self, uow: WhiteboardUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, chat_id: int, actor: Actor, replied_id: int, typed: str | None, message_id: int
    ) -> BoardLogged:
        """`typed` None removes the score."""
        uow, now = self._uow, self._clock.now()
        async with uow:
            original = await uow.whiteboard.score_for_message(chat_id, replied_id)
            if original is None:
                raise NotAScoreError(replied_id)
            post = await _post_of(uow, chat_id, original)
            team = await _team_of(uow, post)
            if original.user_id == actor.user_id:
                await _still_member(uow, team, actor.user_id)
            else:
                await authorize(uow, team, actor, Permission.SCORES)
            workout = await _workout(uow, post)
            person = await uow.users.get(original.user_id)
            unit = person.unit.value if person is not None else "kg"
            if typed is None:
                score, rx, note, removed = original.score, original.rx, "", True
            else:
                read = read_board_score(workout, typed, unit=unit)
                score, rx, note, removed = read.entry.score, read.rx, read.entry.note, False
            draft = BoardScore(
                None,
                post.id or 0,
                original.user_id,
                score,
                rx,
                now,
                note,
                removed=removed,
                source_message_id=message_id,
                entered_by=actor.user_id,
            )
            kept, new = await uow.whiteboard.add_score(draft, chat_id)
            if new:
                await _changed(uow, post, workout, original.user_id, now)
            await uow.commit()
            return BoardLogged(team, post, workout, kept, new, unit)


async def _still_member(uow: WhiteboardUnitOfWork, team: Team, user_id: int) -> None:
    """A member corrects their own score while they are a member."""
    held = await uow.teams.membership(team.id or 0, user_id)
    if held is None or not held.current:
        raise NotMemberError(team.id or 0)


async def _post_of(uow: WhiteboardUnitOfWork, chat_id: int, score: BoardScore) -> WodPost:
    state = await uow.whiteboard.state(score.post_id)
    if state is None or state.post.chat_id != chat_id:
        raise NotAScoreError(score.post_id)
    return state.post


async def _changed(
    uow: WhiteboardUnitOfWork, post: WodPost, workout: Workout, user_id: int, now: datetime
) -> None:
    """The board shows it next run; the member's history keeps their current score."""
    await uow.whiteboard.changed(post)
    scores = await uow.whiteboard.scores(post.id or 0)
    current = latest_of(scores, user_id)
    link = await uow.whiteboard.history_link(post.id or 0, user_id)
    if link is not None and link.result_id is not None:
        await uow.whiteboard.forget_result(link.result_id)
    workout_id = link.workout_id if link is not None else None
    result_id = None
    if current is not None:
        if workout_id is None:
            source = WorkoutSource.BENCHMARK if benchmark(workout.name) else WorkoutSource.PASTED
            saved = await uow.conditioning.add_workout(
                SavedWorkout(None, user_id, source, workout, now)
            )
            workout_id = saved.id or 0
        done_at = min(s.logged_at for s in scores if s.user_id == user_id)
        result = await uow.conditioning.add_result(
            LoggedResult(
                None, user_id, workout_id, current.score, current.rx, done_at, current.note
            )
        )
        result_id = result.id
    if workout_id is not None:
        await uow.whiteboard.save_history_link(
            HistoryLink(post.id or 0, user_id, workout_id, result_id)
        )


async def _view(
    uow: WhiteboardUnitOfWork, post: WodPost, workout: Workout, *, prs: bool = False
) -> BoardView:
    scores = await uow.whiteboard.scores(post.id or 0)
    lines = board(scores)[:BOARD_LINES]
    names: dict[int, str] = {}
    units: dict[int, str] = {}
    for line in lines:
        person = await uow.users.get(line.entry.user_id)
        names[line.entry.user_id] = person.first_name if person else str(line.entry.user_id)
        units[line.entry.user_id] = person.unit.value if person else "kg"
    language = (await uow.wod_tracks.wod_settings(post.team_id)).language
    beaten = frozenset[int]()
    if prs and workout.name:
        beaten = frozenset(
            [line.entry.user_id for line in lines if await _is_pr(uow, post, workout, line.entry)]
        )
    return BoardView(post, workout, lines, names, units, language, beaten)


async def _is_pr(
    uow: WhiteboardUnitOfWork, post: WodPost, workout: Workout, entry: BoardScore
) -> bool:
    """Better than every earlier result of the person on a workout of this name (same Rx)."""
    link = await uow.whiteboard.history_link(post.id or 0, entry.user_id)
    mine = link.result_id if link is not None else None
    earlier = await uow.conditioning.named_results(
        entry.user_id, workout.name, before=entry.logged_at
    )
    same = [r for r in earlier if r.rx == entry.rx and r.id != mine]
    best = min(same, key=lambda r: sort_key(r.score), default=None)
    return best is not None and is_better(entry.score, best.score)


class RefreshBoards:
    """Boards whose scores changed: a first version is queued through the outbox (a reply to
    the post); the delivered ones are returned to be edited, by group then post (the job edits
    one a group per run). A first version the outbox gave up on is posted again with the
    board's next change."""

    def __init__(self, uow: WhiteboardUnitOfWork, clock: Clock, wording: BoardWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> list[BoardEdit]:
        uow, now = self._uow, self._clock.now()
        since = now.date() - WATCHED
        edits: list[BoardEdit] = []
        async with uow:
            await uow.wod_tracks.record_delivered(since)
            await uow.whiteboard.record_delivered(since)
            for lost in await uow.whiteboard.undelivered(since):
                post_id = lost.post.id or 0
                await uow.whiteboard.repost(post_id, board_key(post_id, lost.version + 1))
                await uow.whiteboard.shown(post_id, lost.version)
            for state in await uow.whiteboard.dirty(since):
                post = state.post
                if state.message_id is None and state.queued:
                    continue
                try:
                    workout = await _workout(uow, post)
                except NothingToScoreError:
                    await uow.whiteboard.shown(post.id or 0, state.version)
                    continue
                text = self._wording.board(await _view(uow, post, workout))
                if state.message_id is None:
                    await uow.outbox.add(
                        OutgoingMessage(
                            state.outbox_key, post.chat_id, now, text, reply_to=post.message_id
                        )
                    )
                    await uow.whiteboard.shown(post.id or 0, state.version, queued=True, text=text)
                elif text == state.shown_text:  # a change that shows no differently
                    await uow.whiteboard.shown(post.id or 0, state.version)
                else:
                    edits.append(
                        BoardEdit(post.id or 0, post.chat_id, state.message_id, text, state.version)
                    )
            await uow.commit()
        edits.sort(key=lambda edit: (edit.chat_id, edit.post_id))
        return edits


async def board_shown(uow: WhiteboardUnitOfWork, edit: BoardEdit) -> None:
    """The board's message was edited to show `edit.version` (or could not show it)."""
    async with uow:
        await uow.whiteboard.shown(edit.post_id, edit.version, text=edit.text)
        await uow.commit()


async def board_lost(uow: WhiteboardUnitOfWork, edit: BoardEdit) -> None:
    """The board's message is gone (deleted): the next run posts the board again."""
    async with uow:
        await uow.whiteboard.repost(edit.post_id, board_key(edit.post_id, edit.version))
        await uow.commit()


class SummariseBoards:
    """After a team's day ends (SUMMARY_AT local), each board of the day gets one summary: the
    podium and the day's PRs, a reply to the post (key board-summary:<post>)."""

    def __init__(self, uow: WhiteboardUnitOfWork, clock: Clock, wording: BoardWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def __call__(self) -> int:
        uow, now = self._uow, self._clock.now()
        queued = 0
        async with uow:
            for state in await uow.whiteboard.unsummarised(now.date() + timedelta(days=1)):
                post = state.post
                team = await uow.teams.get(post.team_id)
                if team is None:
                    continue
                due = summary_due(post.on, ZoneInfo(team.time_zone))
                if now < due:
                    continue
                await uow.whiteboard.summarised(post.id or 0)
                if not team.active or now - due > SUMMARY_GRACE:
                    continue
                try:
                    workout = await _workout(uow, post)
                except NothingToScoreError:
                    continue
                view = await _view(uow, post, workout, prs=True)
                if not view.lines:
                    continue
                await uow.outbox.add(
                    OutgoingMessage(
                        summary_key(post.id or 0),
                        post.chat_id,
                        now,
                        self._wording.summary(view),
                        reply_to=post.message_id,
                        expires_at=now + SUMMARY_GRACE,
                    )
                )
                queued += 1
            await uow.commit()
        return queued
