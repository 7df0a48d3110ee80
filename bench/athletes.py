"""What a simulated athlete does through the emulator: onboard, open the day, log sets with "+"."""

from __future__ import annotations

import re
import time

from emulator import MessageView, UserDriver

SETS_PER_DAY = 17  # 9 T1 + 8 T2 sets on every nSuns 4-day day
PLAN = "nSuns 5/3/1 LP, 4 days"
MAXES = "bench 100 squat 140 ohp 60 deadlift 180"
REPLY_TIMEOUT = 60.0  # generous: 50 athletes at once queue behind each other

_POSITION = re.compile(r"\((\d+)/(\d+)\)")


class UnexpectedReplyError(Exception):
    """The bot answered something other than what a user would see on the happy path."""

    def __init__(self, athlete: UserDriver, expected: str) -> None:
        super().__init__(
            f"athlete {athlete.id}: expected {expected}\n{athlete.chat.transcript(last=6)}"
        )


def card_position(card: MessageView) -> tuple[int, int] | None:
    """(sets logged, sets in the workout) as a workout card shows them."""
    match = _POSITION.search(card.content)
    return (int(match[1]), int(match[2])) if match else None


async def onboard(athlete: UserDriver) -> None:
    """/start, "kg", the plan, the maxes: everything before the first /today."""
    await athlete.send("/start")
    await athlete.wait_for_message(REPLY_TIMEOUT)  # the greeting
    units = await athlete.wait_for_message(REPLY_TIMEOUT)
    await athlete.press("kg", message_id=units.message_id)
    await athlete.wait_for_edit(REPLY_TIMEOUT, message_id=units.message_id)
    await athlete.press(PLAN, message_id=units.message_id)
    await athlete.wait_for_edit(REPLY_TIMEOUT, message_id=units.message_id)
    await athlete.send(MAXES)
    done = await athlete.wait_for_message(REPLY_TIMEOUT)
    if "/today" not in done.content:
        raise UnexpectedReplyError(athlete, "the maxes to be accepted")


async def open_day(athlete: UserDriver, latencies: list[float]) -> tuple[int, int]:
    """/today → the card of the first open set; returns its position."""
    sent = time.perf_counter()
    await athlete.send("/today")
    card = await athlete.wait_for_message(REPLY_TIMEOUT)
    latencies.append(time.perf_counter() - sent)
    position = card_position(card)
    if position is None:
        raise UnexpectedReplyError(athlete, "a workout card after /today")
    return position


async def log_sets(
    athlete: UserDriver, start: tuple[int, int], sets: int, latencies: list[float]
) -> None:
    """Sends "+" `sets` times, each after the card of the previous one arrived."""
    logged, total = start
    for _ in range(sets):
        sent = time.perf_counter()
        await athlete.send("+")
        reply = await athlete.wait_for_message(REPLY_TIMEOUT)
        latencies.append(time.perf_counter() - sent)
        logged += 1
        if logged == total:
            if "done!" not in reply.content:
                raise UnexpectedReplyError(athlete, "the summary after the last set")
        elif card_position(reply) != (logged, total):
            raise UnexpectedReplyError(athlete, f"the card at ({logged}/{total})")


async def echo(athlete: UserDriver, text: str, times: int, latencies: list[float]) -> None:
    """Sends `text` `times` times to the echo bot, each after the previous echo arrived."""
    for _ in range(times):
        sent = time.perf_counter()
        await athlete.send(text)
        reply = await athlete.wait_for_message(REPLY_TIMEOUT)
        latencies.append(time.perf_counter() - sent)
        if reply.content != text:
            raise UnexpectedReplyError(athlete, f"the echo of {text!r}")


async def log_plain(athlete: UserDriver, times: int, latencies: list[float]) -> None:
    """Sends "+" `times` times to the minimal logging bot, each after its reply arrived."""
    for _ in range(times):
        sent = time.perf_counter()
        await athlete.send("+")
        reply = await athlete.wait_for_message(REPLY_TIMEOUT)
        latencies.append(time.perf_counter() - sent)
        if not reply.content.endswith(" logged"):
            raise UnexpectedReplyError(athlete, "the set to be logged")
