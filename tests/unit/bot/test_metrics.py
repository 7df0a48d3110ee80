import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import SendMessage

from bot.metrics import Counter, CountRetryAfter, Histogram, Metrics, render


def test_a_histogram_counts_into_cumulative_buckets_with_its_sum_and_count() -> None:
    histogram = Histogram("h_seconds", "How long.", (0.1, 1.0))
    for value in (0.05, 0.1, 0.5, 3.0):
        histogram.observe(value)

    assert render([histogram]).splitlines() == [
        "# HELP h_seconds How long.",
        "# TYPE h_seconds histogram",
        'h_seconds_bucket{le="0.1"} 2',  # a bound is "less than or equal"
        'h_seconds_bucket{le="1"} 3',
        'h_seconds_bucket{le="+Inf"} 4',
        "h_seconds_sum 3.65",
        "h_seconds_count 4",
    ]


def test_label_values_are_escaped_and_series_sorted() -> None:
    counter = Counter("c_total", "Things.", ("kind",))
    counter.inc(kind='b"\\\n')
    counter.inc(2, kind="a")

    assert render([counter]).splitlines()[2:] == [
        'c_total{kind="a"} 2',
        'c_total{kind="b\\"\\\\\\n"} 1',
    ]


def test_a_counter_refuses_to_go_down_or_take_unknown_labels() -> None:
    counter = Counter("c_total", "Things.", ("kind",))

    with pytest.raises(ValueError, match="only goes up"):
        counter.inc(-1, kind="a")
    with pytest.raises(ValueError, match="labels"):
        counter.inc(colour="red")


def test_every_update_outcome_is_exported_from_the_start_at_zero() -> None:
    text = Metrics().render()

    for outcome in ("handled", "unhandled", "failed"):
        assert f'spotter_updates_total{{outcome="{outcome}"}} 0' in text
    assert "spotter_telegram_429_total 0" in text
    assert "# TYPE spotter_outbox_due_messages gauge" in text


def test_a_limiter_wait_counts_once_with_its_seconds() -> None:
    metrics = Metrics()

    metrics.limiter_waited(0.25)
    metrics.limiter_waited(0.5)

    assert metrics.limiter_waits.value() == 2
    assert metrics.limiter_wait_seconds.value() == 0.75


async def test_each_429_a_bot_session_meets_is_counted_and_still_raised() -> None:
    metrics = Metrics()
    method = SendMessage(chat_id=1, text="hi")

    async def flood_limited(bot: Bot, call: SendMessage) -> None:
        raise TelegramRetryAfter(method=call, message="Too Many Requests", retry_after=3)

    with pytest.raises(TelegramRetryAfter):
        await CountRetryAfter(metrics)(flood_limited, Bot("1:x"), method)  # type: ignore[arg-type]

    assert metrics.retry_after.value() == 1
