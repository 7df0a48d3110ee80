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
from handlers.common.routing import commands_only, replies_only
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
        billing.build_payments_router(),  # a pre-checkout waits for its answer: first of all
        team_group.build_router(),  # a team hears of the bot's arrival first, then passes it on
        # What must beat an open card: replies to the bot's messages, then a clip, an answer
        # to the question just asked, a plan or another app's export, an exercise line.
        replies_only(
            "replies",
            team_whiteboard.build_reply_router(),
            messages.build_reply_router(),
            reviews.build_reply_router(),
            wod.build_reply_router(),
            food.build_reply_router(),
            goals.build_reply_router(),
        ),
        reviews.build_clip_router(),
        maxes.build_answer_router(),
        plan.build_upload_router(),
        imports.build_router(),
        exercises.build_line_router(),
        # Commands and buttons only: no dialog takes a command, so the order between them and
        # the dialogs below changes nothing, and a typed set passes them in one check.
        commands_only(
            "commands",
            billing.build_router(),
            team_classes.build_router(),
            team_tracks.build_router(),
            team_whiteboard.build_router(),
            messages.build_router(),
            reviews.build_router(),
            wod.build_router(),
            food.build_router(),
            client_nutrition.build_router(),
            goals.build_router(),
            exercises.build_router(),
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
            data.build_router(),
        ),
        today.build_router(),  # the card a typed set is for: as early as the above allow
        chat_member.build_router(),  # the bot blocked or let back in, after the team heard of it
        settings.build_router(),
        onboarding.build_dialog(),
        maxes.build_router(),
        progression.build_router(),
        plan.build_router(),
        progress.build_router(),
        reminders.build_router(),
        body.build_router(),
        health.build_router(),
        history.build_router(),  # its dialog reads any text while it waits for a set
        errors.build_router(),  # only errors reach it: where it stands costs a message nothing
        fallback.build_router(),  # last: it answers whatever nobody else did
    )
    return magic_in_loop(root)
