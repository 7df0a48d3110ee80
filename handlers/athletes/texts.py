"""What /start, /help and /settings say, from the catalogues; user-provided parts are escaped."""

from __future__ import annotations

from html import escape

from domain.athletes.equipment import DEFAULT_PAIRS
from domain.athletes.kit import Kit
from domain.athletes.model import User
from domain.athletes.plate_list import PlatesProblem
from domain.shared.weights import Rounding, format_amount
from handlers.common.commands import command_list
from handlers.common.i18n import Translator


def welcome_new(t: Translator, first_name: str) -> str:
    return t.get("athletes-welcome-new", name=escape(first_name), commands=command_list(t))


def welcome_back(t: Translator, first_name: str) -> str:
    return t.get("athletes-welcome-back", name=escape(first_name), commands=command_list(t))


def help_text(t: Translator) -> str:
    return t.get("athletes-help", commands=command_list(t))


def settings_summary(t: Translator, user: User) -> str:
    unit = user.unit
    plates = (
        None
        if user.plates is None or user.plates.bar.unit != unit
        else [(format_amount(size), n) for size, n in user.plates.pairs.items()]
    )
    return t.get(
        "athletes-settings-summary",
        time_zone=escape(user.time_zone),
        unit=str(unit),
        smallest_plate=format_amount(user.rounding_step / 2),
        rounding="down" if user.rounding == Rounding.DOWN else "nearest",
        bar=str(user.bar_for(unit)),
        plates=owned_plates(t, plates),
        warmups="on" if user.warmups else "off",
        formula=user.e1rm_formula.value.title(),
        kit=kit_summary(t, user.kit),
        division=user.division.value,
    )


def kit_summary(t: Translator, kit: frozenset[Kit] | None) -> str:
    if kit is None:
        return t.get("athletes-kit-full-gym")
    if not kit:
        return t.get("athletes-kit-bodyweight")
    return ", ".join(kit_name(t, piece) for piece in Kit if piece in kit)


def owned_plates(t: Translator, pairs: list[tuple[str, int]] | None) -> str:
    if pairs is None:
        return t.get("athletes-plenty-of-plates")
    return ", ".join(f"{size}×{count}" if count < DEFAULT_PAIRS else size for size, count in pairs)


PLATES_PROBLEMS = {
    PlatesProblem.NOT_PLATES: "athletes-plates-not-plates",
    PlatesProblem.TOO_HEAVY: "athletes-plates-too-heavy",
    PlatesProblem.PAIRS: "athletes-plates-pairs",
    PlatesProblem.TOO_MANY: "athletes-plates-too-many",
}


def plates_problem(t: Translator, problem: PlatesProblem, part: str) -> str:
    return t.get(PLATES_PROBLEMS[problem], part=escape(part[:20]))


def unknown_time_zone(t: Translator, text: str) -> str:
    shown = text if len(text) <= 40 else text[:40] + "…"
    return t.get("athletes-unknown-time-zone", typed=escape(shown))


KIT_ITEM = "athletes-kit-item-"


def kit_name(t: Translator, piece: Kit) -> str:
    return t.get(KIT_ITEM + piece.value)
