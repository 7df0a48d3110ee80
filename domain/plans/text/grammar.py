"""The plan-text format's limits and the patterns of its words (docs/plan-format.md)."""

from __future__ import annotations

import re
from decimal import Decimal

MAX_TEXT = 64_000  # characters; a 16-day 5/3/1 with supplements is about 3,000
MAX_DAYS = 64
MAX_SETS = 20  # in one "5x5" group
MAX_REPS = 100
MAX_PERCENT = Decimal(150)
MAX_WEIGHT = Decimal(1000)
MAX_ERRORS = 8
DEFAULT_TM = Decimal("0.90")
RPE_LOWEST, RPE_HIGHEST = Decimal(6), Decimal(10)
RPE_MAX_REPS = 10  # the RPE chart covers 1–10 reps

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
SUPERSET = re.compile(r"[A-Z][1-9]")
GROUP = re.compile(
    r"(?P<sets>\d+)\s*[x×]\s*(?P<reps>\d+)(?:(?P<amrap>\+)|\s*[-–]\s*(?P<top>\d+))?",
    re.IGNORECASE,
)
NUMBER = r"\d+(?:[.,]\d+)?"
PERCENT = re.compile(rf"@?({NUMBER})%")
WEIGHT = re.compile(rf"@?({NUMBER})\s*(kg|lb)", re.IGNORECASE)
RPE = re.compile(rf"@({NUMBER})")
DIGITS = re.compile(r"[0-9]+")
DECIMAL_COMMA = re.compile(r"(\d),(\d+)(?=\s*(?:%|kg|lb))", re.IGNORECASE)
STEP = re.compile(rf"\+?({NUMBER})\s*(kg|lb)\s*/\s*\+?({NUMBER})\s*(kg|lb)", re.IGNORECASE)
BRACKET = re.compile(
    rf"(?P<low>\d+)(?:\s*[-–]\s*(?P<high>\d+)|(?P<open>\+))?\s+"
    rf"(?:\+0|(?P<step>\+?{NUMBER}\s*(?:kg|lb)\s*/\s*\+?{NUMBER}\s*(?:kg|lb)))",
    re.IGNORECASE,
)
