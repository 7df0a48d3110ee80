"""A client's day of engagement on their own clock, and which days the job records."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from domain.analytics.engagement import day_to_rewrite, days_to_record, engagement_day
from domain.analytics.model import Activity, EngagementSubject

KOLKATA = ZoneInfo("Asia/Kolkata")  # UTC+5:30
SINCE = datetime(2026, 2, 20, tzinfo=UTC)
CLIENT = EngagementSubject(1, 2, KOLKATA, SINCE, "plan")
NOW = datetime(2026, 3, 2, 20, tzinfo=UTC)  # 01:30 on 3 March in Kolkata: 2 March has ended


def test_the_days_recorded_are_the_last_weeks_ended_ones():
    assert days_to_record(CLIENT, NOW) == [
        date(2026, 2, 24),
        date(2026, 2, 25),
        date(2026, 2, 26),
        date(2026, 2, 27),
        date(2026, 2, 28),
        date(2026, 3, 1),
        date(2026, 3, 2),
    ]


def test_the_days_after_the_last_recorded_are_recorded_and_none_when_yesterday_is():
    recorded = replace(CLIENT, last_recorded=date(2026, 2, 28))
    assert days_to_record(recorded, NOW) == [date(2026, 3, 1), date(2026, 3, 2)]
    assert days_to_record(replace(CLIENT, last_recorded=date(2026, 3, 2)), NOW) == []


def test_no_day_before_the_coaching_began_is_recorded():
    late = EngagementSubject(1, 2, KOLKATA, datetime(2026, 2, 27, 20, tzinfo=UTC), None)
    # 01:30 on 28 February in Kolkata
    assert days_to_record(late, NOW) == [
        date(2026, 2, 28),
        date(2026, 3, 1),
        date(2026, 3, 2),
    ]


def test_today_is_not_recorded_until_it_ends_on_the_clients_clock():
    before_midnight = datetime(2026, 3, 2, 18, 29, tzinfo=UTC)  # 23:59 on 2 March in Kolkata
    assert days_to_record(CLIENT, before_midnight)[-1] == date(2026, 3, 1)


def test_a_day_counts_what_happened_between_the_clients_midnights():
    activity = Activity(
        sets=(
            datetime(2026, 3, 1, 18, 0, tzinfo=UTC),  # 23:30 on 1 March: the day before
            datetime(2026, 3, 1, 18, 45, tzinfo=UTC),  # 00:15 on 2 March
            datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
            datetime(2026, 3, 2, 18, 30, tzinfo=UTC),  # midnight: 3 March
        ),
        workouts=(datetime(2026, 3, 2, 10, 30, tzinfo=UTC),),
        messages=(datetime(2026, 3, 2, 11, tzinfo=UTC), datetime(2026, 3, 2, 12, tzinfo=UTC)),
        videos=(datetime(2026, 3, 2, 10, 20, tzinfo=UTC),),
        check_ins=(datetime(2026, 2, 28, 9, tzinfo=UTC),),
        sessions=(
            datetime(2026, 2, 22, 12, tzinfo=UTC),  # more than 7 days before the day's end
            datetime(2026, 2, 27, 8, tzinfo=UTC),
            datetime(2026, 3, 2, 10, tzinfo=UTC),
        ),
    )
    day = engagement_day(CLIENT, 3, date(2026, 3, 2), activity)
    assert (day.sets_logged, day.workouts_finished, day.messages_to_coach) == (2, 1, 2)
    assert (day.videos_sent, day.check_ins_answered, day.conditioning_results) == (1, 0, 0)
    assert day.sessions_done == 1
    # two sessions in the 7 days to the day's end against three a week planned
    assert day.completion == 2 / 3
    assert day.last_activity == datetime(2026, 3, 2, 12, tzinfo=UTC)  # the last message
    assert day.last_session == datetime(2026, 3, 2, 10, tzinfo=UTC)
    earlier = engagement_day(CLIENT, 3, date(2026, 3, 1), activity)
    assert earlier.last_session == datetime(2026, 2, 27, 8, tzinfo=UTC)  # the day's end is 1 March


def test_a_days_last_session_may_be_one_looked_up_from_long_before():
    """No session in the week before: the job adds the last one before it (#16)."""
    long_ago = datetime(2026, 1, 5, 7, tzinfo=UTC)
    day = engagement_day(CLIENT, 3, date(2026, 3, 2), Activity(sessions=(long_ago,)))
    assert (day.sessions_done, day.last_session) == (0, long_ago)
    assert day.completion == 0.0


def test_a_quiet_day_keeps_the_last_activity_from_before_and_none_is_planned_without_a_plan():
    before = datetime(2026, 2, 10, 7, tzinfo=UTC)
    day = engagement_day(CLIENT, 0, date(2026, 3, 2), Activity(before=before))
    assert day.sets_logged == 0
    assert day.completion is None
    assert day.last_activity == before
    assert day.last_session is None


def test_a_run_that_records_new_days_writes_the_last_recorded_one_again():
    """A workout begun before 28 February's midnight and finished after its row was written
    counts there the next time days are written (#16)."""
    recorded = replace(CLIENT, last_recorded=date(2026, 2, 28))
    assert day_to_rewrite(recorded, days_to_record(recorded, NOW)) == date(2026, 2, 28)
    assert day_to_rewrite(recorded, []) is None  # a run that records nothing rewrites nothing
    assert day_to_rewrite(CLIENT, days_to_record(CLIENT, NOW)) is None  # nothing recorded yet
    gap = replace(CLIENT, last_recorded=date(2026, 2, 10))  # the week before was never written
    assert day_to_rewrite(gap, days_to_record(gap, NOW)) is None


def test_no_day_before_the_coaching_is_written_again():
    """The same coach again from 1 March: 28 February's row is the old coaching's."""
    again = EngagementSubject(
        1, 2, KOLKATA, datetime(2026, 2, 28, 20, tzinfo=UTC), None, date(2026, 2, 28)
    )
    assert days_to_record(again, NOW) == [date(2026, 3, 1), date(2026, 3, 2)]
    assert day_to_rewrite(again, days_to_record(again, NOW)) is None
