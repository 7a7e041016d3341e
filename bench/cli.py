"""What the benchmarks' command lines share."""

from __future__ import annotations

import argparse


def positive(text: str) -> int:
    """An argparse type for a count (runs, households, seconds…): a whole number of at least 1, so that a
    benchmark never ends on a median of nothing; anything else is refused with a message naming the option."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"a whole number of at least 1 is expected, not {text!r}")
    return value
