"""What differs between SQLite and PostgreSQL that the repositories need to know."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def dialect_insert(session: AsyncSession) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT DO NOTHING (both backends do)."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
