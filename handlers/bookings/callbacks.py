"""Callback data of bookings' buttons. Every id and moment in them is untrusted: the use
cases re-read it against the presser."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

from handlers.common.callback_fields import OptionalRowId, Position, RowId

Moment = Annotated[int, Field(ge=0, le=2**33)]  # seconds since the epoch, UTC


def moment(at: int) -> datetime:
    return datetime.fromtimestamp(at, UTC)


def seconds(at: datetime) -> int:
    return int(at.timestamp())


class DayPage(CallbackData, prefix="bkd"):
    page: Position
    moving: OptionalRowId = 0  # a booking being moved, or 0


class TakeSlot(CallbackData, prefix="bkt"):
    at: Moment
    page: Position
    moving: OptionalRowId = 0


class Repeat(CallbackData, prefix="bkr"):
    at: Moment
    every: str  # "w" weekly, "b" every other week, "m" monthly


class MyBookings(CallbackData, prefix="bkl"):
    pass


class CancelBooking(CallbackData, prefix="bkc"):
    booking: RowId


class MoveBooking(CallbackData, prefix="bkv"):
    booking: RowId


class CalendarFile(CallbackData, prefix="bki"):
    booking: RowId


class Mark(CallbackData, prefix="bkm"):
    booking: RowId
    mark: str  # "c" confirmed, "d" done (completed), "n" no-show
