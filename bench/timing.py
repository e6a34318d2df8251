"""Running one command under /usr/bin/time, and rounds of several programs
alternating (ABCABC...), for `make bench`. Figures, not asserts."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field


@dataclass
class Run:
    wall: float      # seconds
    cpu: float       # user + system seconds, of the command and its children
    peak_kb: int     # peak resident memory of the largest process


def timed(command, cwd=None):
    """One run of `command`; exits the bench with its output when it fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%U %S %M"] + command,
                                capture_output=True, text=True, cwd=cwd)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"bench: command failed: {' '.join(command)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        fields = report.read().split()[-3:]
    user, system, peak = float(fields[0]), float(fields[1]), int(fields[2])
    return Run(wall, user + system, peak)


@dataclass
class Program:
    """One generator as a measurement runs it: `command(output)` is its
    command line writing to the folder `output`."""
    name: str
    command: object
    writes_old_site_aside: bool = False  # smartsite: the old site is deleted in a detached rm


@dataclass
class Result:
    program: Program
    runs: list = field(default_factory=list)
    background_delete: list = field(default_factory=list)  # seconds until the old site was gone

    @property
    def wall(self):
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self):
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_mb(self):
        return max(r.peak_kb for r in self.runs) / 1024


def old_sites(output):
    """What smartsite's swap set aside beside `output` and is still deleting."""
    parent, name = os.path.split(output.rstrip("/"))
    return [os.path.join(parent, n) for n in os.listdir(parent)
            if n.startswith(f".{name}-old-") or n.startswith(f".{name}-building-")]


def wait_for_background_delete(output, timeout=600):
    """Seconds until the detached rm of smartsite's previous site is done, so
    it does not run during the next program's measurement."""
    start = time.perf_counter()
    while old_sites(output):
        if time.perf_counter() - start > timeout:
            sys.exit(f"bench: the old site beside {output} was not deleted in {timeout} s: {old_sites(output)}")
        time.sleep(0.02)
    return time.perf_counter() - start


def remove(path):
    shutil.rmtree(path, ignore_errors=True)


def alternate(programs, outputs, rounds, rebuild):
    """`rounds` rounds of every program in turn. A fresh build starts with
    no output folder; a rebuild with the program's own complete output from
    the round before (made once, unmeasured, before the first round)."""
    results = [Result(p) for p in programs]
    if rebuild:
        for program, output in zip(programs, outputs):
            remove(output)
            timed(program.command(output))
            wait_for_background_delete(output)
    for _ in range(rounds):
        for result, output in zip(results, outputs):
            if not rebuild:
                remove(output)
            result.runs.append(timed(result.program.command(output)))
            if result.program.writes_old_site_aside:
                result.background_delete.append(wait_for_background_delete(output))
    return results


def pages_written(output):
    return sum(1 for _, _, files in os.walk(output) for f in files if f == "index.html")
