"""How alike the page smartsite's real templates make and the page
bench/hugo-site-full makes are, so their times compare like for like:
the lines of one page that differ once indentation and blank lines are
set aside."""
import difflib
import os


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def compare_one_page(smartsite_output, hugo_output, page):
    ours = os.path.join(smartsite_output, page, "index.html")
    theirs = os.path.join(hugo_output, page, "index.html")
    if not (os.path.exists(ours) and os.path.exists(theirs)):
        print(f"  same page both ways: {page} is missing in one output")
        return
    a, b = lines(ours), lines(theirs)
    differing = [d for d in difflib.unified_diff(a, b, lineterm="", n=0)
                 if d[:1] in "+-" and not d.startswith(("+++", "---"))]
    print(f"  same page both ways ({page}): {os.path.getsize(ours):,} and {os.path.getsize(theirs):,} bytes, "
          f"{len(a)} lines, {len(differing)} lines differ (indentation and blank lines aside)")
    for line in differing[:6]:
        print(f"    {line[:150]}")
