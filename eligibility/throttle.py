"""Throttles kept in the shared cache, so that every worker and every app server counts together.

Two kinds, both keyed by a scope and an identity (the client's address from ``eligibility.client``, or a
user id); the identity is hashed before it becomes a cache key.

``SlotThrottle`` bounds security-sensitive attempts (resume codes, import codes, case creation) exactly,
even under a burst of parallel requests: each attempt must first take one of ``limit`` numbered slots with
the cache's atomic ``add`` (an ``INSERT`` on the database cache's primary key, ``SET NX`` on Redis); a
slot frees itself ``window`` seconds after it was taken. A counter read and then rewritten would let a
burst of parallel guesses through with the database cache, whose ``incr`` is not atomic.

``RateCounter`` limits request rates (the public API): a counter per fixed window, with ``add`` then
``incr`` (atomic on Redis; on the database cache parallel requests may be counted a little short, which
is fine for a load limit and costs one query instead of ``limit``).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import caches

from .client import client_ip


def _identity_hash(identity: str) -> str:
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Slot:
    key: str


class SlotThrottle:
    def __init__(self, scope: str, limit: int, window: int, cache_alias: str = "default"):
        self.scope, self.limit, self.window, self.cache_alias = scope, limit, window, cache_alias

    @property
    def cache(self):
        return caches[self.cache_alias]

    def _keys(self, identity: str) -> list[str]:
        base = f"throttle:{self.scope}:{_identity_hash(identity)}"
        return [f"{base}:{i}" for i in range(self.limit)]

    def acquire(self, identity: str) -> Slot | None:
        """Take a slot for one attempt, or ``None`` when ``limit`` attempts are already counted."""
        keys = self._keys(identity)
        taken = self.cache.get_many(keys)
        for key in keys:
            if key not in taken and self.cache.add(key, 1, self.window):
                return Slot(key)
        return None

    def release(self, slot: Slot) -> None:
        """Give a slot back (an attempt that should not count, for example a right code)."""
        self.cache.delete(slot.key)

    def is_full(self, identity: str) -> bool:
        keys = self._keys(identity)
        return len(self.cache.get_many(keys)) >= self.limit

    def acquire_for(self, request) -> Slot | None:
        return self.acquire(client_ip(request))


class RateCounter:
    def __init__(self, scope: str, limit: int, window: int, cache_alias: str = "default"):
        self.scope, self.limit, self.window, self.cache_alias = scope, limit, window, cache_alias

    def hit(self, identity: str) -> tuple[bool, int]:
        """Count one request: (allowed, seconds until the window ends)."""
        now = int(time.time())
        window_start = now - now % self.window
        key = f"rate:{self.scope}:{_identity_hash(identity)}:{window_start}"
        cache = caches[self.cache_alias]
        try:
            count = cache.incr(key)
        except ValueError:  # first request of the window (or the counter just expired)
            count = 1 if cache.add(key, 1, self.window + 1) else cache.incr(key)
        return count <= self.limit, window_start + self.window - now
