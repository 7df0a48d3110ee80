"""What each role may do to a team, and when an invite link still works."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.teams.model import (
    Actor,
    CustomRole,
    Membership,
    Permission,
    Role,
    TeamInvite,
    is_team_invite_payload,
    may,
    new_team_invite_payload,
    permissions,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def member(role: Role, *, left: bool = False, custom: int | None = None) -> Membership:
    return Membership(1, 7, 42, role, NOW, NOW if left else None, custom)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.OWNER, set(Permission)),
        (Role.COACH, {Permission.PROGRAM, Permission.SCHEDULE, Permission.SCORES}),
        (Role.MEMBER, set()),
    ],
)
def test_each_system_role_grants_its_permissions(role: Role, allowed: set[Permission]) -> None:
    for need in Permission:
        assert may(Actor(42), member(role), None, need) == (need in allowed), need


def test_a_group_admin_may_do_everything_even_without_a_membership() -> None:
    assert all(may(Actor(42, chat_admin=True), None, None, need) for need in Permission)


def test_an_ended_membership_grants_nothing() -> None:
    assert permissions(member(Role.OWNER, left=True), None) == frozenset()


def test_a_custom_role_adds_its_permissions_only_to_the_membership_that_holds_it() -> None:
    scorer = CustomRole(5, 7, "Judge", frozenset({Permission.SCORES}))

    assert may(Actor(42), member(Role.MEMBER, custom=5), scorer, Permission.SCORES)
    assert not may(Actor(42), member(Role.MEMBER, custom=5), scorer, Permission.MEMBERS)
    assert not may(Actor(42), member(Role.MEMBER, custom=6), scorer, Permission.SCORES)


def test_an_invite_works_until_it_expires_is_revoked_or_is_spent() -> None:
    invite = TeamInvite(1, 7, "h", Role.COACH, 42, NOW, NOW + timedelta(days=7), max_uses=2)

    assert invite.usable(NOW + timedelta(days=6))
    assert not invite.usable(NOW + timedelta(days=7))
    spent = TeamInvite(1, 7, "h", Role.COACH, 42, NOW, NOW + timedelta(days=7), None, 2, 2)
    revoked = TeamInvite(1, 7, "h", Role.COACH, 42, NOW, NOW + timedelta(days=7), revoked_at=NOW)
    assert not spent.usable(NOW)
    assert not revoked.usable(NOW)


def test_payloads_are_team_links_and_nothing_else_is() -> None:
    payload = new_team_invite_payload()

    assert is_team_invite_payload(payload)
    assert len(payload) <= 64
    assert not is_team_invite_payload("c" + payload[1:])  # a coach's invite
    assert not is_team_invite_payload("t<script>")
