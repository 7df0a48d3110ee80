"""Reminders, missed-session follow-ups and the weekly summary: when each is due, and sending it.

The database is the source of truth: each athlete has one row (`Reminder`) holding their choices
and the next moment each kind of message is due, in UTC, worked out in their time zone. A
periodic job asks which rows are due, and for each, in one transaction, queues what is still
worth saying in the outbox (under a key per logical message) and moves the due time on. So a
job that runs twice, or a process killed halfway, never says anything twice.

Rules (ours):
- Local times that do not exist (the spring-forward gap) move forward by the gap's length:
  02:30 on Berlin's 29 March 2026 is 03:30 CEST. Local times that happen twice (the fall-back
  hour) mean the first of the two: 02:30 on Berlin's 25 October 2026 is 02:30 CEST. That is
  what PEP 495's fold=0 gives, and a reminder then fires once, never twice or not at all.
- A reminder is due at its time on each chosen weekday. A reminder time never lies in quiet
  hours (the card refuses such a pair), so reminders are not moved; everything else Spotter
  says unasked (the follow-up, the nudge, the summary) waits for quiet hours to end.
- No reminder on a day the athlete already trained (logged a set that local day, whenever
  the workout was opened).
- A chosen day with no workout is missed. The next morning (09:00, or when quiet hours end)
  brings one gentle follow-up; when it is the second or later missed day in a row, one weekly
  nudge instead (once per ISO week, however many more are missed). Days before reminders were
  switched on are never counted.
- After downtime, what fell due within the grace window (2 hours by default) is sent; anything
  older is dropped with a log line, and the due time moves to the next occurrence. What was
  queued but not yet sent expires at the end of the same window (the sender cancels it).
  Nothing is caught up in quiet hours: what would be, is dropped with a log line.
- The weekly summary is due on Sunday at 19:00; it covers the ISO week of that Sunday, and says
  nothing to an athlete with no plan who trained none that week.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from domain.outbox.model import OutgoingMessage
from domain.progress.series import SummariseWeek, WeeklySummary
from domain.reminders.model import (
    BATCH,
    DEFAULT_GRACE,
    FOLLOW_UP_AT,
    STREAK_LOOKBACK,
    SUMMARY_AT,
    SUMMARY_WEEKDAY,
    WEEK,
    QuietHours,
    Reminder,
)

if TYPE_CHECKING:
    from domain.athletes.model import Language
    from domain.plans.model import PlanDay
    from domain.reminders.ports import RemindersUnitOfWork
    from domain.shared.ports import Clock

logger = logging.getLogger(__name__)

# --- when: pure functions of the choices, a time zone and a moment -------------------------


def occurrence(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC moment a local wall-clock time happens on a day (see the module's DST rules)."""
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def next_reminder(
    days: Iterable[int], at: time, zone: ZoneInfo, after: datetime
) -> datetime | None:
    """The first reminder strictly after `after`; None when no day is chosen."""
    chosen = frozenset(days)
    first = after.astimezone(zone).date() - timedelta(days=1)  # a DST shift can cross midnight
    for offset in range(WEEK + 2):
        day = first + timedelta(days=offset)
        if day.weekday() in chosen:
            moment = occurrence(day, at, zone)
            if moment > after:
                return moment
    return None


def in_quiet(moment: datetime, zone: ZoneInfo, quiet: QuietHours | None) -> bool:
    return quiet is not None and moment.astimezone(zone).time() in quiet


def outside_quiet(moment: datetime, zone: ZoneInfo, quiet: QuietHours | None) -> datetime:
    """`moment`, or the end of the quiet hours it falls in."""
    local = moment.astimezone(zone)
    if quiet is None or local.time() not in quiet:
        return moment
    day = local.date()
    if quiet.start > quiet.end and local.time() >= quiet.start:
        day += timedelta(days=1)  # in the evening part of a span that ends tomorrow morning
    return max(occurrence(day, quiet.end, zone), moment)


def follow_up_for(day: date, zone: ZoneInfo, quiet: QuietHours | None) -> datetime:
    """When the follow-up of a chosen day is due: the next morning, after quiet hours."""
    return outside_quiet(occurrence(day + timedelta(days=1), FOLLOW_UP_AT, zone), zone, quiet)


def next_check(reminder: Reminder, zone: ZoneInfo, after: datetime) -> tuple[date, datetime] | None:
    """The next chosen day whose follow-up is due after `after`, and when it is due.

    Only days whose reminder time came after reminders were switched on are checked.
    """
    first = after.astimezone(zone).date() - timedelta(days=3)
    for offset in range(WEEK + 4):
        day = first + timedelta(days=offset)
        if day.weekday() not in reminder.days:
            continue
        if reminder.since is not None and occurrence(day, reminder.at, zone) < reminder.since:
            continue
        due = follow_up_for(day, zone, reminder.quiet)
        if due > after:
            return day, due
    return None


def summary_sunday(due: datetime, zone: ZoneInfo) -> date:
    """The Sunday whose week a summary due at `due` covers (quiet hours only ever delay it)."""
    day = due.astimezone(zone).date()
    return day - timedelta(days=(day.weekday() - SUMMARY_WEEKDAY) % WEEK)


def next_summary(zone: ZoneInfo, quiet: QuietHours | None, after: datetime) -> datetime:
    """The first weekly summary due strictly after `after`."""
    sunday = summary_sunday(after, zone) - timedelta(weeks=1)
    while True:
        due = outside_quiet(occurrence(sunday, SUMMARY_AT, zone), zone, quiet)
        if due > after:
            return due
        sunday += timedelta(weeks=1)


def scheduled(reminder: Reminder, time_zone: str, now: datetime) -> Reminder:
    """The reminder with every due time worked out afresh, from `now`, in `time_zone`."""
    zone = ZoneInfo(time_zone)
    on = reminder.enabled and bool(reminder.days)
    check = next_check(reminder, zone, now) if on else None
    return replace(
        reminder,
        time_zone=time_zone,
        next_due=next_reminder(reminder.days, reminder.at, zone, now) if on else None,
        check_day=check[0] if check else None,
        check_due=check[1] if check else None,
        summary_due=next_summary(zone, reminder.quiet, now) if reminder.weekly_summary else None,
    )


def missed_in_a_row(day: date, reminder: Reminder, zone: ZoneInfo, trained: Iterable[date]) -> int:
    """Chosen days up to `day` since the athlete last trained (or switched reminders on)."""
    last = max((d for d in trained if d <= day), default=None)
    count = 0
    current = day
    horizon = day - timedelta(days=STREAK_LOOKBACK.days)
    while current > horizon and (last is None or current > last):
        counted = reminder.since is None or occurrence(current, reminder.at, zone) >= reminder.since
        if current.weekday() in reminder.days and counted:
            count += 1
        current -= timedelta(days=1)
    return count


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# --- what the athlete types on the card ------------------------------------------------------


class TimeProblem(StrEnum):
    UNREADABLE = "unreadable"
    HOUR = "hour"  # no such hour
    MINUTE = "minute"  # no such minute
    HALF_DAY = "half_day"  # 13pm: a 24-hour clock hour with am/pm


class TimeEntryError(ValueError):
    def __init__(self, problem: TimeProblem, text: str) -> None:
        super().__init__(problem.value, text)
        self.problem = problem
        self.text = text


class QuietHoursError(ValueError):
    """The text names no span, or one that starts when it ends."""

    def __init__(self, text: str, problem: TimeProblem | None = None) -> None:
        super().__init__(text, problem)
        self.text = text
        self.problem = problem  # None: the span itself is wrong, not one of its times


_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d+))?\s*(?:(?P<half>[ap])\.?(?:m\.?)?)?",
    re.IGNORECASE,
)
QUIET_OFF = frozenset({"off", "none", "no", "-"})
MAX_ENTRY = 40


def parse_time(text: str) -> time:
    """ "18:00", "18.30", "7:30" (a 24-hour clock), "6pm", "6:30 pm", "12am" (midnight)."""
    cleaned = text.strip()
    found = _TIME.fullmatch(cleaned) if len(cleaned) <= MAX_ENTRY else None
    if found is None:
        raise TimeEntryError(TimeProblem.UNREADABLE, text)
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    if found["minute"] is not None and len(found["minute"]) != 2:
        raise TimeEntryError(TimeProblem.UNREADABLE, text)
    if minute > 59:
        raise TimeEntryError(TimeProblem.MINUTE, text)
    half = (found["half"] or "").lower()
    if half:
        if hour == 0 or hour > 12:
            raise TimeEntryError(TimeProblem.HALF_DAY if hour > 12 else TimeProblem.HOUR, text)
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23:
        raise TimeEntryError(TimeProblem.HOUR, text)
    return time(hour, minute)


def parse_quiet_hours(text: str) -> QuietHours | None:
    """ "22-7", "22:30–06:00", "10pm-7am"; "off" for none."""
    cleaned = text.strip()
    if cleaned.casefold() in QUIET_OFF:
        return None
    parts = (
        re.split(r"\s*(?:-|–|—|to)\s*", cleaned, maxsplit=1) if len(cleaned) <= MAX_ENTRY else []
    )
    if len(parts) != 2 or not all(parts):
        raise QuietHoursError(text)
    try:
        start, end = parse_time(parts[0]), parse_time(parts[1])
    except TimeEntryError as error:
        raise QuietHoursError(text, error.problem) from error
    if start == end:
        raise QuietHoursError(text)
    return QuietHours(start, end)


# --- changing the choices --------------------------------------------------------------------


class QuietConflictError(ValueError):
    """The reminder time would fall in the quiet hours."""

    def __init__(self, at: time, quiet: QuietHours) -> None:
        super().__init__(at, quiet)
        self.at = at
        self.quiet = quiet


@dataclass(frozen=True, slots=True)
class ToggleDay:
    weekday: int


@dataclass(frozen=True, slots=True)
class SetTime:
    at: time


@dataclass(frozen=True, slots=True)
class SetQuietHours:
    quiet: QuietHours | None


@dataclass(frozen=True, slots=True)
class SwitchReminders:
    pass


@dataclass(frozen=True, slots=True)
class SwitchWeeklySummary:
    pass


Change = ToggleDay | SetTime | SetQuietHours | SwitchReminders | SwitchWeeklySummary


def changed(reminder: Reminder, change: Change, now: datetime) -> Reminder:
    """The choices after one change; QuietConflictError if the time would fall in quiet hours."""
    match change:
        case ToggleDay(weekday):
            if weekday not in range(WEEK):
                raise ValueError(f"no weekday {weekday}")
            return replace(reminder, days=reminder.days ^ {weekday})
        case SetTime(at):
            if reminder.quiet is not None and at in reminder.quiet:
                raise QuietConflictError(at, reminder.quiet)
            return replace(reminder, at=at)
        case SetQuietHours(quiet):
            if quiet is not None and reminder.at in quiet:
                raise QuietConflictError(reminder.at, quiet)
            return replace(reminder, quiet=quiet)
        case SwitchReminders():
            on = not reminder.enabled
            return replace(reminder, enabled=on, since=now if on else reminder.since)
        case SwitchWeeklySummary():
            return replace(reminder, weekly_summary=not reminder.weekly_summary)


@dataclass(frozen=True, slots=True)
class ReminderCard:
    reminder: Reminder
    time_zone: str


class ShowReminders:
    """The athlete's reminder choices (the defaults until they change one)."""

    def __init__(self, uow: RemindersUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, athlete_id: int) -> ReminderCard | None:
        async with self._uow:
            user = await self._uow.users.get(athlete_id)
            if user is None:
                return None
            found = await self._uow.reminders.get(athlete_id)
            return ReminderCard(found or Reminder(athlete_id), user.time_zone)


class ChangeReminders:
    """Applies one change and works the due times out again; bad input changes nothing."""

    def __init__(self, uow: RemindersUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, athlete_id: int, change: Change) -> ReminderCard:
        async with self._uow:
            user = await self._uow.users.get(athlete_id)
            if user is None:
                raise LookupError(athlete_id)
            now = self._clock.now()
            before = await self._uow.reminders.get(athlete_id, lock=True)
            after = scheduled(
                changed(before or Reminder(athlete_id), change, now), user.time_zone, now
            )
            await self._uow.reminders.save(after)
            await self._uow.commit()
            return ReminderCard(after, user.time_zone)


# --- sending -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Wording:
    """A message as the athlete reads it: HTML text and, maybe, the Bot API's inline keyboard."""

    text: str
    reply_markup: Mapping[str, Any] | None = None


class ReminderTexts(Protocol):
    """The words of reminders in the recipient's language (implemented outside the domain)."""

    def reminder(self, language: Language, day: PlanDay | None) -> Wording: ...

    def missed(self, language: Language, day: PlanDay | None) -> Wording: ...

    def nudge(self, language: Language, missed: int, day: PlanDay | None) -> Wording: ...


@dataclass
class ReminderRun:
    """What one run of the job did, for its log line and for tests."""

    scheduled: int = 0  # rows created or worked out again
    queued: list[str] = field(default_factory=list)  # outbox keys added
    dropped: int = 0  # due longer ago than the grace window
    skipped: int = 0  # trained already, or already queued


@dataclass
class _Moment:
    """One athlete's run: their zone and language, the time, the days they trained, what to send."""

    zone: ZoneInfo
    language: Language
    now: datetime
    trained: set[date]
    run: ReminderRun
    messages: list[OutgoingMessage] = field(default_factory=list)


class SendReminders:
    """Queues the reminders and follow-ups that are due; moves each due time on, once."""

    def __init__(
        self,
        uow: RemindersUnitOfWork,
        clock: Clock,
        texts: ReminderTexts,
        grace: timedelta = DEFAULT_GRACE,
        batch: int = BATCH,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._texts = texts
        self._grace = grace
        self._batch = batch

    async def __call__(self) -> ReminderRun:
        run = ReminderRun()
        async with self._uow:
            now = self._clock.now()
            new = await self._uow.reminders.without_reminder(self._batch)
            due = await self._uow.reminders.due(now, self._batch)
        for athlete_id in (*new, *due):
            try:
                await self._one(athlete_id, run)
            except Exception:
                logger.exception(
                    "reminders of athlete %d failed; retried on the next run", athlete_id
                )
        return run

    async def _one(self, athlete_id: int, run: ReminderRun) -> None:
        async with self._uow:
            user = await self._uow.users.get(athlete_id)
            if user is None:
                return
            now = self._clock.now()
            reminder = await self._uow.reminders.get(athlete_id, lock=True)
            if reminder is None or reminder.time_zone != user.time_zone:
                # new, or the athlete moved: nothing from the old zone's clock is sent
                fresh = scheduled(reminder or Reminder(athlete_id, since=now), user.time_zone, now)
                await self._uow.reminders.save(fresh)
                await self._uow.commit()
                run.scheduled += 1
                return
            zone = user.zone
            trained = {
                moment.astimezone(zone).date()
                for moment in await self._uow.reminders.sets_logged(
                    athlete_id, now - STREAK_LOOKBACK - timedelta(days=WEEK)
                )
            }
            at = _Moment(zone, user.language, now, trained, run)
            reminder = await self._checks(await self._reminders(reminder, at), at)
            quiet = in_quiet(now, zone, reminder.quiet)  # due times never are: this is a catch-up
            for message in at.messages:
                if quiet:
                    logger.info("dropped %s (caught up in the athlete's quiet hours)", message.key)
                    run.dropped += 1
                elif await self._uow.outbox.add(message):
                    run.queued.append(message.key)
                else:
                    run.skipped += 1
            await self._uow.reminders.save(reminder)
            await self._uow.commit()

    async def _reminders(self, reminder: Reminder, at: _Moment) -> Reminder:
        zone, now, run = at.zone, at.now, at.run
        due = reminder.next_due
        while due is not None and due <= now:
            day = due.astimezone(zone).date()
            if now - due > self._grace:
                logger.info(
                    "dropped the reminder of athlete %d due %s (%s ago, past the grace window)",
                    reminder.athlete_id,
                    due.isoformat(),
                    now - due,
                )
                run.dropped += 1
                after = max(due, now - self._grace)
            else:
                if day in at.trained:
                    run.skipped += 1
                else:
                    wording = self._texts.reminder(
                        at.language, await self._plan_day(reminder.athlete_id)
                    )
                    key = f"reminder:{reminder.athlete_id}:{day.isoformat()}"
                    at.messages.append(self._message(key, reminder.athlete_id, due, now, wording))
                after = due
            due = next_reminder(reminder.days, reminder.at, zone, after)
        return replace(reminder, next_due=due)

    async def _checks(self, reminder: Reminder, at: _Moment) -> Reminder:
        zone, now, run = at.zone, at.now, at.run
        day, due = reminder.check_day, reminder.check_due
        while day is not None and due is not None and due <= now:
            if now - due > self._grace:
                logger.info(
                    "dropped the follow-up of athlete %d for %s (due %s ago)",
                    reminder.athlete_id,
                    day.isoformat(),
                    now - due,
                )
                run.dropped += 1
                after = max(due, now - self._grace)
            else:
                if day not in at.trained:
                    at.messages.append(await self._follow_up(reminder, day, due, at))
                after = due
            check = next_check(reminder, zone, after)
            day, due = check if check else (None, None)
        return replace(reminder, check_day=day, check_due=due)

    async def _follow_up(
        self, reminder: Reminder, day: date, due: datetime, at: _Moment
    ) -> OutgoingMessage:
        zone, now = at.zone, at.now
        missed = missed_in_a_row(day, reminder, zone, at.trained)
        plan_day = await self._plan_day(reminder.athlete_id)
        if missed <= 1:
            key = f"missed:{reminder.athlete_id}:{day.isoformat()}"
            wording = self._texts.missed(at.language, plan_day)
        else:
            key = f"nudge:{reminder.athlete_id}:{iso_week(now.astimezone(zone).date())}"
            wording = self._texts.nudge(at.language, missed, plan_day)
        return self._message(key, reminder.athlete_id, due, now, wording)

    async def _plan_day(self, athlete_id: int) -> PlanDay | None:
        active = await self._uow.athlete_plans.active(athlete_id)
        plan = await self._uow.plans.get(active.plan_slug) if active else None
        if active is None or plan is None:
            return None
        return next((d for d in plan.days if d.number == active.next_day), plan.days[0])

    def _message(
        self, key: str, chat_id: int, due: datetime, now: datetime, wording: Wording
    ) -> OutgoingMessage:
        """Sent now, or not at all once the grace window after its due time has passed."""
        return OutgoingMessage(
            key,
            chat_id,
            now,
            text=wording.text,
            reply_markup=wording.reply_markup,
            expires_at=due + self._grace,
        )


@dataclass(frozen=True, slots=True)
class SummaryMessage:
    caption: str  # HTML
    photo: bytes | None = None


class SummaryRenderer(Protocol):
    """Turns a summary into what is sent, in the athlete's language (a chart drawn off the loop)."""

    async def __call__(
        self, athlete_id: int, language: Language, summary: WeeklySummary, at: datetime
    ) -> SummaryMessage: ...


@dataclass(frozen=True, slots=True)
class FixedTime:
    """A clock stopped at one moment: a use case asked about then, not now."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment


def worth_sending(summary: WeeklySummary) -> bool:
    return summary.sessions_done > 0 or summary.sessions_planned is not None


class SendWeeklySummaries:
    """Queues each due weekly summary; the chart is drawn outside any transaction."""

    def __init__(
        self,
        uow: RemindersUnitOfWork,
        clock: Clock,
        render: SummaryRenderer,
        grace: timedelta = DEFAULT_GRACE,
        batch: int = BATCH,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._render = render
        self._grace = grace
        self._batch = batch

    async def __call__(self) -> list[str]:
        """The outbox keys queued."""
        async with self._uow:
            due = await self._uow.reminders.summaries_due(self._clock.now(), self._batch)
        queued: list[str] = []
        for athlete_id in due:
            try:
                key = await self._one(athlete_id)
            except Exception:
                logger.exception(
                    "the summary of athlete %d failed; retried on the next run", athlete_id
                )
                continue
            if key is not None:
                queued.append(key)
        return queued

    async def _one(self, athlete_id: int) -> str | None:
        async with self._uow:
            reminder = await self._uow.reminders.get(athlete_id)
            user = await self._uow.users.get(athlete_id)
        if reminder is None or user is None or reminder.time_zone != user.time_zone:
            return None  # the reminders job works a moved athlete's times out again first
        due = reminder.summary_due
        now = self._clock.now()
        if due is None or due > now:
            return None
        zone = user.zone
        message: OutgoingMessage | None = None
        if now - due > self._grace:
            logger.info(
                "dropped the weekly summary of athlete %d due %s (%s ago)",
                athlete_id,
                due,
                now - due,
            )
        elif in_quiet(now, zone, reminder.quiet):
            logger.info(
                "dropped the weekly summary of athlete %d due %s (caught up in quiet hours)",
                athlete_id,
                due,
            )
        else:
            sunday = summary_sunday(due, zone)
            week_ends = FixedTime(occurrence(sunday, SUMMARY_AT, zone))
            summary = await SummariseWeek(self._uow, week_ends)(athlete_id)
            if worth_sending(summary):
                shown = await self._render(athlete_id, user.language, summary, week_ends.moment)
                message = OutgoingMessage(
                    f"summary:{athlete_id}:{iso_week(sunday)}",
                    athlete_id,
                    now,
                    text=shown.caption,
                    photo=shown.photo,
                    expires_at=due + self._grace,
                )
        async with self._uow:
            current = await self._uow.reminders.get(athlete_id, lock=True)
            if current is None or current.summary_due != due:
                return None  # changed meanwhile (switched off, or another run got there)
            added = message is not None and await self._uow.outbox.add(message)
            after = max(due, now - self._grace)
            await self._uow.reminders.save(
                replace(current, summary_due=next_summary(zone, current.quiet, after))
            )
            await self._uow.commit()
        return message.key if added and message is not None else None
