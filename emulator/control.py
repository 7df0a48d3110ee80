"""A small HTTP control surface for manual runs and benchmarks (python -m emulator)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from emulator.driver import BotApiEmulator


def add_control_routes(app: web.Application, emu: BotApiEmulator) -> None:
    """POST /_emulator/send and /press; GET /_emulator/chats/{chat_id} and /stats."""

    async def body(request: web.Request) -> dict[str, Any]:
        data = await request.json()
        if not isinstance(data, dict) or not isinstance(data.get("user_id"), int):
            raise web.HTTPBadRequest(text='expected a JSON object with an integer "user_id"')
        return data

    async def send(request: web.Request) -> web.Response:
        data = await body(request)
        user = emu.user(data["user_id"], str(data.get("first_name", "User")))
        chat = emu.chat(int(data["chat_id"])) if "chat_id" in data else None
        update_id = await user.send(str(data.get("text", "")), chat=chat)
        return web.json_response({"update_id": update_id})

    async def press(request: web.Request) -> web.Response:
        data = await body(request)
        user = emu.user(data["user_id"])
        try:
            query_id = await user.press(str(data.get("label", "")))
        except (LookupError, ValueError) as error:
            raise web.HTTPNotFound(text=str(error)) from None
        return web.json_response({"callback_query_id": query_id})

    async def chat(request: web.Request) -> web.Response:
        chat_id = int(request.match_info["chat_id"])
        record = emu.world.chats.get(chat_id)
        if record is None:
            raise web.HTTPNotFound(text=f"no chat {chat_id}")
        messages = [dataclasses.asdict(m) for m in emu.chat(chat_id).messages]
        return web.json_response({"messages": messages})

    async def stats(request: web.Request) -> web.Response:
        methods: dict[str, int] = {}
        for recorded in emu.requests:
            methods[recorded.method] = methods.get(recorded.method, 0) + 1
        return web.json_response(
            {
                "requests": len(emu.requests),
                "by_method": methods,
                "api_errors": [dataclasses.asdict(e) for e in emu.api_errors[-20:]],
                "flood_violations": len(emu.flood_violations),
                "pending_updates": emu.updates.pending_count,
            }
        )

    app.router.add_post("/_emulator/send", send)
    app.router.add_post("/_emulator/press", press)
    app.router.add_get("/_emulator/chats/{chat_id}", chat)
    app.router.add_get("/_emulator/stats", stats)
