"""Billing's pure rules: payment states, invoice numbers and lines, the pre-checkout, the
subscription's 30 days, what is owed, and a package as a coach types it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.billing.checkout import CheckoutProblem, checkout_problem
from domain.billing.model import (
    BadTransitionError,
    Included,
    InvoiceLine,
    Owed,
    Package,
    PackageDraft,
    PackageKind,
    Payment,
    PaymentStatus,
    invoice_lines,
    moved,
    next_number,
    paid_until,
    shortened,
)
from domain.billing.text import PackageTextError, PackageTextProblem, parse_package

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
PACK = PackageDraft(PackageKind.SESSIONS, "Four sessions", 400, sessions=4)
S = PaymentStatus


def package(draft: PackageDraft = PACK, *, archived: bool = False) -> Package:
    return Package(7, 101, draft, NOW, NOW if archived else None)


def payment(status: PaymentStatus = S.PENDING, amount: int = 400) -> Payment:
    return Payment(1, "tok", 101, 201, 7, PackageKind.SESSIONS, amount, 1, (), status, NOW)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (S.PENDING, S.COMPLETED),
        (S.PENDING, S.FAILED),
        (S.PENDING, S.CANCELLED),
        (S.FAILED, S.COMPLETED),
        (S.COMPLETED, S.REFUNDED),
        (S.CANCELLED, S.COMPLETED),  # confirmed just before the cancel: taken money counts
    ],
)
def test_a_payment_moves_forward_along_its_states(start: PaymentStatus, end: PaymentStatus) -> None:
    assert moved(start, end) == end


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (S.PENDING, S.REFUNDED),  # nothing was paid to give back
        (S.COMPLETED, S.COMPLETED),  # paid once
        (S.COMPLETED, S.CANCELLED),
        (S.REFUNDED, S.COMPLETED),
        (S.REFUNDED, S.REFUNDED),
        (S.CANCELLED, S.PENDING),
        (S.CANCELLED, S.REFUNDED),
    ],
)
def test_a_payment_never_goes_back_or_skips(start: PaymentStatus, end: PaymentStatus) -> None:
    with pytest.raises(BadTransitionError):
        moved(start, end)


def test_invoice_numbers_start_at_one_and_run_on_without_gaps() -> None:
    assert [next_number(None), next_number(1), next_number(41)] == [1, 2, 42]


def test_a_pack_is_invoiced_per_session_when_its_price_divides_evenly() -> None:
    assert invoice_lines(PACK) == (InvoiceLine("Four sessions", 4, 100),)
    odd = PackageDraft(PackageKind.SESSIONS, "Three", 250, sessions=3)
    assert invoice_lines(odd) == (InvoiceLine("Three", 1, 250),)
    monthly = PackageDraft(PackageKind.MONTHLY, "Online", 300)
    assert [line.total for line in invoice_lines(monthly)] == [300]


@given(st.sampled_from(list(PackageKind)), st.integers(1, 10_000), st.integers(1, 100))
def test_an_invoices_lines_add_up_to_its_price(
    kind: PackageKind, price: int, sessions: int
) -> None:
    draft = PackageDraft(kind, "x", price, sessions=sessions)
    assert sum(line.total for line in invoice_lines(draft)) == price


def test_the_pre_checkout_lets_the_invoiced_client_pay_the_invoiced_price() -> None:
    assert (
        checkout_problem(
            payment(), package(), buyer_id=201, currency="XTR", amount=400, is_client=True
        )
        is None
    )


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"pay": None}, CheckoutProblem.UNKNOWN),
        ({"buyer_id": 202}, CheckoutProblem.NOT_YOURS),
        ({"pay": payment(S.COMPLETED)}, CheckoutProblem.NOT_PENDING),
        ({"pay": payment(S.CANCELLED)}, CheckoutProblem.NOT_PENDING),
        ({"pack": package(archived=True)}, CheckoutProblem.WITHDRAWN),
        (
            {"pack": package(PackageDraft(PackageKind.SESSIONS, "x", 450, sessions=4))},
            CheckoutProblem.PRICE_CHANGED,
        ),
        ({"amount": 1}, CheckoutProblem.PRICE_CHANGED),
        ({"currency": "USD"}, CheckoutProblem.PRICE_CHANGED),
        ({"is_client": False}, CheckoutProblem.NOT_CLIENT),
    ],
)
def test_the_pre_checkout_names_why_a_payment_is_refused(
    kwargs: dict[str, object], problem: CheckoutProblem
) -> None:
    found = checkout_problem(
        kwargs.get("pay", payment()),  # type: ignore[arg-type]
        kwargs.get("pack", package()),  # type: ignore[arg-type]
        buyer_id=int(kwargs.get("buyer_id", 201)),  # type: ignore[call-overload]
        currency=str(kwargs.get("currency", "XTR")),
        amount=int(kwargs.get("amount", 400)),  # type: ignore[call-overload]
        is_client=bool(kwargs.get("is_client", True)),
    )
    assert found == problem


def test_a_subscription_runs_thirty_days_from_the_later_of_its_end_and_the_payment() -> None:
    assert paid_until(None, NOW) == NOW + timedelta(days=30)
    early = NOW + timedelta(days=2)  # renewed before the end: the days add on
    assert paid_until(early, NOW) == NOW + timedelta(days=32)
    lapsed = NOW - timedelta(days=5)  # paid again after it lapsed: from the payment
    assert paid_until(lapsed, NOW) == NOW + timedelta(days=30)
    assert shortened(NOW + timedelta(days=32), NOW) == NOW + timedelta(days=2)
    assert shortened(NOW + timedelta(days=10), NOW) == NOW  # never into the past


def test_owed_is_earned_less_refunded_less_paid_out() -> None:
    assert Owed(earned=1000, refunded=400, paid_out=250).owed == 350


@pytest.mark.parametrize(
    ("text", "draft"),
    [
        ("sessions 4 400 Four sessions", PACK),
        (
            "MONTHLY 1500 +4/month +forms +messaging Online coaching",
            PackageDraft(PackageKind.MONTHLY, "Online coaching", 1500, Included(4, True, True)),
        ),
        (
            "program nsuns-4day 800 nSuns block",
            PackageDraft(PackageKind.PROGRAM, "nSuns block", 800, program_slug="nsuns-4day"),
        ),
    ],
)
def test_a_package_reads_kind_size_or_plan_price_options_and_name(
    text: str, draft: PackageDraft
) -> None:
    assert parse_package(text) == draft


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", PackageTextProblem.KIND),
        ("pack 4 400 x", PackageTextProblem.KIND),
        ("sessions 101 400 x", PackageTextProblem.SESSIONS),
        ("sessions four 400 x", PackageTextProblem.SESSIONS),
        ("program NSUNS!! 800 x", PackageTextProblem.PLAN),
        ("sessions 4 0 x", PackageTextProblem.PRICE),
        ("sessions 4 10001 x", PackageTextProblem.PRICE),
        ("sessions 4 -5 x", PackageTextProblem.PRICE),
        ("sessions 4 ٤٠٠ x", PackageTextProblem.PRICE),  # Arabic-Indic digits are not Stars
        ("monthly 300 +daily x", PackageTextProblem.OPTION),
        ("monthly 300", PackageTextProblem.NAME),
        ("monthly 300 " + "x" * 33, PackageTextProblem.NAME),
    ],
)
def test_a_package_typed_wrong_names_its_problem(text: str, problem: PackageTextProblem) -> None:
    with pytest.raises(PackageTextError) as raised:
        parse_package(text)
    assert raised.value.problem == problem
