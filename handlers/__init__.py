"""Telegram-facing code: routers, dialogs, texts. It calls use cases and never touches storage."""

from aiogram import Router

from handlers.account import data, exercises, imports
from handlers.analytics import stats
from handlers.athletes import settings, start
from handlers.billing import billing
from handlers.body import dialog as body
from handlers.bookings import availability, book, sessions
from handlers.checkins import checkin
from handlers.coaching import clients, coach, messages, programs, reviews
from handlers.coaching import health as client_health
from handlers.common import chat_member, errors, fallback
from handlers.common.filters import magic_in_loop
from handlers.conditioning import wod
from handlers.goals import goals
from handlers.health import dialog as health
from handlers.nutrition import client as client_nutrition
from handlers.nutrition import food
from handlers.plans import plan
from handlers.progress import history
from handlers.progress import show as progress
from handlers.reminders import dialog as reminders
from handlers.teams import classes as team_classes
from handlers.teams import group as team_group
from handlers.teams import private as team_private
from handlers.teams import tracks as team_tracks
from handlers.teams import whiteboard as team_whiteboard
from handlers.training import maxes, onboarding, progression, today


def build_router() -> Router:
    """Every router and dialog, in the order they get a chance at an update."""
    root = Router(name="spotter")
    root.message.outer_middleware(chat_member.ChatSpeaksAgain())
    root.include_routers(
        errors.build_router(),
        billing.build_router(),  # a payment, its pre-checkout and the billing commands
        team_group.build_router(),  # a team hears of the bot's arrival first, then passes it on
        chat_member.build_router(),
        team_classes.build_router(),
        team_tracks.build_router(),
        team_whiteboard.build_router(),  # a reply to a posted workout is a score
        messages.build_router(),  # a reply to a relayed message is for the other side, not a set
        reviews.build_router(),  # so is a reply to a clip under review, and a clip itself
        wod.build_router(),  # and a reply to a /wod prompt: a score or a workout's text
        food.build_router(),  # and a reply to a /food question: food, targets, a meal plan
        client_nutrition.build_router(),
        goals.build_router(),  # and a coach's reply to an assessment prompt
        maxes.build_answer_router(),  # an answer to the question just asked beats an open card
        plan.build_upload_router(),  # so does a plan sent as text
        imports.build_router(),  # and another app's export sent as a .csv file
        exercises.build_router(),  # and an exercise typed for the library
        team_private.build_router(),  # before /start: so is a team's invite link
        coach.build_router(),  # before /start: an invite link is a /start with a payload
        clients.build_router(),
        checkin.build_router(),
        programs.build_router(),
        client_health.build_router(),
        availability.build_router(),
        book.build_router(),
        sessions.build_router(),
        stats.build_router(),
        start.build_router(),
        settings.build_router(),
        data.build_router(),
        onboarding.build_dialog(),
        today.build_router(),
        maxes.build_router(),
        progression.build_router(),
        plan.build_router(),
        progress.build_router(),
        reminders.build_router(),
        body.build_router(),
        health.build_router(),
        history.build_router(),  # its dialog reads any text while it waits for a set
        fallback.build_router(),  # last: it answers whatever nobody else did
    )
    return magic_in_loop(root)
