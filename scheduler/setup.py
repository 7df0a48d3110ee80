"""The in-process APScheduler and its periodic jobs (deterministic ids, coalesced runs)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aiogram import Bot
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.billing.ports import BillingWording
from domain.body.ports import WeighInWording
from domain.bookings.ports import BookingWording
from domain.checkins.ports import CheckInWording
from domain.coaching.ports import CoachingWording
from domain.goals.ports import GoalWording
from domain.reminders.model import DEFAULT_GRACE
from domain.reminders.use_cases.sending import ReminderTexts
from domain.reminders.use_cases.summaries import SummaryRenderer
from domain.shared.ports import Clock
from domain.teams.ports import BoardWording, ClassWording, TrackWording
from scheduler.delivery.limits import FloodBudget
from scheduler.jobs.analytics import record_engagement
from scheduler.jobs.billing import grant_programs, send_billing_notices
from scheduler.jobs.body import send_weigh_in_reminders
from scheduler.jobs.bookings import send_booking_reminders
from scheduler.jobs.classes import send_class_reminders
from scheduler.jobs.coaching import (
    report_workouts,
    send_morning_digests,
    send_weekly_digests,
)
from scheduler.jobs.core import prune_update_ledger
from scheduler.jobs.goals import celebrate_goals, send_check_ins
from scheduler.jobs.outbox import OUTBOX_RETENTION, prune_outbox
from scheduler.jobs.reminders import send_reminders, send_weekly_summaries
from scheduler.jobs.tracks import post_wods
from scheduler.jobs.whiteboard import refresh_boards, summarise_boards
from storage.core.ledger import HandledUpdates

REMINDER_INTERVAL = timedelta(minutes=1)
REPORT_INTERVAL = timedelta(seconds=10)  # a coach hears of a workout within seconds


def build_scheduler(
    session_factory: async_sessionmaker[AsyncSession],
    handled: HandledUpdates,
    clock: Clock,
    *,
    outbox_retention: timedelta = OUTBOX_RETENTION,
    reminder_texts: ReminderTexts | None = None,
    summary_renderer: SummaryRenderer | None = None,
    reminder_interval: timedelta = REMINDER_INTERVAL,
    reminder_grace: timedelta = DEFAULT_GRACE,
    coaching_wording: CoachingWording | None = None,
    report_interval: timedelta = REPORT_INTERVAL,
    class_wording: ClassWording | None = None,
    wod_wording: TrackWording | None = None,
    weigh_in_wording: WeighInWording | None = None,
    goal_wording: GoalWording | None = None,
    check_in_wording: CheckInWording | None = None,
    billing_wording: BillingWording | None = None,
    booking_wording: BookingWording | None = None,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(
        timezone="UTC",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
    )

    def every(interval: timedelta, job: Any, job_id: str, *wording: object) -> None:
        """`job(session_factory, clock, *wording)` every `interval`. What a job sends or writes
        is due in the database, so a late run still runs (no misfire limit), and runs piled up
        while the loop was busy collapse into one."""
        scheduler.add_job(
            job,
            IntervalTrigger(seconds=interval.total_seconds()),
            id=job_id,
            args=[session_factory, clock, *wording],
            misfire_grace_time=None,
            replace_existing=True,
        )

    scheduler.add_job(
        prune_update_ledger,
        IntervalTrigger(hours=6),
        id="prune-update-ledger",
        args=[session_factory, handled, clock],
        replace_existing=True,
    )
    # A client's day is recorded once it ends on their clock (keyed by client, coach and day),
    # so a run every quarter hour catches each time zone's midnight, and a missed one the
    # next run makes up (the last week at most).
    every(timedelta(minutes=15), record_engagement, "record-engagement")
    # The outbox itself is drained by the sender's own loop (scheduler/delivery/sender.py), which
    # times each message to the millisecond; this job only forgets what is long finished.
    scheduler.add_job(
        prune_outbox,
        IntervalTrigger(hours=6),
        id="prune-outbox",
        args=[session_factory, clock, outbox_retention],
        replace_existing=True,
    )
    # Due times live in the database, so a late or skipped run loses nothing: the next one
    # sends what is still within the grace window.
    if reminder_texts is not None:
        every(reminder_interval, send_reminders, "send-reminders", reminder_texts, reminder_grace)
    if summary_renderer is not None:
        every(
            reminder_interval,
            send_weekly_summaries,
            "send-weekly-summaries",
            summary_renderer,
            reminder_grace,
        )
    # Reports are found by what the outbox lacks, so a late or missed run only delays them.
    if coaching_wording is not None:
        every(report_interval, report_workouts, "report-workouts", coaching_wording)
        # Each coach's digest is marked sent (that morning, that week), so a run every few
        # minutes sends each once; one missed while down is made up for some hours.
        for job, job_id in (
            (send_morning_digests, "morning-digests"),
            (send_weekly_digests, "weekly-digests"),
        ):
            every(timedelta(minutes=5), job, job_id, coaching_wording)
    # Each reminder has its outbox key, so a run every minute queues each once.
    if class_wording is not None:
        every(reminder_interval, send_class_reminders, "class-reminders", class_wording)
    # Each session reminder has its outbox key (booking and offset), so a run every minute
    # queues each once; one missed while down is sent late only if the session has not begun.
    if booking_wording is not None:
        every(reminder_interval, send_booking_reminders, "booking-reminders", booking_wording)
    # Each team's next post time is in the database and each post has its outbox key, so a
    # late or repeated run posts each day's workout once.
    if wod_wording is not None:
        every(reminder_interval, post_wods, "post-wods", wod_wording)
    # Each weigh-in reminder has its outbox key (athlete and ISO week), so a run every minute
    # queues each once, at the athlete's local Monday morning whatever the DST.
    if weigh_in_wording is not None:
        every(reminder_interval, send_weigh_in_reminders, "weigh-in-reminders", weigh_in_wording)
    # A goal reached is marked completed with its celebration's outbox key, and a week's
    # check-in is a row with its key: a run every minute sends each once.
    if goal_wording is not None:
        every(reminder_interval, celebrate_goals, "celebrate-goals", goal_wording)
    if check_in_wording is not None:
        every(reminder_interval, send_check_ins, "send-check-ins", check_in_wording)
    # Each notice has its outbox key and each program its granted mark, so runs every minute
    # send each once; a paid program is assigned within a report interval.
    if billing_wording is not None and coaching_wording is not None:
        every(reminder_interval, send_billing_notices, "billing-notices", billing_wording)
        every(report_interval, grant_programs, "billing-programs", coaching_wording)
    return scheduler


BOARD_INTERVAL = timedelta(seconds=15)  # one board edit a group per run: 4 of its 20 a minute


def add_whiteboard_jobs(
    scheduler: AsyncIOScheduler,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    wording: BoardWording,
    bot: Bot,
    *,
    interval: timedelta = BOARD_INTERVAL,
    summary_interval: timedelta = REMINDER_INTERVAL,
    flood: FloodBudget | None = None,
) -> None:
    """Boards are marked changed in the database and summaries once queued, so a late or
    repeated run shows each change and posts each summary once. The bot edits with no
    retries of its own: a refused edit waits for the next run."""
    scheduler.add_job(
        refresh_boards,
        IntervalTrigger(seconds=interval.total_seconds()),
        id="refresh-boards",
        args=[session_factory, clock, wording, bot, flood],
        misfire_grace_time=None,
        replace_existing=True,
    )
    scheduler.add_job(
        summarise_boards,
        IntervalTrigger(seconds=summary_interval.total_seconds()),
        id="summarise-boards",
        args=[session_factory, clock, wording],
        misfire_grace_time=None,
        replace_existing=True,
    )
