"""Coach and client writing to each other through Spotter: /ask, replies, the stored thread."""

from __future__ import annotations

from dataclasses import dataclass

from domain.athletes.model import User
from domain.athletes.use_cases.registration import registered_user
from domain.coaching.model import MESSAGE_LIMIT, Coaching, Prompt, PromptPurpose, ThreadMessage
from domain.coaching.ports import CoachingUnitOfWork, CoachingWording
from domain.coaching.use_cases.invites import NoCoachError, NotYourClientError, coaching_of
from domain.outbox.model import CAPTION_LIMIT, TEXT_LIMIT, Copy, OutgoingMessage
from domain.shared.ports import Clock

THREAD_SHOWN = 20


@dataclass(frozen=True, slots=True)
class Attachment:
    """A photo, voice, video, round video or document sent as a reply: copied, never stored.

    `mark` stands for it in the thread ("🎤"); `captioned` says whether Telegram lets a copy
    carry a caption (a round video does not: the sender's name goes before it instead).
    """

    chat_id: int
    message_id: int
    mark: str
    captioned: bool
    caption: str = ""


class MessageTooLongError(ValueError):
    """Empty, longer than MESSAGE_LIMIT characters, or too long for Telegram once relayed."""


class NotARelayError(LookupError):
    """The message replied to is not one Spotter relayed to this person."""


class Relay:
    """Sends one person's words to the other side of their coaching, exactly once, in order."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock, wording: CoachingWording) -> None:
        self._uow = uow
        self._clock = clock
        self._wording = wording

    async def ask_coach(self, athlete_id: int, text: str) -> User:
        """The athlete writes to their coach (/ask); returns the coach."""
        async with self._uow:
            coaching = await self._uow.coachings.current_for_athlete(athlete_id)
            if coaching is None:
                raise NoCoachError(athlete_id)
            return await self._send(coaching, athlete_id, text)

    async def write_client(
        self, coach_id: int, athlete_id: int, text: str, *, reply_to: int | None = None
    ) -> User:
        """The coach writes to a client (answering a message in their chat); returns them."""
        async with self._uow:
            coaching = await coaching_of(self._uow, coach_id, athlete_id)
            return await self._send(coaching, coach_id, text, reply_to=reply_to)

    async def reply(
        self,
        replier_id: int,
        chat_id: int,
        replied_id: int,
        text: str,
        attachment: Attachment | None = None,
    ) -> User:
        """A reply to a relayed message (or a prompt) goes to the other side of that coaching."""
        async with self._uow:
            coaching_id = await self._coaching_replied_to(replier_id, chat_id, replied_id)
            coaching = next(
                (c for c in await self._current_of(replier_id) if c.id == coaching_id),
                None,
            )
            if coaching is None:  # it ended: the other side hears nothing more
                raise NotYourClientError(replier_id)
            if attachment is not None:
                return await self._send_attachment(coaching, replier_id, attachment)
            return await self._send(coaching, replier_id, text)

    async def _coaching_replied_to(self, replier_id: int, chat_id: int, replied_id: int) -> int:
        if chat_id != replier_id:  # relays and prompts live in private chats only
            raise NotARelayError(replied_id)
        relayed = await self._uow.threads.replied_to(chat_id, replied_id)
        if relayed is not None and relayed.recipient_id == replier_id:
            return relayed.coaching_id
        noted = await self._uow.threads.noted(chat_id, replied_id)
        if noted is not None:
            return noted
        prompted = await self._uow.threads.prompt(chat_id, replied_id)
        if prompted is None or prompted.purpose != PromptPurpose.MESSAGE:
            raise NotARelayError(replied_id)
        return prompted.coaching_id

    async def _current_of(self, user_id: int) -> list[Coaching]:
        as_client = await self._uow.coachings.current_for_athlete(user_id)
        as_coach = await self._uow.coachings.clients(user_id)
        return [*as_coach, *([as_client] if as_client else [])]

    async def _addressed(
        self, coaching: Coaching, sender_id: int, words: str, limit: int
    ) -> tuple[User, str]:
        """The other side, and the words as they will read them: named, escaped, in `limit`."""
        from_coach = sender_id == coaching.coach_id
        recipient_id = coaching.athlete_id if from_coach else coaching.coach_id
        sender = await registered_user(self._uow, sender_id)
        recipient = await registered_user(self._uow, recipient_id)
        shown = self._wording.relayed(recipient, sender, words, from_coach=from_coach)
        if len(shown) > limit:  # escaping and the sender's name made it too long
            raise MessageTooLongError(len(shown))
        return recipient, shown

    async def _send(
        self, coaching: Coaching, sender_id: int, text: str, *, reply_to: int | None = None
    ) -> User:
        text = text.strip()
        if not text or len(text) > MESSAGE_LIMIT:
            raise MessageTooLongError(len(text))
        recipient, shown = await self._addressed(coaching, sender_id, text, TEXT_LIMIT)
        recipient_id = recipient.telegram_id
        now = self._clock.now()
        stored = await self._uow.threads.add(
            ThreadMessage(None, coaching.id or 0, sender_id, recipient_id, text, now)
        )
        await self._uow.outbox.add(
            OutgoingMessage(
                key=stored.relay_key,
                chat_id=recipient_id,
                not_before=now,
                text=shown,
                language=recipient.language.value,
                reply_to=reply_to,
            )
        )
        await self._uow.commit()
        return recipient

    async def _send_attachment(
        self, coaching: Coaching, sender_id: int, attachment: Attachment
    ) -> User:
        caption = attachment.caption.strip()
        if len(caption) > MESSAGE_LIMIT:
            raise MessageTooLongError(len(caption))
        limit = CAPTION_LIMIT if attachment.captioned else TEXT_LIMIT
        recipient, shown = await self._addressed(coaching, sender_id, caption, limit)
        recipient_id = recipient.telegram_id
        now = self._clock.now()
        stored = await self._uow.threads.add(
            ThreadMessage(
                None,
                coaching.id or 0,
                sender_id,
                recipient_id,
                f"{attachment.mark} {caption}".strip(),
                now,
            )
        )
        language = recipient.language.value
        if not attachment.captioned:  # who sent it, then the round video itself
            await self._uow.outbox.add(
                OutgoingMessage(
                    f"{stored.relay_key}:head", recipient_id, now, shown, language=language
                )
            )
        await self._uow.outbox.add(
            OutgoingMessage(
                stored.relay_key,
                recipient_id,
                now,
                shown if attachment.captioned else None,
                copy=Copy(attachment.chat_id, attachment.message_id),
                language=language,
            )
        )
        await self._uow.commit()
        return recipient


class PromptClient:
    """Remembers a message the coach may reply to, to write to one client."""

    def __init__(self, uow: CoachingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def check(self, coach_id: int, athlete_id: int) -> User:
        """The client, if they are this coach's."""
        async with self._uow:
            await coaching_of(self._uow, coach_id, athlete_id)
            return await registered_user(self._uow, athlete_id)

    async def remember(
        self,
        coach_id: int,
        athlete_id: int,
        message_id: int,
        purpose: PromptPurpose = PromptPurpose.MESSAGE,
    ) -> None:
        async with self._uow:
            coaching = await coaching_of(self._uow, coach_id, athlete_id)
            await self._uow.threads.add_prompt(
                coach_id, message_id, coaching.id or 0, purpose, self._clock.now()
            )
            await self._uow.commit()

    async def replied(self, coach_id: int, chat_id: int, message_id: int) -> tuple[Prompt, int]:
        """The prompt a reply answers and its client, if the replier still coaches them."""
        async with self._uow:
            prompt = await self._uow.threads.prompt(chat_id, message_id)
            if prompt is None or chat_id != coach_id:
                raise NotARelayError(message_id)
            for coaching in await self._uow.coachings.clients(coach_id):
                if coaching.id == prompt.coaching_id:
                    return prompt, coaching.athlete_id
            raise NotYourClientError(coach_id)


async def answers_a_conversation(uow: CoachingUnitOfWork, chat_id: int, message_id: int) -> bool:
    """Whether the message replied to is a relay, a workout report, a prompt of coaching or a
    part of a Sunday digest."""
    async with uow:
        return (
            await uow.threads.replied_to(chat_id, message_id) is not None
            or await uow.threads.noted(chat_id, message_id) is not None
            or await uow.threads.prompt(chat_id, message_id) is not None
            or await uow.coaches.weekly_digest_key(chat_id, message_id) is not None
        )


async def thread(uow: CoachingUnitOfWork, coach_id: int, athlete_id: int) -> list[ThreadMessage]:
    """The last messages between the coach and their client, oldest first."""
    async with uow:
        coaching = await coaching_of(uow, coach_id, athlete_id)
        return await uow.threads.recent(coaching.id or 0, THREAD_SHOWN)
