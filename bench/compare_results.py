"""Before/after: prove that a change (a speed change above all) leaves every result as it was.

Run as ``python bench/compare_results.py --before REF [--after REF] [--households N]``. Checks out each
git revision into a temporary worktree (``--after`` defaults to the working tree as it is), computes there
the API's answer (``detail=full`` and ``detail=figures``) for the same N households of the realistic mix
(``bench/households.py``, with two seeds) plus the contract example, and compares them household by
household: the values (decoded JSON, keys sorted) and the exact bytes. Prints how many are identical and,
for the first differences, the path that differs. Exit status 1 when a value differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cli import positive  # bench/, the script's folder

ROOT = Path(__file__).resolve().parent.parent


def compute(households: int) -> None:
    """In the revision's own tree: one line per household, ``detail<TAB>value sha256<TAB>bytes sha256<TAB>json``."""
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidsante.settings.test")
    import django

    django.setup()
    sys.path.insert(0, str(ROOT / "bench"))
    from households import TODAY, mix

    from eligibility.rules.engine import simulate
    from eligibility.rules.situation import parse_situation
    from tests.examples import CONTRACT_EXAMPLE

    try:
        from eligibility import services
        details = getattr(services, "DETAILS", ("full",))
    except ImportError:
        services, details = None, ("full",)
    documents = [CONTRACT_EXAMPLE, *mix(households // 2, seed=1), *mix(households - households // 2, seed=2)]
    out = sys.stdout
    for document in documents:
        result = simulate(parse_situation(document, today=TODAY))
        for detail in details:
            if services is not None and hasattr(services, "result_dict"):
                value = services.result_dict(result, detail)
                encoded = services.dumps(value) if hasattr(services, "dumps") else json.dumps(value).encode()
            else:
                value = result.as_dict()
                encoded = json.dumps(value, ensure_ascii=False).encode()
            canonical = json.dumps(json.loads(encoded), sort_keys=True, ensure_ascii=False)
            out.write(f"{detail}\t{hashlib.sha256(canonical.encode()).hexdigest()}\t"
                      f"{hashlib.sha256(encoded).hexdigest()}\t{canonical}\n")


def run_in(revision: str | None, households: int, tmp: str) -> list[list[str]]:
    if revision is None:
        tree = ROOT
    else:
        tree = Path(tmp, revision.replace("/", "_"))
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(tree), revision], cwd=ROOT, check=True)
    try:
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--compute", str(households)],
                             cwd=tree, check=True, capture_output=True, text=True).stdout
    finally:
        if revision is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
    return [line.split("\t", 3) for line in out.splitlines()]


def first_difference(a, b, path: str = "") -> str:
    if type(a) is not type(b):
        return f"{path or '(root)'}: {a!r} → {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key, object) != b.get(key, object):
                return first_difference(a.get(key), b.get(key), f"{path}.{key}" if path else key)
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} → {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
    return f"{path or '(root)'}: {a!r} → {b!r}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before")
    parser.add_argument("--after", default=None, help="a git revision (default: the working tree)")
    parser.add_argument("--households", type=positive, default=5_000)
    parser.add_argument("--compute", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.compute is not None:
        compute(options.compute)
        return 0
    if not options.before:
        parser.error("--before REF is required")
    with tempfile.TemporaryDirectory() as tmp:
        before = run_in(options.before, options.households, tmp)
        after = run_in(options.after, options.households, tmp)
    by_detail: dict[str, tuple[list, list]] = {}
    for rows, side in ((before, 0), (after, 1)):
        for row in rows:
            by_detail.setdefault(row[0], ([], []))[side].append(row)
    failed = False
    print(f"Results before ({options.before}) and after ({options.after or 'working tree'}), "
          f"{options.households + 1} situations")
    for detail, (old, new) in by_detail.items():
        if not old or not new:
            print(f"  detail={detail}: only {'after' if new else 'before'} has it")
            continue
        same_value = sum(o[1] == n[1] for o, n in zip(old, new, strict=True))
        same_bytes = sum(o[2] == n[2] for o, n in zip(old, new, strict=True))
        print(f"  detail={detail}: same values {same_value}/{len(old)}, same bytes {same_bytes}/{len(old)}")
        shown = 0
        for o, n in zip(old, new, strict=True):
            if o[1] != n[1] and shown < 5:
                print("    differs at " + first_difference(json.loads(o[3]), json.loads(n[3])))
                shown += 1
        failed |= same_value != len(old)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
