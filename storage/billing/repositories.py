"""The SQL adapters for billing: packages, payments with their invoice numbers, the ledgers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from domain.billing.model import (
    Balance,
    Included,
    InvoiceLine,
    LedgerKind,
    Owed,
    Package,
    PackageDraft,
    PackageKind,
    Payment,
    PaymentStatus,
    Subscription,
)
from storage.billing.tables import (
    BillingChargeRow,
    BillingCoachLedgerRow,
    BillingInvoiceCounterRow,
    BillingPackageRow,
    BillingPaymentRow,
    BillingSessionBalanceRow,
    BillingSessionLineRow,
    BillingSubscriptionRow,
)
from storage.core.dialects import dialect_insert


def _package(row: BillingPackageRow) -> Package:
    draft = PackageDraft(
        PackageKind(row.kind),
        row.name,
        row.price,
        Included(row.sessions_per_month, row.form_checks, row.messaging),
        row.sessions,
        row.program_slug,
        row.track_id,
    )
    return Package(row.id, row.coach_id, draft, row.created_at, row.archived_at)


class SqlPackageRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, package: Package) -> Package:
        draft = package.draft
        row = BillingPackageRow(
            coach_id=package.coach_id,
            kind=draft.kind.value,
            name=draft.name,
            price=draft.price,
            sessions=draft.sessions,
            program_slug=draft.program_slug,
            sessions_per_month=draft.included.sessions_per_month,
            form_checks=draft.included.form_checks,
            messaging=draft.included.messaging,
            track_id=draft.track_id,
            created_at=package.created_at,
            archived_at=package.archived_at,
        )
        self._session.add(row)
        await self._session.flush()
        return _package(row)

    async def get(self, package_id: int) -> Package | None:
        row = await self._session.get(BillingPackageRow, package_id)
        return None if row is None else _package(row)

    async def offered(self, coach_id: int) -> list[Package]:
        rows = await self._session.scalars(
            select(BillingPackageRow)
            .where(
                BillingPackageRow.coach_id == coach_id,
                BillingPackageRow.archived_at.is_(None),
                BillingPackageRow.track_id.is_(None),
            )
            .order_by(BillingPackageRow.id)
        )
        return [_package(row) for row in rows]

    async def for_track(self, track_id: int) -> Package | None:
        row = await self._session.scalar(
            select(BillingPackageRow)
            .where(BillingPackageRow.track_id == track_id, BillingPackageRow.archived_at.is_(None))
            .order_by(BillingPackageRow.id.desc())
            .limit(1)
            .execution_options(populate_existing=True)
        )
        return None if row is None else _package(row)

    async def archive(self, package_id: int, at: datetime) -> None:
        await self._session.execute(
            update(BillingPackageRow)
            .where(BillingPackageRow.id == package_id)
            .values(archived_at=at)
        )

    async def set_price(self, package_id: int, price: int) -> None:
        await self._session.execute(
            update(BillingPackageRow).where(BillingPackageRow.id == package_id).values(price=price)
        )


def _payment(row: BillingPaymentRow) -> Payment:
    lines = tuple(InvoiceLine(str(d), int(q), int(p)) for d, q, p in json.loads(row.lines))
    return Payment(
        id=row.id,
        token=row.token,
        coach_id=row.coach_id,
        athlete_id=row.athlete_id,
        package_id=row.package_id,
        kind=PackageKind(row.kind),
        amount=row.amount,
        number=row.number,
        lines=lines,
        status=PaymentStatus(row.status),
        created_at=row.created_at,
        charge_id=row.charge_id,
        paid_at=row.paid_at,
        refunded_at=row.refunded_at,
        recurring=row.recurring,
        granted=row.granted,
        track_subscription_id=row.track_subscription_id,
    )


class SqlPaymentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def next_number(self, coach_id: int) -> int:
        insert = dialect_insert(self._session)
        await self._session.execute(
            insert(BillingInvoiceCounterRow)
            .values(coach_id=coach_id, last=0)
            .on_conflict_do_nothing(index_elements=["coach_id"])
        )
        taken = await self._session.scalar(
            update(BillingInvoiceCounterRow)
            .where(BillingInvoiceCounterRow.coach_id == coach_id)
            .values(last=BillingInvoiceCounterRow.last + 1)
            .returning(BillingInvoiceCounterRow.last)
        )
        assert taken is not None  # noqa: S101 - the row was inserted just above
        return int(taken)

    async def add(self, payment: Payment) -> Payment:
        row = BillingPaymentRow(
            token=payment.token,
            coach_id=payment.coach_id,
            athlete_id=payment.athlete_id,
            package_id=payment.package_id,
            kind=payment.kind.value,
            amount=payment.amount,
            number=payment.number,
            lines=json.dumps(
                [[ln.description, ln.quantity, ln.unit_price] for ln in payment.lines]
            ),
            status=payment.status.value,
            created_at=payment.created_at,
            charge_id=payment.charge_id,
            paid_at=payment.paid_at,
            refunded_at=payment.refunded_at,
            recurring=payment.recurring,
            granted=payment.granted,
            track_subscription_id=payment.track_subscription_id,
        )
        self._session.add(row)
        await self._session.flush()
        return _payment(row)

    async def _one(self, *where: object, lock: bool = False) -> Payment | None:
        query = select(BillingPaymentRow).where(*where)  # type: ignore[arg-type]
        if lock:
            query = query.with_for_update()
        row = await self._session.scalar(query.execution_options(populate_existing=True))
        return None if row is None else _payment(row)

    async def get(self, payment_id: int, *, lock: bool = False) -> Payment | None:
        return await self._one(BillingPaymentRow.id == payment_id, lock=lock)

    async def by_token(self, token: str, *, lock: bool = False) -> Payment | None:
        return await self._one(BillingPaymentRow.token == token, lock=lock)

    async def by_charge(self, charge_id: str) -> Payment | None:
        payment_id = await self._session.scalar(
            select(BillingChargeRow.payment_id).where(BillingChargeRow.charge_id == charge_id)
        )
        return None if payment_id is None else await self.get(payment_id)

    async def open_invoice(
        self,
        athlete_id: int,
        package_id: int,
        amount: int,
        *,
        track_subscription_id: int | None = None,
    ) -> Payment | None:
        return await self._one(
            BillingPaymentRow.track_subscription_id.is_(None)
            if track_subscription_id is None
            else BillingPaymentRow.track_subscription_id == track_subscription_id,
            BillingPaymentRow.athlete_id == athlete_id,
            BillingPaymentRow.package_id == package_id,
            BillingPaymentRow.amount == amount,
            BillingPaymentRow.status == PaymentStatus.PENDING.value,
        )

    async def record_charge(self, charge_id: str, payment_id: int, at: datetime) -> bool:
        insert = dialect_insert(self._session)
        result = await self._session.execute(
            insert(BillingChargeRow)
            .values(charge_id=charge_id, payment_id=payment_id, recorded_at=at)
            .on_conflict_do_nothing(index_elements=["charge_id"])
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def set_status(
        self,
        payment_id: int,
        status: PaymentStatus,
        at: datetime,
        *,
        charge_id: str | None = None,
    ) -> None:
        values: dict[str, object] = {"status": status.value}
        if status == PaymentStatus.COMPLETED:
            values |= {"paid_at": at, "charge_id": charge_id}
        elif status == PaymentStatus.REFUNDED:
            values["refunded_at"] = at
        await self._session.execute(
            update(BillingPaymentRow).where(BillingPaymentRow.id == payment_id).values(**values)
        )

    async def mark_granted(self, payment_id: int) -> None:
        await self._session.execute(
            update(BillingPaymentRow).where(BillingPaymentRow.id == payment_id).values(granted=True)
        )

    async def _list(self, *where: object, limit: int) -> list[Payment]:
        rows = await self._session.scalars(
            select(BillingPaymentRow)
            .where(*where)  # type: ignore[arg-type]
            .order_by(BillingPaymentRow.id.desc())
            .limit(limit)
        )
        return [_payment(row) for row in rows]

    async def of_athlete(self, athlete_id: int, limit: int) -> list[Payment]:
        return await self._list(BillingPaymentRow.athlete_id == athlete_id, limit=limit)

    async def of_coach(
        self, coach_id: int, athlete_ids: Sequence[int], limit: int
    ) -> list[Payment]:
        if not athlete_ids:
            return []
        return await self._list(
            BillingPaymentRow.coach_id == coach_id,
            BillingPaymentRow.athlete_id.in_(athlete_ids),
            limit=limit,
        )

    async def of_track_owner(self, owner_id: int, limit: int) -> list[Payment]:
        return await self._list(
            BillingPaymentRow.coach_id == owner_id,
            BillingPaymentRow.track_subscription_id.is_not(None),
            limit=limit,
        )

    async def ungranted_programs(self, limit: int) -> list[Payment]:
        rows = await self._session.scalars(
            select(BillingPaymentRow)
            .where(
                BillingPaymentRow.kind == PackageKind.PROGRAM.value,
                BillingPaymentRow.status == PaymentStatus.COMPLETED.value,
                BillingPaymentRow.granted.is_(False),
            )
            .order_by(BillingPaymentRow.id)
            .limit(limit)
        )
        return [_payment(row) for row in rows]


def _reason(delta: int, appointment_id: int | None) -> str:
    if appointment_id is not None:
        return "drawn"
    return "bought" if delta > 0 else "refunded"


class SqlBalanceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_sessions(
        self,
        athlete_id: int,
        coach_id: int,
        delta: int,
        at: datetime,
        *,
        payment_id: int | None = None,
        appointment_id: int | None = None,
    ) -> bool:
        insert = dialect_insert(self._session)
        line_id = await self._session.scalar(
            insert(BillingSessionLineRow)
            .values(
                athlete_id=athlete_id,
                coach_id=coach_id,
                reason=_reason(delta, appointment_id),
                delta=delta,
                at=at,
                payment_id=payment_id,
                appointment_id=appointment_id,
            )
            .on_conflict_do_nothing()
            .returning(BillingSessionLineRow.id)
        )
        if line_id is None:
            return False
        if delta > 0:
            await self._session.execute(
                insert(BillingSessionBalanceRow)
                .values(athlete_id=athlete_id, coach_id=coach_id, sessions=delta)
                .on_conflict_do_update(
                    index_elements=["athlete_id", "coach_id"],
                    set_={"sessions": BillingSessionBalanceRow.sessions + delta},
                )
            )
            return True
        # One UPDATE that takes the sessions only if there are enough: two draws at once
        # cannot both take the last one (the row is locked by the first until it commits).
        taken = await self._session.execute(
            update(BillingSessionBalanceRow)
            .where(
                BillingSessionBalanceRow.athlete_id == athlete_id,
                BillingSessionBalanceRow.coach_id == coach_id,
                BillingSessionBalanceRow.sessions >= -delta,
            )
            .values(sessions=BillingSessionBalanceRow.sessions + delta)
        )
        if taken.rowcount:  # type: ignore[attr-defined]
            return True
        await self._session.execute(
            delete(BillingSessionLineRow).where(BillingSessionLineRow.id == line_id)
        )
        return False

    async def sessions(self, athlete_id: int, coach_id: int) -> int:
        found = await self._session.scalar(
            select(BillingSessionBalanceRow.sessions).where(
                BillingSessionBalanceRow.athlete_id == athlete_id,
                BillingSessionBalanceRow.coach_id == coach_id,
            )
        )
        return found or 0

    async def drawn_for(self, appointment_id: int) -> bool:
        found = await self._session.scalar(
            select(BillingSessionLineRow.id).where(
                BillingSessionLineRow.appointment_id == appointment_id
            )
        )
        return found is not None

    async def balances(self, athlete_id: int) -> list[Balance]:
        rows = await self._session.scalars(
            select(BillingSessionBalanceRow)
            .where(BillingSessionBalanceRow.athlete_id == athlete_id)
            .order_by(BillingSessionBalanceRow.coach_id)
        )
        return [Balance(r.athlete_id, r.coach_id, r.sessions) for r in rows]

    async def subscription(self, athlete_id: int, coach_id: int) -> Subscription | None:
        row = await self._session.get(
            BillingSubscriptionRow, (athlete_id, coach_id), populate_existing=True
        )
        return None if row is None else _subscription(row)

    async def save_subscription(self, subscription: Subscription) -> None:
        insert = dialect_insert(self._session)
        values = {
            "athlete_id": subscription.athlete_id,
            "coach_id": subscription.coach_id,
            "package_id": subscription.package_id,
            "paid_until": subscription.paid_until,
        }
        await self._session.execute(
            insert(BillingSubscriptionRow)
            .values(**values)
            .on_conflict_do_update(
                index_elements=["athlete_id", "coach_id"],
                set_={"package_id": subscription.package_id, "paid_until": subscription.paid_until},
            )
        )

    async def subscriptions(self, athlete_id: int) -> list[Subscription]:
        rows = await self._session.scalars(
            select(BillingSubscriptionRow).where(BillingSubscriptionRow.athlete_id == athlete_id)
        )
        return [_subscription(row) for row in rows]

    async def expiring(self, after: datetime, before: datetime) -> list[Subscription]:
        rows = await self._session.scalars(
            select(BillingSubscriptionRow).where(
                BillingSubscriptionRow.paid_until > after,
                BillingSubscriptionRow.paid_until <= before,
            )
        )
        return [_subscription(row) for row in rows]

    async def one_left(self) -> list[tuple[Balance, int]]:
        lines = aliased(BillingSessionLineRow)
        last_line = (
            select(func.max(lines.id))
            .where(
                lines.athlete_id == BillingSessionBalanceRow.athlete_id,
                lines.coach_id == BillingSessionBalanceRow.coach_id,
            )
            .correlate(BillingSessionBalanceRow)
            .scalar_subquery()
        )
        # Down to one by a draw: a pack of one just bought is not news.
        rows = await self._session.execute(
            select(BillingSessionBalanceRow, BillingSessionLineRow.id)
            .join(BillingSessionLineRow, BillingSessionLineRow.id == last_line)
            .where(BillingSessionBalanceRow.sessions == 1, BillingSessionLineRow.reason == "drawn")
        )
        return [
            (Balance(row.athlete_id, row.coach_id, row.sessions), int(line)) for row, line in rows
        ]

    async def credit(
        self,
        coach_id: int,
        kind: LedgerKind,
        stars: int,
        at: datetime,
        *,
        payment_id: int | None = None,
        by: int | None = None,
    ) -> bool:
        insert = dialect_insert(self._session)
        result = await self._session.execute(
            insert(BillingCoachLedgerRow)
            .values(
                coach_id=coach_id, kind=kind.value, stars=stars, at=at, payment_id=payment_id, by=by
            )
            .on_conflict_do_nothing()
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def owed(self, coach_id: int) -> Owed:
        return (await self._owed(BillingCoachLedgerRow.coach_id == coach_id)).get(coach_id, Owed())

    async def owed_all(self) -> dict[int, Owed]:
        return await self._owed(and_(True))

    async def _owed(self, where: object) -> dict[int, Owed]:
        rows = await self._session.execute(
            select(
                BillingCoachLedgerRow.coach_id,
                BillingCoachLedgerRow.kind,
                func.sum(BillingCoachLedgerRow.stars),
            )
            .where(where)  # type: ignore[arg-type]
            .group_by(BillingCoachLedgerRow.coach_id, BillingCoachLedgerRow.kind)
        )
        sums: dict[int, dict[str, int]] = {}
        for coach_id, kind, stars in rows:
            sums.setdefault(coach_id, {})[kind] = int(stars or 0)
        return {
            coach_id: Owed(
                by_kind.get(LedgerKind.EARNED.value, 0),
                by_kind.get(LedgerKind.REFUNDED.value, 0),
                by_kind.get(LedgerKind.PAID_OUT.value, 0),
            )
            for coach_id, by_kind in sums.items()
        }


def _subscription(row: BillingSubscriptionRow) -> Subscription:
    return Subscription(row.athlete_id, row.coach_id, row.package_id, row.paid_until)
