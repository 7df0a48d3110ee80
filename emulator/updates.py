"""The update queue behind getUpdates and the webhook: offsets, long polling, allowed_updates,
redelivery."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emulator.errors import ApiError
from emulator.state import Notifier

# Telegram leaves these out unless a bot asks for them explicitly.
_NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
_WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


@dataclass(eq=False)  # each is one delivery, told apart by identity
class _Pending:
    update_id: int
    kind: str
    deliver_again: bool = False  # deliver once more after the first delivery
    redelivery: bool = False  # a copy handed out again although it was confirmed


class UpdateQueue:
    """Pending updates, confirmed by the offset of a later getUpdates call, or one by one by
    the webhook's 2xx answers while a webhook is set (getUpdates is then refused)."""

    def __init__(self, notifier: Notifier, first_update_id: int = 1) -> None:
        self._notifier = notifier
        self._next_id = first_update_id
        self._pending: list[_Pending] = []
        self.history: dict[int, dict[str, Any]] = {}
        self._allowed: frozenset[str] | None = None
        self._poll_generation = 0
        self._confirmed_below = first_update_id
        self.closing = False
        self.webhook_active = False

    def push(self, kind: str, payload: dict[str, Any], *, deliver_twice: bool = False) -> int:
        update_id = self._next_id
        self._next_id += 1
        self.history[update_id] = {"update_id": update_id, kind: payload}
        self._pending.append(_Pending(update_id, kind, deliver_again=deliver_twice))
        self._notifier.notify()
        return update_id

    def redeliver(self, update_id: int) -> None:
        """Hand an already delivered update out once more, with the same update_id."""
        update = self.history[update_id]
        kind = next(key for key in update if key != "update_id")
        self._pending.append(_Pending(update_id, kind, redelivery=True))
        self._notifier.notify()

    def is_confirmed(self, update_id: int) -> bool:
        return update_id < self._confirmed_below and not any(
            p.update_id == update_id for p in self._pending
        )

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def set_allowed(self, allowed_updates: list[str] | None) -> None:
        """As setWebhook's allowed_updates: None keeps the previous choice, [] the default."""
        if allowed_updates is not None:
            self._allowed = frozenset(allowed_updates) or None

    def drop_pending(self) -> None:
        """drop_pending_updates: everything queued so far is confirmed unseen."""
        self._pending.clear()
        self._confirmed_below = self._next_id
        self._notifier.notify()

    def next_for_webhook(self, busy: frozenset[int] = frozenset()) -> _Pending | None:
        """The update the webhook is to receive next (the lowest id not `busy`), if any."""
        return next((p for p in self._deliverable() if id(p) not in busy), None)

    def payload(self, pending: _Pending) -> dict[str, Any]:
        return self.history[pending.update_id]

    def delivered(self, pending: _Pending) -> None:
        """The webhook answered 2xx for this update: it is confirmed (a planned copy follows)."""
        if pending not in self._pending:  # dropped meanwhile
            return
        self._pending.remove(pending)
        if not pending.redelivery:
            self._confirmed_below = max(self._confirmed_below, pending.update_id + 1)
        if pending.deliver_again:
            self._pending.append(_Pending(pending.update_id, pending.kind, redelivery=True))
        self._notifier.notify()

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            keep = self._pending[offset:]
            self._pending = keep
            return
        self._confirmed_below = max(self._confirmed_below, offset)
        self._pending = [p for p in self._pending if p.redelivery or p.update_id >= offset]

    def _deliverable(self) -> list[_Pending]:
        allowed = self._allowed
        kept: list[_Pending] = []
        for pending in self._pending:
            wanted = pending.kind in allowed if allowed else pending.kind not in _NOT_BY_DEFAULT
            if wanted:
                kept.append(pending)
        self._pending = kept
        return sorted(kept, key=lambda p: p.update_id)

    async def get(
        self,
        *,
        offset: int | None,
        limit: int,
        wait: float,
        allowed_updates: list[str] | None,
    ) -> list[dict[str, Any]]:
        if self.webhook_active:
            raise ApiError(409, _WEBHOOK_ACTIVE)
        self.set_allowed(allowed_updates)
        if offset is not None and offset != 0:
            self._confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        self._notifier.notify()

        def ready() -> bool:
            superseded = generation != self._poll_generation
            return superseded or self.closing or self.webhook_active or bool(self._deliverable())

        await self._notifier.wait_for(ready, max(wait, 0.0))
        if self.webhook_active:
            raise ApiError(409, _WEBHOOK_ACTIVE)
        if generation != self._poll_generation:
            raise ApiError(409, _CONFLICT)
        batch = self._deliverable()[:limit]
        for pending in batch:
            if pending.redelivery:
                self._pending.remove(pending)
            elif pending.deliver_again:
                pending.deliver_again = False
                self._pending.append(_Pending(pending.update_id, pending.kind, redelivery=True))
        return [self.history[p.update_id] for p in batch]
