"""The whiteboard on SQLite and PostgreSQL (#13): a score is kept once however often its
message comes, only members score, a member cannot correct another's score while a coach can
correct or remove it, the board is in the whiteboard's order, and each member's board score is
one conditioning result of theirs."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import EditMessageText
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.conditioning.model import WorkoutSource
from domain.conditioning.scores import BadScoreError, Scheme
from domain.teams.model import Actor, Role
from domain.teams.tracks import WodContent
from domain.teams.use_cases.membership import (
    BotAdded,
    JoinTeam,
    NotAllowedError,
    ensure_member,
)
from domain.teams.use_cases.tracks import PostWods, SaveTeamTrack, SetWodTime, Subscribe
from domain.teams.use_cases.whiteboard import (
    CorrectBoardScore,
    LogBoardScore,
    NoPostTodayError,
    NotMemberError,
    RefreshBoards,
    SummariseBoards,
    board_shown,
)
from domain.teams.whiteboard import BoardView
from scheduler.jobs.whiteboard import refresh_boards
from storage.conditioning.tables import ConditioningResultRow, ConditioningWorkoutRow
from storage.outbox.tables import OutboxRow
from storage.teams.whiteboard import TeamBoardScoreRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock

GYM = -1001
POST = 77  # the post's message id in the group
ANN, BEN, CARA, DAN, EVE = (
    Profile(11, "Ann"),
    Profile(12, "Ben"),
    Profile(13, "Cara"),
    Profile(14, "Dan"),
    Profile(15, "Eve"),
)
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # Monday, 04:00 in Berlin
TRACK = """\
track: North Gym Q1
week 1 day 1:
metcon:
name: Fran
For time, 21-15-9: thruster 43/29kg, pull-up
cap: 10
"""


class Words:
    def post(self, content: WodContent, language: str | None) -> str:
        return f"{content.track_name} day {content.day_number}"

    def board(self, view: BoardView) -> str:
        return " | ".join(
            f"{line.place} {view.names[line.entry.user_id]} {line.entry.score.value}"
            f"{'' if line.entry.rx else ' sc'}"
            for line in view.lines
        )

    def summary(self, view: BoardView) -> str:
        return "podium " + self.board(view) + f" prs {sorted(view.prs)}"


class Group:
    """The bot's edits in the group; a message someone deleted cannot be edited."""

    def __init__(self, *deleted: int) -> None:
        self.deleted = set(deleted)
        self.edited: list[tuple[int, str]] = []

    async def edit_message_text(self, text: str, *, chat_id: int, message_id: int) -> None:
        if message_id in self.deleted:
            method = EditMessageText(text=text, chat_id=chat_id, message_id=message_id)
            raise TelegramBadRequest(method, "Bad Request: message to edit not found")
        self.edited.append((message_id, text))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def uow(session_factory: async_sessionmaker[AsyncSession], clock: FixedClock) -> SqlUnitOfWork:
    return SqlUnitOfWork(session_factory, clock)


@pytest.fixture
async def posted(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> int:
    """North Gym in Berlin: Ann owns it, Ben coaches, Cara and Dan are members, Eve is not;
    today's Fran is posted as message 77."""
    made, _ = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    for person in (BEN, CARA, DAN):
        await JoinTeam(uow, clock)(made.id or 0, GYM, person)
    await BotAdded(uow, clock)(-1002, "South Gym", EVE, adder_is_admin=True)
    async with uow:
        await ensure_member(uow, made.id or 0, BEN.telegram_id, Role.COACH, NOW)
        await uow.teams.save(replace(made, time_zone="Europe/Berlin"))
        await uow.commit()
    ann = Actor(ANN.telegram_id)
    track, _ = await SaveTeamTrack(uow, clock)(GYM, ann, TRACK)
    await Subscribe(uow, clock).team(GYM, ann, str(track.id), 0, "en")
    await SetWodTime(uow, clock)(GYM, ann, "en", at=time(4, 30))
    clock.current = datetime(2026, 12, 7, 3, 30, tzinfo=UTC)
    await PostWods(uow, clock, Words())()
    async with session_factory.begin() as session:
        await session.execute(update(OutboxRow).values(state="sent", message_id=POST))
    return made.id or 0


async def count(session_factory: async_sessionmaker[AsyncSession], table: type) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_a_score_delivered_twice_is_kept_once_with_one_history_result(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    posted: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    log = LogBoardScore(uow, clock)
    first = await log.reply(GYM, POST, CARA.telegram_id, "4:22", 501)
    again = await log.reply(GYM, POST, CARA.telegram_id, "4:22", 501)

    assert first.new
    assert not again.new
    assert again.score.id == first.score.id
    assert (first.score.score.scheme, first.score.score.value) == (Scheme.TIME_WITH_CAP, 262_000)
    assert await count(session_factory, TeamBoardScoreRow) == 1
    async with session_factory() as session:
        results = (await session.scalars(select(ConditioningResultRow))).all()
        workouts = (await session.scalars(select(ConditioningWorkoutRow))).all()
    assert [(r.athlete_id, r.value, r.rx, r.source_message_id) for r in results] == [
        (CARA.telegram_id, 262_000, True, None)
    ]
    assert [(w.owner_id, w.name, w.source) for w in workouts] == [
        (CARA.telegram_id, "Fran", WorkoutSource.BENCHMARK.value)
    ]


async def test_only_members_score_and_a_bad_score_keeps_nothing(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    posted: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    log = LogBoardScore(uow, clock)
    with pytest.raises(NotMemberError) as refused:
        await log.reply(GYM, POST, EVE.telegram_id, "4:22", 502)
    with pytest.raises(BadScoreError) as bad:
        await log.reply(GYM, POST, CARA.telegram_id, "12+3", 503)

    assert refused.value.team_id == posted
    assert bad.value.scheme == Scheme.TIME_WITH_CAP
    assert await count(session_factory, TeamBoardScoreRow) == 0
    assert await count(session_factory, ConditioningResultRow) == 0


async def test_a_member_cannot_fix_anothers_score_a_coach_fixes_and_removes(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    posted: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    log, correct = LogBoardScore(uow, clock), CorrectBoardScore(uow, clock)
    await log.reply(GYM, POST, CARA.telegram_id, "4:22", 501)
    await log.reply(GYM, POST, DAN.telegram_id, "5:00", 502)
    with pytest.raises(NotAllowedError):
        await correct(GYM, Actor(DAN.telegram_id), 501, "9:59", 503)
    clock.current += timedelta(minutes=1)
    fixed = await correct(GYM, Actor(BEN.telegram_id), 501, "4:32 sc", 504)
    own = await correct(GYM, Actor(DAN.telegram_id), 502, "4:50", 505)
    clock.current += timedelta(minutes=1)
    removed = await correct(GYM, Actor(BEN.telegram_id), 502, None, 506)

    assert (fixed.score.user_id, fixed.score.score.value, fixed.score.rx) == (
        CARA.telegram_id,
        272_000,
        False,
    )
    assert fixed.score.entered_by == BEN.telegram_id
    assert own.score.score.value == 290_000
    assert removed.score.removed
    assert await count(session_factory, TeamBoardScoreRow) == 5  # the history stays
    async with session_factory() as session:
        results = (await session.scalars(select(ConditioningResultRow))).all()
    assert [(r.athlete_id, r.value, r.rx) for r in results] == [(CARA.telegram_id, 272_000, False)]


async def test_the_board_is_queued_once_then_edited_in_its_order_and_summarised(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    posted: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    log = LogBoardScore(uow, clock)
    refresh = RefreshBoards(uow, clock, Words())
    await log.reply(GYM, POST, CARA.telegram_id, "4:22", 501)
    first = await refresh()
    again = await refresh()
    async with session_factory.begin() as session:
        await session.execute(
            update(OutboxRow)
            .where(OutboxRow.idempotency_key.like("board:%"))
            .values(state="sent", message_id=88)
        )
    await log.reply(GYM, POST, DAN.telegram_id, "CAP+20", 502)
    await log.reply(GYM, POST, BEN.telegram_id, "4:22", 503)
    await log.reply(GYM, POST, ANN.telegram_id, "3:00 sc", 504)
    edits = await refresh()
    for edit in edits:
        await board_shown(uow, edit)
    shown = await refresh()
    clock.current = datetime(2026, 12, 7, 19, 59, tzinfo=UTC)
    early = await SummariseBoards(uow, clock, Words())()
    clock.current = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)  # 21:00 in Berlin
    summaries = [await SummariseBoards(uow, clock, Words())() for _ in range(2)]

    assert (first, again) == ([], [])
    async with session_factory() as session:
        boards = (
            await session.scalars(
                select(OutboxRow)
                .where(OutboxRow.idempotency_key.like("board%"))
                .order_by(OutboxRow.id)
            )
        ).all()
    assert [(b.idempotency_key, b.reply_to, b.text) for b in boards] == [
        (f"board:{edits[0].post_id}", POST, "1 Cara 262000"),
        (
            f"board-summary:{edits[0].post_id}",
            POST,
            "podium 1 Ben 262000 | 1 Cara 262000 | 3 Dan 600000 | 4 Ann 180000 sc prs []",
        ),
    ]
    assert [(e.message_id, e.text) for e in edits] == [
        (88, "1 Ben 262000 | 1 Cara 262000 | 3 Dan 600000 | 4 Ann 180000 sc")
    ]
    assert shown == []
    assert (early, summaries) == (0, [1, 0])


async def boards_queued(
    session_factory: async_sessionmaker[AsyncSession],
) -> list[tuple[int | None, str, str | None]]:
    async with session_factory() as session:
        rows = (
            await session.scalars(
                select(OutboxRow)
                .where(OutboxRow.idempotency_key.like("board:%"))
                .order_by(OutboxRow.id)
            )
        ).all()
    return [(row.reply_to, row.state, row.text) for row in rows]


async def deliver_boards(session_factory: async_sessionmaker[AsyncSession], *ids: int) -> None:
    """The sender delivers the queued boards, in order, as messages `ids`."""
    async with session_factory.begin() as session:
        queued = (
            await session.scalars(
                select(OutboxRow)
                .where(OutboxRow.idempotency_key.like("board:%"), OutboxRow.state == "queued")
                .order_by(OutboxRow.id)
            )
        ).all()
        for row, message_id in zip(queued, ids, strict=True):
            row.state, row.message_id = "sent", message_id


async def test_a_deleted_board_is_posted_again_and_holds_up_no_other_board_of_the_group(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    posted: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """An admin deleted Monday's board; a /fix on Monday must not stop Tuesday's board (#13
    review: one dead board stopped every board of its group)."""
    log, words = LogBoardScore(uow, clock), Words()
    await log.reply(GYM, POST, CARA.telegram_id, "4:22", 501)
    await refresh_boards(session_factory, clock, words, Group())  # type: ignore[arg-type]
    await deliver_boards(session_factory, 88)
    clock.current = datetime(2026, 12, 8, 3, 0, tzinfo=UTC)  # Tuesday: a second track's day 1
    ann = Actor(ANN.telegram_id)
    tuesday, _ = await SaveTeamTrack(uow, clock)(GYM, ann, TRACK.replace("Q1", "Q2"))
    await Subscribe(uow, clock).team(GYM, ann, str(tuesday.id), 0, "en")
    clock.current = datetime(2026, 12, 8, 3, 30, tzinfo=UTC)
    await PostWods(uow, clock, words)()
    async with session_factory.begin() as session:
        await session.execute(
            update(OutboxRow).where(OutboxRow.state == "queued").values(state="sent", message_id=78)
        )
    await CorrectBoardScore(uow, clock)(GYM, ann, 501, "4:32 sc", 503)
    await log.reply(GYM, 78, DAN.telegram_id, "5:00", 504)
    group = Group(88)

    runs = [
        await refresh_boards(session_factory, clock, words, group)  # type: ignore[arg-type]
        for _ in range(3)
    ]
    await deliver_boards(session_factory, 90, 91)
    await log.reply(GYM, 78, ANN.telegram_id, "3:00", 505)
    await log.reply(GYM, POST, DAN.telegram_id, "4:00", 506)
    runs += [
        await refresh_boards(session_factory, clock, words, group)  # type: ignore[arg-type]
        for _ in range(3)
    ]

    assert await boards_queued(session_factory) == [
        (POST, "sent", "1 Cara 262000"),
        (78, "sent", "1 Dan 300000"),
        (POST, "sent", "1 Cara 272000 sc"),
    ]
    assert group.edited == [
        (91, "1 Dan 240000 | 2 Cara 272000 sc"),
        (90, "1 Ann 180000 | 2 Dan 300000"),
    ]
    assert runs == [0, 0, 0, 1, 1, 0]


async def test_a_first_board_the_outbox_never_delivered_is_posted_with_the_next_score(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    posted: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """The outbox gave up on the first board: the next score posts the board again (#13 review:
    it stayed queued with no message, skipped for ever)."""
    log, refresh = LogBoardScore(uow, clock), RefreshBoards(uow, clock, Words())
    await log.reply(GYM, POST, CARA.telegram_id, "4:22", 501)
    await refresh()
    async with session_factory.begin() as session:
        await session.execute(
            update(OutboxRow)
            .where(OutboxRow.idempotency_key.like("board:%"))
            .values(state="failed")
        )
    await refresh()
    await log.reply(GYM, POST, DAN.telegram_id, "5:00", 502)
    await refresh()
    await refresh()

    assert await boards_queued(session_factory) == [
        (POST, "failed", "1 Cara 262000"),
        (POST, "queued", "1 Cara 262000 | 2 Dan 300000"),
    ]


async def test_score_in_private_finds_no_post_the_group_has_not_seen_yet(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    posted: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """/score in private while today's post still waits in the outbox scores nothing (#13
    review: the board answered a workout the group never saw)."""
    async with session_factory.begin() as session:
        await session.execute(update(OutboxRow).values(state="queued", message_id=None))

    with pytest.raises(NoPostTodayError):
        await LogBoardScore(uow, clock).private(CARA.telegram_id, "4:22", 900)
    assert await count(session_factory, TeamBoardScoreRow) == 0


async def test_a_change_that_shows_no_differently_is_not_sent_as_an_edit(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    posted: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Telegram refuses an edit to the same text ("message is not modified")."""
    log = LogBoardScore(uow, clock)
    refresh = RefreshBoards(uow, clock, Words())
    await log.reply(GYM, POST, CARA.telegram_id, "4:22", 601)
    await refresh()  # the first version, queued
    async with session_factory.begin() as session:
        await session.execute(
            update(OutboxRow)
            .where(OutboxRow.idempotency_key.like("board:%"))
            .values(state="sent", message_id=89)
        )
    await log.reply(GYM, POST, CARA.telegram_id, "4:22", 602)  # the same score again

    assert await refresh() == []  # the board would say what it says: no edit
    await log.reply(GYM, POST, BEN.telegram_id, "5:00", 603)
    [changed] = await refresh()
    assert changed.text == "1 Cara 262000 | 2 Ben 300000"
