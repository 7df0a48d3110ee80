"""Sentences several handler packages say alike, from the catalogues."""

from __future__ import annotations

from handlers.common.i18n import Translator


def needs_max(t: Translator, name: str, exercise: str) -> str:
    """The lift by its library name; the command to send names it as /maxes reads it."""
    return t.get("common-missing-max", name=name, lift=exercise.replace("_", " "))
