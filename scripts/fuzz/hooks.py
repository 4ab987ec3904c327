"""Schemathesis hooks: every operation is called with a token of a role its `x-roles` allows.

FUZZ_TOKENS holds a JSON map role -> bearer token (signed by scripts/fuzz.sh). Tokens are not
cached across operations (refresh_interval=None), since each operation may need another role.
"""
import json
import os

import schemathesis

TOKENS = json.loads(os.environ["FUZZ_TOKENS"])


@schemathesis.auth(refresh_interval=None)
class RoleToken:
    def get(self, case, context):
        roles = case.operation.definition.raw.get("x-roles") or []
        # Prefer a staff role: a scoped role only reaches its own (absent) records.
        for role in roles:
            if role not in ("canteen", "supplier", "driver"):
                return TOKENS[role]
        return TOKENS[roles[0]] if roles else None

    def set(self, case, data, context):
        if data:
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {data}"
