"""Requests whose sender took their slot from the bot's flood budget already.

The bot's session counts every message it sends against the one budget (bot/flood_middleware.py)
as a reply to a person's action; a sender that paces itself in another lane (the class cards'
edits) sends within `paced()`, so its message is not counted twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_paced: ContextVar[bool] = ContextVar("flood_paced", default=False)


@contextmanager
def paced() -> Iterator[None]:
    """Requests made within took their slot from the flood budget already."""
    token = _paced.set(True)
    try:
        yield
    finally:
        _paced.reset(token)


def already_paced() -> bool:
    return _paced.get()
