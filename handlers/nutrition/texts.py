"""What nutrition says. HTML; what people typed (meal names, notes, day names) is escaped."""

from __future__ import annotations

from html import escape

from domain.athletes.model import User
from domain.nutrition.entry import FoodEntryError
from domain.nutrition.meal_plan import MealPlanError
from domain.nutrition.model import FoodEntry, Macros, MealPlan, PlanDay, Targets
from domain.nutrition.targets import TargetsError
from domain.nutrition.use_cases.food import FoodDay
from handlers.common.i18n import Catalogue, Translator

ERRORS_SHOWN = 8


def problem(t: Translator, code: str, token: str) -> str:
    return t.get(f"nutrition-problem-{code}", token=escape(token))


def entry_problem(t: Translator, wrong: FoodEntryError) -> str:
    return problem(t, wrong.problem.value, wrong.token) + "\n" + t.get("nutrition-not-logged")


def targets_problem(t: Translator, wrong: TargetsError) -> str:
    line = t.get(
        "nutrition-line-problem", line=wrong.line, problem=problem(t, wrong.problem, wrong.token)
    )
    return t.get("nutrition-targets-wrong", problem=line)


def plan_problems(t: Translator, wrong: MealPlanError) -> str:
    lines = [
        t.get(
            "nutrition-line-problem",
            line=error.line,
            problem=problem(t, error.problem.value, error.token),
        )
        for error in wrong.errors[:ERRORS_SHOWN]
    ]
    if len(wrong.errors) > ERRORS_SHOWN:
        lines.append("…")
    return t.get("nutrition-plan-wrong", problems="\n".join(lines))


def macros_text(t: Translator, macros: Macros) -> str:
    return t.get(
        "nutrition-target-macros",
        kcal=macros.kcal,
        protein=macros.protein,
        carbs=macros.carbs,
        fat=macros.fat,
    )


def entry_text(t: Translator, entry: FoodEntry) -> str:
    """`oats — 294 kcal · P10 C50 F6 📷`: the grams only when any were given."""
    macros = entry.macros
    given = macros.protein or macros.carbs or macros.fat
    return t.get(
        "nutrition-entry",
        name=escape(entry.name) if entry.name else t.get("nutrition-unnamed-meal"),
        kcal=macros.kcal,
        macros=t.get(
            "nutrition-meal-macros", protein=macros.protein, carbs=macros.carbs, fat=macros.fat
        )
        if given
        else "",
        photo=" 📷" if entry.photo_file_id else "",
    )


def meal_line(t: Translator, number: int, entry: FoodEntry) -> str:
    return t.get("nutrition-meal-line", number=number, entry=entry_text(t, entry))


def _totals(t: Translator, total: Macros, target: Macros | None) -> list[str]:
    if target is None:
        return [
            t.get("nutrition-kcal", eaten=total.kcal),
            t.get("nutrition-macros", protein=total.protein, carbs=total.carbs, fat=total.fat),
        ]
    left = target.kcal - total.kcal
    balance = (
        t.get("nutrition-kcal-left", kcal=left)
        if left >= 0
        else t.get("nutrition-kcal-over", kcal=-left)
    )
    return [
        t.get("nutrition-kcal-vs", eaten=total.kcal, target=target.kcal, balance=balance),
        t.get(
            "nutrition-macros-vs",
            protein=total.protein,
            protein_target=target.protein,
            carbs=total.carbs,
            carbs_target=target.carbs,
            fat=total.fat,
            fat_target=target.fat,
        ),
    ]


def day_text(t: Translator, day: FoodDay, title: str, *, own: bool = True) -> str:
    """The day's totals against its target, then one line per meal."""
    lines = [title]
    if day.training_day and day.targets is not None and day.targets.training is not None:
        lines.append(t.get("nutrition-training-day"))
    lines += _totals(t, day.total, day.target)
    lines.append("")
    if day.entries:
        lines += [meal_line(t, number, entry) for number, entry in enumerate(day.entries, 1)]
    else:
        lines.append(t.get("nutrition-nothing-logged"))
    if day.target is None and own:
        lines.append(t.get("nutrition-no-targets"))
    if day.targets is not None and day.targets.restrictions:
        lines.append(t.get("nutrition-restrictions", text=escape(day.targets.restrictions)))
    return "\n".join(lines)


def targets_text(t: Translator, targets: Targets | None, *, own: bool) -> str:
    lines = [t.get("nutrition-targets-title")]
    if targets is None or targets.every_day is None:
        lines.append(t.get("nutrition-targets-none"))
    else:
        lines.append(t.get("nutrition-targets-every-day", macros=macros_text(t, targets.every_day)))
        if targets.training is not None:
            lines.append(
                t.get("nutrition-targets-training", macros=macros_text(t, targets.training))
            )
    if targets is not None and targets.restrictions:
        lines.append(t.get("nutrition-restrictions", text=escape(targets.restrictions)))
    if own and targets is not None and targets.set_by not in (None, targets.athlete_id):
        lines.append(t.get("nutrition-targets-by-coach"))
    return "\n".join(lines)


def plan_day_text(t: Translator, day: PlanDay) -> str:
    lines = [t.get("nutrition-plan-day", day=escape(day.name), total=macros_text(t, day.total))]
    lines += [
        t.get(
            "nutrition-plan-meal",
            meal=(escape(meal.name) + " — " if meal.name else "") + macros_text(t, meal.macros),
        )
        for meal in day.meals
    ]
    return "\n".join(lines)


class NutritionWords:
    """The coaching use cases' NutritionWording, from the catalogue, in the client's language."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    def targets_set(self, client: User, coach: User, targets: Targets) -> str:
        t = self._catalogue.translator(client.language)
        return (
            t.get("nutrition-told-targets", coach=escape(coach.first_name))
            + "\n"
            + (targets_text(t, targets, own=False))
        )

    def meal_plan_sent(self, client: User, coach: User, plan: MealPlan) -> str:
        t = self._catalogue.translator(client.language)
        return t.get(
            "nutrition-told-meal-plan", coach=escape(coach.first_name), days=len(plan.days)
        )
