"""Ann, her clock and in-memory storage, and stand-ins for the words and the chart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from domain.athletes.model import Language, Profile
from domain.athletes.use_cases.registration import RegisterUser, SetTimeZone
from domain.outbox.model import Action, Button, OutgoingMessage
from domain.plans.model import PlanDay
from domain.plans.use_cases.install import install_builtin_programs
from domain.progress.series import WeeklySummary
from domain.reminders.choices import SwitchReminders
from domain.reminders.model import Reminder
from domain.reminders.use_cases.sending import SendReminders, Wording
from domain.reminders.use_cases.settings import ChangeReminders
from domain.reminders.use_cases.summaries import SummaryMessage
from domain.shared.weights import Unit, Weight
from domain.training.model import SetResult
from domain.training.use_cases.finishing import FinishWorkout
from domain.training.use_cases.logging import LogSet, OpenWorkout
from domain.training.use_cases.onboarding import SetTrainingMaxes, StartPlan
from tests.fakes import FixedClock, InMemoryUnitOfWork

BERLIN = ZoneInfo("Europe/Berlin")
KOLKATA = ZoneInfo("Asia/Kolkata")
ADELAIDE = ZoneInfo("Australia/Adelaide")
UTC_ZONE = ZoneInfo("UTC")
MON_WED_FRI = frozenset({0, 2, 4})
ANN = 1001
GRACE = timedelta(hours=2)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


START = ((Button(Action.OPEN_TODAYS_WORKOUT),),)


class Texts:
    """The domain's ReminderTexts, spelling out what it was given."""

    def reminder(self, language: Language, day: PlanDay | None) -> Wording:
        return Wording(f"reminder {day.number if day else '-'}", START)

    def missed(self, language: Language, day: PlanDay | None) -> Wording:
        return Wording(f"missed {day.number if day else '-'}")

    def nudge(self, language: Language, missed: int, day: PlanDay | None) -> Wording:
        return Wording(f"nudge after {missed}")


class Athlete:
    """Ann on nSuns in Berlin, reminders Mon/Wed/Fri at 18:00, switched on Monday 2 March."""

    def __init__(self, zone: str = "Europe/Berlin", language_code: str | None = None) -> None:
        self.uow = InMemoryUnitOfWork()
        self.clock = FixedClock(utc("2026-03-02 09:30"))
        self.zone = zone
        self.language_code = language_code

    async def set_up(self, *changes: object) -> Athlete:
        await install_builtin_programs(self.uow)
        await RegisterUser(self.uow, self.clock)(
            Profile(ANN, "Ann", language_code=self.language_code)
        )
        await SetTimeZone(self.uow)(ANN, self.zone)
        await StartPlan(self.uow, self.clock)(ANN, "nsuns-4day")
        tms = {"bench": "100", "squat": "126", "ohp": "60", "deadlift": "180"}
        await SetTrainingMaxes(self.uow, self.clock)(
            ANN,
            {lift: Weight(Decimal(kg), Unit.KG) for lift, kg in tms.items()},
            one_rep_maxes=False,
        )
        await ChangeReminders(self.uow, self.clock)(ANN, SwitchReminders())
        for change in changes:
            await ChangeReminders(self.uow, self.clock)(ANN, change)  # type: ignore[arg-type]
        return self

    async def job(self, at: str, grace: timedelta = GRACE) -> list[str]:
        self.clock.current = utc(at)
        run = await SendReminders(self.uow, self.clock, Texts(), grace)()
        return run.queued

    async def trains(self, at: str) -> None:
        """Opens the next day, logs its first set as prescribed, and finishes."""
        self.clock.current = utc(at)
        workout = await OpenWorkout(self.uow, self.clock)(ANN)
        first = workout.sets[0].prescribed.position
        await LogSet(self.uow, self.clock)(ANN, workout.id or 0, first, SetResult())
        await FinishWorkout(self.uow, self.clock)(ANN, workout.id or 0)

    @property
    def outbox(self) -> dict[str, OutgoingMessage]:
        return {key: message for key, (message, _) in self.uow.committed["outbox"].items()}

    @property
    def reminder(self) -> Reminder:
        found: Reminder = self.uow.committed["reminders"][ANN]
        return found


class Renderer:
    def __init__(self) -> None:
        self.calls: list[tuple[int, WeeklySummary, datetime]] = []
        self.languages: list[Language] = []

    async def __call__(
        self, athlete_id: int, language: Language, summary: WeeklySummary, at: datetime
    ) -> SummaryMessage:
        self.calls.append((athlete_id, summary, at))
        self.languages.append(language)
        return SummaryMessage(f"{summary.sessions_done} of {summary.sessions_planned}", b"PNG")
