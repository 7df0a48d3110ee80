"""A progression reason in two columns: its kind, and its parameters as JSON."""

from __future__ import annotations

import json

from domain.plans.rules.reasons import Reason, reason_from_json, reason_to_json


def reason_columns(reason: Reason) -> tuple[str, str]:
    data = reason_to_json(reason)
    return data["kind"], json.dumps(data["params"], ensure_ascii=False, separators=(",", ":"))


def to_reason(kind: str, params: str) -> Reason:
    return reason_from_json({"kind": kind, "params": json.loads(params)})
