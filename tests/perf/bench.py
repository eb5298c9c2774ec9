"""Start-up and scale benchmark for peertrack: whole processes, timed against `python -c pass`.

Run it by hand, with peertrack installed (not in editable mode) in the environment of the
Python that runs it:

    python -m pip install . && python tests/perf/bench.py     # a few minutes
    python tests/perf/bench.py --runs 21                      # steadier figures
    python tests/perf/bench.py --streaming-only               # only the 1,000,000-course exports

Each database sits where peertrack keeps one when nothing says otherwise (the per-user data folder,
in a home of the benchmark's own), so finding it costs what it costs anyone.
It builds a small database (3 certifications, 250 courses, 6 reminders) and a large one
(the same, plus enough courses from past cycles to make 100,000), then times each command as a whole process,
interleaved with `python -c pass` of the same interpreter (F, the floor), and prints medians,
ratios to F and whether each target is met. Last, it builds a database of 1,000,000 courses
straight through SQLite and writes it out with export json, export csv and ceu list --json,
loads the export into a new file with import json, reporting each command's peak memory (from
the operating system) against 100 MiB and its time per course; and imports a CSV of 100,000
courses into it and into an empty file, comparing their peak memory. It only reads and prints: never a test in CI.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-11-02"


def peertrack_command() -> list[str]:
    script = Path(sys.executable).with_name("peertrack")
    return [str(script)] if script.exists() else [sys.executable, "-m", "peertrack"]


def run(args: list[str], env: dict, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if check and result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def timed(args: list[str], env: dict, prepare=None) -> float:
    if prepare:
        prepare()
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def write_courses_csv(path: Path, count: int, seed: int, newest: dt.date, span_days: int) -> None:
    rng = random.Random(seed)
    providers = ["CalMHSA", "GMHCN", "NAMI", "Copeland Center", "Peer Recovery Academy"]
    categories = ["ethics", "general", "skills", "trauma", "cultural"]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Title", "Provider", "Hours", "Category", "Format"])
        for i in range(count):
            day = newest - dt.timedelta(days=rng.randrange(span_days))
            writer.writerow([day.isoformat(), f"Course {i}: {rng.choice(categories)} in practice",
                             rng.choice(providers), rng.choice(["1", "1.5", "2", "3", "0.5"]),
                             rng.choice(categories), rng.choice(["online", "in-person", "self-study"])])


def in_own_folder(env_base: dict, data_home: Path) -> tuple[Path, dict]:
    """The database where peertrack keeps it when nothing says otherwise (the per-user data folder, here
    $XDG_DATA_HOME/peertrack), and the environment that finds it there: timed as people run it."""
    return data_home / "peertrack" / "peertrack.db", {**env_base, "XDG_DATA_HOME": str(data_home)}


def build(folder: Path, name: str, history: int, reminders: bool, env_base: dict) -> tuple:
    """3 certifications and 250 recent courses; `history` more courses from before their cycles."""
    db, env = in_own_folder(env_base, folder / name)
    pt = peertrack_command()
    run(pt + ["cert", "add", "--template", "ca-medi-cal-pss", "--id", "ca-pss", "--expires", "2027-06-30"], env)
    run(pt + ["cert", "add", "--template", "ga-cps", "--id", "ga-cps"], env)
    run(pt + ["cert", "add", "--template", "pa-cps", "--id", "pa-cps", "--expires", "2028-03-31"], env)
    recent = folder / f"{name}-recent.csv"
    write_courses_csv(recent, 250, seed=7, newest=dt.date.fromisoformat(TODAY), span_days=600)
    run(pt + ["import", "csv", str(recent), "--yes"], env)
    if history:
        past = folder / f"{name}-past.csv"
        write_courses_csv(past, history, seed=9, newest=dt.date(2024, 12, 31), span_days=365 * 30)
        run(pt + ["import", "csv", str(past), "--yes", "--cert", "ca-pss", "--cert", "ga-cps", "--cert", "pa-cps"],
            env)
    if reminders:
        for starter in ("daily-check-in", "weekly-recovery-meeting", "biweekly-supervision", "weekly-self-care",
                        "monthly-plan-review"):
            run(pt + ["remind", "add", "--starter", starter], env, check=False)
        run(pt + ["remind", "add", "Call my sponsor", "--every", "week", "--on", "sun"], env, check=False)
    return db, env


def build_huge(folder: Path, count: int, env_base: dict) -> dict:
    """One certification and `count` courses, each in one category and credited to it, written straight by SQL."""
    import sqlite3

    db = folder / "huge.db"
    env = {**env_base, "PEERTRACK_DB": str(db)}
    run(peertrack_command() + ["cert", "add", "--template", "ca-medi-cal-pss", "--id", "ca-pss",
                               "--expires", "2027-06-30"], env)
    conn = sqlite3.connect(db)
    made = "2026-01-01T00:00:00+00:00"
    conn.executemany(
        "INSERT INTO ceus (date, title, provider, seconds, format, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        ((f"{1996 + i % 30}-{1 + i % 12:02d}-{1 + i % 28:02d}", f"Course {i}: ethics in practice", "NAMI",
          1800 * (1 + i % 6), "online", made) for i in range(count)))
    conn.execute("INSERT INTO ceu_allocations SELECT id, 'ethics', seconds FROM ceus")
    conn.execute("INSERT INTO ceu_credits SELECT id, 'ca-pss', NULL FROM ceus")
    conn.execute("UPDATE ceus SET credit_chosen = 1")  # chosen for ca-pss, though dated before its cycle
    conn.commit()
    conn.close()
    return env


# Runs one command as its own child and reports that child's peak memory, read from the operating system.
_PEAK = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def peak(args: list[str], env: dict) -> dict:
    import json

    result = subprocess.run([sys.executable, "-c", _PEAK, *args], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def streaming_rows(folder: Path, count: int, env_base: dict, limit_mib: int = 100) -> None:
    """export json, export csv, ceu list --json and import json over `count` courses: peak memory and time per
    course; then import csv of 100,000 rows into that database and into an empty one: their peak memory."""
    print(f"Building a database of {count:,} courses ...", flush=True)
    env = build_huge(folder, count, env_base)
    pt = peertrack_command()
    print(f"\n{'at ' + format(count, ',') + ' courses':44} {'peak':>9} {'time':>8} {'per row':>9}  target")
    for label, args in (("peertrack export json", ["export", "json"]),
                        ("peertrack export csv (all)", ["export", "csv"]),
                        ("peertrack ceu list --json", ["ceu", "list", "--json"])):
        found = peak(pt + args, env)
        mib = found["kib"] / 1024
        verdict = f"peak <= {limit_mib} MiB: {'met' if mib <= limit_mib else 'NOT met'}"
        per_row = found["seconds"] / count * 1e6
        print(f"{label:44} {mib:5.1f} MiB {found['seconds']:6.1f} s {per_row:6.1f} µs  {verdict}")
    export = folder / "huge.json"
    run(pt + ["export", "json", "-o", str(export)], env)
    found = peak(pt + ["--db", str(folder / "loaded.db"), "import", "json", str(export), "--yes"], env)
    mib, per_row = found["kib"] / 1024, found["seconds"] / count * 1e6
    verdict = f"peak <= {limit_mib} MiB: {'met' if mib <= limit_mib else 'NOT met'}"
    print(f"{'peertrack import json (into a new file)':44} {mib:5.1f} MiB {found['seconds']:6.1f} s "
          f"{per_row:6.1f} µs  {verdict}")
    export.unlink()
    sheet, rows = folder / "import-huge.csv", 100_000
    write_courses_csv(sheet, rows, seed=13, newest=dt.date(2025, 12, 31), span_days=3650)
    into = {}
    for label, target in (("an empty file", folder / "empty.db"), (f"the {count:,}-course file", None)):
        chosen = env if target is None else {**env, "PEERTRACK_DB": str(target)}
        into[label] = peak(pt + ["import", "csv", str(sheet), "--yes"], chosen)
        mib, seconds = into[label]["kib"] / 1024, into[label]["seconds"]
        print(f"{'peertrack import csv (' + format(rows, ',') + ' rows) into ' + label:62} {mib:5.1f} MiB "
              f"{seconds:6.1f} s")
    empty, huge = (found["kib"] for found in into.values())
    print(f"import csv, peak into {count:,} courses over into none: {huge / empty:.2f} x "
          f"({'met' if huge <= empty * 1.1 else 'NOT met'}: the size of the database should not matter)")


def measure(label: str, args: list[str], env: dict, floor: list[str], runs: int, prepare=None) -> dict:
    timed(args, env, prepare)  # warm the file cache and bytecode
    mine, base = [], []
    for _ in range(runs):
        mine.append(timed(args, env, prepare))
        base.append(timed(floor, env))
    median, floor_median = statistics.median(mine), statistics.median(base)
    # Each run over the floor run beside it, then the median: a comparison that holds when the machine's speed drifts.
    paired = statistics.median(one / other for one, other in zip(mine, base, strict=True))
    return {"label": label, "median": median, "floor": floor_median, "ratio": paired}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="timed runs of each command (default 11)")
    parser.add_argument("--large", type=int, default=100_000, help="courses in the large database")
    parser.add_argument("--huge", type=int, default=1_000_000, help="courses in the database the streaming "
                        "commands write out (0 leaves them out)")
    parser.add_argument("--streaming-only", action="store_true", help="only the streaming commands")
    options = parser.parse_args()

    pt = peertrack_command()
    floor = [sys.executable, "-c", "pass"]
    folder = Path(tempfile.mkdtemp(prefix="peertrack-bench-"))
    # Cached bytecode is part of a real start-up: an environment that forbids writing it would time compiling.
    # The folders are found as for anyone (no PEERTRACK_DB or PEERTRACK_CONFIG_DIR), in a home of the benchmark's.
    base_env = {k: v for k, v in os.environ.items() if k not in (
        "PEERTRACK_DB", "PEERTRACK_CONFIG_DIR", "NO_COLOR", "PYTHONDONTWRITEBYTECODE", "XDG_DATA_HOME",
        "XDG_CONFIG_HOME")}
    base_env.update(PEERTRACK_TODAY=TODAY, HOME=str(folder / "home"), XDG_CONFIG_HOME=str(folder / "config"))
    try:
        if options.streaming_only:
            streaming_rows(folder, options.huge, base_env)
            return
        print(f"Building databases in {folder} ...", flush=True)
        small, small_env = build(folder, "small", 0, True, base_env)
        large, large_env = build(folder, "large", options.large - 250, True, base_env)
        big_sheet = folder / "import.csv"
        write_courses_csv(big_sheet, options.large, seed=11, newest=dt.date.fromisoformat(TODAY), span_days=3650)
        copy, copy_env = in_own_folder(small_env, folder / "copy")
        fresh, fresh_env = in_own_folder(base_env, folder / "fresh")

        def fresh_copy():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(small, copy)

        def empty_fresh():
            for suffix in ("", "-wal", "-shm"):
                Path(str(fresh) + suffix).unlink(missing_ok=True)

        # Drawn in colour at 100 columns, as on a terminal that shows 256 colours, though the output goes nowhere.
        terminal_env = {**small_env, "FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "100"}
        quiet_env = in_own_folder(small_env, folder / "nothing-due")[1]
        run(pt + ["cert", "add", "Far away", "--id", "far", "--expires", "2030-01-01", "--hours", "0"], quiet_env)

        rows = [
            (measure("peertrack --version", pt + ["--version"], small_env, floor, options.runs), "ratio", 5),
            (measure("peertrack --help", pt + ["--help"], small_env, floor, options.runs), "ratio", 5),
            (measure("peertrack due (nothing due)", pt + ["due"], quiet_env, floor, options.runs), "ratio", 4.5),
            (measure("peertrack due (small)", pt + ["due"], small_env, floor, options.runs), "ratio", 4.5),
            (measure("peertrack status (small)", pt + ["status"], small_env, floor, options.runs), "ratio", 6.5),
            (measure("peertrack status (small, as on a terminal)", pt + ["status"], terminal_env, floor, options.runs),
             "ratio", 6.5),
            (measure("peertrack log-ceu (small, a copy)", pt + ["log-ceu", "Bench course", "--hours", "1"],
                     copy_env, floor, options.runs, prepare=fresh_copy), "ratio", 7),
            (measure("peertrack cert list (small)", pt + ["cert", "list"], small_env, floor, options.runs), "ratio", 7),
            (measure("peertrack export csv --cert (small)", pt + ["export", "csv", "--cert", "ca-pss"], small_env,
                     floor, options.runs), "ratio", 7),
            (measure("peertrack ceu list (250 courses)", pt + ["ceu", "list"], small_env, floor, options.runs),
             "ratio", 10),
            (measure("peertrack status (large)", pt + ["status"], large_env, floor, options.runs), "seconds", 0.5),
            (measure("peertrack due (large)", pt + ["due"], large_env, floor, options.runs), "seconds", None),
            (measure("peertrack export csv (large, all)", pt + ["export", "csv"], large_env, floor,
                     max(3, options.runs // 3)), "seconds", 1.5),
            (measure(f"peertrack import csv ({options.large:,} rows)", pt + ["import", "csv", str(big_sheet), "--yes"],
                     fresh_env, floor, max(3, options.runs // 4), prepare=empty_fresh), "seconds", 3.0),
        ]
        floor_ms = statistics.median(row["floor"] for row, _, _ in rows) * 1000
        print(f"\nF = `python -c pass` of {sys.executable}: median {floor_ms:.1f} ms")
        print(f"{'command':44} {'median':>10} {'x F':>7}  target")
        for row, kind, target in rows:
            if target is None:
                verdict = ""
            elif kind == "ratio":
                verdict = f"<= {target} x F: {'met' if row['ratio'] <= target else 'NOT met'}"
            else:
                verdict = f"<= {target} s: {'met' if row['median'] <= target else 'NOT met'}"
            print(f"{row['label']:44} {row['median'] * 1000:8.1f} ms {row['ratio']:6.1f}  {verdict}")
        status_small = next(row for row, _, _ in rows if row["label"] == "peertrack status (small)")
        status_large = next(row for row, _, _ in rows if row["label"] == "peertrack status (large)")
        growth = status_large["median"] / status_small["median"]
        print(f"\nstatus, large over small: {growth:.2f} x "
              f"({'met' if growth <= 1.5 else 'NOT met'}: courses outside the current cycles should cost ~nothing)")
        if options.huge:
            streaming_rows(folder, options.huge, base_env)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
