"""What coaching says. HTML; every name a person chose is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from domain.athletes.model import Language, User
from domain.body.trend import BodyTrend
from domain.coaching.compliance import DigestLine
from domain.coaching.model import ThreadMessage, WeekLine
from domain.coaching.use_cases.clients import ClientCard, ClientLine
from domain.coaching.videos import ShownSet, TimedNote
from domain.outbox.model import TEXT_LIMIT
from domain.shared.weights import Weight, format_amount
from domain.training.model import Workout
from domain.training.progression import Proposal, ProposalDecision
from handlers.common.i18n import Catalogue, Translator
from handlers.common.texts import day_text


def name(user: User) -> str:
    return escape(user.first_name)


def invite_link(bot_username: str, payload: str) -> str:
    return f"https://t.me/{bot_username}?start={payload}"


def invite_anchor(bot_username: str, payload: str) -> str:
    """The link as a link (a text_link entity), readable as it is: the coach may copy it."""
    link = escape(invite_link(bot_username, payload))
    return f'<a href="{link}">{link}</a>'


def client_line(t: Translator, line: ClientLine, today: date) -> str:
    last = line.last_session
    return t.get(
        "coaching-client-line",
        attention="⚠️ " if line.attention.needed else "",
        name=name(line.client),
        done=line.done_this_week,
        planned=line.planned_per_week,
        last=day_text(t, last.astimezone(line.client.zone).date(), today)
        if last
        else t.get("coaching-never"),
    )


def _percent(t: Translator, share: float | None) -> str:
    if share is None:
        return t.get("coaching-no-compliance")
    return t.get("coaching-percent", percent=round(share * 100))


def card_text(t: Translator, card: ClientCard, exercise_names: dict[str, str], today: date) -> str:
    client = card.client
    since = card.coaching.started_at.astimezone(client.zone).date()
    lines = [
        f"<b>{name(client)}</b> · {t.get('coaching-since', date=day_text(t, since, today))}",
        t.get("coaching-plan", plan=escape(card.plan_name))
        if card.plan_name
        else t.get("coaching-no-plan"),
    ]
    if card.training_maxes:
        maxes = " · ".join(
            f"{escape(exercise_names.get(slug, slug))} {tm.weight}"
            for slug, tm in sorted(card.training_maxes.items())
        )
        lines.append(t.get("coaching-maxes", maxes=maxes))
    else:
        lines.append(t.get("coaching-no-maxes"))
    if card.body is not None:
        lines.append(body_line(t, card.body))
    week, month, quarter = (card.compliance[days] for days in (7, 30, 90))
    lines.append(
        t.get(
            "coaching-compliance",
            week=_percent(t, week),
            month=_percent(t, month),
            quarter=_percent(t, quarter),
        )
    )
    if card.nutrition is not None:
        lines.append(
            t.get(
                "nutrition-card-adherence",
                on_target=card.nutrition.on_target,
                logged=card.nutrition.logged,
                days=card.nutrition.days,
            )
        )
    if not card.recent:
        lines.append(t.get("coaching-no-workouts"))
        return "\n".join(lines)
    lines.append(t.get("coaching-recent"))
    lines.extend(
        t.get(
            "coaching-workout-line",
            date=day_text(t, workout.started_at.astimezone(client.zone).date(), today),
            number=workout.day_number,
            name=escape(workout.day_name),
            done=sum(1 for s in workout.sets if s.done is not None),
            total=len(workout.sets),
        )
        for workout in card.recent
    )
    return "\n".join(lines)


def body_line(t: Translator, trend: BodyTrend) -> str:
    """ "⚖️ 82.4 kg · −0.35 kg a week": the latest weigh-in, and the trend once it says one."""
    latest = format_amount(trend.latest.quantize(Decimal("0.1"), ROUND_HALF_UP))
    if trend.per_week is None:
        return t.get("coaching-body-weight", weight=latest, unit=str(trend.unit))
    rate = trend.per_week.quantize(Decimal("0.01"), ROUND_HALF_UP)
    sign = "+" if rate > 0 else "−" if rate < 0 else "±"
    return t.get(
        "coaching-body-weight-rate",
        weight=latest,
        unit=str(trend.unit),
        rate=f"{sign}{format_amount(abs(rate))}",
    )


def shown_set_text(t: Translator, shown: ShownSet | None) -> str:
    """ "Squat 120 kg × 1+ · day 2, Heavy": the set a clip shows, as prescribed (done, if so)."""
    if shown is None:
        return t.get("coaching-video-no-set")
    prescribed, done = shown.set.prescribed, shown.set.done
    wanted = f"{prescribed.reps}+" if prescribed.amrap else str(prescribed.reps)
    return t.get(
        "coaching-video-set" if done is None else "coaching-video-set-done",
        lift=escape(prescribed.display_name),
        prescribed=f"{prescribed.weight} × {wanted}",
        done="" if done is None else f"{done.weight} × {done.reps}",
        number=shown.day_number,
        day=escape(shown.day_name),
    )


def in_parts(rows: Sequence[str]) -> list[str]:
    """Lines as few messages as Telegram's limit allows: a coach with 200 clients gets a few."""
    parts: list[list[str]] = [[]]
    for row in rows:
        if parts[-1] and sum(len(r) + 1 for r in parts[-1]) + len(row) > TEXT_LIMIT:
            parts.append([])
        parts[-1].append(row[:TEXT_LIMIT])
    return ["\n".join(part) for part in parts]


def week_line(t: Translator, line: WeekLine) -> str:
    """ "3. Alex — 3/4 sessions · 2 records · TM ↑ 2": a client's week in one line."""
    summary = line.summary
    parts = [
        t.get(
            "coaching-weekly-sessions",
            done=summary.sessions_done,
            planned=summary.sessions_planned or 0,
        )
    ]
    if summary.records:
        parts.append(t.get("coaching-weekly-records", count=len(summary.records)))
    if summary.training_max_moves:
        parts.append(t.get("coaching-weekly-maxes", count=len(summary.training_max_moves)))
    return f"{line.number}. <b>{name(line.client)}</b> — {' · '.join(parts)}"


class CoachingWords:
    """The domain's CoachingWording, from the catalogue, in the recipient's language."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def _t(self, language: Language) -> Translator:
        return self._catalogue.translator(language)

    def client_joined(self, coach: User, client: User) -> str:
        return self._t(coach.language).get("coaching-client-joined", client=name(client))

    def coaching_ended(self, recipient: User, other: User, *, by_client: bool) -> str:
        key = "coaching-ended-by-client" if by_client else "coaching-ended-by-coach"
        return self._t(recipient.language).get(key, other=name(other))

    def plan_assigned(self, client: User, coach: User, plan_name: str) -> str:
        return self._t(client.language).get(
            "coaching-plan-assigned", coach=name(coach), plan=escape(plan_name)
        )

    def plan_edited(self, client: User, coach: User, plan_name: str) -> str:
        return self._t(client.language).get(
            "coaching-plan-edited", coach=name(coach), plan=escape(plan_name)
        )

    def maxes_set(self, client: User, coach: User, maxes: dict[str, Weight]) -> str:
        listed = " · ".join(f"{escape(slug)} {weight}" for slug, weight in sorted(maxes.items()))
        return self._t(client.language).get("coaching-maxes-set", coach=name(coach), maxes=listed)

    def workout_done(self, coach: User, client: User, workout: Workout) -> str:
        t = self._t(coach.language)
        done = [s for s in workout.sets if s.done is not None]
        finished = workout.finished_at or workout.started_at
        lines = [
            t.get(
                "coaching-report",
                client=name(client),
                number=workout.day_number,
                day=escape(workout.day_name),
                done=len(done),
                total=len(workout.sets),
                minutes=max(0, round((finished - workout.started_at).total_seconds() / 60)),
            )
        ]
        lines.extend(
            t.get(
                "coaching-report-amrap",
                name=escape(s.prescribed.display_name),
                done=f"{s.done.weight} × {s.done.reps}",
                prescribed=f"{s.prescribed.weight} × {s.prescribed.reps}+",
            )
            for s in done
            if s.prescribed.amrap and s.done is not None
        )
        skipped = sum(1 for s in workout.sets if s.skipped)
        if skipped:
            lines.append(t.get("coaching-report-skipped", count=skipped))
        lines.append(t.get("coaching-report-hint"))
        return "\n".join(lines)

    def relayed(self, recipient: User, sender: User, text: str, *, from_coach: bool) -> str:
        key = "coaching-relayed-from-coach" if from_coach else "coaching-relayed-from-client"
        return self._t(recipient.language).get(
            key, sender=name(sender), text=escape(text, quote=False)
        )

    def video_sent(self, coach: User, client: User, shown: ShownSet, *, again: bool) -> str:
        t = self._t(coach.language)
        key = "coaching-video-sent-again" if again else "coaching-video-sent"
        return t.get(key, client=name(client), set=shown_set_text(t, shown))

    def feedback(self, athlete: User, coach: User, shown: ShownSet | None, remarks: str) -> str:
        t = self._t(athlete.language)
        head = t.get("coaching-feedback", coach=name(coach), set=shown_set_text(t, shown))
        return f"{head}\n{escape(remarks, quote=False)}" if remarks else head

    def weekly_digest(self, coach: User, sunday: date, lines: Sequence[WeekLine]) -> list[str]:
        t = self._t(coach.language)
        title = t.get("coaching-weekly-title", week=day_text(t, sunday))
        rows = [week_line(t, line) for line in lines]
        return in_parts([title, *rows, t.get("coaching-weekly-hint")])

    def morning_digest(self, coach: User, lines: Sequence[DigestLine]) -> list[str]:
        t = self._t(coach.language)
        rows = [t.get("coaching-digest-title", count=len(lines))]
        for line in lines:
            reasons = []
            if line.attention.dropped:
                reasons.append(t.get("coaching-digest-dropped"))
            if line.attention.quiet:
                reasons.append(t.get("coaching-digest-quiet"))
            elif line.attention.missed:  # a quiet week says it already
                reasons.append(t.get("coaching-digest-missed"))
            if line.videos_waiting:
                reasons.append(t.get("coaching-digest-videos", count=line.videos_waiting))
            if line.unanswered_since is not None:
                reasons.append(t.get("coaching-digest-unanswered"))
            if line.low_readiness is not None:
                reasons.append(t.get("checkins-digest-low", score=line.low_readiness))
            rows.append(f"• <b>{name(line.client)}</b>: {', '.join(reasons)}")
        rows.append(t.get("coaching-digest-hint"))
        return in_parts(rows)

    def proposed(self, coach: User, client: User, proposal: Proposal) -> str:
        change = proposal.change
        return self._t(coach.language).get(
            "coaching-proposed",
            client=name(client),
            lift=escape(change.name),
            old=str(change.old),
            new=str(change.new),
        )

    def decided(
        self, client: User, coach: User, proposal: Proposal, decision: ProposalDecision
    ) -> str:
        change = proposal.change
        key = "coaching-kept" if decision == ProposalDecision.KEPT else "coaching-declined"
        return self._t(client.language).get(
            key,
            coach=name(coach),
            lift=escape(change.name),
            old=str(change.old),
            new=str(change.new),
        )

    def timed_note(self, athlete: User, note: TimedNote) -> str:
        return f"<b>{note.label}</b> {escape(note.text, quote=False)}"

    def revision_asked(self, athlete: User, coach: User, shown: ShownSet | None) -> str:
        t = self._t(athlete.language)
        return t.get("coaching-revision-asked", coach=name(coach), set=shown_set_text(t, shown))


def thread_text(t: Translator, client: User, messages: list[ThreadMessage]) -> str:
    """The thread, oldest first; the oldest lines go when it would not fit one message."""
    if not messages:
        return t.get("coaching-thread-empty", client=name(client))
    title = t.get("coaching-thread-title", client=name(client))
    lines = []
    for message in messages:
        at = message.sent_at.astimezone(client.zone)
        mine = message.sender_id != client.telegram_id
        what = escape(message.text, quote=False)
        if message.event is not None:
            lines.append(
                f"<i>{at:%d.%m %H:%M} {t.get(f'coaching-event-{message.event}', what=what)}</i>"
            )
            continue
        who = t.get("coaching-thread-you") if mine else name(client)
        lines.append(f"<i>{at:%d.%m %H:%M}</i> {who}: {what}")
    while lines and len(title) + sum(len(line) + 1 for line in lines) > TEXT_LIMIT:
        lines.pop(0)
    return "\n".join([title, *lines])
