"""Telegram-facing code: routers, dialogs, texts. It calls use cases and never touches storage."""

from aiogram import Router

from handlers import errors, fallback, maxes, onboarding, settings, start, today


def build_router() -> Router:
    """Every router and dialog, in the order they get a chance at an update."""
    root = Router(name="spotter")
    root.include_routers(
        errors.build_router(),
        start.build_router(),
        settings.build_router(),
        onboarding.build_dialog(),
        today.build_router(),
        maxes.build_router(),
        fallback.build_router(),  # last: it answers whatever nobody else did
    )
    return root
