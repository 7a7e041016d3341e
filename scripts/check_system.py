#!/usr/bin/env python3
"""Checks the machine before installing: Python version, venv, and the system libraries WeasyPrint needs.

Runs with the system Python and the standard library only, so that a newcomer gets one clear line
("install these Debian packages") instead of a traceback deep inside an import.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import shutil
import sys

# library name for ctypes.util.find_library -> Debian/Ubuntu package that provides it
WEASYPRINT_LIBRARIES = {
    "pango-1.0": "libpango-1.0-0",
    "pangoft2-1.0": "libpangoft2-1.0-0",
    "harfbuzz": "libharfbuzz0b",
    "fontconfig": "libfontconfig1",
}


def main() -> int:
    problems: list[str] = []
    packages: list[str] = []
    if sys.version_info < (3, 11):  # noqa: UP036 — this script runs with the system Python, before the venv
        problems.append(f"Python 3.11 ou plus récent est nécessaire (trouvé : {sys.version.split()[0]}).")
        packages.append("python3")
    if importlib.util.find_spec("venv") is None or importlib.util.find_spec("ensurepip") is None:
        problems.append("Le module venv de Python est absent.")
        packages.append("python3-venv")
    missing = [pkg for lib, pkg in WEASYPRINT_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if missing:
        problems.append("WeasyPrint (le PDF du dossier) a besoin de bibliothèques système absentes.")
        packages.extend(missing)
    if not any(
        ctypes.util.find_library(name) for name in ("fontconfig",)
    ) or not _has_dejavu():
        packages.append("fonts-dejavu-core")
        problems.append("La police DejaVu (utilisée par le PDF) est absente.")
    if shutil.which("msgfmt") is None:
        packages.append("gettext")
        problems.append("Les outils gettext (msgfmt, pour compiler les traductions) sont absents.")
    if not _has_font("NotoSansArabic-Regular.ttf"):
        packages.append("fonts-noto-core")
        problems.append("La police Noto Sans Arabic (pages et PDF en arabe) est absente.")
    if not _has_font("DroidSansFallbackFull.ttf"):
        packages.append("fonts-droid-fallback")
        problems.append("La police des écritures chinoise, japonaise et coréenne (noms imprimés dans le PDF) est absente.")
    if problems:
        print("aidsante : la machine n'est pas prête.", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print(
            f"Installez ce qui manque puis relancez :\n  sudo apt-get update && sudo apt-get install -y {' '.join(dict.fromkeys(packages))}",
            file=sys.stderr,
        )
        return 1
    return 0


def _has_dejavu() -> bool:
    return _has_font("DejaVuSans.ttf")


def _has_font(filename: str) -> bool:
    from pathlib import Path

    return any(
        any(Path(d).glob(f"**/{filename}")) for d in ("/usr/share/fonts", "/usr/local/share/fonts") if Path(d).is_dir()
    )


if __name__ == "__main__":
    sys.exit(main())
