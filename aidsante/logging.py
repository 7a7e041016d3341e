"""Logging filter that keeps personal data out of the logs.

Django's ``django.request`` records carry the request object (with its body and POST data) and
exception messages may quote what a person typed; the server log carries full URLs with their query
strings. This filter drops the request object, strips query strings, and keeps an exception's class and
stack frames (file, line, function: enough to debug) but neither its message nor the source lines, so that no form value, JSON
body or identifier typed by a person reaches a log line.
"""

from __future__ import annotations

import logging
import re
import traceback

_QUERY_RE = re.compile(r"\?\S*")


class NoPersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        try:
            message = record.getMessage()
        except Exception:  # a malformed record must not break logging
            message = str(record.msg)
        message = _QUERY_RE.sub("?[…]", message)
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, _exc, tb = record.exc_info
            frames = "".join(
                f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n' for frame in traceback.extract_tb(tb)
            )
            record.exc_info = None
            record.exc_text = f"Traceback (message masqué) :\n{frames}{exc_type.__name__}"
        record.msg, record.args = message, ()
        return True


class MissingGlyphFilter(logging.Filter):
    """WeasyPrint names each character no installed font can draw ("… unsupported by fonts: "X" (U+XXXX)").

    Those characters come from names people typed: keep the warning (a font package is missing, see
    ``scripts/check_system.py``), drop the character and its code point.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith(".notdef glyph"):
            record.msg = ("PDF : un caractère n'existe dans aucune police installée et s'imprime comme un carré "
                          "(installez fonts-noto-core et fonts-noto-cjk)")
            record.args = ()
        return True
