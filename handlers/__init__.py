"""Telegram-facing code: routers, dialogs, texts. It calls use cases and never touches storage."""

from aiogram import Router

from handlers import errors, fallback, settings, start


def build_router() -> Router:
    """Every router and dialog, in the order they get a chance at an update."""
    root = Router(name="spotter")
    root.include_routers(
        errors.build_router(),
        start.build_router(),
        settings.build_router(),
        fallback.build_router(),  # last: it answers whatever nobody else did
    )
    return root
