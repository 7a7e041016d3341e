"""The only way WeasyPrint may load anything while printing a dossier.

A dossier mixes our template with text typed by people (a first name, an organisation's address…). The
template engine escapes that text, so it never becomes markup; this fetcher is the second lock: even if a
URL reached WeasyPrint, only two kinds are served:

* ``aidsante-static:<path>``: one of the project's own static files (``css/dossier_pdf.css``), found with
  the ``django.contrib.staticfiles`` finders, with a known safe extension, inside a static root
  (no ``..``, no absolute path, no symbolic link leading out);
* ``data:`` URLs of an image or a font (bounded size), decoded in memory.

Everything else (``http:``, ``https:``, ``ftp:``, ``file:``, any other scheme) is refused with
``RefusedURL``; there is no network access at all, hence no redirect to follow. The refusal is logged with
the scheme only, never the URL (it could carry personal text).
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from django.contrib.staticfiles import finders
from weasyprint.urls import UNICODE_SCHEME_RE, URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

#: Scheme of the project's static files inside a dossier (``aidsante-static:css/dossier_pdf.css``).
STATIC_SCHEME = "aidsante-static"

#: Static files a dossier may use, by extension, with the MIME type served to WeasyPrint.
ALLOWED_STATIC_TYPES = {
    ".css": "text/css",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}
ALLOWED_DATA_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "font/woff", "font/woff2", "font/ttf", "font/otf"})
MAX_DATA_URL_BYTES = 512 * 1024


class RefusedURL(ValueError):
    """A URL that a dossier must not load. WeasyPrint catches it and leaves the resource out."""


def static_url(path: str) -> str:
    """The URL under which a dossier template refers to one of the project's static files."""
    return f"{STATIC_SCHEME}:{path}"


def _static_roots() -> list[Path]:
    """Every folder the staticfiles finders serve from (``STATICFILES_DIRS`` and the apps' ``static/``)."""
    roots: list[Path] = []
    for finder in finders.get_finders():
        for location in getattr(finder, "locations", ()):  # FileSystemFinder: (prefix, root) pairs
            roots.append(Path(location[1]).resolve())
        for storage in getattr(finder, "storages", {}).values():  # FileSystemFinder and AppDirectoriesFinder
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location).resolve())
    return roots


def resolve_static(path: str) -> tuple[Path, str]:
    """(file, MIME type) of one of the project's static files, or ``RefusedURL``.

    ``path`` is relative to the static roots (``css/dossier_pdf.css``), already percent-decoded.
    """
    if not path or "\x00" in path or "\\" in path or path.startswith("/"):
        raise RefusedURL("static path refused")
    parts = PurePosixPath(path).parts
    if any(part in ("..", ".", "") for part in parts) or ":" in path:
        raise RefusedURL("static path refused")
    mime = ALLOWED_STATIC_TYPES.get(PurePosixPath(path).suffix.lower())
    if mime is None:
        raise RefusedURL("static file type refused")
    found = finders.find(path)
    if not found:
        raise RefusedURL("static file not found")
    real = Path(os.path.realpath(found))
    if not real.is_file() or not any(real.is_relative_to(root) for root in _static_roots()):
        raise RefusedURL("static file outside the static roots")
    return real, mime


def decode_data_url(url: str) -> tuple[bytes, str]:
    """(body, MIME type) of a ``data:`` URL of an allowed type, or ``RefusedURL``."""
    header, comma, payload = url[len("data:"):].partition(",")
    if not comma:
        raise RefusedURL("malformed data URL")
    params = [p.strip() for p in header.split(";")]
    mime = (params[0] or "text/plain").lower()
    if mime not in ALLOWED_DATA_TYPES:
        raise RefusedURL("data URL type refused")
    if len(payload) > MAX_DATA_URL_BYTES * 4 // 3 + 4:
        raise RefusedURL("data URL too large")
    if "base64" in (p.lower() for p in params[1:]):
        try:
            body = base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise RefusedURL("malformed data URL") from exc
    else:
        body = unquote(payload).encode("latin-1", errors="replace")
    if len(body) > MAX_DATA_URL_BYTES:
        raise RefusedURL("data URL too large")
    return body, mime


class DossierURLFetcher(URLFetcher):
    """WeasyPrint URL fetcher for dossiers: the project's static files and ``data:`` images/fonts only.

    ``requested`` lists every URL WeasyPrint asked for, served or refused (kept in memory for the
    rendering's lifetime only: the tests use it to prove that nothing else was requested).
    ``strict=True`` makes any refusal stop the rendering (WeasyPrint's ``fail_on_errors``).
    """

    def __init__(self, *, strict: bool = False):
        # No handler is used: ``fetch`` never delegates to urllib. The base class still needs its attributes.
        super().__init__(allowed_protocols=(STATIC_SCHEME, "data"), allow_redirects=False, fail_on_errors=strict)
        self.requested: list[str] = []

    def fetch(self, url, headers=None):
        self.requested.append(url)
        match = UNICODE_SCHEME_RE.match(url) if isinstance(url, str) else None
        scheme = match[1].lower() if match else ""
        try:
            if scheme == STATIC_SCHEME:
                path = unquote(url[len(STATIC_SCHEME) + 1:].split("?", 1)[0].split("#", 1)[0])
                file, mime = resolve_static(path)
                headers = {"Content-Type": f"{mime}; charset=utf-8" if mime == "text/css" else mime}
                return URLFetcherResponse(url, body=file.read_bytes(), headers=headers, status=200)
            if scheme == "data":
                body, mime = decode_data_url(url)
                return URLFetcherResponse(url, body=body, headers={"Content-Type": mime}, status=200)
            raise RefusedURL("scheme refused")
        except RefusedURL as exc:
            logger.warning("Dossier PDF: resource refused (scheme %r): %s", scheme[:20], exc)
            raise

