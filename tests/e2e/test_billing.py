"""Packages paid in Telegram Stars through the real bot: a pack bought once, a duplicate
payment, a price changed under an open invoice, a refund, and what another coach cannot do."""

from __future__ import annotations

from datetime import UTC, datetime

from emulator import BotApiEmulator, UserDriver
from handlers.billing.billing import ArchiveIt, Buy, Cancel, Refund
from tests.e2e.conftest import Spotter
from tests.e2e.test_coaching import KIM, coach_and_client

BUY_PACK = "🛒 Four sessions — ⭐400"


async def define_pack(sam: UserDriver) -> None:
    await sam.send("/packages add sessions 4 400 Four sessions")
    added = await sam.wait_for_message()
    assert "Added: <b>Four sessions</b> — 4 sessions · ⭐400" in (added.html or ""), added.html


async def billing_card(user: UserDriver) -> str:
    await user.send("/billing")
    return (await user.wait_for_message()).content


async def test_a_four_session_pack_is_paid_once_refused_at_a_new_price_and_refunded(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam, alex = await coach_and_client(emulator)
    await define_pack(sam)

    await alex.send("/billing")
    card = await alex.wait_for_message()
    assert "Packages from Sam:" in card.content
    await alex.press(BUY_PACK, message_id=card.message_id)
    invoice = await alex.wait_for_message()
    assert invoice.invoice is not None
    assert (invoice.invoice["title"], invoice.invoice["total_amount"]) == ("Four sessions", 400)

    paid = await alex.pay(invoice.message_id)
    assert paid.outcome == "paid"
    assert paid.answered_after is not None
    assert paid.answered_after < 2  # Telegram allows 10 s; nothing slow comes before it
    assert paid.charge_id is not None
    assert paid.update_id is not None
    confirmed = await alex.wait_for_message()
    assert "Paid ⭐400: 4 sessions added. Sessions left: 4." in confirmed.content
    told = await sam.wait_for_message(timeout=10)
    assert "Alex paid ⭐400 for Four sessions (invoice #0001)" in told.content

    # The same payment again, in a new update and in the same one: nothing more is granted.
    emulator.deliver_payment_again(paid.charge_id)
    again = await alex.wait_for_message()
    assert "recorded already" in again.content
    emulator.redeliver(paid.update_id)
    await emulator.wait_confirmed(paid.update_id)
    card_text = await billing_card(alex)
    assert "Sessions left with Sam: 4" in card_text
    assert "#0001 · Four sessions · ⭐400 · paid" in card_text
    assert emulator.star_balance == 400

    # A second invoice at 400; the coach raises the price before Alex pays it.
    await alex.send("/billing")
    card = await alex.wait_for_message()
    await alex.press(BUY_PACK, message_id=card.message_id)
    second = await alex.wait_for_message()
    await sam.send("/packages price 1 450")
    assert "now costs ⭐450" in (await sam.wait_for_message()).content
    refused = await alex.pay(second.message_id)
    assert refused.outcome == "refused"
    assert refused.error_message is not None
    assert "The price has changed" in refused.error_message
    assert emulator.star_balance == 400
    card_text = await billing_card(alex)
    assert "Sessions left with Sam: 4" in card_text
    assert "#0002 · Four sessions · ⭐400 · refused" in card_text

    # The coach refunds the paid invoice: the 4 unused sessions go with it.
    await sam.send("/billing")
    coach_card = await sam.wait_for_message()
    assert "Alex · #0001 · Four sessions · ⭐400 · paid" in coach_card.content
    assert "owed to you 400" in coach_card.content
    await sam.press("↩️ Refund #0001", message_id=coach_card.message_id)
    done = await sam.wait_for_message()
    assert "Invoice #0001 refunded: ⭐400" in done.content
    assert "4 unused sessions taken off; 0 had been used already" in done.content
    back = await alex.wait_for_message(timeout=10)
    assert "⭐400 for Four sessions (invoice #0001) were refunded to you" in back.content
    assert emulator.star_balance == 0
    assert emulator.charge(paid.charge_id).refunded_at is not None
    card_text = await billing_card(alex)
    assert "Sessions left" not in card_text
    assert "#0001 · Four sessions · ⭐400 · refunded" in card_text
    await sam.send("/billing")
    assert "owed to you 0" in (await sam.wait_for_message()).content


async def test_another_coach_sees_nothing_and_forged_buttons_change_nothing(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam, alex = await coach_and_client(emulator)
    await define_pack(sam)
    await alex.send("/billing")
    card = await alex.wait_for_message()
    await alex.press(BUY_PACK, message_id=card.message_id)
    invoice = await alex.wait_for_message()
    assert (await alex.pay(invoice.message_id)).outcome == "paid"
    await alex.wait_for_message()

    kim = emulator.user(KIM, first_name="Kim")
    await kim.send("/start")
    await kim.wait_for_message()
    await kim.wait_for_message()
    await kim.send("/coach")
    await kim.wait_for_message()
    await kim.press("🎓 Become a coach")
    await kim.wait_for_edit()
    await kim.send("/billing")
    kims = await kim.wait_for_message()
    assert "Alex" not in kims.content
    assert "None yet." in kims.content

    refund = await kim.press_forged(kims.message_id, Refund(payment=1).pack())
    answer = await kim.wait_for_callback_answer(refund)
    assert answer.text == (
        "You can refund only your current clients' paid invoices and those for your paid tracks."
    )
    archive = await kim.press_forged(kims.message_id, ArchiveIt(package=1).pack())
    assert (await kim.wait_for_callback_answer(archive)).text == "That package is not on offer."
    buy = await kim.press_forged(kims.message_id, Buy(package=1).pack())
    assert (await kim.wait_for_callback_answer(buy)).text == "You have no coach to buy from."
    cancel = await kim.press_forged(kims.message_id, Cancel(payment=1).pack())
    said = (await kim.wait_for_callback_answer(cancel)).text
    assert said == "That invoice is not yours or is no longer open."
    huge = await kim.press_forged(kims.message_id, "bpr:99999999999999999999")
    await kim.wait_for_callback_answer(huge)

    assert emulator.star_balance == 400
    assert "Sessions left with Sam: 4" in await billing_card(alex)
    await sam.send("/packages")
    assert "Four sessions" in (await sam.wait_for_message()).content


async def test_a_monthly_subscription_is_paid_by_link_and_each_renewal_adds_30_days(
    emulator: BotApiEmulator, spotter: Spotter
) -> None:
    sam, alex = await coach_and_client(emulator)
    await sam.send("/packages add monthly 300 +4/month +messaging Online coaching")
    assert (
        "monthly subscription · 4/month · messaging · ⭐300"
        in (await sam.wait_for_message()).content
    )

    await alex.send("/billing")
    card = await alex.wait_for_message()
    await alex.press("🛒 Online coaching — ⭐300", message_id=card.message_id)
    offer = await alex.wait_for_message()
    assert "every 30 days" in offer.content
    link = offer.button("⭐ Subscribe")
    assert link is not None
    assert link.url is not None
    [created] = emulator.calls("createInvoiceLink")
    assert created.params["subscription_period"] in {2592000, "2592000"}

    first = await alex.pay_link(link.url)
    assert first.outcome == "paid"
    assert first.charge_id is not None
    paid = await alex.wait_for_message()
    until = emulator.charge(first.charge_id).date + 30 * 86400
    assert f"paid until {day(until)}" in paid.content

    emulator.renew(first.charge_id)
    renewed = await alex.wait_for_message()
    assert f"paid until {day(until + 30 * 86400)}" in renewed.content
    card_text = await billing_card(alex)
    assert "#0002 · Online coaching · ⭐300 · paid (renewal)" in card_text
    assert emulator.star_balance == 600


def day(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).date().isoformat()
