"""Compliance and attention on whole local days (#16), with values worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from domain.coaching.compliance import (
    SessionDays,
    attention,
    compliance,
    done_since,
    session_days,
    share,
    week_start,
)
from domain.coaching.model import (
    INVITE_PREFIX,
    START_PAYLOAD,
    Invite,
    RecordedDays,
    is_invite_payload,
    new_invite_payload,
    payload_hash,
)
from domain.shared.time import local_day

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)  # a Tuesday; the client lives in UTC
LONG_AGO = NOW - timedelta(days=365)
UTC_ZONE = ZoneInfo("UTC")


def days_ago(*days: float) -> list[datetime]:
    return [NOW - timedelta(days=d) for d in days]


def counted(
    sessions: list[datetime],
    *,
    since: datetime = LONG_AGO,
    now: datetime = NOW,
    zone: ZoneInfo = UTC_ZONE,
    recorded: RecordedDays | None = None,
    window: int = 90,
) -> SessionDays:
    """The counts the rules read, from recorded days and live sessions (all live by default)."""
    return session_days(recorded, sessions, zone=zone, now=now, since=since, window=window)


def test_three_of_four_planned_sessions_this_week_is_75_percent() -> None:
    # 24 to 30 March are the 7 ended days: 30, 28 and 26 March; 23 and 22 fall outside
    sessions = days_ago(1, 3, 5, 8, 9)

    assert compliance(counted(sessions), 4, 7) == 0.75


def test_thirty_days_plan_four_a_week_for_thirty_sevenths_of_a_week() -> None:
    sessions = days_ago(*range(1, 25, 2))  # 12 sessions; 4 × 30/7 = 17.14 planned

    assert compliance(counted(sessions), 4, 30) == pytest.approx(0.7)


def test_only_the_coached_days_count_and_more_than_planned_is_still_100_percent() -> None:
    since = NOW - timedelta(days=14)  # 17 to 30 March: 14 whole days, 8 planned
    eight = days_ago(*range(1, 9))
    nine = days_ago(*range(1, 10))

    assert compliance(counted(eight, since=since), 4, 30) == 1.0
    assert compliance(counted(days_ago(1, 2), since=since), 4, 30) == 0.25
    assert compliance(counted(nine, since=since), 4, 30) == 1.0


def test_nothing_planned_or_no_coached_day_ended_has_no_rate() -> None:
    assert compliance(counted(days_ago(1)), 0, 7) is None
    this_morning = NOW - timedelta(hours=11)  # 01:00 today
    assert compliance(counted([], since=this_morning), 4, 7) is None
    assert compliance(counted(days_ago(0.1), since=this_morning), 4, 30) is None
    # since yesterday afternoon: yesterday is a whole day of the plan, 4/7 of a session
    assert compliance(counted([], since=NOW - timedelta(hours=20)), 4, 7) == 0.0
    assert compliance(counted(days_ago(0.1), since=NOW - timedelta(hours=20)), 4, 7) == 1.0


def test_a_week_far_under_the_months_rate_needs_attention() -> None:
    # 30 days: 16 sessions of 17.14 (93%); the last 7 days: 2 of 4 (50%), 43 points under.
    month = days_ago(2, 5, *(8 + 1.5 * i for i in range(14)))
    assert len(month) == 16

    found = attention(counted(month), 4, now=NOW, since=LONG_AGO)

    assert found.dropped
    assert not found.quiet
    assert found.needed


def test_a_week_as_good_as_the_month_needs_nothing() -> None:
    steady = days_ago(*range(1, 30, 2))  # every other day, all month: 75% against 87.5%

    assert not attention(counted(steady), 4, now=NOW, since=LONG_AGO).needed


def test_seven_days_without_a_session_is_quiet_but_a_new_client_is_not() -> None:
    def quiet(sessions: list[datetime], since: datetime) -> bool:
        return attention(counted(sessions, since=since), 4, now=NOW, since=since).quiet

    assert quiet(days_ago(7, 9), LONG_AGO)
    assert not quiet(days_ago(6.5), LONG_AGO)
    assert not quiet([], NOW - timedelta(days=3))
    assert quiet([], NOW - timedelta(days=7))


def one_a_day(first: int, last: int) -> list[datetime]:
    """A session at 09:00 UTC on each of those days of March 2026."""
    return [datetime(2026, 3, day, 9, tzinfo=UTC) for day in range(first, last + 1)]


def test_one_session_in_the_last_week_against_twelve_in_the_month_has_dropped() -> None:
    """Three a week: 1 of 3 in 24 to 30 March (33%) against 12 of 90/7 in 1 to 30 March (93%),
    the week's one included: 60 points under (#16)."""
    sessions = [*one_a_day(1, 11), datetime(2026, 3, 27, 18, tzinfo=UTC)]
    days = counted(sessions)

    assert share(days, 3, 7) == Fraction(1, 3)
    assert share(days, 3, 30) == Fraction(12 * 7, 90)
    assert attention(days, 3, now=NOW, since=LONG_AGO).dropped


def test_a_coaching_three_days_old_counts_three_days_of_the_plan_in_both_windows() -> None:
    """Since Saturday 09:00: 28, 29 and 30 March ended, 9/7 sessions planned; one done is 7/9
    in the week and in the month alike, so nothing dropped (#16)."""
    since = datetime(2026, 3, 28, 9, tzinfo=UTC)
    days = counted([datetime(2026, 3, 29, 8, tzinfo=UTC)], since=since)

    assert share(days, 3, 7) == share(days, 3, 30) == Fraction(7, 9)
    assert not attention(days, 3, now=NOW, since=since).dropped


def test_a_coaching_started_today_has_no_rate_and_nothing_dropped() -> None:
    since = datetime(2026, 3, 31, 8, tzinfo=UTC)
    days = counted([datetime(2026, 3, 31, 9, tzinfo=UTC)], since=since)

    assert share(days, 3, 7) is None
    assert share(days, 3, 30) is None
    assert not attention(days, 3, now=NOW, since=since).dropped


def test_a_session_this_morning_clears_dropped_at_once() -> None:
    """Three a week: 2 of 3 in the last week (67%) against 12 of 90/7 (93%) is dropped; a
    session at 08:00 today makes the week 3 of 3 and the month capped at 100% (#16)."""
    before = [*one_a_day(1, 10), *one_a_day(26, 27)]
    this_morning = datetime(2026, 3, 31, 8, tzinfo=UTC)

    assert attention(counted(before), 3, now=NOW, since=LONG_AGO).dropped
    after = counted([*before, this_morning])
    assert share(after, 3, 7) == share(after, 3, 30) == 1
    assert not attention(after, 3, now=NOW, since=LONG_AGO).dropped


def test_the_share_holds_all_day_until_a_session_is_done() -> None:
    """Whole days: at 00:05 and at 23:55 the plan counts the same 7 ended days (#16)."""
    sessions = days_ago(2, 4)
    early, late = datetime(2026, 3, 31, 0, 5, tzinfo=UTC), datetime(2026, 3, 31, 23, 55, tzinfo=UTC)

    assert share(counted(sessions, now=early), 3, 7) == Fraction(2, 3)
    assert share(counted(sessions, now=late), 3, 7) == Fraction(2, 3)


def test_exactly_twenty_points_under_is_dropped() -> None:
    """Five a week since 17 March: 6 of 10 in the 14 days (60%), 2 of 5 in the last 7 (40%)."""
    since = datetime(2026, 3, 17, 6, tzinfo=UTC)
    days = counted([*one_a_day(17, 20), *one_a_day(25, 26)], since=since)

    assert (share(days, 5, 7), share(days, 5, 30)) == (Fraction(2, 5), Fraction(3, 5))
    assert attention(days, 5, now=NOW, since=since).dropped


def test_recorded_days_count_as_their_rows_say_and_live_sessions_after_them() -> None:
    """The month's rows for 1 to 29 March: day 29's row says 2 (a session the live read no
    longer sees), so the week is 24 to 29 from rows and 30 and today live (#16)."""
    rows = RecordedDays({date(2026, 3, day): 2 if day == 29 else 0 for day in range(1, 30)}, None)
    live = [datetime(2026, 3, 29, 9, tzinfo=UTC), *days_ago(1, 0.1)]  # 29 (row counts), 30, 31

    days = counted(live, recorded=rows, window=30)

    assert done_since(days, date(2026, 3, 24)) == 4
    assert days.last == NOW - timedelta(days=0.1)


def test_a_gap_in_the_rows_is_read_live_from_the_first_missing_day() -> None:
    """The month's rows for 1 to 20 and 22 to 30 March, none for 21: from 21 March on the live
    read counts, whatever later rows say (#16)."""
    rows = RecordedDays(
        {date(2026, 3, day): 1 for day in (*range(1, 21), *range(22, 31))},
        datetime(2026, 3, 30, 9, tzinfo=UTC),
    )
    live = one_a_day(21, 22)  # the rows' 23 to 30 March never happened, as far as live knows

    days = counted(live, recorded=rows, window=30)

    assert done_since(days, date(2026, 3, 1)) == 20 + 2
    assert days.last == datetime(2026, 3, 30, 9, tzinfo=UTC)  # the newest row still says when


def test_rows_that_do_not_reach_back_to_the_windows_first_day_are_not_read() -> None:
    """No row for 1 March, the month's first day (analytics newer than the month): the whole
    month is read live, and the rows' counts are not added to it (#16)."""
    rows = RecordedDays({date(2026, 3, day): 1 for day in range(2, 31)}, None)

    days = counted(one_a_day(1, 3), recorded=rows, window=30)

    assert done_since(days, date(2026, 3, 1)) == 3


def test_the_last_session_falls_back_to_the_rows_when_nothing_is_live() -> None:
    rows = RecordedDays({date(2026, 3, 30): 0}, datetime(2026, 2, 1, 9, tzinfo=UTC))

    assert counted([], recorded=rows).last == datetime(2026, 2, 1, 9, tzinfo=UTC)
    assert counted([], recorded=RecordedDays({date(2026, 3, 30): 0}, None)).last is None


KOLKATA = ZoneInfo("Asia/Kolkata")  # UTC+5:30
LOS_ANGELES = ZoneInfo("America/Los_Angeles")  # PDT (UTC-7) from 8 March, PST (UTC-8) from 1 Nov


@pytest.mark.parametrize(
    ("zone", "sunday_night", "monday_morning", "wednesday"),
    [
        (  # 23:50 Sunday and 00:10 Monday in Kolkata are both Sunday in UTC
            KOLKATA,
            datetime(2026, 3, 8, 18, 20, tzinfo=UTC),
            datetime(2026, 3, 8, 18, 40, tzinfo=UTC),
            datetime(2026, 3, 11, 12, tzinfo=UTC),
        ),
        (  # the Monday after spring forward starts at 07:00 UTC, not 08:00
            LOS_ANGELES,
            datetime(2026, 3, 9, 6, 30, tzinfo=UTC),
            datetime(2026, 3, 9, 7, 30, tzinfo=UTC),
            datetime(2026, 3, 11, 20, tzinfo=UTC),
        ),
        (  # the Monday after fall back starts at 08:00 UTC, not 07:00
            LOS_ANGELES,
            datetime(2026, 11, 2, 7, 30, tzinfo=UTC),
            datetime(2026, 11, 2, 8, 30, tzinfo=UTC),
            datetime(2026, 11, 4, 20, tzinfo=UTC),
        ),
    ],
)
def test_this_week_starts_at_the_clients_monday_midnight(
    zone: ZoneInfo, sunday_night: datetime, monday_morning: datetime, wednesday: datetime
) -> None:
    days = counted([sunday_night, monday_morning], now=wednesday, zone=zone)

    assert local_day(sunday_night, zone).weekday() == 6
    assert local_day(monday_morning, zone).weekday() == 0
    assert done_since(days, week_start(days.today)) == 1
    assert done_since(days, week_start(days.today) - timedelta(days=7)) == 2


def test_the_week_starts_on_monday() -> None:
    assert week_start(date(2026, 3, 8)) == date(2026, 3, 2)  # a Sunday
    assert week_start(date(2026, 3, 2)) == date(2026, 3, 2)


def test_an_invite_payload_fits_a_deep_link_and_carries_192_random_bits() -> None:
    payloads = {new_invite_payload() for _ in range(200)}

    assert len(payloads) == 200
    for payload in payloads:
        assert START_PAYLOAD.fullmatch(payload)
        assert len(payload) == len(INVITE_PREFIX) + 32  # 24 bytes in URL-safe base64
        assert is_invite_payload(payload)
        assert payload_hash(payload) != payload
        assert len(payload_hash(payload)) == 64
    assert not is_invite_payload("group")
    assert not is_invite_payload("c" * 65)
    assert not is_invite_payload("c<script>")


def test_an_invite_is_usable_until_it_is_spent_expired_or_revoked() -> None:
    fresh = Invite(1, 7, "h", NOW, NOW + timedelta(days=7))

    assert fresh.usable(NOW)
    assert not fresh.usable(NOW + timedelta(days=7))
    assert not Invite(1, 7, "h", NOW, NOW + timedelta(days=7), uses=1).usable(NOW)
    assert Invite(1, 7, "h", NOW, NOW + timedelta(days=7), multi_use=True, uses=5).usable(NOW)
    assert not Invite(1, 7, "h", NOW, NOW + timedelta(days=7), revoked_at=NOW).usable(NOW)


@pytest.mark.parametrize(
    ("planned", "days_since", "missed"),
    [
        (4, 3.4, False),  # four a week: one every 1.75 days, two missed after 3.5
        (4, 3.6, True),
        (3, 4.6, False),  # three a week: two missed after 4⅔ days
        (3, 4.7, True),
        (2, 6.9, False),
        (0, 30, False),  # nothing planned: nothing missed
    ],
)
def test_two_planned_sessions_missed_in_a_row_need_a_look(
    planned: int, days_since: float, missed: bool
) -> None:
    [last] = days_ago(days_since)

    shown = attention(counted([last]), planned, now=NOW, since=LONG_AGO)

    assert shown.missed is missed
    assert shown.needed is (missed or shown.dropped or shown.quiet)


def test_a_new_client_has_missed_nothing_before_the_coaching_began() -> None:
    since = NOW - timedelta(days=2)
    later = NOW + timedelta(days=2)

    assert not attention(counted(days_ago(20), since=since), 4, now=NOW, since=since).missed
    assert attention(
        counted(days_ago(20), since=since, now=later), 4, now=later, since=since
    ).missed
