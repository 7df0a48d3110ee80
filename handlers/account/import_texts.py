"""What an import's preview, result and problems say, from the account catalogue."""

from __future__ import annotations

from html import escape

from domain.training.imports.model import App, ImportProblem
from domain.training.use_cases.imports import AlreadyImported, ImportDone, ImportPreview
from handlers.common.i18n import Translator

LISTED = 12  # names shown per list; the rest are counted
APP_NAMES = {App.STRONG: "Strong", App.HEVY: "Hevy"}


def preview(t: Translator, found: ImportPreview) -> str:
    lines = [
        t.get(
            "account-import-preview",
            app=APP_NAMES[found.app],
            workouts=found.workouts,
            first=found.first.isoformat(),
            last=found.last.isoformat(),
            sets=found.sets,
            warmups=found.warmups,
        )
    ]
    if found.duplicates:
        lines.append(t.get("account-import-duplicates", count=found.duplicates))
    if found.skipped_rows:
        lines.append(t.get("account-import-skipped-rows", count=found.skipped_rows))
    if found.matched:
        lines += ["", t.get("account-import-matched")]
        lines += _listed(t, [f"{escape(app)} → {escape(ours)}" for app, ours in found.matched])
    if found.created:
        lines += ["", t.get("account-import-created")]
        lines += _listed(t, [escape(name) for name in found.created])
    if found.warmups:
        lines += ["", t.get("account-import-warmups-note")]
    if not found.workouts:
        lines += ["", t.get("account-import-nothing-new")]
    return "\n".join(lines)


def _listed(t: Translator, items: list[str]) -> list[str]:
    shown = [f"• {item}" for item in items[:LISTED]]
    if len(items) > LISTED:
        shown.append(t.get("account-import-more", count=len(items) - LISTED))
    return shown


def done(t: Translator, result: ImportDone) -> str:
    return t.get(
        "account-import-done",
        workouts=result.workouts,
        sets=result.sets,
        records=result.records,
    )


def already(t: Translator, found: AlreadyImported) -> str:
    return t.get(
        "account-import-already", date=found.at.date().isoformat(), workouts=found.workouts
    )


def problem(t: Translator, found: ImportProblem) -> str:
    key = f"account-import-problem-{found.kind.value.replace('_', '-')}"
    if found.line is not None:
        return t.get(key, line=found.line, column=escape(found.column or ""))
    return t.get(key)
