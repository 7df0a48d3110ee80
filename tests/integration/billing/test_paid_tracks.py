"""Paid tracks on SQLite and PostgreSQL (#16): a payment grants access once however often
Telegram delivers it, a lapsed trial stops a team's posts (told once, the subscription kept),
a refund cuts access, the owner's line in the ledger gets the Stars, and nobody pays for or
prices someone else's track, whatever callback data they forge."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.account.use_cases.data import EraseAccount
from domain.athletes.model import Profile
from domain.athletes.use_cases.registration import RegisterUser
from domain.billing.checkout import CheckoutProblem
from domain.billing.model import Owed, PackageKind, PaymentStatus
from domain.billing.use_cases.overview import coach_view
from domain.billing.use_cases.purchase import Charge, RecordPayment, StartPurchase, check_payment
from domain.billing.use_cases.refunds import NotRefundableError, RecordRefund, refundable
from domain.billing.use_cases.tracks import NothingToPayError, SetTrackPricing, StartTrackPurchase
from domain.teams.model import Actor
from domain.teams.tracks import PriceKind, Pricing, WodContent
from domain.teams.use_cases.membership import BotAdded, JoinTeam, NotAllowedError
from domain.teams.use_cases.tracks import (
    NoSuchTrackError,
    PostWods,
    SavePersonalTrack,
    SetWodTime,
    Subscribe,
    TellLapsed,
    personal_today,
    publish_track,
)
from storage.billing.tables import BillingChargeRow
from storage.outbox.tables import OutboxRow
from storage.teams.tracks import TeamWodPostRow, TrackSubscriptionRow
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.billing.conftest import BillingWords
from tests.integration.catalog import EXERCISES

OLGA, ALEX, MASHA, ANN, CARA = 301, 201, 202, 11, 13  # Olga owns the track
GYM = -1001
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # Monday
TRIAL_ENDS = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)  # three days on
ENGINE = "track: Engine\n" + "".join(
    f"week 1 day {d}:\nstrength:\nsquat: 5x5 @75%\n" for d in range(1, 8)
)
MONTHLY = Pricing(PriceKind.MONTHLY, 250, trial_days=3)


class Words:
    def post(self, content: WodContent, language: str | None) -> str:
        return f"{content.track_name} day {content.day_number}"

    def lapsed(self, track_name: str, track_id: int, language: str | None) -> str:
        return f"{track_name} #{track_id} stopped ({language})"

    def ending(
        self, track_name: str, track_id: int, until: datetime, zone: ZoneInfo, language: str | None
    ) -> str:
        return f"{track_name} #{track_id} ends {until.astimezone(zone):%Y-%m-%d %H:%M} ({language})"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
async def uow(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> SqlUnitOfWork:
    """Olga publishes Engine (she is a bot admin) and prices it at 250 a month with 3 days'
    trial; North Gym in UTC: Ann owns it, Cara is a member."""
    work = SqlUnitOfWork(session_factory, clock)
    for user_id, name in ((OLGA, "Olga"), (ALEX, "Alex"), (MASHA, "Маша"), (ANN, "Ann")):
        await RegisterUser(work, clock)(Profile(user_id, name, language_code="en"))
    async with work:
        await work.exercises.save_all(EXERCISES)
        await work.commit()
    await SavePersonalTrack(work, clock)(OLGA, ENGINE)
    await publish_track(work, OLGA, "engine", frozenset({OLGA}), public=True)
    await SetTrackPricing(work, clock)(OLGA, "Engine", MONTHLY)
    made, _ = await BotAdded(work, clock)(
        GYM, "North Gym", Profile(ANN, "Ann"), adder_is_admin=True
    )
    await JoinTeam(work, clock)(made.id or 0, GYM, Profile(CARA, "Cara"))
    return work


def charge_of(buyer: int, token: str, charge_id: str, *, recurring: bool = False) -> Charge:
    return Charge(buyer, token, charge_id, 250, recurring=recurring)


async def count(session_factory: async_sessionmaker[AsyncSession], table: type) -> int:
    async with session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_a_track_payment_delivered_eight_times_at_once_adds_thirty_days_once(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    subscribed = await Subscribe(uow, clock).personal(ALEX, "engine", 0)
    invoice = await StartTrackPurchase(uow, clock)(Actor(ALEX), subscribed.subscription.id or 0)
    charge = charge_of(ALEX, invoice.payment.token, "stx-t1")

    async def deliver() -> bool:
        own = SqlUnitOfWork(session_factory, clock)
        return (await RecordPayment(own, clock, BillingWords())(charge)).duplicate

    duplicates = await asyncio.gather(*(deliver() for _ in range(8)))

    assert subscribed.access
    assert subscribed.subscription.access_until == TRIAL_ENDS
    assert sorted(duplicates) == [False] + [True] * 7
    assert await count(session_factory, BillingChargeRow) == 1
    async with uow:
        held = await uow.wod_tracks.subscription_by_id(subscribed.subscription.id or 0)
        owed = await uow.balances.owed(OLGA)
        paid = await uow.payments.by_token(invoice.payment.token)
    assert held is not None
    assert held.access_until == TRIAL_ENDS + timedelta(days=30)
    assert owed == Owed(earned=250)  # the owner's line in the ledger
    assert paid is not None
    assert (paid.status, paid.coach_id, paid.number, paid.kind) == (
        PaymentStatus.COMPLETED,
        OLGA,
        1,
        PackageKind.MONTHLY,
    )
    # a renewal Telegram charges 30 days later extends again, numbered anew
    clock.current = TRIAL_ENDS + timedelta(days=30)
    renewal = charge_of(ALEX, invoice.payment.token, "stx-t2", recurring=True)
    renewed = await RecordPayment(uow, clock, BillingWords())(renewal)
    assert renewed.track is not None
    assert renewed.track.access_until == TRIAL_ENDS + timedelta(days=60)
    assert renewed.payment.number == 2


async def test_a_lapsed_trial_stops_the_teams_posts_tells_it_once_and_keeps_it(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    ann = Actor(ANN)
    subscribed = await Subscribe(uow, clock).team(GYM, ann, "Engine", 0, "en")
    await SetWodTime(uow, clock)(GYM, ann, "en", at=time(10, 0))
    post, tell = PostWods(uow, clock, Words()), TellLapsed(uow, clock, Words())
    queued = []
    for day in range(5):  # 7, 8, 9 December on trial; 10 and 11 December lapsed (10:00 UTC)
        clock.current = datetime(2026, 12, 7 + day, 10, 0, tzinfo=UTC)
        queued.append((await post()).queued)
    told = [await tell(), await tell()]

    assert queued == [1, 1, 1, 0, 0]
    assert told == [1, 0]
    async with session_factory() as session:
        notice = await session.scalar(
            select(OutboxRow).where(OutboxRow.idempotency_key.startswith("tracks:lapsed:"))
        )
        kept = await session.get(TrackSubscriptionRow, subscribed.subscription.id)
    assert notice is not None
    assert (notice.chat_id, notice.text) == (
        GYM,
        f"Engine #{subscribed.track.id} stopped (en)",
    )
    assert kept is not None
    assert kept.active
    # the team admin pays for the team: posts come again the next morning
    invoice = await StartTrackPurchase(uow, clock)(ann, subscribed.subscription.id or 0)
    await RecordPayment(uow, clock, BillingWords())(charge_of(ANN, invoice.payment.token, "t-3"))
    clock.current = datetime(2026, 12, 12, 10, 0, tzinfo=UTC)
    assert (await post()).queued == 1
    assert await count(session_factory, TeamWodPostRow) == 4


async def test_nobody_pays_for_or_prices_someone_elses_subscription_or_track(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    alexs = (await Subscribe(uow, clock).personal(ALEX, "engine", 0)).subscription.id or 0
    teams = (await Subscribe(uow, clock).team(GYM, Actor(ANN), "engine", 0, "en")).subscription
    token = (await StartTrackPurchase(uow, clock)(Actor(ALEX), alexs)).payment.token
    paid = await RecordPayment(uow, clock, BillingWords())(charge_of(ALEX, token, "stx-a"))

    with pytest.raises(NotAllowedError):  # Маша forges the Pay button of Alex's subscription
        await StartTrackPurchase(uow, clock)(Actor(MASHA), alexs)
    with pytest.raises(NotAllowedError):  # a member who does not program the team
        await StartTrackPurchase(uow, clock)(Actor(CARA), teams.id or 0)
    with pytest.raises(NotAllowedError):  # someone outside the team
        await StartTrackPurchase(uow, clock)(Actor(MASHA), teams.id or 0)
    with pytest.raises(NoSuchTrackError):  # a subscription that does not exist
        await StartTrackPurchase(uow, clock)(Actor(ALEX), 999_999)
    with pytest.raises(NoSuchTrackError):  # Маша sees the public track but does not own it
        await SetTrackPricing(uow, clock)(MASHA, "Engine", Pricing())
    assert await check_payment(uow, MASHA, token, "XTR", 250) == CheckoutProblem.NOT_YOURS
    for stranger in (MASHA, ALEX):  # only the owner (or a bot admin) refunds
        with pytest.raises(NotRefundableError):
            await refundable(uow, stranger, paid.payment.id or 0, admin=False)
    async with uow:
        track = await uow.wod_tracks.track(teams.track_id)
        package = await uow.packages.for_track(teams.track_id)
    assert track is not None
    assert track.pricing == MONTHLY
    assert package is not None
    with pytest.raises(LookupError):  # the track's package is not sold from /billing's list
        await StartPurchase(uow, clock)(ALEX, package.id or 0)


async def test_a_refund_cuts_access_and_takes_the_stars_off_the_owners_line(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await SetTrackPricing(uow, clock)(OLGA, "Engine", Pricing(PriceKind.ONCE, 300))
    held = (await Subscribe(uow, clock).personal(ALEX, "engine", 0)).subscription
    invoice = await StartTrackPurchase(uow, clock)(Actor(ALEX), held.id or 0)
    charge = Charge(ALEX, invoice.payment.token, "stx-once", 300)
    paid = await RecordPayment(uow, clock, BillingWords())(charge)
    before = await personal_today(uow, clock, ALEX)
    with pytest.raises(NothingToPayError):  # bought for good: no second invoice
        await StartTrackPurchase(uow, clock)(Actor(ALEX), held.id or 0)

    clock.current = NOW + timedelta(days=5)
    payment = await refundable(uow, OLGA, paid.payment.id or 0, admin=False)
    refunded = await RecordRefund(uow, clock, BillingWords())(OLGA, payment.id or 0, admin=False)
    after = await personal_today(uow, clock, ALEX)

    assert paid.track is not None
    assert paid.track.paid_for_good
    assert [c.day_number for c in before] == [1]
    assert refunded.track is not None
    assert (refunded.track.paid_for_good, refunded.track.access_until) == (False, NOW)
    assert after == []  # kept, but no longer followed
    async with uow:
        assert await uow.balances.owed(OLGA) == Owed(earned=300, refunded=300)


async def test_the_owner_sees_who_paid_for_their_track_in_billing_and_nobody_else_does(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await SetTrackPricing(uow, clock)(OLGA, "Engine", Pricing(PriceKind.ONCE, 300))
    held = (await Subscribe(uow, clock).personal(ALEX, "engine", 0)).subscription
    invoice = await StartTrackPurchase(uow, clock)(Actor(ALEX), held.id or 0)
    await RecordPayment(uow, clock, BillingWords())(
        Charge(ALEX, invoice.payment.token, "stx-view", 300)
    )

    owners = await coach_view(uow, OLGA)  # Olga coaches nobody: the track is hers
    strangers = await coach_view(uow, MASHA)

    assert owners is not None
    assert [(p.athlete_id, p.amount, p.status) for p in owners.invoices] == [
        (ALEX, 300, PaymentStatus.COMPLETED)
    ]
    assert owners.clients[ALEX] == "Alex"
    assert strangers is None  # no clients, no tracks of her own: no payments to see


async def test_the_end_of_a_paid_access_is_told_once_three_days_before(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await SetTrackPricing(uow, clock)(
        OLGA, "Engine", Pricing(PriceKind.MONTHLY, 250, trial_days=10)
    )
    held = await Subscribe(uow, clock).personal(ALEX, "engine", 0)  # trial to 17 Dec 09:00
    tell = TellLapsed(uow, clock, Words())
    told_at_once = await tell()
    clock.current = datetime(2026, 12, 14, 8, 59, tzinfo=UTC)  # 3 days and a minute before
    too_early = await tell()
    clock.current = datetime(2026, 12, 14, 9, 30, tzinfo=UTC)
    told = [await tell(), await tell()]

    assert (told_at_once, too_early, told) == (0, 0, [1, 0])
    async with session_factory() as session:
        notices = (
            await session.scalars(
                select(OutboxRow).where(OutboxRow.idempotency_key.startswith("tracks:ending:"))
            )
        ).all()
    assert [(n.chat_id, n.text) for n in notices] == [
        (ALEX, f"Engine #{held.track.id} ends 2026-12-17 09:00 (en)")
    ]
    assert notices[0].expires_at == datetime(2026, 12, 17, 9, 0, tzinfo=UTC)


async def test_a_trial_of_three_days_is_not_told_it_ends_soon_as_it_starts(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await SetTrackPricing(uow, clock)(OLGA, "Engine", MONTHLY)  # 3 days to try
    await Subscribe(uow, clock).personal(ALEX, "engine", 0)
    tell = TellLapsed(uow, clock, Words())

    at_once = await tell()
    clock.current = NOW + timedelta(days=1)

    assert (at_once, await tell()) == (0, 0)


async def test_a_new_price_withdraws_the_old_invoice_and_gives_free_followers_the_trial(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await SetTrackPricing(uow, clock)(OLGA, "Engine", Pricing())  # free again
    held = (await Subscribe(uow, clock).personal(ALEX, "engine", 0)).subscription
    clock.current = NOW + timedelta(hours=1)
    await SetTrackPricing(uow, clock)(OLGA, "Engine", Pricing(PriceKind.ONCE, 300, 2))
    token = (await StartTrackPurchase(uow, clock)(Actor(ALEX), held.id or 0)).payment.token
    await SetTrackPricing(uow, clock)(OLGA, "Engine", Pricing(PriceKind.ONCE, 400, 2))

    async with uow:
        now_held = await uow.wod_tracks.subscription_by_id(held.id or 0)
    assert held.access_until is None  # a free track's subscription
    assert now_held is not None
    assert now_held.access_until == NOW + timedelta(hours=1, days=2)  # told of the price
    assert await check_payment(uow, ALEX, token, "XTR", 300) == CheckoutProblem.WITHDRAWN
    assert replace(now_held, access_until=None) == replace(held, access_until=None)


async def test_an_owner_erasing_their_account_takes_their_paid_track_and_its_price_with_them(
    uow: SqlUnitOfWork, clock: FixedClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    held = (await Subscribe(uow, clock).personal(ALEX, "engine", 0)).subscription
    invoice = await StartTrackPurchase(uow, clock)(Actor(ALEX), held.id or 0)
    await RecordPayment(uow, clock, BillingWords())(charge_of(ALEX, invoice.payment.token, "e-1"))

    assert await EraseAccount(uow, clock)(OLGA) is not None

    assert await count(session_factory, TrackSubscriptionRow) == 0
    assert await personal_today(uow, clock, ALEX) == []
