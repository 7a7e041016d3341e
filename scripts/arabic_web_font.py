#!/usr/bin/env python3
"""Writes the Arabic web font served with the Arabic pages: ``static/fonts/NotoSansArabic-*.woff2``.

Noto Sans Arabic (SIL Open Font License 1.1, no reserved font name) comes from Debian's ``fonts-noto-core``,
the same font the PDF embeds. The pages cannot count on the reader's device having it, so the site serves
it, cut down to the Arabic blocks (``UNICODE_RANGE``, also the ``unicode-range`` of ``static/css/arabic.css``:
Latin text, figures and amounts stay in DejaVu Sans or the device's font) with every OpenType layout feature
kept (joining forms, ligatures, marks), compressed as WOFF2. The files are committed, so a fresh machine
serves them without the Debian package; run this script again after a font update (``make web-font``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path("/usr/share/fonts/truetype/noto")
LICENCE_SOURCE = Path("/usr/share/doc/fonts-noto-core/copyright")
TARGET_DIR = ROOT / "static" / "fonts"
FACES = ("Regular", "Bold")
#: Arabic, Arabic Supplement, Arabic Extended-B and -A, Arabic Presentation Forms-A and -B, and the
#: joiners and direction marks Arabic text uses (ZWNJ, ZWJ, LRM, RLM).
UNICODE_RANGE = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x089F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                 (0xFE70, 0xFEFF), (0x200C, 0x200F))


def css_unicode_range() -> str:
    return ", ".join(f"U+{start:04X}-{end:04X}" for start, end in UNICODE_RANGE)


def write_face(face: str) -> Path:
    source = SOURCE_DIR / f"NotoSansArabic-{face}.ttf"
    font = TTFont(source)
    wanted = {code for code in font.getBestCmap() if any(start <= code <= end for start, end in UNICODE_RANGE)}
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    target = TARGET_DIR / f"NotoSansArabic-{face}.woff2"
    font.flavor = "woff2"
    font.save(target)
    return target


def main() -> int:
    missing = [str(SOURCE_DIR / f"NotoSansArabic-{face}.ttf") for face in FACES
               if not (SOURCE_DIR / f"NotoSansArabic-{face}.ttf").is_file()]
    if missing:
        print("Police absente (apt-get install fonts-noto-core) : " + ", ".join(missing), file=sys.stderr)
        return 1
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    for face in FACES:
        print(write_face(face).relative_to(ROOT))
    shutil.copyfile(LICENCE_SOURCE, TARGET_DIR / "NotoSansArabic-LICENCE.txt")
    print("unicode-range:", css_unicode_range())
    return 0


if __name__ == "__main__":
    sys.exit(main())
