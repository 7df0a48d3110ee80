"""progression reasons as a kind and parameters, not prose

`training_maxes.reason` and `lift_tracks.reason` (a sentence made in the domain) become
`reason_kind` and `reason_params` (JSON). Two columns rather than one JSON value: code and
queries decide on the kind alone, while the parameters only ever fill in the words.

Existing rows are parsed back from every sentence the code used to write; anything else is kept
as a "note" with the original text. The downgrade writes the fixed sentences back and, for the
rest, the note's text or the kind's name (the numbers of a rule's reason are not put back).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 07:00:00
"""

import json
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("training_maxes", "lift_tracks")

# Frozen here: a migration must not change when the code's kinds or sentences do.
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = r"(?:kg|lb)"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL = r"(?:first|second|third|fourth|fifth|\d+th)"
_FIXED = {
    "change declined": "declined",
    "where the plan starts": "plan_start",
    "set by the athlete": "set_by_hand",
    "same weight: no set with reps and RPE on the chart": "no_rated_set",
}


def _weight(name: str) -> str:
    return rf"(?P<{name}>{_NUMBER} {_UNIT})"


def _increment(name: str = "increment") -> str:
    return rf"\+(?P<{name}>{_NUMBER} {_UNIT})"


def _scheme(name: str) -> str:
    return rf"(?P<{name}>\d+×\d+(?:\+|–\d+)?)"


def _week(name: str) -> str:
    return rf"week (?P<{name}>\d+)(?P<{name}_deload> \(deload\))?"


Params = dict[str, Any]
Builder = Callable[[dict[str, str]], Params]

_PATTERNS: list[tuple[str, str, Builder]] = []


def _pattern(kind: str, regex: str) -> Callable[[Builder], Builder]:
    def register(build: Builder) -> Builder:
        _PATTERNS.append((kind, f"^{regex}$", build))
        return build

    return register


def _w(text: str) -> list[str]:
    amount, unit = text.split(" ")
    return [amount, unit]


def _fraction(percent: str) -> str:
    return str(Decimal(percent) / 100)


def _factor(percent_off: str) -> str:
    return str(1 - Decimal(percent_off) / 100)


def _set_scheme(text: str) -> dict[str, Any]:
    found = re.fullmatch(r"(\d+)×(\d+)(\+|–(\d+))?", text)
    assert found is not None  # noqa: S101  # the caller's pattern matched a scheme
    sets, reps, tail, top = found.groups()
    amrap = tail == "+"
    return {"sets": int(sets), "reps": int(reps), "amrap": amrap, "top": top and int(top)}


def _ordinal(text: str) -> int:
    return _ORDINALS.get(text) or int(text.removesuffix("th"))


@_pattern("no_rule", rf"\+(?P<amount>0) (?P<unit>{_UNIT}): no progression rule for (?P<name>.+)")
def _no_rule(g: dict[str, str]) -> Params:
    return {"increment": [g["amount"], g["unit"]], "exercise": g["name"]}


@_pattern("amrap_table", rf"{_increment()}: (?P<reps>\d+) reps? on the (?P<percent>{_NUMBER})% set")
def _amrap(g: dict[str, str]) -> Params:
    return {
        "increment": _w(g["increment"]),
        "reps": int(g["reps"]),
        "percent": _fraction(g["percent"]),
    }


@_pattern("amrap_table", rf"{_increment()}: (?P<reps>\d+) reps? on the progression set")
def _amrap_no_percent(g: dict[str, str]) -> Params:
    return {"increment": _w(g["increment"]), "reps": int(g["reps"])}


@_pattern("all_prescribed_sets_made", rf"{_increment()}: all (?P<sets>\d+) sets made as prescribed")
def _all_prescribed(g: dict[str, str]) -> Params:
    return {"increment": _w(g["increment"]), "sets": int(g["sets"])}


@_pattern("cycle_week_done", rf"{_week('next')} next: {_week('done')} done")
def _week_done(g: dict[str, str]) -> Params:
    return {
        "week": int(g["done"]),
        "deload": bool(g["done_deload"]),
        "next_week": int(g["next"]),
        "next_deload": bool(g["next_deload"]),
    }


@_pattern(
    "cycle_set_short",
    rf"{_week('next')} next: the (?P<percent>{_NUMBER})% (?P<set_reps>\d+)(?P<amrap>\+?) set fell "
    rf"short \((?P<reps>\d+) reps\); the TM resets −(?P<off>{_NUMBER})% when the cycle ends",
)
def _set_short(g: dict[str, str]) -> Params:
    return {
        "next_week": int(g["next"]),
        "next_deload": bool(g["next_deload"]),
        "percent": _fraction(g["percent"]),
        "set_reps": int(g["set_reps"]),
        "amrap": bool(g["amrap"]),
        "reps": int(g["reps"]),
        "factor": _factor(g["off"]),
    }


@_pattern("cycle_complete", rf"{_increment()}: (?P<weeks>\d+)-week cycle complete")
def _cycle_complete(g: dict[str, str]) -> Params:
    return {"increment": _w(g["increment"]), "weeks": int(g["weeks"])}


@_pattern("cycle_fell_short", rf"−(?P<off>{_NUMBER})%: a \+ set fell short this cycle")
def _cycle_fell_short(g: dict[str, str]) -> Params:
    return {"factor": _factor(g["off"])}


@_pattern("all_sets_made", rf"{_increment()}: all {_scheme('scheme')} sets made")
def _all_sets_made(g: dict[str, str]) -> Params:
    return {"increment": _w(g["increment"]), "scheme": _set_scheme(g["scheme"])}


@_pattern(
    "session_failed",
    rf"same weight: a {_scheme('scheme')} set fell short "
    rf"\((?P<n>{_ORDINAL}) failed session in a row\)",
)
def _session_failed(g: dict[str, str]) -> Params:
    return {"scheme": _set_scheme(g["scheme"]), "failures": _ordinal(g["n"])}


@_pattern(
    "deload_after_failures", rf"−(?P<off>{_NUMBER})%: (?P<n>{_ORDINAL}) failed session in a row"
)
def _deload(g: dict[str, str]) -> Params:
    return {"factor": _factor(g["off"]), "failures": _ordinal(g["n"])}


@_pattern(
    "range_top_reached",
    rf"{_increment()}: every {_scheme('scheme')} set reached (?P<reps>\d+) reps",
)
def _range_top(g: dict[str, str]) -> Params:
    return {
        "increment": _w(g["increment"]),
        "scheme": _set_scheme(g["scheme"]),
        "reps": int(g["reps"]),
    }


@_pattern("sets_not_logged", r"same weight: (?P<logged>\d+) of (?P<sets>\d+) sets logged")
def _not_logged(g: dict[str, str]) -> Params:
    return {"logged": int(g["logged"]), "sets": int(g["sets"])}


@_pattern(
    "range_top_missed", r"same weight: a set stopped at (?P<reps>\d+) reps, (?P<needed>\d+) needed"
)
def _range_missed(g: dict[str, str]) -> Params:
    return {"reps": int(g["reps"]), "needed": int(g["needed"])}


@_pattern(
    "rpe_estimate",
    rf"(?:same weight|(?P<sign>[+−])(?P<delta>{_NUMBER}) {_UNIT}): "
    rf"{_weight('lifted')} × (?P<reps>\d+) @ (?P<rpe>{_NUMBER}) → e1RM {_weight('e1rm')}; "
    rf"(?P<target_reps>\d+) @ (?P<target_rpe>{_NUMBER}) is (?P<percent>{_NUMBER})%",
)
def _rpe(g: dict[str, str]) -> Params:
    e1rm = _w(g["e1rm"])
    delta = "0" if g["delta"] is None else ("-" if g["sign"] == "−" else "") + g["delta"]
    return {
        "change": [delta, e1rm[1]],
        "lifted": _w(g["lifted"]),
        "reps": int(g["reps"]),
        "rpe": g["rpe"],
        "e1rm": e1rm,
        "target_reps": int(g["target_reps"]),
        "target_rpe": g["target_rpe"],
        "percent": _fraction(g["percent"]),
    }


@_pattern("set_fell_short", rf"same weight: a {_scheme('scheme')} set fell short")
def _fell_short(g: dict[str, str]) -> Params:
    return {"scheme": _set_scheme(g["scheme"])}


@_pattern("stage_advanced", rf"{_scheme('scheme')} next: a {_scheme('failed')} set fell short")
def _stage_advanced(g: dict[str, str]) -> Params:
    return {"scheme": _set_scheme(g["scheme"]), "failed": _set_scheme(g["failed"])}


@_pattern("retest_next", rf"new (?P<reps>\d+)RM test next: a {_scheme('failed')} set fell short")
def _retest_next(g: dict[str, str]) -> Params:
    return {"reps": int(g["reps"]), "failed": _set_scheme(g["failed"])}


@_pattern("retest_again", r"new (?P<reps>\d+)RM test again: no set reached (?P=reps) reps")
def _retest_again(g: dict[str, str]) -> Params:
    return {"reps": int(g["reps"])}


@_pattern(
    "retest_restart",
    rf"{_scheme('scheme')} at {_weight('weight')} next: (?P<percent>{_NUMBER})% of the new "
    rf"(?P<reps>\d+)RM, {_weight('best')}",
)
def _retest_restart(g: dict[str, str]) -> Params:
    return {
        "scheme": _set_scheme(g["scheme"]),
        "weight": _w(g["weight"]),
        "percent": _fraction(g["percent"]),
        "reps": int(g["reps"]),
        "best": _w(g["best"]),
    }


@_pattern(
    "stage_restart_bumped",
    rf"{_scheme('scheme')} at {_weight('weight')} next: a {_scheme('failed')} set fell short; "
    rf"last (?P=scheme) weight {_increment()}",
)
def _bumped(g: dict[str, str]) -> Params:
    return {
        "scheme": _set_scheme(g["scheme"]),
        "weight": _w(g["weight"]),
        "failed": _set_scheme(g["failed"]),
        "increment": _w(g["increment"]),
    }


@_pattern(
    "last_set_short",
    rf"same weight: (?P<reps>\d+) reps on the last {_scheme('scheme')} set, (?P<needed>\d+) needed",
)
def _last_short(g: dict[str, str]) -> Params:
    return {"reps": int(g["reps"]), "scheme": _set_scheme(g["scheme"]), "needed": int(g["needed"])}


@_pattern(
    "last_set_reached", rf"{_increment()}: (?P<reps>\d+) reps on the last {_scheme('scheme')} set"
)
def _last_reached(g: dict[str, str]) -> Params:
    return {
        "increment": _w(g["increment"]),
        "reps": int(g["reps"]),
        "scheme": _set_scheme(g["scheme"]),
    }


@_pattern("reset_proposed", rf"−(?P<off>{_NUMBER})%: no reps on the 1\+ set twice in a row")
def _reset_proposed(g: dict[str, str]) -> Params:
    return {"factor": _factor(g["off"])}


@_pattern("reset_after_stall", rf"reset (?P<off>{_NUMBER})% after a stall")
def _reset(g: dict[str, str]) -> Params:
    return {"factor": _factor(g["off"])}


@_pattern("from_one_rep_max", rf"(?P<percent>\d+)% of a {_weight('max')} one-rep max")
def _from_one_rep_max(g: dict[str, str]) -> Params:
    return {"percent": _fraction(g["percent"]), "one_rep_max": _w(g["max"])}


def parse_reason(text: str) -> tuple[str, Params]:
    """The kind and parameters of a sentence the code once wrote; a note for anything else."""
    if text in _FIXED:
        return _FIXED[text], {}
    for kind, regex, build in _PATTERNS:
        found = re.match(regex, text)
        if found is not None:
            return kind, build(found.groupdict())
    return "note", {"text": text}


def _sentence(kind: str, params: Params) -> str:
    sentences = {fixed_kind: text for text, fixed_kind in _FIXED.items()}
    if kind in sentences:
        return sentences[kind]
    if kind == "reset_after_stall":
        return f"reset {(1 - Decimal(params['factor'])) * 100:.0f}% after a stall"
    return str(params["text"]) if kind == "note" else kind


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _table(name: str) -> sa.TableClause:
    return sa.table(
        name,
        sa.column("id", sa.Integer()),
        sa.column("reason", sa.Text()),
        sa.column("reason_kind", sa.String()),
        sa.column("reason_params", sa.Text()),
    )


def upgrade() -> None:
    connection = op.get_bind()
    for name in _TABLES:
        with op.batch_alter_table(name) as batch_op:
            batch_op.add_column(sa.Column("reason_kind", sa.String(length=40), nullable=True))
            batch_op.add_column(sa.Column("reason_params", sa.Text(), nullable=True))
        table = _table(name)
        for row_id, text in connection.execute(sa.select(table.c.id, table.c.reason)).all():
            kind, params = parse_reason(text)
            connection.execute(
                sa.update(table)
                .where(table.c.id == row_id)
                .values(reason_kind=kind, reason_params=_dump(params))
            )
        with op.batch_alter_table(name) as batch_op:
            batch_op.alter_column("reason_kind", existing_type=sa.String(length=40), nullable=False)
            batch_op.alter_column("reason_params", existing_type=sa.Text(), nullable=False)
            batch_op.drop_column("reason")


def downgrade() -> None:
    connection = op.get_bind()
    for name in _TABLES:
        with op.batch_alter_table(name) as batch_op:
            batch_op.add_column(sa.Column("reason", sa.Text(), nullable=True))
        table = _table(name)
        rows = connection.execute(
            sa.select(table.c.id, table.c.reason_kind, table.c.reason_params)
        ).all()
        for row_id, kind, params in rows:
            connection.execute(
                sa.update(table)
                .where(table.c.id == row_id)
                .values(reason=_sentence(kind, json.loads(params)))
            )
        with op.batch_alter_table(name) as batch_op:
            batch_op.alter_column("reason", existing_type=sa.Text(), nullable=False)
            batch_op.drop_column("reason_params")
            batch_op.drop_column("reason_kind")
