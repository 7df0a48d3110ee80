"""The whole schema the migrations must build: every context's tables, on one metadata."""

from __future__ import annotations

from sqlalchemy import MetaData

from storage.analytics import tables as analytics_tables
from storage.athletes import tables as athletes_tables
from storage.billing import tables as billing_tables
from storage.body import tables as body_tables
from storage.bookings import tables as bookings_tables
from storage.checkins import tables as checkins_tables
from storage.coaching import tables as coaching_tables
from storage.conditioning import tables as conditioning_tables
from storage.core import tables as core_tables
from storage.goals import tables as goals_tables
from storage.health import tables as health_tables
from storage.nutrition import tables as nutrition_tables
from storage.outbox import tables as outbox_tables
from storage.plans import tables as plans_tables
from storage.reminders import tables as reminders_tables
from storage.teams import classes_tables as team_classes_tables
from storage.teams import tables as teams_tables
from storage.teams import tracks as team_tracks_tables
from storage.teams import whiteboard as team_whiteboard_tables
from storage.training import tables as training_tables

# Each module registers its tables on the one Base when imported; naming them all here is
# what makes the metadata complete, whoever imported what before.
TABLE_MODULES = (
    core_tables,
    athletes_tables,
    plans_tables,
    training_tables,
    reminders_tables,
    outbox_tables,
    coaching_tables,
    conditioning_tables,
    nutrition_tables,
    health_tables,
    teams_tables,
    team_classes_tables,
    team_tracks_tables,
    team_whiteboard_tables,
    body_tables,
    checkins_tables,
    goals_tables,
    billing_tables,
    bookings_tables,
    analytics_tables,
)
metadata: MetaData = core_tables.Base.metadata
