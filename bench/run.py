#!/usr/bin/env python3
"""`make bench`: builds the same 10,000-page corpus with smartsite and with
Hugo in one run, and prints times, their ratio and peak memory; the plain
cmark program over the same Markdown is the floor. Figures, not asserts:
tests never time anything."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
# The corpus and both outputs live in memory (tmpfs) when the machine has
# one: on this VM's disk, creating 20,000 files and folders alone takes
# ~3.5 s whoever does it, which would measure the disk, not the generators.
# BENCH_DIR=bench/work measures on disk instead.
DEFAULT_WORK = "/dev/shm/smartsite-bench" if os.path.isdir("/dev/shm") else os.path.join(HERE, "work")
WORK = os.path.abspath(os.environ.get("BENCH_DIR", DEFAULT_WORK))
SMARTSITE = os.path.join(REPO, ".build", "release", "smartsite")
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PAGES = int(os.environ.get("BENCH_PAGES", "10000"))


def timed(command, **kwargs):
    """Wall time and peak resident memory (KB) of one command, via /usr/bin/time -v."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: command failed: {' '.join(command)}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return elapsed, int(peak.group(1)) if peak else 0


def measure(name, command, prepare=None, **kwargs):
    times, peaks = [], []
    for _ in range(RUNS):
        if prepare:
            prepare()
        elapsed, peak = timed(command, **kwargs)
        times.append(elapsed)
        peaks.append(peak)
    median = statistics.median(times)
    print(f"  {name:<28} {median:8.3f} s  (runs: {', '.join(f'{t:.3f}' for t in times)})  peak memory {max(peaks) / 1024:7.1f} MB")
    return median, max(peaks)


def main():
    if os.path.exists(WORK):
        shutil.rmtree(WORK)
    os.makedirs(WORK)
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), WORK, str(PAGES)], check=True)
    content = os.path.join(WORK, "content")
    markdown = sorted(os.path.join(d, f) for d, _, fs in os.walk(content) for f in fs if f.endswith(".md"))

    hugo_site = os.path.join(WORK, "hugo-site")
    shutil.copytree(os.path.join(HERE, "hugo-site"), hugo_site)
    hugo_out = os.path.join(WORK, "out-hugo")
    smart_out = os.path.join(WORK, "out-smartsite")

    def clean(path):
        return lambda: shutil.rmtree(path, ignore_errors=True)

    print(f"Building {len(markdown)} Markdown files in {WORK}, median of {RUNS} runs each, on {os.cpu_count()} cores:")
    cmark_time, cmark_peak = measure("cmark (the floor)", ["sh", "-c", "xargs -0 cmark --smart > /dev/null"],
                                     input="\0".join(markdown))
    smart_time, smart_peak = measure("smartsite build", [
        SMARTSITE, "build", "--content", content, "--templates", os.path.join(HERE, "smartsite-templates"),
        "--output", smart_out, "--no-worksheets"], prepare=clean(smart_out))
    hugo_time, hugo_peak = measure("hugo", [
        "hugo", "--quiet", "--source", hugo_site, "--contentDir", content, "--destination", hugo_out],
        prepare=clean(hugo_out))

    smart_pages = sum(1 for d, _, fs in os.walk(smart_out) for f in fs if f == "index.html")
    hugo_pages = sum(1 for d, _, fs in os.walk(hugo_out) for f in fs if f == "index.html")
    print(f"  pages written: smartsite {smart_pages}, hugo {hugo_pages}")
    print(f"  smartsite is {hugo_time / smart_time:.2f}x faster than hugo (target: at least 4x)")
    print(f"  smartsite takes {smart_time / cmark_time:.2f}x the time of cmark alone")
    print(f"  peak memory: smartsite {smart_peak / 1024:.0f} MB (target: under 300 MB), hugo {hugo_peak / 1024:.0f} MB")

    shutil.rmtree(smart_out, ignore_errors=True)
    shutil.rmtree(hugo_out, ignore_errors=True)
    extra = os.path.join(HERE, "extra")
    if os.path.isdir(extra):
        for script in sorted(os.listdir(extra)):
            if script.endswith(".py"):
                subprocess.run([sys.executable, os.path.join(extra, script), WORK], check=True)


if __name__ == "__main__":
    main()
