"""Time kamctl against its baselines over generated portfolios.

    python bench/run.py                 # 1,000 and 10,000 files, median of 3 runs
    python bench/run.py --quick         # one run of each, for a quick look
    python bench/run.py --sizes 500 --runs 5 --no-check --output bench/results-local.txt

Every measurement is a separate process timed from the outside (wall clock,
start-up included), so the baselines pay for the interpreter as kamctl does.
The rounds are interleaved — baselines, validate, the analyses, then again —
so drift in the machine's speed spreads over all of them alike. Files sit in
the page cache (they were just written), so "cold" means "no kamctl cache",
not "cold disk".

Exit status: 0 when every target is met, 1 when one is missed (unless
``--no-check``), 2 when a command fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

READ_BASELINE = """\
import os, sys
total = 0
for folder, _dirs, names in os.walk(sys.argv[1]):
    for name in sorted(names):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), "rb") as fh:
                total += len(fh.read())
print(total)
"""

CPARSE_BASELINE = """\
import os, sys
import yaml
n = 0
for folder, _dirs, names in os.walk(sys.argv[1]):
    for name in sorted(names):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), "rb") as fh:
                yaml.load(fh.read().decode("utf-8"), Loader=yaml.CSafeLoader)
            n += 1
print(n)
"""

# {settings} is filled in twice: Typer's defaults, and kamctl's own settings
# (no rich markup: help text is not run through rich). The target is against
# the latter, so the ratio shows only what kamctl adds to Typer itself.
BARE_TYPER = """\
import typer

app = typer.Typer(add_completion=False{settings})


@app.command()
def hello(name: str = "world") -> None:
    \"\"\"Say hello.\"\"\"
    print(f"hello {name}")


@app.command()
def bye() -> None:
    \"\"\"Say goodbye.\"\"\"
    print("bye")


if __name__ == "__main__":
    app()
"""

ANALYSES = ("classify", "abc", "risk")

TARGET_SIZE = 10_000
"""The validate targets are stated for this many files; smaller runs only report."""

TARGETS = {
    "cold": 1.5,  # validate --no-cache / C-parse baseline, from TARGET_SIZE files
    "warm": 10.0,  # validate on a warm cache / raw read, from TARGET_SIZE files
    "help": 1.2,  # kamctl --help / bare Typer --help
    "analysis": 1.5,  # classify, abc, risk / validate --no-cache, at every size
}


@dataclass
class Row:
    label: str
    size: int | None
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    versus: str | None = None
    target: float | None = None

    def add(self, measured: tuple[float, float]) -> None:
        self.times.append(measured[0])
        self.cpu.append(measured[1])

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def kamctl_command() -> list[str]:
    script = Path(sys.executable).parent / "kamctl"
    return [str(script)] if script.exists() else [sys.executable, "-m", "kamctl"]


def _env() -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1"}
    # An installed kamctl has its bytecode compiled; so should the one we time,
    # or every run would pay for compiling kamctl (not Typer) from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(cmd: Sequence[str], cwd: Path, ok: Sequence[int] = (0,)) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; CPU counts its worker processes too."""
    env = _env()
    before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        sys.stderr.write(
            f"bench: {' '.join(cmd)} exited {proc.returncode} in {cwd}:\n{proc.stderr.decode(errors='replace')}\n"
        )
        sys.exit(2)
    return elapsed, _children_cpu() - before


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # not on Windows: CPU time is then reported as 0
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def available(command: str, kamctl: list[str]) -> bool:
    proc = subprocess.run([*kamctl, command, "--help"], capture_output=True, env=_env(), check=False)
    return proc.returncode == 0


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pydantic
    import yaml

    from kamctl import __version__

    return [
        f"CPU: {cpu}, {os.cpu_count()} logical cores",
        f"OS: {platform.platform()}",
        f"Python: {platform.python_implementation()} {platform.python_version()}",
        f"kamctl {__version__}, PyYAML {yaml.__version__} (libyaml: {yaml.__with_libyaml__}), "
        f"pydantic {pydantic.VERSION}",
    ]


def measure(sizes: Sequence[int], runs: int, work: Path) -> list[Row]:
    kamctl = kamctl_command()
    analyses = [a for a in ANALYSES if available(a, kamctl)]
    py = sys.executable
    scripts = work / "scripts"
    scripts.mkdir(parents=True, exist_ok=True)
    (scripts / "read.py").write_text(READ_BASELINE)
    (scripts / "cparse.py").write_text(CPARSE_BASELINE)
    (scripts / "bare_typer.py").write_text(BARE_TYPER.replace("{settings}", ", rich_markup_mode=None"))
    (scripts / "default_typer.py").write_text(BARE_TYPER.replace("{settings}", ""))

    # Untimed warm-up over a small portfolio: writes bytecode, loads the libraries
    # into the page cache, so the first timed run is not the odd one out.
    warm_up = work / "warm-up"
    generate(warm_up, 20)
    for cmd in (
        [py, str(scripts / "bare_typer.py"), "--help"],
        [py, str(scripts / "default_typer.py"), "--help"],
        [*kamctl, "--help"],
        [*kamctl, "validate", "--no-cache"],
        *([*kamctl, a, "--format", "json"] for a in analyses),
    ):
        timed(cmd, warm_up, ok=(0, 1))

    rows: list[Row] = []
    for n in sizes:
        folder = work / f"portfolio-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, n)
        accounts = folder / "accounts"
        cache = folder / ".kamctl_cache"
        read = Row("read bytes (baseline)", n)
        cparse = Row("parse, PyYAML CSafeLoader (baseline)", n)
        cold = Row(
            "validate --no-cache", n, versus="C parse", target=TARGETS["cold"] if n >= TARGET_SIZE else None
        )
        single = Row("validate --no-cache --jobs 1", n, versus="C parse")
        first = Row("validate, empty cache (fills it)", n, versus="C parse")
        warm = Row(
            "validate, warm cache", n, versus="read", target=TARGETS["warm"] if n >= TARGET_SIZE else None
        )
        found = {
            a: Row(f"{a} --format json", n, versus="validate", target=TARGETS["analysis"]) for a in analyses
        }
        for _ in range(runs):
            read.add(timed([py, str(scripts / "read.py"), str(accounts)], folder))
            cparse.add(timed([py, str(scripts / "cparse.py"), str(accounts)], folder))
            cold.add(timed([*kamctl, "validate", "--no-cache"], folder))
            single.add(timed([*kamctl, "validate", "--no-cache", "--jobs", "1"], folder))
            shutil.rmtree(cache, ignore_errors=True)
            first.add(timed([*kamctl, "validate"], folder))
            warm.add(timed([*kamctl, "validate"], folder))
            for a, row in found.items():
                # Findings (exit 1) are expected in a generated portfolio; 2 is a failure.
                row.add(timed([*kamctl, a, "--format", "json"], folder, ok=(0, 1)))
        rows += [read, cparse, cold, single, first, warm, *found.values()]

    default = Row("bare Typer app --help, Typer's default settings", None, versus="bare Typer")
    bare = Row("bare Typer app --help, kamctl's settings (baseline)", None)
    helped = Row("kamctl --help", None, versus="bare Typer", target=TARGETS["help"])
    for _ in range(max(runs, 5) * 2):  # short runs: more of them
        default.add(timed([py, str(scripts / "default_typer.py"), "--help"], work))
        bare.add(timed([py, str(scripts / "bare_typer.py"), "--help"], work))
        helped.add(timed([*kamctl, "--help"], work))
    return [*rows, default, bare, helped]


def report(rows: list[Row], runs: int) -> tuple[str, bool]:
    by_key = {(r.label, r.size): r for r in rows}

    def base(row: Row) -> Row | None:
        names = {
            "C parse": "parse, PyYAML CSafeLoader (baseline)",
            "read": "read bytes (baseline)",
            "validate": "validate --no-cache",
            "bare Typer": "bare Typer app --help, kamctl's settings (baseline)",
        }
        return by_key.get((names[row.versus], row.size)) if row.versus else None

    lines = [
        "| files | measurement | median s | ms/file | CPU s | ratio | target | |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    all_met = True
    for r in rows:
        per_file = f"{r.median / r.size * 1000:.2f}" if r.size else ""
        ratio = target = verdict = ""
        b = base(r)
        if b is not None:
            value = r.median / b.median
            ratio = f"{value:.2f}× {r.versus}"
            if b.cpu_median > 0:
                ratio += f" (CPU {r.cpu_median / b.cpu_median:.2f}×)"
            if r.target is not None:
                target = f"≤ {r.target:g}×"
                met = value <= r.target
                all_met &= met
                verdict = "ok" if met else "MISSED"
        size = f"{r.size:,}" if r.size else ""
        lines.append(
            f"| {size} | {r.label} | {r.median:.3f} | {per_file} | {r.cpu_median:.2f} | {ratio} | {target} | {verdict} |"
        )
    lines.append("")
    lines.append(
        f"Median of {runs} run(s) each (--help: of {max(runs, 5) * 2}); wall clock, separate processes. "
        "CPU s: user + system time of the process and its workers. Targets are on wall time; "
        "the CPU ratio is the steadier one when other processes share the machine."
    )
    return "\n".join(lines), all_met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="portfolio sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median is reported)")
    parser.add_argument("--quick", action="store_true", help="one run each")
    parser.add_argument(
        "--no-check", action="store_true", help="report only; exit 0 even if a target is missed"
    )
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument(
        "--work", type=Path, help="folder for the generated portfolios (default: a temp folder)"
    )
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs

    work = args.work or Path(tempfile.mkdtemp(prefix="kamctl-bench-"))
    load_before = _load()
    try:
        rows = measure(sorted(args.sizes), runs, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    table, all_met = report(rows, runs)
    # Other processes on the machine make every number worse; say how busy it was.
    busy = f"- Load average (1 min) before: {load_before}, after: {_load()}"
    text = "\n".join(["Machine:", *(f"- {m}" for m in machine()), busy, "", table, ""])
    if not all_met:
        text += "\nSome targets were MISSED.\n"
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0 if all_met or args.no_check else 1


if __name__ == "__main__":
    sys.exit(main())
