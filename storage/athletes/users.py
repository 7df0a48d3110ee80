"""The SQL adapter for the domain's UserRepository."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.athletes.equipment import DEFAULT_BAR, PlateInventory
from domain.athletes.kit import Division, kit_from_text, kit_text
from domain.athletes.model import User, language_for
from domain.shared.e1rm import E1rmFormula
from domain.shared.weights import Rounding, Unit
from storage.athletes.tables import UserRow
from storage.core.columns import to_weight, weight_columns


class SqlUserRepository:
    """Users in the session's transaction; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, telegram_id: int) -> User | None:
        # Read on nearly every update: a statement built once, run on the connection, is a
        # fraction of the ORM's `get`. Rows this session changed are flushed first.
        session = self._session
        if session.new or session.dirty or session.deleted:
            await session.flush()
        connection = await session.connection()
        row = (await connection.execute(_USER, {"telegram_id": telegram_id})).one_or_none()
        return None if row is None else to_user(row)

    async def add(self, user: User) -> None:
        row = UserRow(telegram_id=user.telegram_id, registered_at=user.registered_at)
        _copy_profile(user, row)
        self._session.add(row)

    async def update(self, user: User) -> None:
        row = await self._session.get(UserRow, user.telegram_id)
        if row is None:
            raise LookupError(f"no user {user.telegram_id}")
        _copy_profile(user, row)


def _copy_profile(user: User, row: UserRow) -> None:
    row.first_name = user.first_name
    row.last_name = user.last_name
    row.username = user.username
    row.language = user.language
    row.time_zone = user.time_zone
    row.unit = user.unit.value
    row.rounding_step = user.rounding_step
    row.rounding = user.rounding.value
    row.warmups = user.warmups
    row.e1rm_formula = user.e1rm_formula.value
    row.bar_amount, row.bar_unit = weight_columns(user.bar) if user.bar else (None, None)
    row.deload_until = user.deload_until
    row.plates = None if user.plates is None else plates_json(user.plates)
    row.kit = None if user.kit is None else kit_text(user.kit)
    row.division = user.division.value


_USER = select(*UserRow.__table__.columns).where(UserRow.telegram_id == bindparam("telegram_id"))


def to_user(row: UserRow | Row[Any]) -> User:
    """A user from their row, or from a query's row with the same columns."""
    return User(
        telegram_id=row.telegram_id,
        first_name=row.first_name,
        last_name=row.last_name,
        username=row.username,
        language=language_for(row.language),  # rows from before two languages hold raw codes
        time_zone=row.time_zone,
        registered_at=row.registered_at,
        unit=Unit(row.unit),
        rounding_step=row.rounding_step,
        rounding=Rounding(row.rounding),
        warmups=row.warmups,
        e1rm_formula=E1rmFormula(row.e1rm_formula),
        bar=None
        if row.bar_amount is None or row.bar_unit is None
        else to_weight(row.bar_amount, row.bar_unit),
        deload_until=row.deload_until,
        plates=None if row.plates is None else plates_from_json(row.plates),
        kit=None if row.kit is None else kit_from_text(row.kit),
        division=Division(row.division),
    )


def plates_json(inventory: PlateInventory) -> str:
    pairs = {str(size): count for size, count in inventory.pairs.items()}
    return json.dumps({"unit": inventory.bar.unit.value, "pairs": pairs})


def plates_from_json(text: str) -> PlateInventory:
    data = json.loads(text)
    unit = Unit(data["unit"])
    pairs = {Decimal(size): int(count) for size, count in data["pairs"].items()}
    return PlateInventory(DEFAULT_BAR[unit], pairs)
