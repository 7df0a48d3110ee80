"""In-memory stand-ins for the domain's ports, for fast unit tests."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from domain.athletes.model import User
from domain.body.entries import group_entries
from domain.body.model import WEIGHT, Measurement, Photo, ProgressEntry
from domain.checkins.model import CheckIn, CheckInDay
from domain.conditioning.model import LoggedResult, Prompt, SavedWorkout, WorkoutSource
from domain.goals.model import Assessment, AssessmentPrompt, Goal, GoalStatus
from domain.health.model import EmergencyContact, HealthRecord
from domain.nutrition.model import ZERO, FoodEntry, Macros, MealPlan, Targets
from domain.nutrition.model import Prompt as NutritionPrompt
from domain.outbox.model import DeliveryState, OutgoingMessage
from domain.plans.model import Exercise, Plan, PlanInfo
from domain.reminders.model import Reminder
from domain.shared.weights import Weight
from domain.training.imports.model import App, StoredImport
from domain.training.model import (
    ActivePlan,
    DoneSet,
    LiftTrack,
    LoggedSet,
    TrainingMax,
    Workout,
    WorkoutSet,
)
from domain.training.progression import Proposal, ProposalDecision
from domain.training.records import DatedSet, PersonalRecord


@dataclass
class FixedClock:
    current: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 9, 30, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current


class InMemoryUsers:
    def __init__(self, data: dict[str, Any]) -> None:
        self._rows: dict[int, User] = data.setdefault("users", {})

    async def get(self, telegram_id: int) -> User | None:
        return self._rows.get(telegram_id)

    async def add(self, user: User) -> None:
        assert user.telegram_id not in self._rows, "add() of a user who exists"
        self._rows[user.telegram_id] = user

    async def update(self, user: User) -> None:
        if user.telegram_id not in self._rows:
            raise LookupError(f"no user {user.telegram_id}")
        self._rows[user.telegram_id] = user


class InMemoryExercises:
    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self._rows: dict[str, Exercise] = data.setdefault("exercises", {})

    async def all(self) -> dict[str, Exercise]:
        return dict(self._rows)

    async def save_all(self, exercises: Sequence[Exercise]) -> None:
        self._rows.update({e.slug: e for e in exercises})

    async def visible_to(self, athlete_id: int) -> dict[str, Exercise]:
        return {
            slug: e
            for slug, e in self._rows.items()
            if self._owners.get(slug) in (None, athlete_id)
        }

    async def owned_by(self, athlete_id: int) -> list[Exercise]:
        return [e for slug, e in self._rows.items() if self._owners.get(slug) == athlete_id]

    async def add_own(self, athlete_id: int, exercise: Exercise) -> None:
        assert self._owners.get(exercise.slug, athlete_id) == athlete_id
        self._rows[exercise.slug] = exercise
        self._owners[exercise.slug] = athlete_id

    @property
    def _owners(self) -> dict[str, int]:
        owners: dict[str, int] = self._data.setdefault("exercise_owners", {})
        return owners

    async def hold_library(self) -> None:
        """One process, one transaction at a time: nothing to wait for."""


class InMemoryPlans:
    def __init__(self, data: dict[str, Any]) -> None:
        self._rows: dict[str, Plan] = data.setdefault("plans", {})
        self._info: dict[str, PlanInfo] = data.setdefault("plan_info", {})

    async def get(self, slug: str) -> Plan | None:
        return self._rows.get(slug)

    async def save(self, plan: Plan, *, builtin: bool = True, owner_id: int | None = None) -> None:
        self._rows[plan.slug] = plan
        before = self._info.get(plan.slug)
        published = before is not None and before.published
        self._info[plan.slug] = PlanInfo(plan.slug, plan.name, builtin, owner_id, published)

    async def builtin(self) -> list[Plan]:
        return [self._rows[slug] for slug, info in sorted(self._info.items()) if info.builtin]

    async def available(self, athlete_id: int) -> list[PlanInfo]:
        shown = [
            info
            for info in self._info.values()
            if info.builtin or info.published or info.owner_id == athlete_id
        ]
        return sorted(shown, key=lambda info: (not info.builtin, info.name))

    async def owner_of(self, slug: str) -> int | None:
        info = self._info.get(slug)
        return None if info is None else info.owner_id

    async def publish(self, slug: str, *, published: bool) -> bool:
        info = self._info.get(slug)
        if info is None or info.builtin:
            return False
        self._info[slug] = replace(info, published=published)
        return True


class InMemoryAthletePlans:
    def __init__(self, data: dict[str, Any]) -> None:
        self._rows: dict[int, ActivePlan] = data.setdefault("athlete_plans", {})
        self._plans: dict[str, Plan] = data.setdefault("plans", {})

    async def active(self, athlete_id: int) -> ActivePlan | None:
        return self._rows.get(athlete_id)

    async def start(self, athlete_id: int, plan_slug: str, at: datetime) -> None:
        if plan_slug not in self._plans:
            raise LookupError(f"no plan {plan_slug!r}")
        self._rows[athlete_id] = ActivePlan(plan_slug, at, next_day=1)

    async def set_next_day(self, athlete_id: int, day_number: int) -> None:
        self._rows[athlete_id] = replace(self._rows[athlete_id], next_day=day_number)


class InMemoryTrainingMaxes:
    def __init__(self, data: dict[str, Any]) -> None:
        self._rows: list[tuple[int, TrainingMax]] = data.setdefault("training_maxes", [])

    async def current(self, athlete_id: int) -> dict[str, TrainingMax]:
        """The newest entry per exercise (the later-added one if two share a time)."""
        mine = sorted((tm for owner, tm in self._rows if owner == athlete_id), key=_effective)
        return {tm.exercise: tm for tm in mine}

    async def history(self, athlete_id: int, exercise: str) -> list[TrainingMax]:
        """Oldest first."""
        mine = (tm for owner, tm in self._rows if owner == athlete_id and tm.exercise == exercise)
        return sorted(mine, key=_effective)

    async def add(self, athlete_id: int, training_max: TrainingMax) -> None:
        self._rows.append((athlete_id, training_max))


class InMemoryLiftTracks:
    def __init__(self, data: dict[str, Any]) -> None:
        self._rows: list[tuple[int, LiftTrack]] = data.setdefault("tracks", [])

    async def current(self, athlete_id: int) -> dict[str, LiftTrack]:
        """The newest entry per key (the later-added one if two share a time)."""
        mine = sorted((track for owner, track in self._rows if owner == athlete_id), key=_effective)
        return {track.key: track for track in mine}

    async def history(self, athlete_id: int, key: str) -> list[LiftTrack]:
        mine = (track for owner, track in self._rows if owner == athlete_id and track.key == key)
        return sorted(mine, key=_effective)

    async def add(self, athlete_id: int, track: LiftTrack) -> None:
        self._rows.append((athlete_id, track))


def _effective(entry: TrainingMax | LiftTrack) -> datetime:
    """The sort key of an append-only history; a stable sort keeps equal times in added order."""
    return entry.effective_at


class InMemoryRecords:
    def __init__(self, data: dict[str, Any]) -> None:
        self.rows: list[tuple[int, int, str, PersonalRecord]] = data.setdefault("records", [])

    async def add(
        self, athlete_id: int, workout_id: int, exercise: str, record: PersonalRecord
    ) -> None:
        self.rows.append((athlete_id, workout_id, exercise, record))


class InMemoryProposals:
    def __init__(self, data: dict[str, Any]) -> None:
        self.approvals: set[int] = data.setdefault("approvals", set())
        self.rows: dict[int, Proposal] = data.setdefault("proposals", {})

    async def approval_required(self, athlete_id: int) -> bool:
        return athlete_id in self.approvals

    async def require_approval(self, athlete_id: int, *, required: bool, at: datetime) -> None:
        if required:
            self.approvals.add(athlete_id)
        else:
            self.approvals.discard(athlete_id)

    async def add(self, proposal: Proposal) -> Proposal:
        stored = replace(proposal, id=len(self.rows) + 1)
        self.rows[stored.id or 0] = stored
        return stored

    async def get(self, proposal_id: int, *, lock: bool = False) -> Proposal | None:
        return self.rows.get(proposal_id)

    async def decide(self, proposal_id: int, decision: ProposalDecision, at: datetime) -> None:
        held = self.rows.get(proposal_id)
        if held is not None and held.decision is None:
            self.rows[proposal_id] = replace(held, decision=decision)

    async def decline_waiting(self, athlete_id: int, at: datetime) -> None:
        for proposal in list(self.rows.values()):
            if proposal.athlete_id == athlete_id:
                await self.decide(proposal.id or 0, ProposalDecision.DECLINED, at)


class InMemoryWorkouts:
    def __init__(self, data: dict[str, Any]) -> None:
        self._rows: dict[int, Workout] = data.setdefault("workouts", {})
        self._ids = data.setdefault("workout_ids", itertools.count(1))
        self._plans: dict[str, Plan] = data.setdefault("plans", {})

    async def open_for(self, athlete_id: int) -> Workout | None:
        return next(
            (w for w in self._rows.values() if w.athlete_id == athlete_id and not w.finished_at),
            None,
        )

    async def get(self, workout_id: int) -> Workout | None:
        return self._rows.get(workout_id)

    async def all_open(self) -> list[Workout]:
        return [w for w in self._rows.values() if not w.finished_at]

    async def add(self, workout: Workout) -> Workout:
        if workout.id is not None:
            raise ValueError(f"workout {workout.id} is stored already")
        if workout.plan_slug not in self._plans:
            raise LookupError(f"no plan {workout.plan_slug!r}")
        stored = replace(workout, id=next(self._ids))
        self._rows[stored.id or 0] = stored
        return stored

    def add_imported(self, workout: Workout) -> int:
        """An imported workout names no plan anyone follows: stored as it is."""
        workout_id: int = next(self._ids)
        self._rows[workout_id] = replace(workout, id=workout_id)
        return workout_id

    def forget(self, workout_id: int) -> None:
        self._rows.pop(workout_id, None)

    async def save_set(self, workout_id: int, workout_set: WorkoutSet) -> None:
        workout = self._rows[workout_id]
        position = workout_set.prescribed.position
        if all(s.prescribed.position != position for s in workout.sets):
            raise LookupError(f"workout {workout_id} has no set at position {position}")
        sets = tuple(
            workout_set if s.prescribed.position == workout_set.prescribed.position else s
            for s in workout.sets
        )
        self._rows[workout_id] = replace(workout, sets=sets)

    async def finish(self, workout_id: int, at: datetime) -> None:
        self._rows[workout_id] = replace(self._rows[workout_id], finished_at=at)

    async def finished(self, athlete_id: int, limit: int, offset: int = 0) -> list[Workout]:
        done = [w for w in self._rows.values() if w.athlete_id == athlete_id and w.finished_at]
        done.sort(key=lambda w: (w.finished_at or w.started_at, w.id or 0), reverse=True)
        return done[offset : offset + limit]

    async def done_sets(
        self, athlete_id: int, exercises: Sequence[str]
    ) -> list[tuple[str, DoneSet]]:
        done = [
            (s.prescribed.exercise, s.done)
            for w in self._rows.values()
            if w.athlete_id == athlete_id and w.finished_at and not w.deload
            for s in w.sets
            if s.done is not None and not s.prescribed.warmup and s.prescribed.exercise in exercises
        ]
        return sorted(done, key=lambda pair: pair[1].logged_at)

    async def first_sets(
        self, athlete_id: int, exercises: Sequence[str]
    ) -> list[tuple[str, DatedSet]]:
        first: dict[tuple[str, Weight, int], DatedSet] = {}
        for exercise, done in await self.done_sets(athlete_id, exercises):
            first.setdefault((exercise, done.weight, done.reps), DatedSet.of(done))
        return [(key[0], lifted) for key, lifted in first.items()]

    async def logged_sets(
        self,
        athlete_id: int,
        since: datetime | None = None,
        until: datetime | None = None,
        exercises: Sequence[str] | None = None,
    ) -> list[LoggedSet]:
        done = [
            LoggedSet(
                w.id or 0,
                w.started_at,
                s.prescribed.exercise,
                s.done.weight,
                s.done.reps,
                s.done.logged_at,
            )
            for w in self._rows.values()
            if w.athlete_id == athlete_id
            and w.finished_at
            and (since is None or w.started_at >= since)
            and (until is None or w.started_at < until)
            for s in w.sets
            if s.done is not None and (exercises is None or s.prescribed.exercise in exercises)
        ]
        return sorted(done, key=lambda logged: logged.logged_at)


class InMemoryOutbox:
    """Queued messages by key, with their state; inactive chats with their reason."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.messages: dict[str, tuple[OutgoingMessage, DeliveryState]] = data.setdefault(
            "outbox", {}
        )
        self.inactive: dict[int, str] = data.setdefault("inactive_chats", {})

    async def add(self, message: OutgoingMessage) -> bool:
        return await self.add_all([message]) == 1

    async def add_all(self, messages: Sequence[OutgoingMessage]) -> int:
        new = [m for m in messages if m.key not in self.messages]
        self.messages.update((m.key, (m, DeliveryState.QUEUED)) for m in new)
        return len(new)

    async def deactivate_chat(self, chat_id: int, at: datetime, reason: str) -> int:
        self.inactive.setdefault(chat_id, reason)
        queued = [
            key
            for key, (m, state) in self.messages.items()
            if m.chat_id == chat_id and state == DeliveryState.QUEUED
        ]
        for key in queued:
            self.messages[key] = (self.messages[key][0], DeliveryState.CANCELLED)
        return len(queued)

    async def reactivate_chat(self, chat_id: int) -> bool:
        return self.inactive.pop(chat_id, None) is not None


class InMemoryReminders:
    """Reminder rows by athlete; the due queries read the users and workouts kept alongside."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.rows: dict[int, Reminder] = data.setdefault("reminders", {})
        self._data = data

    async def get(self, athlete_id: int, *, lock: bool = False) -> Reminder | None:
        return self.rows.get(athlete_id)

    async def save(self, reminder: Reminder) -> None:
        self.rows[reminder.athlete_id] = reminder

    async def without_reminder(self, limit: int) -> list[int]:
        users: dict[int, User] = self._data.get("users", {})
        return sorted(athlete for athlete in users if athlete not in self.rows)[:limit]

    async def due(self, now: datetime, limit: int) -> list[int]:
        users: dict[int, User] = self._data.get("users", {})
        return sorted(
            athlete
            for athlete, r in self.rows.items()
            if athlete in users
            and (
                (r.next_due is not None and r.next_due <= now)
                or (r.check_due is not None and r.check_due <= now)
                or r.time_zone != users[athlete].time_zone
            )
        )[:limit]

    async def summaries_due(self, now: datetime, limit: int) -> list[int]:
        due = [r for r in self.rows.values() if r.summary_due is not None and r.summary_due <= now]
        return [r.athlete_id for r in sorted(due, key=lambda r: (r.summary_due, r.athlete_id))][
            :limit
        ]

    async def trained_at(self, athlete_id: int, since: datetime) -> list[datetime]:
        workouts: dict[int, Workout] = self._data.get("workouts", {})
        results: dict[int, LoggedResult] = self._data.get("conditioning_results", {})
        lifted = [
            s.done.logged_at
            for w in workouts.values()
            if w.athlete_id == athlete_id
            for s in w.sets
            if s.done is not None and s.done.logged_at >= since
        ]
        conditioned = [
            r.logged_at
            for r in results.values()
            if r.athlete_id == athlete_id and r.logged_at >= since
        ]
        return sorted(lifted + conditioned)


class InMemoryConditioning:
    """Saved conditioning workouts, results and reply prompts, as the SQL repository keeps them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.workouts: dict[int, SavedWorkout] = data.setdefault("conditioning_workouts", {})
        self.kept: dict[int, LoggedResult] = data.setdefault("conditioning_results", {})
        self.prompts: dict[tuple[int, int], Prompt] = data.setdefault("conditioning_prompts", {})
        self._ids = data.setdefault("conditioning_ids", itertools.count(1))

    async def add_workout(self, saved: SavedWorkout) -> SavedWorkout:
        stored = replace(saved, id=next(self._ids))
        self.workouts[stored.id or 0] = stored
        return stored

    async def workout(self, workout_id: int) -> SavedWorkout | None:
        return self.workouts.get(workout_id)

    async def add_result(self, result: LoggedResult) -> LoggedResult:
        if result.source_message_id is not None:
            for kept in self.kept.values():
                if (kept.athlete_id, kept.source_message_id) == (
                    result.athlete_id,
                    result.source_message_id,
                ):
                    return kept
        if result.workout_id not in self.workouts:
            raise LookupError(f"no conditioning workout {result.workout_id}")
        stored = replace(result, id=next(self._ids))
        self.kept[stored.id or 0] = stored
        return stored

    async def _oldest_first(self, athlete_id: int) -> list[LoggedResult]:
        mine = [r for r in self.kept.values() if r.athlete_id == athlete_id]
        return sorted(mine, key=lambda r: (r.logged_at, r.id or 0))

    async def results(self, athlete_id: int, limit: int) -> list[LoggedResult]:
        return list(reversed(await self._oldest_first(athlete_id)))[:limit]

    async def done_since(
        self, athlete_id: int, since: datetime
    ) -> list[tuple[LoggedResult, SavedWorkout]]:
        return [
            (r, self.workouts[r.workout_id])
            for r in await self._oldest_first(athlete_id)
            if r.logged_at >= since
        ]

    async def named_results(
        self, athlete_id: int, name: str, *, before: datetime
    ) -> list[LoggedResult]:
        return [
            r
            for r in await self._oldest_first(athlete_id)
            if self.workouts[r.workout_id].workout.name == name and r.logged_at <= before
        ]

    async def best_rx_by_athlete(self, name: str, since: datetime) -> list[LoggedResult]:
        return [
            r
            for r in self.kept.values()
            if r.rx
            and r.logged_at >= since
            and self.workouts[r.workout_id].source == WorkoutSource.BENCHMARK
            and self.workouts[r.workout_id].workout.name == name
        ]

    async def add_prompt(self, prompt: Prompt, at: datetime) -> None:
        self.prompts.setdefault((prompt.chat_id, prompt.message_id), prompt)

    async def prompt(self, chat_id: int, message_id: int) -> Prompt | None:
        return self.prompts.get((chat_id, message_id))


class InMemoryStrengthDays:
    """When sets were logged, and of what, as conditioning reads them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    async def lifted_since(self, athlete_id: int, since: datetime) -> list[tuple[datetime, str]]:
        workouts: dict[int, Workout] = self._data.get("workouts", {})
        return sorted(
            (s.done.logged_at, s.prescribed.exercise)
            for w in workouts.values()
            if w.athlete_id == athlete_id
            for s in w.sets
            if s.done is not None and s.done.logged_at >= since
        )


class InMemoryClassDays:
    """When the classes an athlete was marked present at began: `data["class_days"]`, by id."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    async def attended_since(self, athlete_id: int, since: datetime) -> list[datetime]:
        attended: dict[int, list[datetime]] = self._data.get("class_days", {})
        return sorted(at for at in attended.get(athlete_id, []) if at >= since)


class InMemoryNutrition:
    """Targets, the food log, meal plans and prompts, as the SQL repository keeps them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._targets: dict[int, Targets] = data.setdefault("nutrition_targets", {})
        self.entries_by_id: dict[int, FoodEntry] = data.setdefault("food_entries", {})
        self._plans: dict[int, MealPlan] = data.setdefault("meal_plans", {})
        self._prompts: dict[tuple[int, int], NutritionPrompt] = data.setdefault(
            "nutrition_prompts", {}
        )
        self._ids = data.setdefault("food_entry_ids", itertools.count(1))

    async def targets(self, athlete_id: int) -> Targets | None:
        return self._targets.get(athlete_id)

    async def save_targets(self, targets: Targets, at: datetime) -> None:
        self._targets[targets.athlete_id] = targets

    async def add_entry(self, entry: FoodEntry) -> FoodEntry:
        if entry.source_message_id is not None:
            for kept in self.entries_by_id.values():
                if (kept.athlete_id, kept.source_message_id) == (
                    entry.athlete_id,
                    entry.source_message_id,
                ):
                    return kept
        stored = replace(entry, id=next(self._ids))
        self.entries_by_id[stored.id or 0] = stored
        return stored

    async def entries(self, athlete_id: int, day: date) -> list[FoodEntry]:
        return sorted(
            (e for e in self.entries_by_id.values() if (e.athlete_id, e.day) == (athlete_id, day)),
            key=lambda e: (e.eaten_at, e.id or 0),
        )

    async def entry(self, entry_id: int) -> FoodEntry | None:
        return self.entries_by_id.get(entry_id)

    async def delete_entry(self, entry_id: int) -> None:
        self.entries_by_id.pop(entry_id, None)

    async def totals(self, athlete_id: int, first: date, last: date) -> dict[date, Macros]:
        totals: dict[date, Macros] = {}
        for e in self.entries_by_id.values():
            if e.athlete_id == athlete_id and first <= e.day <= last:
                totals[e.day] = totals.get(e.day, ZERO) + e.macros
        return totals

    async def meal_plan(self, athlete_id: int) -> MealPlan | None:
        return self._plans.get(athlete_id)

    async def save_meal_plan(self, plan: MealPlan) -> None:
        self._plans[plan.athlete_id] = plan

    async def add_prompt(self, prompt: NutritionPrompt, at: datetime) -> None:
        self._prompts.setdefault((prompt.chat_id, prompt.message_id), prompt)

    async def prompt(self, chat_id: int, message_id: int) -> NutritionPrompt | None:
        return self._prompts.get((chat_id, message_id))


class InMemoryTrainingDays:
    """When workouts were opened, sets and MetCon results logged, as nutrition reads them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    async def trained_between(
        self, athlete_id: int, since: datetime, until: datetime
    ) -> list[datetime]:
        workouts: dict[int, Workout] = self._data.get("workouts", {})
        results: dict[int, LoggedResult] = self._data.get("conditioning_results", {})
        moments = {w.started_at for w in workouts.values() if w.athlete_id == athlete_id}
        moments |= {
            s.done.logged_at
            for w in workouts.values()
            if w.athlete_id == athlete_id
            for s in w.sets
            if s.done is not None
        }
        moments |= {r.logged_at for r in results.values() if r.athlete_id == athlete_id}
        return sorted(moment for moment in moments if since <= moment < until)


class InMemoryBody:
    """Measurements and photos by (athlete, day, name or pose), and who asked for reminders."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._measurements: dict[tuple[int, date, str], Measurement] = data.setdefault(
            "body_measurements", {}
        )
        self._photos: dict[tuple[int, date, str], Photo] = data.setdefault("body_photos", {})
        self._reminders: dict[int, bool] = data.setdefault("body_reminders", {})
        self._users: dict[int, User] = data.setdefault("users", {})

    async def record(
        self, athlete_id: int, day: date, measurements: Sequence[Measurement], at: datetime
    ) -> None:
        for measurement in measurements:  # a replaced value is the latest logged, as in SQL
            self._measurements.pop((athlete_id, day, measurement.name), None)
            self._measurements[(athlete_id, day, measurement.name)] = measurement

    async def add_photo(self, athlete_id: int, day: date, photo: Photo, at: datetime) -> None:
        self._photos[(athlete_id, day, photo.pose)] = photo

    async def entries(self, athlete_id: int, since: date | None = None) -> list[ProgressEntry]:
        def mine(key: tuple[int, date, str]) -> bool:
            return key[0] == athlete_id and (since is None or key[1] >= since)

        def by_day(item: tuple[tuple[int, date, str], object]) -> date:
            return item[0][1]

        return group_entries(
            ((k[1], m) for k, m in sorted(self._measurements.items(), key=by_day) if mine(k)),
            ((k[1], p) for k, p in sorted(self._photos.items(), key=by_day) if mine(k)),
        )

    async def weights(self, athlete_id: int, since: date) -> list[tuple[date, Decimal]]:
        return sorted(
            (day, m.value)
            for (athlete, day, name), m in self._measurements.items()
            if athlete == athlete_id and name == WEIGHT and day >= since
        )

    async def weights_since(self, athlete_id: int, since: date) -> list[tuple[date, Decimal]]:
        return await self.weights(athlete_id, since)

    async def reminder(self, athlete_id: int) -> bool:
        return self._reminders.get(athlete_id, False)

    async def set_reminder(self, athlete_id: int, on: bool) -> None:
        self._reminders[athlete_id] = on

    async def reminded(self) -> list[tuple[int, str]]:
        return [
            (athlete_id, self._users[athlete_id].time_zone)
            for athlete_id, on in sorted(self._reminders.items())
            if on and athlete_id in self._users
        ]


class InMemoryGoals:
    """Goals by id, as the SQL repository keeps them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.rows: dict[int, Goal] = data.setdefault("goals", {})
        self._ids = data.setdefault("goal_ids", itertools.count(1))

    async def add(self, goal: Goal) -> Goal:
        stored = replace(goal, id=next(self._ids))
        self.rows[stored.id or 0] = stored
        return stored

    async def get(self, goal_id: int) -> Goal | None:
        return self.rows.get(goal_id)

    async def of_athlete(self, athlete_id: int) -> list[Goal]:
        return [g for _, g in sorted(self.rows.items()) if g.athlete_id == athlete_id]

    async def save(self, goal: Goal) -> None:
        kept = self.rows.get(goal.id or 0)
        if kept is None:
            raise LookupError(f"no goal {goal.id}")
        self.rows[goal.id or 0] = replace(
            kept, status=goal.status, start=goal.start, reached_at=goal.reached_at
        )

    async def with_active(self) -> list[int]:
        return sorted({g.athlete_id for g in self.rows.values() if g.status == GoalStatus.ACTIVE})


class InMemoryAssessments:
    def __init__(self, data: dict[str, Any]) -> None:
        self.rows: dict[int, Assessment] = data.setdefault("assessments", {})
        self.prompts: dict[tuple[int, int], AssessmentPrompt] = data.setdefault(
            "assessment_prompts", {}
        )
        self._ids = data.setdefault("assessment_ids", itertools.count(1))

    async def add(self, assessment: Assessment) -> Assessment:
        stored = replace(assessment, id=next(self._ids))
        self.rows[stored.id or 0] = stored
        return stored

    async def of_athlete(self, athlete_id: int, limit: int) -> list[Assessment]:
        mine = [a for a in self.rows.values() if a.athlete_id == athlete_id]
        return sorted(mine, key=lambda a: (a.day, a.id or 0), reverse=True)[:limit]

    async def add_prompt(self, prompt: AssessmentPrompt, at: datetime) -> None:
        self.prompts.setdefault((prompt.chat_id, prompt.message_id), prompt)

    async def prompt(self, chat_id: int, message_id: int) -> AssessmentPrompt | None:
        return self.prompts.get((chat_id, message_id))


class InMemoryLiftedSets:
    """Work sets logged on an exercise, in any workout, as goals read them."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    async def sets_of(self, athlete_id: int, exercise: str) -> list[tuple[Weight, int]]:
        workouts: dict[int, Workout] = self._data.get("workouts", {})
        return [
            (s.done.weight, s.done.reps)
            for w in workouts.values()
            if w.athlete_id == athlete_id
            for s in w.sets
            if s.done is not None and s.prescribed.exercise == exercise and not s.prescribed.warmup
        ]


class InMemoryBodyReadings:
    """Body weights and measurements by athlete: `data["body_weights"]`, `data["measurements"]`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.weights: dict[int, Weight] = data.setdefault("body_weights", {})
        self.measured: dict[tuple[int, str], Decimal] = data.setdefault("measurements", {})

    async def latest_body_weight(self, athlete_id: int) -> Weight | None:
        return self.weights.get(athlete_id)

    async def latest_measurement(self, athlete_id: int, name: str) -> Decimal | None:
        return self.measured.get((athlete_id, name))


class InMemoryCoachLinks:
    """Each athlete's current coach: `data["coach_links"]`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.links: dict[int, int] = data.setdefault("coach_links", {})

    async def coach_of(self, athlete_id: int) -> int | None:
        return self.links.get(athlete_id)


class InMemoryCheckIns:
    """Check-in days by athlete and check-ins by id, one a week each."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.days: dict[int, CheckInDay] = data.setdefault("checkin_days", {})
        self.rows: dict[int, CheckIn] = data.setdefault("checkins", {})
        self._ids = data.setdefault("checkin_ids", itertools.count(1))

    async def day(self, athlete_id: int) -> CheckInDay:
        return self.days.get(athlete_id, CheckInDay(athlete_id))

    async def set_day(self, day: CheckInDay) -> None:
        self.days[day.athlete_id] = day

    async def asked(self) -> list[CheckInDay]:
        return [d for _, d in sorted(self.days.items()) if d.weekday is not None]

    async def add(self, check_in: CheckIn) -> CheckIn | None:
        if any(
            (c.athlete_id, c.week) == (check_in.athlete_id, check_in.week)
            for c in self.rows.values()
        ):
            return None
        stored = replace(check_in, id=next(self._ids), answers={})
        self.rows[stored.id or 0] = stored
        return stored

    async def get(self, check_in_id: int) -> CheckIn | None:
        return self.rows.get(check_in_id)

    async def save(self, check_in: CheckIn) -> None:
        kept = self.rows.get(check_in.id or 0)
        if kept is None:
            raise LookupError(f"no check-in {check_in.id}")
        self.rows[check_in.id or 0] = replace(
            kept, answers=dict(check_in.answers), completed_at=check_in.completed_at
        )

    def _completed(self) -> list[CheckIn]:
        done = [c for c in self.rows.values() if c.completed_at is not None]
        return sorted(done, key=lambda c: (c.completed_at, c.id or 0))

    async def latest(self, athlete_id: int, limit: int) -> list[CheckIn]:
        return [c for c in reversed(self._completed()) if c.athlete_id == athlete_id][:limit]

    async def completed_since(self, athlete_ids: Sequence[int], since: datetime) -> list[CheckIn]:
        return [
            c
            for c in self._completed()
            if c.athlete_id in athlete_ids and c.completed_at and c.completed_at >= since
        ]


class InMemoryHealth:
    """Health records, contacts (`health_contacts`, by id) and acknowledgements."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.records: dict[int, HealthRecord] = data.setdefault("health_records", {})
        self.contacts_by_id: dict[int, EmergencyContact] = data.setdefault("health_contacts", {})
        self.acks: dict[tuple[int, int], frozenset[int]] = data.setdefault("health_acks", {})

    async def record(self, athlete_id: int, *, lock: bool = False) -> HealthRecord | None:
        return self.records.get(athlete_id)

    async def save(self, record: HealthRecord) -> None:
        self.records[record.athlete_id] = record

    async def contacts(self, athlete_id: int) -> list[EmergencyContact]:
        return sorted(
            (c for c in self.contacts_by_id.values() if c.athlete_id == athlete_id),
            key=lambda c: (c.created_at, c.id or 0),
        )

    async def add_contact(self, contact: EmergencyContact) -> EmergencyContact:
        added = replace(contact, id=max(self.contacts_by_id, default=0) + 1)
        self.contacts_by_id[added.id or 0] = added
        return added

    async def remove_contact(self, contact_id: int) -> None:
        self.contacts_by_id.pop(contact_id, None)

    async def set_primary(self, athlete_id: int, contact_id: int) -> None:
        for key, contact in self.contacts_by_id.items():
            if contact.athlete_id == athlete_id:
                self.contacts_by_id[key] = replace(contact, primary=key == contact_id)

    async def acknowledged(self, athlete_id: int, coach_id: int) -> frozenset[int]:
        return self.acks.get((athlete_id, coach_id), frozenset())

    async def acknowledge(
        self, athlete_id: int, coach_id: int, questions: frozenset[int], at: datetime
    ) -> None:
        self.acks[(athlete_id, coach_id)] = questions

    async def withdraw(self, athlete_id: int, question: int) -> None:
        for key, questions in self.acks.items():
            if key[0] == athlete_id:
                self.acks[key] = questions - {question}


class InMemoryImports:
    """Imports by id, and which workouts each added (the workouts live in InMemoryWorkouts)."""

    def __init__(self, data: dict[str, Any], workouts: InMemoryWorkouts) -> None:
        self._rows: dict[int, StoredImport] = data.setdefault("imports", {})
        self._added: dict[int, list[int]] = data.setdefault("imported_workouts", {})
        self._workouts = workouts

    async def find(self, athlete_id: int, content_hash: str) -> StoredImport | None:
        return next(
            (
                i
                for i in self._rows.values()
                if i.athlete_id == athlete_id and i.content_hash == content_hash
            ),
            None,
        )

    async def get(self, import_id: int, *, lock: bool = False) -> StoredImport | None:
        return self._rows.get(import_id)

    async def add(
        self, athlete_id: int, app: App, content_hash: str, file_id: str, at: datetime
    ) -> StoredImport:
        stored = StoredImport(
            max(self._rows, default=0) + 1, athlete_id, app, content_hash, file_id, at
        )
        self._rows[stored.id] = stored
        return stored

    async def started_at(self, athlete_id: int) -> set[datetime]:
        return {w.started_at for w in await self._workouts.finished(athlete_id, 10**6)}

    async def add_workout(self, import_id: int, workout: Workout) -> int:
        workout_id = self._workouts.add_imported(workout)
        self._added.setdefault(import_id, []).append(workout_id)
        return workout_id

    async def mark_imported(self, import_id: int, at: datetime, workouts: int) -> None:
        self._rows[import_id] = replace(self._rows[import_id], imported_at=at, workouts=workouts)

    async def remove(self, import_id: int) -> None:
        self._rows.pop(import_id, None)
        for workout_id in self._added.pop(import_id, []):
            self._workouts.forget(workout_id)


class InMemoryUnitOfWork:
    """Changes become visible in `committed` only on commit; rollback restores them."""

    def __init__(self) -> None:
        self.committed: dict[str, Any] = {}
        self.commits = 0
        self._working: dict[str, Any] = {}
        self._build()

    def _build(self) -> None:
        self.users = InMemoryUsers(self._working)
        self.exercises = InMemoryExercises(self._working)
        self.plans = InMemoryPlans(self._working)
        self.athlete_plans = InMemoryAthletePlans(self._working)
        self.training_maxes = InMemoryTrainingMaxes(self._working)
        self.workouts = InMemoryWorkouts(self._working)
        self.imports = InMemoryImports(self._working, self.workouts)
        self.tracks = InMemoryLiftTracks(self._working)
        self.records = InMemoryRecords(self._working)
        self.proposals = InMemoryProposals(self._working)
        self.outbox = InMemoryOutbox(self._working)
        self.reminders = InMemoryReminders(self._working)
        self.conditioning = InMemoryConditioning(self._working)
        self.strength_days = InMemoryStrengthDays(self._working)
        self.class_days = InMemoryClassDays(self._working)
        self.goals = InMemoryGoals(self._working)
        self.assessments = InMemoryAssessments(self._working)
        self.lifted_sets = InMemoryLiftedSets(self._working)
        self.body_readings = InMemoryBodyReadings(self._working)
        self.coach_links = InMemoryCoachLinks(self._working)
        self.checkins = InMemoryCheckIns(self._working)
        self.nutrition = InMemoryNutrition(self._working)
        self.training_days = InMemoryTrainingDays(self._working)
        self.body = InMemoryBody(self._working)
        self.body_weights = self.body
        self.health = InMemoryHealth(self._working)

    async def __aenter__(self) -> InMemoryUnitOfWork:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.rollback()

    async def commit(self) -> None:
        self.committed = copy.deepcopy(self._working)
        self.commits += 1

    async def rollback(self) -> None:
        self._working.clear()
        self._working.update(copy.deepcopy(self.committed))
        self._build()

    @property
    def committed_users(self) -> dict[int, User]:
        users: dict[int, User] = self.committed.get("users", {})
        return users
