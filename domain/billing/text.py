"""A package as a coach types it: `/packages add sessions 4 400 Four sessions`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from domain.billing.model import (
    MAX_PRICE,
    NAME_LIMIT,
    PACK_LIMIT,
    Included,
    PackageDraft,
    PackageKind,
)

_PER_MONTH = re.compile(r"^\+(\d{1,2})/month$")
_WHOLE = re.compile(r"^[0-9]{1,6}$")  # ASCII digits only: str.isdecimal takes any script's
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class PackageTextProblem(StrEnum):
    KIND = "kind"  # not program, monthly or sessions
    SESSIONS = "sessions"  # a pack's size is not 1 to 100
    PLAN = "plan"  # a program names no plan slug
    PRICE = "price"  # not a whole number of Stars, 1 to 10000
    OPTION = "option"  # an unknown +option
    NAME = "name"  # missing, or longer than an invoice title allows


@dataclass(frozen=True, slots=True)
class PackageTextError(Exception):
    problem: PackageTextProblem


def _whole(token: str | None, low: int, high: int, problem: PackageTextProblem) -> int:
    if token is None or not _WHOLE.match(token) or not low <= int(token) <= high:
        raise PackageTextError(problem)
    return int(token)


def parse_package(text: str) -> PackageDraft:
    """`sessions 4 400 Name`, `monthly 1500 +4/month +forms +messaging Name`,
    `program nsuns-4day 800 Name`: the kind, its size or plan, the price, options, the name."""
    tokens = text.split()
    kinds = {kind.value: kind for kind in PackageKind}
    if not tokens or tokens[0].lower() not in kinds:
        raise PackageTextError(PackageTextProblem.KIND)
    kind = kinds[tokens.pop(0).lower()]
    sessions, slug = 0, None
    if kind == PackageKind.SESSIONS:
        sessions = _whole(
            tokens.pop(0) if tokens else None, 1, PACK_LIMIT, PackageTextProblem.SESSIONS
        )
    elif kind == PackageKind.PROGRAM:
        slug = tokens.pop(0).lower() if tokens else ""
        if not _SLUG.match(slug):
            raise PackageTextError(PackageTextProblem.PLAN)
    price = _whole(tokens.pop(0) if tokens else None, 1, MAX_PRICE, PackageTextProblem.PRICE)
    per_month, forms, messaging = 0, False, False
    while tokens and tokens[0].startswith("+"):
        option = tokens.pop(0).lower()
        if match := _PER_MONTH.match(option):
            per_month = int(match[1])
        elif option == "+forms":
            forms = True
        elif option == "+messaging":
            messaging = True
        else:
            raise PackageTextError(PackageTextProblem.OPTION)
    name = " ".join(tokens)
    if not name or len(name) > NAME_LIMIT:
        raise PackageTextError(PackageTextProblem.NAME)
    included = Included(per_month, forms, messaging)
    return PackageDraft(kind, name, price, included, sessions, slug)
