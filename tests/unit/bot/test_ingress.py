"""The cluster's ingress: which worker a chat's updates go to, and whose update it is."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr

from bot.cluster import PEERS, SELF, check_cluster, owns_chat
from bot.config import ConfigError, Settings
from bot.ingress import Worker, chat_and_user, route

WORKERS = [Worker(f"http://127.0.0.1:{9000 + n}", up=True) for n in range(3)]


def test_a_chat_always_goes_to_the_same_worker_and_chats_spread_over_all() -> None:
    firsts = {chat: route(WORKERS, chat)[0].url for chat in range(-300, 300)}
    assert firsts == {chat: route(WORKERS, chat)[0].url for chat in range(-300, 300)}
    counts = [list(firsts.values()).count(w.url) for w in WORKERS]
    assert min(counts) > 600 / 3 * 0.7  # roughly even


def test_only_a_dead_workers_chats_move_and_they_come_back_with_it() -> None:
    before = {chat: route(WORKERS, chat)[0] for chat in range(600)}
    WORKERS[1].up = False
    try:
        during = {chat: route(WORKERS, chat)[0] for chat in range(600)}
    finally:
        WORKERS[1].up = True
    moved = {chat for chat in before if before[chat] is not during[chat]}
    assert moved == {chat for chat in before if before[chat] is WORKERS[1]}
    assert all(during[chat] is not WORKERS[1] for chat in during)
    assert {chat: route(WORKERS, chat)[0] for chat in range(600)} == before


@pytest.mark.parametrize(
    ("update", "key"),
    [
        ({"update_id": 1, "message": {"chat": {"id": 5}, "from": {"id": 5}}}, (5, 5)),
        ({"update_id": 2, "message": {"chat": {"id": -100}, "from": {"id": 7}}}, (-100, 7)),
        (
            {
                "update_id": 3,
                "callback_query": {"from": {"id": 7}, "message": {"chat": {"id": -100}}},
            },
            (-100, 7),
        ),
        ({"update_id": 4, "my_chat_member": {"chat": {"id": -9}, "from": {"id": 2}}}, (-9, 2)),
        ({"update_id": 5, "pre_checkout_query": {"from": {"id": 3}}}, (3, 3)),
        ({"update_id": 6, "poll": {"id": "x"}}, (0, 0)),
    ],
)
def test_an_update_is_keyed_by_its_chat_and_user_as_the_bot_orders_them(
    update: dict[str, Any], key: tuple[int, int]
) -> None:
    assert chat_and_user(update) == key


def test_several_workers_need_postgresql_and_a_webhook() -> None:
    url, secret = "https://bot.example.com/hook", SecretStr("s3cret")
    with pytest.raises(ConfigError, match="PostgreSQL"):
        check_cluster(Settings(webhook_url=url, webhook_secret=secret), 2)
    assert check_cluster(Settings(webhook_url=url, webhook_secret=secret), 1).path == "/hook"
    with pytest.raises(ConfigError, match="webhook_url"):
        check_cluster(Settings(database_url="postgresql+asyncpg://db/spotter"), 2)


def test_each_chat_is_owned_by_the_one_worker_the_ingress_sends_it_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    peers = [w.url for w in WORKERS]
    monkeypatch.setenv(PEERS, " ".join(peers))
    owners = {}
    for url in peers:
        monkeypatch.setenv(SELF, url)
        owners[url] = owns_chat()
    for chat in range(-50, 50):
        [owner] = [url for url, owns in owners.items() if owns(chat)]
        assert owner == route(WORKERS, chat)[0].url
    monkeypatch.delenv(PEERS)
    assert owns_chat()(7)  # outside a cluster, a process owns every chat
