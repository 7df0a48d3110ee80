"""What /body says: the day's entry, the trend, and why a reading was not kept."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from html import escape

from domain.body.model import (
    BODY_FAT,
    CIRCUMFERENCES,
    CM_PER_INCH,
    WEIGHT,
    Measurement,
    ProgressEntry,
    length_unit,
)
from domain.body.parsing import BodyEntryError, Problem
from domain.body.trend import BodyTrend
from domain.body.use_cases.entries import BodyCard
from domain.shared.weights import Unit, Weight, format_amount
from handlers.common.i18n import Translator
from handlers.common.texts import day_text

TENTH = Decimal("0.1")


def shown_value(measurement: Measurement, unit: Unit) -> str:
    """82.4 kg, 18 %, 81 cm (32 in for a pound athlete): one decimal at most."""
    if measurement.name == WEIGHT:
        amount = Weight(measurement.value, Unit.KG).to(unit).amount
        return f"{_tenth(amount)} {unit}"
    if measurement.name == BODY_FAT:
        return f"{_tenth(measurement.value)} %"
    amount = measurement.value / CM_PER_INCH if unit == Unit.LB else measurement.value
    return f"{_tenth(amount)} {length_unit(unit)}"


def _tenth(amount: Decimal) -> str:
    return format_amount(amount.quantize(TENTH, ROUND_HALF_UP))


def measurement_name(t: Translator, name: str) -> str:
    if name in {WEIGHT, BODY_FAT, *CIRCUMFERENCES}:
        return t.get("body-measurement", name=name)
    return escape(name.capitalize())


def entry_lines(t: Translator, entry: ProgressEntry, unit: Unit) -> list[str]:
    lines = [
        f"{measurement_name(t, m.name)}: <b>{shown_value(m, unit)}</b>" for m in entry.measurements
    ]
    if entry.photos:
        poses = ", ".join(t.get("body-pose", pose=p.pose.value) for p in entry.photos)
        lines.append(t.get("body-photos-line", poses=poses))
    return lines


def trend_line(t: Translator, trend: BodyTrend | None) -> str:
    if trend is None:
        return t.get("body-trend-none")
    average = _tenth(trend.average[-1][1])
    if trend.per_week is None:
        return t.get("body-trend-average", average=average, unit=str(trend.unit))
    return t.get(
        "body-trend-rate", average=average, unit=str(trend.unit), rate=signed(trend.per_week)
    )


def signed(amount: Decimal) -> str:
    """+0.25, −0.4, ±0: a change, signed as people write it."""
    rounded = amount.quantize(Decimal("0.01"), ROUND_HALF_UP)
    sign = "+" if rounded > 0 else "−" if rounded < 0 else "±"
    return f"{sign}{format_amount(abs(rounded))}"


def card(t: Translator, body: BodyCard) -> str:
    parts = [t.get("body-title")]
    if body.today is not None and (body.today.measurements or body.today.photos):
        parts += [t.get("body-today"), *entry_lines(t, body.today, body.unit)]
    elif body.latest is not None:
        parts += [
            t.get("body-latest", day=day_text(t, body.latest.day, body.day)),
            *entry_lines(t, body.latest, body.unit),
        ]
    else:
        parts.append(t.get("body-empty"))
    parts += ["", trend_line(t, body.trend), "", t.get("body-how", unit=str(body.unit))]
    return "\n".join(parts)


def problem(t: Translator, error: BodyEntryError, unit: Unit) -> str:
    name = measurement_name(t, error.name) if error.name else ""
    if error.problem == Problem.OUT_OF_RANGE:
        return t.get(
            "body-problem-out-of-range",
            name=name,
            low=format_amount(error.low or Decimal(0)),
            high=format_amount(error.high or Decimal(0)),
            unit=_range_unit(error.name, unit),
        )
    return t.get(f"body-problem-{error.problem.value.replace('_', '-')}", name=name)


def _range_unit(name: str, unit: Unit) -> str:
    if name == WEIGHT:
        return str(unit)
    return "%" if name == BODY_FAT else length_unit(unit)
