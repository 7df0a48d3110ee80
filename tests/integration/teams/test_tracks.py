"""Tracks on SQLite and PostgreSQL (#13): subscriptions end and start again without losing their
history, only those who program a team may change its tracks, and the day's workout is posted
once at the team's time however often the job runs."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Profile
from domain.teams.model import Actor, Role
from domain.teams.tracks import WodContent
from domain.teams.use_cases.membership import (
    BotAdded,
    JoinTeam,
    NotAllowedError,
    ensure_member,
)
from domain.teams.use_cases.tracks import (
    NoSuchTrackError,
    PostWods,
    SavePersonalTrack,
    SaveTeamTrack,
    SetWodNote,
    SetWodTime,
    Subscribe,
    Unsubscribe,
    personal_today,
    personal_tracks,
    publish_track,
    team_tracks,
)
from storage.outbox.tables import OutboxRow
from storage.teams.tracks import TeamWodPostRow, TeamWodSettingsRow, TrackSubscriptionRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.catalog import EXERCISES

GYM, OTHER = -1001, -1002
ANN, BEN, CARA, DAN = (
    Profile(11, "Ann"),
    Profile(12, "Ben"),
    Profile(13, "Cara"),
    Profile(14, "Dan"),
)
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # Monday, 04:00 in Berlin
TRACK = """\
track: North Gym Q1
week 1 day 1:
strength:
squat: 5x5 @75%
scaling: 60% if new
week 1 day 3:
metcon:
AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats
"""


class Words:
    def post(self, content: WodContent, language: str | None) -> str:
        return f"{content.track_name} day {content.day_number} [{content.note}] {language}"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def uow(session_factory: async_sessionmaker[AsyncSession], clock: FixedClock) -> SqlUnitOfWork:
    return SqlUnitOfWork(session_factory, clock)


@pytest.fixture
async def team(uow: SqlUnitOfWork, clock: FixedClock) -> int:
    """North Gym in Berlin: Ann owns it, Ben coaches, Cara is a member; Dan is not in it."""
    made, _ = await BotAdded(uow, clock)(GYM, "North Gym", ANN, adder_is_admin=True)
    await BotAdded(uow, clock)(OTHER, "South Gym", DAN, adder_is_admin=True)
    for person in (BEN, CARA):
        await JoinTeam(uow, clock)(made.id or 0, GYM, person)
    async with uow:
        await ensure_member(uow, made.id or 0, BEN.telegram_id, Role.COACH, NOW)
        await uow.teams.save(replace(made, time_zone="Europe/Berlin"))
        await uow.exercises.save_all(EXERCISES)
        await uow.commit()
    return made.id or 0


async def count(session_factory: async_sessionmaker[AsyncSession], table: type) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_unsubscribe_and_subscribe_again_keep_one_subscription_with_its_history(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    team: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    ben = Actor(BEN.telegram_id)
    track, new = await SaveTeamTrack(uow, clock)(GYM, ben, TRACK)
    first = await Subscribe(uow, clock).team(GYM, ben, "north gym q1", 2, "en")
    ended = await Unsubscribe(uow, clock).team(GYM, ben, str(track.id))
    not_followed = await Unsubscribe(uow, clock).team(GYM, ben, f"#{track.id}")
    clock.current = NOW + timedelta(days=10)
    again = await Subscribe(uow, clock).team(GYM, ben, f"#{track.id}", -3, "en")

    assert new
    assert (first.again, first.first_day) == (False, date(2026, 12, 9))
    assert ended == track
    assert not_followed is None
    assert again.again
    assert again.subscription.id == first.subscription.id
    assert (again.subscription.start, again.first_day) == (date(2026, 12, 17), date(2026, 12, 14))
    assert await count(session_factory, TrackSubscriptionRow) == 1
    _, listed = await team_tracks(uow, GYM)
    assert [(row.track.name, row.subscription is not None) for row in listed] == [
        ("North Gym Q1", True)
    ]


@pytest.mark.parametrize(
    "case",
    [
        (ANN, False, True),  # owner
        (BEN, False, True),  # coach
        (CARA, False, False),  # member
        (DAN, False, False),  # not in the team
        (DAN, True, True),  # a group admin, member or not
    ],
)
async def test_only_those_who_program_the_team_change_its_tracks(
    uow: SqlUnitOfWork, clock: FixedClock, team: int, case: tuple[Profile, bool, bool]
) -> None:
    who, admin, allowed = case
    track, _ = await SaveTeamTrack(uow, clock)(GYM, Actor(ANN.telegram_id), TRACK)
    actor = Actor(who.telegram_id, chat_admin=admin)
    attempts = (
        SaveTeamTrack(uow, clock)(GYM, actor, TRACK),
        Subscribe(uow, clock).team(GYM, actor, str(track.id), 0, "en"),
        Unsubscribe(uow, clock).team(GYM, actor, str(track.id)),
        SetWodTime(uow, clock)(GYM, actor, "en", at=time(5, 30)),
        SetWodNote(uow, clock)(GYM, actor, date(2026, 12, 7), "Bring a rope"),
    )
    for attempt in attempts:
        if allowed:
            await attempt
        else:
            with pytest.raises(NotAllowedError):
                await attempt


async def test_a_team_cannot_follow_or_end_another_teams_own_track(
    uow: SqlUnitOfWork, clock: FixedClock, team: int
) -> None:
    """A forged /track subscribe naming South Gym's track id from North Gym finds nothing."""
    south, _ = await SaveTeamTrack(uow, clock)(OTHER, Actor(DAN.telegram_id), TRACK)

    with pytest.raises(NoSuchTrackError):
        await Subscribe(uow, clock).team(GYM, Actor(ANN.telegram_id), str(south.id), 0, "en")
    with pytest.raises(NoSuchTrackError):
        await Unsubscribe(uow, clock).team(GYM, Actor(ANN.telegram_id), f"#{south.id}")


async def test_a_superscript_two_is_no_track_rather_than_an_error(
    uow: SqlUnitOfWork, clock: FixedClock, team: int
) -> None:
    """`/track subscribe ²` ("²".isdigit() but int("²") fails) answers that there is no such
    track instead of "sorry"."""
    await SaveTeamTrack(uow, clock)(GYM, Actor(ANN.telegram_id), TRACK)

    with pytest.raises(NoSuchTrackError):
        await Subscribe(uow, clock).team(GYM, Actor(ANN.telegram_id), "²", 0, "en")
    with pytest.raises(NoSuchTrackError):
        await Subscribe(uow, clock).personal(DAN.telegram_id, "#²", 0)


async def test_the_days_workout_is_posted_once_at_the_teams_local_time(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    team: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    ann = Actor(ANN.telegram_id)
    track, _ = await SaveTeamTrack(uow, clock)(GYM, ann, TRACK)
    await Subscribe(uow, clock).team(GYM, ann, str(track.id), -2, "ru")  # today is day 3
    settings, _ = await SetWodTime(uow, clock)(GYM, ann, "ru", at=time(5, 30))
    await SetWodNote(uow, clock)(GYM, ann, date(2026, 12, 7), "Bring a rope")
    post = PostWods(uow, clock, Words())

    early = await post()
    clock.current = datetime(2026, 12, 7, 4, 30, tzinfo=UTC)  # 05:30 in Berlin
    runs = [await post(), await post()]
    clock.current += timedelta(minutes=1)
    later = await post()

    assert settings.next_post_at == datetime(2026, 12, 7, 4, 30, tzinfo=UTC)
    assert early.queued == 0
    assert [run.queued for run in runs] == [1, 0]
    assert later.queued == 0
    async with session_factory() as session:
        sent = (await session.scalars(select(OutboxRow))).one()
        due = await session.scalar(select(TeamWodSettingsRow.next_post_at))
    assert sent.idempotency_key.startswith(f"wod:{team}:2026-12-07:")
    assert sent.text == "North Gym Q1 day 3 [Bring a rope] ru"
    assert (sent.chat_id, sent.pin) == (GYM, True)
    assert due == datetime(2026, 12, 8, 4, 30, tzinfo=UTC)


async def test_a_day_with_nothing_programmed_posts_nothing_unless_the_team_asks(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    team: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    ann = Actor(ANN.telegram_id)
    track, _ = await SaveTeamTrack(uow, clock)(GYM, ann, TRACK)
    await Subscribe(uow, clock).team(GYM, ann, str(track.id), -1, "en")  # today is day 2: rest
    await SetWodTime(uow, clock)(GYM, ann, "en", at=time(4, 30))
    clock.current = datetime(2026, 12, 7, 3, 30, tzinfo=UTC)
    quiet = await PostWods(uow, clock, Words())()
    await SetWodTime(uow, clock)(GYM, ann, "en", rest_days=True)  # next: tomorrow, day 3
    clock.current = datetime(2026, 12, 8, 3, 30, tzinfo=UTC)
    await Subscribe(uow, clock).team(GYM, ann, str(track.id), -1, "en")  # tomorrow is day 2
    said = await PostWods(uow, clock, Words())()

    assert (quiet.queued, said.queued) == (0, 1)
    assert await count(session_factory, TeamWodPostRow) == 1


async def test_a_note_after_posting_reaches_the_delivered_post_found_by_its_message(
    uow: SqlUnitOfWork,
    clock: FixedClock,
    team: int,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    ann = Actor(ANN.telegram_id)
    track, _ = await SaveTeamTrack(uow, clock)(GYM, ann, TRACK)
    await Subscribe(uow, clock).team(GYM, ann, str(track.id), 0, "en")  # today is day 1
    await SetWodTime(uow, clock)(GYM, ann, "en", at=time(4, 30))
    clock.current = datetime(2026, 12, 7, 3, 30, tzinfo=UTC)
    await PostWods(uow, clock, Words())()
    async with session_factory.begin() as session:  # the sender delivered it as message 77
        await session.execute(update(OutboxRow).values(state="sent", message_id=77))

    on, reposted = await SetWodNote(uow, clock)(GYM, ann, None, "Scale to 60%", reply_to=77)
    async with uow:
        found = await uow.wod_tracks.post_for_message(GYM, 77)
        elsewhere = await uow.wod_tracks.post_for_message(OTHER, 77)
        # the scheduler looks at recent days only: what never arrived does not pile up
        older = await uow.wod_tracks.record_delivered(since=date(2026, 12, 8))
        recorded = await uow.wod_tracks.record_delivered(since=date(2026, 12, 5))
        await uow.commit()

    assert on == date(2026, 12, 7)
    assert [(r.post.message_id, r.content.note, r.content.day_number) for r in reposted] == [
        (77, "Scale to 60%", 1)
    ]
    assert reposted[0].content.day is not None
    assert reposted[0].content.day.scaling == "60% if new"
    assert found is not None
    assert (found.on, found.day_number, found.track_id) == (on, 1, track.id)
    assert elsewhere is None
    assert (older, recorded) == (0, 1)


async def test_a_published_track_is_followed_in_private_and_shows_todays_day(
    uow: SqlUnitOfWork, clock: FixedClock, team: int
) -> None:
    dan = DAN.telegram_id
    mine, _ = await SavePersonalTrack(uow, clock)(dan, TRACK.replace("North Gym Q1", "Dan's"))
    with pytest.raises(PermissionError):
        await publish_track(uow, dan, "dan's", frozenset(), public=True)
    await publish_track(uow, dan, "dan's", frozenset({dan}), public=True)
    followed = await Subscribe(uow, clock).personal(CARA.telegram_id, str(mine.id), -2)
    _, seen_by_team = await team_tracks(uow, GYM)

    today = await personal_today(uow, clock, CARA.telegram_id)
    listed = await personal_tracks(uow, CARA.telegram_id)

    assert followed.first_day == date(2026, 12, 5)
    assert [row.track.name for row in seen_by_team] == ["Dan's"]
    assert [(c.track_name, c.day_number, c.day is not None) for c in today] == [("Dan's", 3, True)]
    assert [(row.track.id, row.subscription is not None) for row in listed] == [(mine.id, True)]
