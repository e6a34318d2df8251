#!/usr/bin/env python3
"""Page weight for `make bench`: the shipped site built once, and for each
kind of page the bytes a visitor's browser downloads before any image: the
HTML, plus the stylesheets and scripts it loads (each once; the print
stylesheet counts, browsers fetch it too). The budget is 60 KB a page.
Figures, not asserts (Tests/browser/test_design.py asserts the budget)."""
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SMARTSITE = os.environ.get("SMARTSITE", os.path.join(REPO, ".build", "release", "smartsite"))
BUDGET = 60 * 1024
LOADS = re.compile(r'<(?:link rel="stylesheet"|script)[^>]*?(?:href|src)="([^"]+)"')


def kind_of(html, relative):
    """The page's kind, as its <article> class or the file tells it."""
    if relative == "404.html":
        return "404"
    if relative.startswith("worksheets/"):
        return "worksheets list" if relative == "worksheets/index.html" else "worksheet"
    if relative == "search/index.html":
        return "search"
    match = re.search(r'<article class="page(?: page-([a-z-]+))?', html)
    if match and match.group(1):
        return match.group(1)
    return "table page" if "table-scroll" in html else "page / section"


def weight(site, path):
    html = open(path, encoding="utf-8").read()
    total = len(html.encode("utf-8"))
    for ref in dict.fromkeys(LOADS.findall(html)):
        target = os.path.join(site, ref.lstrip("/")) if ref.startswith("/") else os.path.join(os.path.dirname(path), ref)
        total += os.path.getsize(os.path.normpath(target))
    return html, total


def main():
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([SMARTSITE, "build", "--content", os.path.join(REPO, "content"), "--templates",
                        os.path.join(REPO, "templates"), "--output", site],
                       check=True, capture_output=True)
        kinds = {}
        for folder, _, files in os.walk(site):
            for name in files:
                if not name.endswith(".html"):
                    continue
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, site)
                html, total = weight(site, path)
                kinds.setdefault(kind_of(html, relative), []).append((total, relative))
        print("Page weight (HTML + CSS + script, before images; budget 60 KB):")
        for kind, sizes in sorted(kinds.items()):
            heaviest, where = max(sizes)
            mean = sum(size for size, _ in sizes) / len(sizes)
            over = " OVER BUDGET" if heaviest > BUDGET else ""
            print(f"  {kind:<16} {len(sizes):3} pages  mean {mean / 1024:5.1f} KB  heaviest {heaviest / 1024:5.1f} KB ({where}){over}")


if __name__ == "__main__":
    main()
