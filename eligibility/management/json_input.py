"""Reading the JSON input of the ``simulate`` and ``dossier_pdf`` commands (a file path, or ``-``)."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import CommandError


class InvalidJSON(ValueError):
    """The input is not JSON; the message says where, for the contract's ``errors`` list."""


def read_json_input(path: str) -> Any:
    """The decoded JSON of ``path`` (``-`` reads standard input).

    Raises ``CommandError`` when the file cannot be read and ``InvalidJSON`` when it is not JSON.
    """
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as exc:
        raise CommandError(f"Impossible de lire {path} : {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InvalidJSON("Le fichier n'est pas du texte UTF-8.") from exc
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InvalidJSON(f"JSON invalide : {exc}") from exc
