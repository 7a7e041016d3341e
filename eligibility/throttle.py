"""Throttles kept in the shared cache, so that every worker and every app server counts together.

Two kinds, both keyed by a scope and an identity (the client's address from ``eligibility.client``, or a
user id); the identity is hashed before it becomes a cache key.

``SlotThrottle`` bounds security-sensitive attempts (resume codes, import codes, case creation) exactly,
even under a burst of parallel requests: each attempt must first take one of ``limit`` numbered slots with
the cache's atomic ``add`` (an ``INSERT`` on the database cache's primary key, ``SET NX`` on Redis); a
slot frees itself ``window`` seconds after it was taken. A counter read and then rewritten would let a
burst of parallel guesses through with the database cache, whose ``incr`` is not atomic.

``RateCounter`` limits request rates (the public API): a counter per fixed window, added to by batches
(see the class; ``incr`` is atomic on Redis, and on the database cache parallel additions may be counted
a little short, which is fine for a load limit).
"""

from __future__ import annotations

import hashlib
import threading
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
    """Requests per fixed window and per identity, counted in the shared cache by batches.

    Each process counts locally and adds its count to the shared counter every ``batch`` requests of an
    identity, or as soon as the identity may have reached the limit by what this process last read: most
    requests cost no cache round trip (the API answers a simulation without any query). A client can
    exceed the limit by at most ``batch`` requests per process before every process refuses it.
    """

    _lock = threading.Lock()
    #: ``{cache key: [requests not yet added to the shared counter, shared count last read]}``, per process.
    _local: dict[str, list[int]] = {}
    _local_window = 0

    def __init__(self, scope: str, limit: int, window: int, cache_alias: str = "default", batch: int = 10):
        self.scope, self.limit, self.window, self.cache_alias = scope, limit, window, cache_alias
        self.batch = max(1, min(batch, limit))

    def hit(self, identity: str) -> tuple[bool, int]:
        """Count one request: (allowed, seconds until the window ends)."""
        now = int(time.time())
        window_start = now - now % self.window
        key = f"rate:{self.scope}:{_identity_hash(identity)}:{window_start}"
        with self._lock:
            if RateCounter._local_window != window_start:
                RateCounter._local = {k: v for k, v in RateCounter._local.items() if k.endswith(f":{window_start}")}
                RateCounter._local_window = window_start
            entry = RateCounter._local.setdefault(key, [0, 0])
            entry[0] += 1
            flush = entry[0] >= self.batch or entry[1] + entry[0] > self.limit - self.batch
            pending = entry[0]
            if flush:
                entry[0] = 0
        if flush:
            total = self._add(key, pending)
            with self._lock:
                entry[1] = max(entry[1], total)
        count = entry[1] + entry[0]
        return count <= self.limit, window_start + self.window - now

    def _add(self, key: str, amount: int) -> int:
        cache = caches[self.cache_alias]
        try:
            return cache.incr(key, amount)
        except ValueError:  # first flush of the window (or the counter just expired)
            return amount if cache.add(key, amount, self.window + 1) else cache.incr(key, amount)
