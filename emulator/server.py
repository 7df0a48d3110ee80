"""HTTP side of the emulator: routing, request decoding, faults, flood limits and the call log."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from aiohttp import BodyPartReader, hdrs, web

from emulator.errors import ApiError, bad_request, fault, too_many_requests
from emulator.flood import FloodLimiter, FloodViolation
from emulator.media import UPLOAD_LIMIT, FileStore
from emulator.methods import MESSAGE_METHODS, BotApi
from emulator.params import Params, Upload

_dumps = partial(json.dumps, ensure_ascii=False)


@dataclass(frozen=True)
class RecordedRequest:
    """One Bot API call and how it was answered."""

    method: str
    params: dict[str, Any]
    time: float  # time.monotonic() when the answer was sent
    status: int
    response: dict[str, Any]
    injected: bool = False  # answered by emu.fail_next
    flood_limited: bool = False  # answered 429 by the flood limits
    unheard: bool = False  # the client had gone (a killed bot's long poll): nobody read it

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class Fault:
    method: str | None  # canonical method name, or None for any method
    error: ApiError
    times: int


class ApiServer:
    """Serves /bot<token>/<method> and /file/bot<token>/<path>."""

    def __init__(self, api: BotApi, files: FileStore, token: str) -> None:
        self.api = api
        self.files = files
        self.token = token
        self.faults: list[Fault] = []
        self.requests: list[RecordedRequest] = []
        self.limiter: FloodLimiter | None = None
        self.flood_violations: list[FloodViolation] = []

    def app(self) -> web.Application:
        app = web.Application(client_max_size=UPLOAD_LIMIT + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self.handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self.handle_file)
        return app

    @property
    def api_errors(self) -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if not r.ok and not r.injected and not r.flood_limited and not r.unheard
        ]

    def _answer(
        self,
        method: str,
        params: Params | None,
        status: int,
        body: dict[str, Any],
        **flags: bool,
    ) -> web.Response:
        recorded = {} if params is None else params.recorded()
        self.requests.append(
            RecordedRequest(method, recorded, time.monotonic(), status, body, **flags)
        )
        self.api.world.changed()
        return web.json_response(body, status=status, dumps=_dumps)

    async def handle_method(self, request: web.Request) -> web.Response:
        raw_method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return self._answer(raw_method, None, 401, ApiError(401, "Unauthorized").to_json())
        method = self.api.canonical(raw_method)
        if method is None:
            return self._answer(raw_method, None, 404, ApiError(404, "Not Found").to_json())
        try:
            params = await read_params(request)
        except ApiError as error:
            return self._answer(method, None, error.status, error.to_json())
        response = await self._call(method, params)
        if request.transport is None or request.transport.is_closing():
            self.requests[-1] = replace(self.requests[-1], unheard=True)
        return response

    async def _call(self, method: str, params: Params) -> web.Response:
        injected = self._take_fault(method)
        if injected is not None:
            return self._answer(method, params, injected.status, injected.to_json(), injected=True)
        limited = self._flood_check(method, params)
        if limited is not None:
            return self._answer(method, params, 429, limited.to_json(), flood_limited=True)
        try:
            result = await self.api.methods[method](params)
        except ApiError as error:
            return self._answer(method, params, error.status, error.to_json())
        return self._answer(method, params, 200, {"ok": True, "result": result})

    async def handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        stored = self.files.by_path(request.match_info["path"])
        if stored is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=stored.data, content_type="application/octet-stream")

    def _take_fault(self, method: str) -> ApiError | None:
        for planned in self.faults:
            if planned.method in {None, method}:
                planned.times -= 1
                if planned.times <= 0:
                    self.faults.remove(planned)
                return planned.error
        return None

    def add_fault(
        self,
        method: str | None,
        *,
        status: int,
        retry_after: int | None,
        times: int,
        description: str | None,
    ) -> None:
        canonical = None if method is None else self.api.canonical(method)
        if method is not None and canonical is None:
            raise ValueError(f"the emulator does not implement {method}")
        error = fault(status, retry_after=retry_after, description=description)
        self.faults.append(Fault(canonical, error, times))

    def _flood_check(self, method: str, params: Params) -> ApiError | None:
        if self.limiter is None or method not in MESSAGE_METHODS:
            return None
        try:
            chat_id: int | None = params.integer("chat_id")
        except ApiError:
            chat_id = None
        now = time.monotonic()
        verdict = self.limiter.check(chat_id, now)
        if verdict is None:
            return None
        rule, retry_after = verdict
        self.flood_violations.append(FloodViolation(method, chat_id, rule, retry_after, now))
        return too_many_requests(retry_after)


async def read_params(request: web.Request) -> Params:
    """Accept multipart/form-data, urlencoded forms, JSON bodies and query strings."""
    values: dict[str, Any] = dict(request.query)
    uploads: dict[str, Upload] = {}
    content_type = request.content_type
    if request.method != "POST" or not request.can_read_body:
        return Params(values, uploads)
    if content_type == "multipart/form-data":
        reader = await request.multipart()
        total = 0
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader) or part.name is None:
                continue
            data = bytes(await part.read(decode=True))
            total += len(data)
            if total > UPLOAD_LIMIT:
                raise ApiError(413, "Request Entity Too Large")
            if part.filename:
                uploads[part.name] = Upload(
                    part.filename, data, part.headers.get(hdrs.CONTENT_TYPE)
                )
            else:
                values[part.name] = data.decode(part.get_charset("utf-8"))
    elif content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON request body") from None
        if not isinstance(body, dict):
            raise bad_request("can't parse JSON request body")
        values.update(body)
    else:
        form = await request.post()
        values.update({key: value for key, value in form.items() if isinstance(value, str)})
    return Params(values, uploads)
