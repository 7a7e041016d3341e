"""Shared test material for the web tests: a runner for the management commands, and pdftotext."""

from __future__ import annotations

import io
import shutil
import subprocess
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


def pdftotext_pages(pdf: bytes) -> list[str]:
    """The text of each page of a PDF as poppler's ``pdftotext`` reads it (pages end with a form feed).

    Skips the test, with the reason, when poppler-utils is missing (``scripts/install_test_system_deps.sh``
    installs it).
    """
    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True,
                         timeout=60).stdout.decode()
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
