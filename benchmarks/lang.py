#!/usr/bin/env python3
"""Times core vector operations in qlite (release build) and numpy, in one run.

    python3 benchmarks/lang.py [--reps N] [--n ELEMENTS] [--qlite PATH] [--no-build]

Each operation runs N times in each system; the best time counts. qlite times come
from its own `\\t` command (milliseconds, measured inside the interpreter, so process
start-up and parsing of the data set-up are excluded); numpy times from perf_counter
around the same work. Works from a clean checkout: builds the release binary if it is
missing and creates a venv with numpy (benchmarks/.venv) if numpy is not importable.
"""

import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "benchmarks", ".venv")


def ensure_numpy():
    """Import numpy, or re-run this script under a venv that has it."""
    try:
        import numpy  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("QLITE_BENCH_IN_VENV"):
        sys.exit("numpy is still missing inside the venv; giving up")
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        print(f"creating {VENV} with numpy ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "numpy"], check=True)
    env = dict(os.environ, QLITE_BENCH_IN_VENV="1")
    os.execve(py, [py, os.path.abspath(__file__)] + sys.argv[1:], env)


def ensure_qlite(path, build):
    if path:
        return path
    path = os.path.join(ROOT, ".build", "release", "qlite")
    if build:
        print("building release (swift build -c release) ...", file=sys.stderr)
        r = subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            sys.exit("release build failed:\n" + r.stdout[-3000:])
    if not os.path.exists(path):
        sys.exit(f"no qlite at {path}; run without --no-build")
    return path


# (label, qlite expression, numpy statement). The set-up below defines the same data
# in both: x and y are n uniform random floats, b is the boolean vector x>0.5.
OPS = [
    ("sum til n", "sum til {n}", "np.arange(n).sum()"),
    ("x+y (floats)", "x+y", "x + y"),
    ("x*y (floats)", "x*y", "x * y"),
    ("asc x (floats)", "asc x", "np.sort(x)"),
    ("where b (bools)", "where b", "np.flatnonzero(b)"),
]


def time_qlite(qlite, n, reps):
    lines = [f"x:{n}?1.0", f"y:{n}?1.0", "b:x>0.5", "count x"]
    for _, expr, _ in OPS:
        lines += ["\\t " + expr.format(n=n)] * reps
    script = "\n".join(lines) + "\n"
    r = subprocess.run([qlite, "-q"], input=script, text=True, capture_output=True, timeout=1800)
    out = r.stdout.split("\n")
    if r.returncode != 0 or not out or out[0].strip() != str(n):
        sys.exit(f"qlite set-up failed (status {r.returncode}):\n{r.stdout[:2000]}\n{r.stderr[:2000]}")
    results = []
    k = 1
    for label, expr, _ in OPS:
        times = []
        for _ in range(reps):
            text = out[k].strip() if k < len(out) else ""
            k += 1
            try:
                times.append(float(text))
            except ValueError:
                times.append(None)
                print(f"qlite: {label}: unexpected output {text!r}", file=sys.stderr)
        ok = [t for t in times if t is not None]
        results.append(min(ok) if ok else None)
    if r.stderr.strip():
        print("qlite stderr: " + r.stderr.strip()[:500], file=sys.stderr)
    return results


def time_numpy(n, reps):
    import numpy as np
    rng = np.random.default_rng(42)
    x = rng.random(n)
    y = rng.random(n)
    b = x > 0.5
    env = {"np": np, "n": n, "x": x, "y": y, "b": b}
    results = []
    for _, _, stmt in OPS:
        code = compile(stmt, "<bench>", "eval")
        best = None
        for _ in range(reps):
            t0 = time.perf_counter()
            eval(code, env)
            dt = (time.perf_counter() - t0) * 1000
            best = dt if best is None else min(best, dt)
        results.append(best)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=5, help="repetitions per operation (best counts)")
    ap.add_argument("--n", type=int, default=10_000_000, help="elements per vector")
    ap.add_argument("--qlite", help="path to a qlite binary (default: .build/release/qlite)")
    ap.add_argument("--no-build", action="store_true", help="do not run swift build -c release first")
    args = ap.parse_args()
    ensure_numpy()
    import numpy as np

    qlite = ensure_qlite(args.qlite, build=not args.no_build and not args.qlite)
    q = time_qlite(qlite, args.n, args.reps)
    p = time_numpy(args.n, args.reps)

    print(f"n = {args.n:,} elements, best of {args.reps}; qlite {qlite}; numpy {np.__version__}")
    print(f"{'operation':<18} {'qlite ms':>10} {'numpy ms':>10} {'qlite/numpy':>12}")
    print("-" * 53)
    for (label, _, _), qt, pt in zip(OPS, q, p):
        if qt is None:
            qs, ratio = f"{'n/a':>10}", f"{'n/a':>12}"
        elif qt < 1:  # below \t's resolution
            qs, ratio = f"{'<1':>10}", f"{'n/a':>12}"
        else:
            qs, ratio = f"{qt:10.1f}", f"{qt / pt:12.2f}" if pt > 0 else f"{'n/a':>12}"
        print(f"{label:<18} {qs} {pt:10.1f} {ratio}")
    print("(qlite's \\t has millisecond resolution; ratios under ~5 ms are coarse)")


if __name__ == "__main__":
    main()
