#!/usr/bin/env python3
"""Worksheet figures for `make bench`: every worksheet in both paper sizes
from cold (no previous output), then again with nothing changed, when no
Ghostscript run should happen at all."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SMARTSITE = os.environ.get("SMARTSITE", os.path.join(REPO, ".build", "release", "smartsite"))


def build(output):
    result = subprocess.run([SMARTSITE, "build", "--content", os.path.join(REPO, "content"),
                             "--templates", os.path.join(REPO, "templates"), "--output", output, "--timings"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("bench: the shipped site did not build:\n" + result.stderr)
    step = re.search(r"worksheets: ([\d.]+) (ms|s)", result.stdout)
    seconds = float(step.group(1)) / (1000 if step.group(2) == "ms" else 1)
    made = re.search(r"\((\d+) PDFs made, (\d+) unchanged\)", result.stdout)
    return seconds, int(made.group(1)), int(made.group(2))


def main():
    work = tempfile.mkdtemp(prefix="smartsite-ws-bench-")
    output = os.path.join(work, "output")
    try:
        cold, made, _ = build(output)
        warm, remade, reused = build(output)
        print("Worksheets (the shipped ones, US Letter and A4):")
        print(f"  cold: {made} PDFs in {cold:.3f} s (target: under 0.5 s)")
        print(f"  nothing changed: {remade} PDFs made, {reused} reused, {warm:.3f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
