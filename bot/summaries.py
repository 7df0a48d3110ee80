"""The weekly summary as Telegram shows it: the weekly-volume chart captioned with three lines.

It lives in the composition root because it joins the domain (the summary, the progress series),
the handlers' words and charts, and the chart pool; the scheduler job receives it ready-made.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.athletes.model import Language
from domain.progress.series import WeeklySummary
from domain.progress.use_cases.progress import ShowProgress
from domain.reminders.use_cases.summaries import FixedTime, SummaryMessage
from handlers.common.i18n import Catalogue
from handlers.progress import charts
from handlers.progress.texts import chart_words, weekly_summary_lines
from storage.uow import SqlUnitOfWork

logger = logging.getLogger(__name__)


class ChartedSummary:
    """Renders a weekly summary; the chart is drawn in the pool, never on the event loop."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        pool: Executor | None,
        catalogue: Catalogue,
    ) -> None:
        self._session_factory = session_factory
        self._pool = pool
        self._catalogue = catalogue

    async def __call__(
        self, athlete_id: int, language: Language, summary: WeeklySummary, at: datetime
    ) -> SummaryMessage:
        t = self._catalogue.translator(language)
        caption = "\n".join(weekly_summary_lines(t, summary))
        then = FixedTime(at)
        progress = await ShowProgress(SqlUnitOfWork(self._session_factory, then), then)(athlete_id)
        if not progress.has_data:
            return SummaryMessage(caption)
        loop = asyncio.get_running_loop()
        words = chart_words(t, progress)
        try:
            photo = await loop.run_in_executor(self._pool, charts.render_volume, progress, words)
        except Exception:
            logger.exception("the weekly chart of athlete %d failed; sent without it", athlete_id)
            return SummaryMessage(caption)
        return SummaryMessage(caption, photo)
