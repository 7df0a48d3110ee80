"""Payments in Telegram Stars: invoices, the pre-checkout question, charges, refunds, balance.

Only Stars (XTR) are emulated: an invoice names no provider and carries exactly one price.
A user's payment goes as Telegram's does: a pre_checkout_query the bot must answer within
`pre_checkout_timeout` seconds (10 in Telegram), then, on ok, a message with
successful_payment whose telegram_payment_charge_id is new. Stars land on the bot's balance.
"""

from __future__ import annotations

import itertools
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from emulator.errors import bad_request
from emulator.params import Params

STARS = "XTR"
SUBSCRIPTION_PERIOD = 2_592_000  # 30 days: the only period Telegram accepts
MAX_STARS = 10_000  # per invoice (and per subscription period)
PRE_CHECKOUT_SECONDS = 10.0
_TITLE = (1, 32)
_DESCRIPTION = (1, 255)
_PAYLOAD_BYTES = (1, 128)

Outcome = Literal["paid", "refused", "timed_out"]


@dataclass(frozen=True)
class Invoice:
    """What the user is asked to pay: from sendInvoice (in a chat) or createInvoiceLink."""

    title: str
    description: str
    payload: str
    amount: int
    subscription_period: int | None = None

    def to_api(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.description,
            "start_parameter": "",
            "currency": STARS,
            "total_amount": self.amount,
        }


@dataclass
class PreCheckout:
    id: str
    user_id: int
    invoice: Invoice
    created_at: float
    ok: bool | None = None
    error_message: str | None = None
    answered_after: float | None = None  # seconds from the update to the bot's answer


@dataclass
class Charge:
    """One successful payment, as the bot's star transactions list it."""

    id: str
    user_id: int
    invoice: Invoice
    date: int
    recurring: bool = False
    refunded_at: int | None = None


@dataclass(frozen=True)
class PaymentResult:
    """What a user's attempt to pay came to: paid (with the charge and its message's update),
    refused by the bot (its error_message, which the user sees), or unanswered in time."""

    outcome: Outcome
    charge_id: str | None = None
    update_id: int | None = None
    error_message: str | None = None
    answered_after: float | None = None  # how long the bot took to answer the pre-checkout


@dataclass
class Payments:
    """The bot's invoices, pre-checkout queries, charges and Stars."""

    pre_checkout_timeout: float = PRE_CHECKOUT_SECONDS
    links: dict[str, Invoice] = field(default_factory=dict)
    sent: dict[tuple[int, int], Invoice] = field(default_factory=dict)  # (chat, message)
    queries: dict[str, PreCheckout] = field(default_factory=dict)
    charges: dict[str, Charge] = field(default_factory=dict)
    transactions: list[dict[str, Any]] = field(default_factory=list)
    balance: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def invoice(self, params: Params, *, link: bool) -> Invoice:
        """The invoice the parameters describe, checked as Telegram checks a Stars invoice."""
        title = params.required_text("title")
        description = params.required_text("description")
        payload = params.required_text("payload")
        if not _TITLE[0] <= len(title) <= _TITLE[1]:
            raise bad_request("INVOICE_TITLE_INVALID" if title else "title is empty")
        if not _DESCRIPTION[0] <= len(description) <= _DESCRIPTION[1]:
            raise bad_request("INVOICE_DESCRIPTION_INVALID")
        if not _PAYLOAD_BYTES[0] <= len(payload.encode()) <= _PAYLOAD_BYTES[1]:
            raise bad_request("INVOICE_PAYLOAD_INVALID")
        if params.text("currency") != STARS:
            raise bad_request("the emulator takes Telegram Stars only: currency XTR")
        if params.text("provider_token"):
            raise bad_request("PROVIDER_TOKEN_INVALID: Stars invoices take an empty provider_token")
        prices = params.object("prices")
        if not isinstance(prices, list) or len(prices) != 1 or not isinstance(prices[0], dict):
            raise bad_request("STARS_INVOICE_INVALID: exactly one price in Stars")
        amount = prices[0].get("amount")
        if not isinstance(amount, int) or isinstance(amount, bool) or not 1 <= amount <= MAX_STARS:
            raise bad_request("STARS_INVOICE_INVALID: the amount is 1 to 10000 Stars")
        period = params.integer("subscription_period")
        if period is not None and (not link or period != SUBSCRIPTION_PERIOD):
            raise bad_request("SUBSCRIPTION_PERIOD_INVALID")
        return Invoice(title, description, payload, amount, period)

    def new_link(self, invoice: Invoice) -> str:
        slug = secrets.token_urlsafe(12)
        self.links[slug] = invoice
        return f"https://t.me/${slug}"

    def by_link(self, url: str) -> Invoice:
        invoice = self.links.get(url.removeprefix("https://t.me/$"))
        if invoice is None:
            raise LookupError(f"no invoice link {url}")
        return invoice

    def ask(self, user_id: int, invoice: Invoice) -> PreCheckout:
        query = PreCheckout(f"{next(self._ids):012d}", user_id, invoice, time.monotonic())
        self.queries[query.id] = query
        return query

    def answer(self, params: Params) -> None:
        query = self.queries.get(params.required_text("pre_checkout_query_id"))
        if query is None or query.ok is not None or self._late(query):
            raise bad_request("QUERY_ID_INVALID")
        ok = params.flag("ok")
        error_message = params.text("error_message")
        if not ok and not error_message:
            raise bad_request("ERROR_MESSAGE_EMPTY: say why the payment is refused")
        query.ok, query.error_message = ok, None if ok else error_message
        query.answered_after = time.monotonic() - query.created_at

    def _late(self, query: PreCheckout) -> bool:
        return time.monotonic() - query.created_at > self.pre_checkout_timeout

    def charge(self, query: PreCheckout, date: int, *, recurring: bool = False) -> Charge:
        charge = Charge(f"stxEMU{secrets.token_hex(12)}", query.user_id, query.invoice, date)
        charge.recurring = recurring
        self.charges[charge.id] = charge
        self.balance += query.invoice.amount
        self.transactions.append(
            {
                "id": charge.id,
                "amount": query.invoice.amount,
                "date": date,
                "source": {
                    "type": "user",
                    "transaction_type": "invoice_payment",
                    "user": {"id": query.user_id, "is_bot": False, "first_name": "User"},
                    "invoice_payload": query.invoice.payload,
                },
            }
        )
        return charge

    def refund(self, params: Params, date: int) -> None:
        charge = self.charges.get(params.required_text("telegram_payment_charge_id"))
        if charge is None or charge.user_id != params.required_integer("user_id"):
            raise bad_request("CHARGE_NOT_FOUND")
        if charge.refunded_at is not None:
            raise bad_request("CHARGE_ALREADY_REFUNDED")
        if self.balance < charge.invoice.amount:
            raise bad_request("BALANCE_TOO_LOW")
        charge.refunded_at = date
        self.balance -= charge.invoice.amount
        self.transactions.append(
            {
                "id": charge.id,
                "amount": charge.invoice.amount,
                "date": date,
                "receiver": {
                    "type": "user",
                    "transaction_type": "invoice_payment",
                    "user": {"id": charge.user_id, "is_bot": False, "first_name": "User"},
                },
            }
        )

    def transactions_page(self, params: Params) -> dict[str, Any]:
        offset = max(params.integer("offset") or 0, 0)
        limit = min(max(params.integer("limit") or 100, 1), 100)
        return {"transactions": self.transactions[offset : offset + limit]}


def successful_payment(charge: Charge, period_end: int | None) -> dict[str, Any]:
    """The successful_payment object of a message, as Telegram sends it for Stars."""
    paid: dict[str, Any] = {
        "currency": STARS,
        "total_amount": charge.invoice.amount,
        "invoice_payload": charge.invoice.payload,
        "telegram_payment_charge_id": charge.id,
        "provider_payment_charge_id": "",
    }
    if period_end is not None:
        paid["subscription_expiration_date"] = period_end
        paid["is_recurring"] = True
        paid["is_first_recurring"] = not charge.recurring
    return paid
