"""A coach adds an exercise to a client's own library, naming the client as they are known."""

from __future__ import annotations

from domain.athletes.model import User
from domain.coaching.ports import CoachingUnitOfWork
from domain.coaching.use_cases.invites import NotYourClientError
from domain.plans.exercise_line import ExerciseLine, as_exercise
from domain.plans.model import Exercise


def _named(client: User, name: str) -> bool:
    wanted = " ".join(name.lower().split())
    if wanted.startswith("@"):
        return client.username is not None and client.username.lower() == wanted[1:]
    full = " ".join(filter(None, (client.first_name, client.last_name))).lower()
    return wanted in {client.first_name.lower(), full}


class AddClientExercise:
    """Adds the exercise to the client's own (the same name again corrects it)."""

    def __init__(self, uow: CoachingUnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, coach_id: int, line: ExerciseLine) -> tuple[Exercise, User]:
        """NotYourClientError unless exactly one current client answers to `line.client`."""
        async with self._uow:
            clients = [
                facts.client
                for facts in await self._uow.coachings.clients_with_plans(coach_id)
                if _named(facts.client, line.client or "")
            ]
            if len(clients) != 1:
                raise NotYourClientError(coach_id)
            client = clients[0]
            exercise = as_exercise(line, client.telegram_id)
            await self._uow.exercises.add_own(client.telegram_id, exercise)
            await self._uow.commit()
        return exercise, client
