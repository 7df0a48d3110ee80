"""Bounded numbers for callback data: a forged button with a huge number matches no filter,
instead of reaching the database as an integer it cannot store."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

UserId = Annotated[int, Field(ge=1, le=2**52)]  # Telegram's user ids fit in 52 bits
RowId = Annotated[int, Field(ge=1, le=2**31 - 1)]  # an INTEGER primary key
OptionalRowId = Annotated[int, Field(ge=0, le=2**31 - 1)]  # 0 for none
Position = Annotated[int, Field(ge=0, le=10_000)]  # a place in a list or a page number
