"""Error reporting to Sentry, switched on by ``SENTRY_DSN``, with no personal data in what is sent.

What a person typed can reach an exception's message, a frame's local variables, the request's body,
cookies, query string or headers: none of these is sent. An event keeps the exception's type, the stack
(files, lines, functions), the URL path with its identifiers masked, the method and the status.
"""

from __future__ import annotations

import re

_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_KEPT_REQUEST_KEYS = {"method", "url"}


def _mask_url(url: str) -> str:
    return _UUID_RE.sub("<id>", url.split("?", 1)[0])


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """Remove everything that could carry personal data from a Sentry event (``before_send``)."""
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = {k: v for k, v in request.items() if k in _KEPT_REQUEST_KEYS}
        if "url" in event["request"]:
            event["request"]["url"] = _mask_url(str(event["request"]["url"]))
    for value in (event.get("exception") or {}).get("values") or []:
        value["value"] = "[message masqué]"
        for frame in (value.get("stacktrace") or {}).get("frames") or []:
            for key in ("vars", "context_line", "pre_context", "post_context"):
                frame.pop(key, None)
    if "logentry" in event:
        event["logentry"] = {"message": "[message masqué]"}
    event.pop("message", None)
    event.pop("user", None)
    event.pop("breadcrumbs", None)
    event.pop("extra", None)
    if isinstance(event.get("transaction"), str):
        event["transaction"] = _mask_url(event["transaction"])
    return event


def init_sentry(dsn: str, *, environment: str) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), LoggingIntegration(event_level=None)],
        send_default_pii=False,
        include_local_variables=False,
        include_source_context=False,
        max_breadcrumbs=0,
        traces_sample_rate=0.0,
        before_send=scrub_event,
    )
