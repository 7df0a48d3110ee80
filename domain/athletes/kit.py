"""What an athlete trains with beyond the bar and plates: the kit a MetCon may use, and whose Rx
loads they take (CONDITIONING.md gives men's and women's)."""

from __future__ import annotations

from enum import StrEnum


class Kit(StrEnum):
    """One piece of kit (set once in /settings); stored, so never renamed."""

    BARBELL = "barbell"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    PULL_UP_BAR = "pull_up_bar"
    ROWER = "rower"
    BIKE = "bike"
    JUMP_ROPE = "jump_rope"
    BOX = "box"
    WALL_BALL = "wall_ball"
    RINGS = "rings"
    ROPE = "rope"
    GHD = "ghd"


FULL_GYM = frozenset(Kit)


class Division(StrEnum):
    """Whose Rx loads and reference medians an athlete's results are read against; stored."""

    MEN = "men"
    WOMEN = "women"


def kit_text(kit: frozenset[Kit]) -> str:
    """The stored form: values in the enum's order, comma-separated ("" is bodyweight only)."""
    return ",".join(item.value for item in Kit if item in kit)


def kit_from_text(text: str) -> frozenset[Kit]:
    """The stored form read back; a value no longer known is dropped, not an error."""
    known = {item.value: item for item in Kit}
    return frozenset(known[value] for value in text.split(",") if value in known)
