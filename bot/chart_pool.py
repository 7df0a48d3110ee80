"""The chart pool: worker processes that replace themselves when one of them dies."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, InvalidStateError
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from functools import partial
from typing import ParamSpec, TypeVar

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


class SelfHealingPool(Executor):
    """A process pool that is built again when it breaks, and tries the call once more there.

    A ProcessPoolExecutor one of whose workers was killed (the OOM killer, a crash in a native
    library) is broken for good: every later submit fails, so /progress and the weekly
    summaries would fail until a restart.
    """

    def __init__(self, build: Callable[[], Executor]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._pool = build()
        self._closed = False

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        result: Future[T] = Future()
        self._start(result, partial(fn, *args, **kwargs), retry=True)
        return result

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closed = True
            pool = self._pool
        pool.shutdown(wait=wait, cancel_futures=cancel_futures)

    def _start(self, result: Future[T], call: Callable[[], T], *, retry: bool) -> None:
        pool = self._pool
        try:
            attempt = pool.submit(call)
        except BrokenProcessPool:
            if not retry:
                raise
            self._replace(pool)
            self._start(result, call, retry=False)
            return
        attempt.add_done_callback(partial(self._finish, result, call, pool, retry))

    def _finish(
        self,
        result: Future[T],
        call: Callable[[], T],
        pool: Executor,
        retry: bool,
        attempt: Future[T],
    ) -> None:
        """Runs in the pool's own thread when an attempt ends."""
        if attempt.cancelled():
            result.cancel()
            return
        error = attempt.exception()
        if isinstance(error, BrokenProcessPool) and retry:
            self._replace(pool)
            try:
                self._start(result, call, retry=False)
            except Exception as again:  # handed to whoever awaits the result
                error = again
            else:
                return
        with suppress(InvalidStateError):  # the caller gave up on it (cancelled) meanwhile
            if error is None:
                result.set_result(attempt.result())
            else:
                result.set_exception(error)

    def _replace(self, broken: Executor) -> None:
        with self._lock:
            if self._pool is not broken or self._closed:
                return  # another call replaced it already, or the bot is stopping
            self._pool = self._build()  # the broken one has stopped its workers on its own
        logger.warning("a chart worker died; the chart pool was started afresh")
