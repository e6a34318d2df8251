#!/usr/bin/env python3
"""Shares of a build's CPU by part, from `perf script -F ip,sym,dso` output
of a `perf record -e cpu-clock --call-graph dwarf` run (bench/PROFILING.md):
each sample goes to the innermost frame that names a part of ours or a
library; a second table counts every sample with a frame of that part
anywhere on its stack (what the part costs with what it calls)."""
import collections
import re
import sys

PARTS = [  # (part, pattern on the symbol or library), innermost match wins
    ("swift-mustache", r"\$s8Mustache|MustacheTemplate"),
    ("Rendering (ours)", r"\$s9Rendering"),
    ("Markdown (ours)", r"\$s8Markdown|CmarkArena"),
    ("Content (ours)", r"\$s7Content"),
    ("SiteBuild (ours)", r"\$s9SiteBuild"),
    ("libcmark", r"cmark_|libcmark"),
    ("Yams + libyaml", r"\$s4Yams|yaml_|libyaml"),
    ("Foundation", r"Foundation"),
    ("kernel", r"\[kernel|kallsyms"),
]


def part_of(frame):
    for name, pattern in PARTS:
        if re.search(pattern, frame):
            return name
    return None


def main():
    inner = collections.Counter()
    anywhere = collections.Counter()
    total = 0
    sample = []

    def flush():
        nonlocal total
        if not sample:
            return
        total += 1
        parts = [p for p in (part_of(f) for f in sample) if p]
        inner[parts[0] if parts else "other (runtime, libc)"] += 1
        for p in set(parts):
            anywhere[p] += 1

    for line in sys.stdin:
        line = line.strip()
        if not line:
            flush()
            sample = []
        else:
            sample.append(line)
    flush()
    print(f"{total} samples")
    print("| part | innermost | anywhere on the stack |\n|---|---|---|")
    for name, count in inner.most_common():
        print(f"| {name} | {100 * count / total:.1f}% | {100 * anywhere[name] / total:.1f}% |")


if __name__ == "__main__":
    main()
