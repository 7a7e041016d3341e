#!/usr/bin/env python3
"""Checks the translation catalogues (``make lint``): every entry translated, none fuzzy, formats consistent.

Reads the ``.po`` files under ``locale/`` as they are committed; it does not extract strings again, so a
string newly marked for translation in a template or a form does not fail the build before it reaches the
catalogues (``make messages`` adds it; the tests of the translated pages then say what is missing there).
Standard library only; ``msgfmt --check`` (gettext) also verifies the placeholders when it is installed.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)


def parse_po(path: Path) -> list[Entry]:
    """The entries of a ``.po`` file (obsolete ``#~`` entries left out)."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            if not line:
                current, target = None, None
            continue
        if current is None:
            current = Entry(line=number)
            entries.append(current)
        if line.startswith("#,"):
            current.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural "):
            current.msgid_plural = ast.literal_eval(line[len("msgid_plural "):])
            target = ("msgid_plural", 0)
        elif line.startswith("msgid "):
            current.msgid = ast.literal_eval(line[len("msgid "):])
            target = ("msgid", 0)
        elif line.startswith("msgstr["):
            index = int(line[len("msgstr["):line.index("]")])
            current.msgstr[index] = ast.literal_eval(line[line.index("]") + 1:].strip())
            target = ("msgstr", index)
        elif line.startswith("msgstr "):
            current.msgstr[0] = ast.literal_eval(line[len("msgstr "):])
            target = ("msgstr", 0)
        elif line.startswith('"') and target is not None:
            text = ast.literal_eval(line)
            kind, index = target
            if kind == "msgid":
                current.msgid += text
            elif kind == "msgid_plural":
                current.msgid_plural = (current.msgid_plural or "") + text
            else:
                current.msgstr[index] = current.msgstr.get(index, "") + text
    return entries


def problems_in(path: Path) -> list[str]:
    problems = []
    relative = path.relative_to(ROOT)
    for entry in parse_po(path):
        label = "en-tête" if entry.msgid == "" else repr(entry.msgid[:70])
        if "fuzzy" in entry.flags:
            problems.append(f"{relative}:{entry.line}: traduction à revoir (fuzzy) : {label}")
        if entry.msgid == "":
            continue
        if not entry.msgstr or any(not text for text in entry.msgstr.values()):
            problems.append(f"{relative}:{entry.line}: non traduit : {label}")
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        check = subprocess.run(  # noqa: S603 — gettext's msgfmt on a catalogue of this repository
            [msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
        )
        if check.returncode:
            problems.append(f"{relative}: msgfmt --check : {check.stderr.strip()}")
    return problems


def main() -> int:
    catalogues = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
    if not catalogues:
        print("Aucun catalogue de traduction sous locale/.", file=sys.stderr)
        return 1
    problems = [problem for path in catalogues for problem in problems_in(path)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problème(s) dans les traductions : complétez les catalogues (make messages).",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
