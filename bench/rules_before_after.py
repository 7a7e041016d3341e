"""Before/after timing of the rules: ``python bench/rules_before_after.py --before REF [--households N]``.

On a machine shared with other programs, two benchmark runs made one after the other differ by more than a
speed change does (±15 % on the same code). This script times the rules of revision ``REF`` (``git archive``
of ``eligibility/rules`` and ``eligibility/parameters`` into a temporary folder, imported as another package) and
those of the working tree in the same process, on the same households of the realistic mix
(``bench/households.py``), in alternated blocks of 50 households (the order flips at every block and pass), so
that both meet the same load. It prints, per household, the median and the mean thread CPU time of each side and
their ratio, for: ``evaluate_css``, ``estimate_out_of_pocket``, ``simulate`` (every aid and the checklist), and
the chain parse + simulate + JSON (``full`` and ``figures``). Every per-date table is warm, as in a running
server (``bench/bench_css.py`` does the same).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from cli import positive  # bench/, the script's folder

ROOT = Path(__file__).resolve().parent.parent
BLOCK = 50


def rules_package(revision: str | None, into: Path, name: str) -> None:
    """``eligibility/rules`` of ``revision`` (None: the working tree) as package ``name`` beside ``parameters``."""
    target = into / name
    if revision is None:
        import shutil

        shutil.copytree(ROOT / "eligibility" / "rules", target)
        shutil.copytree(ROOT / "eligibility" / "parameters", into / f"{name}_parameters")
    else:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "eligibility/rules", "eligibility/parameters"],
                                 check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(into / "archive", filter="data")
        (into / "archive" / "eligibility" / "rules").rename(target)
        (into / "archive" / "eligibility" / "parameters").rename(into / f"{name}_parameters")
    # The rules find their parameters beside them (``parameters.PARAMETERS_DIR``): point each package at its own.
    source = (target / "parameters.py").read_text(encoding="utf-8")
    source = source.replace('Path(__file__).resolve().parent.parent / "parameters"',
                            f'Path(__file__).resolve().parent.parent / "{name}_parameters"')
    (target / "parameters.py").write_text(source, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="git revision of the rules to compare with")
    parser.add_argument("--households", type=positive, default=2_000)
    parser.add_argument("--passes", type=positive, default=5)
    args = parser.parse_args()

    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import orjson
    from households import SEED, TODAY, mix

    documents = mix(args.households, SEED)
    folder = Path(tempfile.mkdtemp(prefix="rules-before-after-"))
    rules_package(args.before, folder, "rules_before")
    rules_package(None, folder, "rules_after")
    sys.path.insert(0, str(folder))

    work = {}
    for name in ("rules_before", "rules_after"):
        situation = importlib.import_module(f"{name}.situation")
        css = importlib.import_module(f"{name}.css")
        out_of_pocket = importlib.import_module(f"{name}.out_of_pocket")
        engine = importlib.import_module(f"{name}.engine")
        parameters = importlib.import_module(f"{name}.parameters").default_parameters()
        situations = [situation.parse_situation(d, today=TODAY) for d in documents]
        snapshots = [parameters.at(s.request_date) for s in situations]
        results = [css.evaluate_css(s, p) for s, p in zip(situations, snapshots, strict=True)]

        def chain(document, detail, situation=situation, engine=engine, parameters=parameters):
            simulated = engine.simulate(situation.parse_situation(document, today=TODAY), parameters)
            return orjson.dumps(simulated.as_dict(detail))

        work[name] = {
            "evaluate_css": (css.evaluate_css, list(zip(situations, snapshots, strict=True))),
            "estimate_out_of_pocket": (out_of_pocket.estimate_out_of_pocket,
                                       list(zip(situations, snapshots, results, strict=True))),
            "simulate": (lambda s, engine=engine, parameters=parameters: engine.simulate(s, parameters),
                         [(s,) for s in situations]),
            "parse + simulate + JSON, full": (lambda d, chain=chain: chain(d, "full"), [(d,) for d in documents]),
            "parse + simulate + JSON, figures": (lambda d, chain=chain: chain(d, "figures"), [(d,) for d in documents]),
        }
        for function, items in work[name].values():  # warm every per-date table, as a running server has
            for item in items:
                function(*item)
    gc.collect()
    gc.freeze()

    clock = time.thread_time_ns
    print(f"Rules of {args.before} (before) and of the working tree (after), {args.households} households, "
          f"{args.passes} passes, blocks of {BLOCK} alternated; CPU per household")
    for label in work["rules_before"]:
        timed = {name: [0] * len(work[name][label][1]) for name in work}
        for run in range(args.passes):
            for block, low in enumerate(range(0, args.households, BLOCK)):
                order = ("rules_before", "rules_after") if (block + run) % 2 else ("rules_after", "rules_before")
                for name in order:
                    function, items = work[name][label]
                    spent = timed[name]
                    for k in range(low, min(low + BLOCK, args.households)):
                        start = clock()
                        function(*items[k])
                        spent[k] += clock() - start
        (before_median, before_mean), (after_median, after_mean) = (
            (statistics.median(timed[name]) / args.passes / 1000, sum(timed[name]) / args.passes / len(timed[name]) / 1000)
            for name in ("rules_before", "rules_after"))
        print(f"{label:<34} median {before_median:7.1f} -> {after_median:7.1f} µs ({after_median / before_median:.2f} ×)   "
              f"mean {before_mean:7.1f} -> {after_mean:7.1f} µs ({after_mean / before_mean:.2f} ×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
