"""Shared test material for the web tests: a runner for the management commands."""

from __future__ import annotations

import io
import sys

from django.core.management import call_command


def run_command(name: str, monkeypatch, capsys, *args, stdin: str | None = None) -> tuple[int, str, str]:
    """Run a management command as from a shell: (exit status, standard output, standard error)."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = 0
    try:
        call_command(name, *args)
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err
