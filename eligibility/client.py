"""The client's address, for throttles and django-axes, behind zero or more trusted reverse proxies.

``TRUSTED_PROXY_COUNT`` (environment, default 0) says how many reverse proxies of our own stand in front
of the application server. With 0, ``REMOTE_ADDR`` is the client. With N, each proxy appends the address
it received the request from to ``X-Forwarded-For``: the N-th address from the right is the client as
seen by our outermost proxy. Addresses further left were written by the client itself and are never
trusted (anyone can send ``X-Forwarded-For: 1.2.3.4``). The address only keys counters in the cache; it
is never logged or stored with a case.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """The client's IP address as our outermost trusted proxy saw it, or ``None`` when unreadable.

    django-axes calls it (``AXES_CLIENT_IP_CALLABLE``) and stores the address in an ``inet`` column.
    """
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part for part in (request.META.get("HTTP_X_FORWARDED_FOR") or "").split(",") if part.strip()]
    if len(forwarded) < count:
        # Fewer hops than configured proxies: the request did not come through all of them.
        return remote
    return _valid(forwarded[-count]) or remote


def client_ip(request) -> str:
    """``client_address`` as a throttle key (``"unknown"`` when unreadable: such clients count together)."""
    return client_address(request) or "unknown"
