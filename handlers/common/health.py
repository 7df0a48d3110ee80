"""Health words two handler packages share: the questionnaire offered on accepting a coach
(handlers.health answers its button) and the record as the athlete and their coach read it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup

from domain.health.model import EmergencyContact, HealthRecord, HistoryField, yes_answers
from handlers.common.i18n import Translator
from handlers.common.keyboards import callback_button


class OpenIntake(CallbackData, prefix="hint"):
    pass


def intake_offer(t: Translator) -> tuple[str, InlineKeyboardMarkup]:
    """The offer's words and its one button."""
    button = callback_button(t.get("health-offer-button"), OpenIntake())
    return t.get("health-offer"), InlineKeyboardMarkup(inline_keyboard=[[button]])


def parq_question(t: Translator, number: int) -> str:
    """PAR-Q question `number` (0-based) in the reader's language."""
    return t.get(f"health-parq-{number + 1}")


def parq_summary(t: Translator, answers: tuple[bool | None, ...]) -> str:
    if any(answer is None for answer in answers):
        answered = sum(answer is not None for answer in answers)
        return t.get("health-parq-partial", answered=answered)
    yes = sorted(yes_answers(answers))
    if not yes:
        return t.get("health-parq-none")
    numbers = ", ".join(str(number + 1) for number in yes)
    return t.get("health-parq-yes", count=len(yes), numbers=numbers)


def parq_answer_lines(t: Translator, answers: tuple[bool | None, ...]) -> list[str]:
    """Each question answered, with its answer (what a coach reads before acknowledging)."""
    return [
        t.get(
            "health-parq-line",
            number=number + 1,
            question=parq_question(t, number),
            answer=t.get("health-yes" if answer else "health-no"),
        )
        for number, answer in enumerate(answers)
        if answer is not None
    ]


def avoided_text(t: Translator, avoided: frozenset[str], names: Mapping[str, str]) -> str:
    lifts = ", ".join(sorted(escape(names.get(slug, slug)) for slug in avoided))
    return t.get("health-avoided", lifts=lifts)


def record_lines(
    t: Translator,
    record: HealthRecord,
    contacts: Sequence[EmergencyContact],
    avoided: frozenset[str],
    names: Mapping[str, str],
) -> list[str]:
    """History, lifts to avoid, fitness level and contacts, user text escaped."""
    lines = []
    for field in HistoryField:
        text = record.text_of(field)
        if text is not None:
            lines.append(
                t.get(
                    "health-history-line",
                    field=t.get(f"health-field-{field.value}"),
                    text=escape(text) or t.get("health-history-skipped"),
                )
            )
    if avoided:
        lines.append(avoided_text(t, avoided, names))
    if record.fitness is not None:
        level = t.get(f"health-fitness-{record.fitness.value}")
        lines.append(t.get("health-fitness-line", level=level))
    if contacts:
        lines.append(t.get("health-contacts-title"))
        lines += [contact_line(t, contact) for contact in contacts]
    return lines


def contact_line(t: Translator, contact: EmergencyContact) -> str:
    return t.get(
        "health-contact-line",
        primary="yes" if contact.primary else "no",
        name=escape(contact.name),
        relation=escape(contact.relation),
        phone=escape(contact.phone),
    )
