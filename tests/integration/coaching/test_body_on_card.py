"""The client card shows the client's body weight and trend to their coach, and to no one
else (#15), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from domain.athletes.model import Language
from domain.body.use_cases.entries import LogBody
from domain.coaching.use_cases.clients import client_card
from domain.coaching.use_cases.invites import LeaveCoach, NotYourClientError
from handlers.coaching.texts import body_line
from handlers.common.i18n import Catalogue
from storage.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.coaching.conftest import ALEX, KIM, MASHA, NOW, SAM, Words, accept, invite

EN = Catalogue.load().translator(Language.EN)


async def test_the_coach_sees_the_latest_weight_and_the_trend_and_another_coach_nothing(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await accept(uow, clock, await invite(uow, clock, KIM), MASHA)
    start = NOW - timedelta(days=14)
    for day, kg in ((0, "84"), (7, "83.3"), (14, "82.6")):  # 0.7 kg a week down
        clock.current = start + timedelta(days=day)
        await LogBody(uow, clock)(ALEX, kg)
    clock.current = NOW

    card = await client_card(uow, SAM, ALEX, NOW)

    assert card.body is not None
    assert card.body.latest == Decimal("82.6")
    assert card.body.per_week == Decimal("-0.7")
    assert body_line(EN, card.body) == "⚖️ Body weight 82.6 kg · −0.7 kg a week"
    with pytest.raises(NotYourClientError):
        await client_card(uow, KIM, ALEX, NOW)
    assert (await client_card(uow, KIM, MASHA, NOW)).body is None  # Masha logged nothing


async def test_after_the_client_leaves_their_weight_is_not_shown(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    await accept(uow, clock, await invite(uow, clock, SAM), ALEX)
    await LogBody(uow, clock)(ALEX, "82")
    await LeaveCoach(uow, clock, Words())(ALEX)

    with pytest.raises(NotYourClientError):
        await client_card(uow, SAM, ALEX, NOW)
