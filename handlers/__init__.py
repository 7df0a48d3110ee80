"""Telegram-facing code: routers, dialogs, texts. It calls use cases and never touches storage."""

from aiogram import Router

from handlers import (
    errors,
    fallback,
    history,
    maxes,
    onboarding,
    plan,
    progression,
    settings,
    start,
    today,
)


def build_router() -> Router:
    """Every router and dialog, in the order they get a chance at an update."""
    root = Router(name="spotter")
    root.include_routers(
        errors.build_router(),
        maxes.build_answer_router(),  # an answer to the question just asked beats an open card
        start.build_router(),
        settings.build_router(),
        onboarding.build_dialog(),
        today.build_router(),
        maxes.build_router(),
        progression.build_router(),
        plan.build_router(),
        history.build_router(),  # its dialog reads any text while it waits for a set
        fallback.build_router(),  # last: it answers whatever nobody else did
    )
    return root
