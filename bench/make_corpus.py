#!/usr/bin/env python3
"""Writes the benchmark corpus: 10,000 pages of about 3.5 KB of typical
Markdown with front matter, in 10 sections, as one content folder that both
smartsite and Hugo build. Deterministic (fixed seed), so runs compare."""
import os
import random
import sys

WORDS = ("urge plan change values motivation meeting support coping skill choice balance health "
         "family friend problem option step review habit craving trigger feeling thought belief "
         "practice week goal progress setback learn notice breathe pause write list talk listen "
         "time place people reason benefit cost future past today morning evening together").split()


# The settings of a real site: a menu and the help lines every page shows
# (the real templates render both; the minimal ones ignore them). The same
# menu and lines are in bench/hugo-site-full/hugo.toml, for Hugo.
SITE_YAML = """title: Benchmark site
base_url: https://bench.example.org/
language: en
disclaimer: This benchmark site is made of generated words.
menu:
  - title: Home
    page: _index.md
{menu}help_lines:
  - name: Emergency
    summary: Danger to life or a medical emergency. Call 911.
    phone: "911"
  - name: 988 Suicide & Crisis Lifeline
    summary: Call or text 988, any time, free and confidential.
    phone: "988"
    text: "988"
    website: https://988lifeline.org/chat/
  - name: SAMHSA National Helpline
    summary: Free, confidential treatment referral and information, 24/7.
    phone: "1-800-662-4357"
    tty: "1-800-487-4889"
    website: https://www.samhsa.gov/find-help/helplines/national-helpline
"""


def sentence(rng, low=8, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = "*" + words[i] + "*"
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = "**" + words[i] + "**"
    if rng.random() < 0.1:
        i = rng.randrange(len(words))
        words[i] = "[" + words[i] + "](https://example.org/" + words[i] + ")"
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 5)))


def page(rng, section, number):
    title = " ".join(rng.choice(WORDS) for _ in range(3)).title() + f" {number}"
    out = ["---", f'title: "{title}"', f'description: "{sentence(rng, 6, 10)}"', f"order: {number}", "---", ""]
    out.append(paragraph(rng))
    for h in range(3):
        out += ["", f"## {' '.join(rng.choice(WORDS) for _ in range(3)).title()} {h}", "", paragraph(rng)]
        kind = rng.random()
        if kind < 0.4:
            out.append("")
            out += [f"- {sentence(rng, 4, 9)}" for _ in range(rng.randint(3, 5))]
        elif kind < 0.6:
            out += ["", "> " + sentence(rng)]
        elif kind < 0.7:
            out += ["", "```text", sentence(rng), sentence(rng), "```"]
        out += ["", "### Details", "", paragraph(rng)]
    text = "\n".join(out) + "\n"
    while len(text.encode()) < 3400:
        text += "\n" + paragraph(rng) + "\n"
    return text


def main():
    root = sys.argv[1]
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    # A third argument puts the pages in that many sections (1: one folder
    # with every page, to see that a big section does not make the build quadratic).
    sections = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    rng = random.Random(42)
    content = os.path.join(root, "content")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(content, "site.yaml"), "w") as f:
        menu = "".join(f"  - title: Section {s}\n    page: section-{s}/_index.md\n" for s in range(min(sections, 4)))
        f.write(SITE_YAML.replace("{menu}", menu))
    with open(os.path.join(content, "_index.md"), "w") as f:
        f.write("---\ntitle: Home\ndescription: The benchmark home page.\n---\n\nThe benchmark home page.\n")
    total = 0
    for s in range(sections):
        section = f"section-{s}"
        folder = os.path.join(content, section)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "_index.md"), "w") as f:
            f.write(f"---\ntitle: Section {s}\ndescription: Pages of section {s}.\n---\n\nPages of section {s}.\n")
        for n in range(pages // sections):
            text = page(rng, section, n)
            total += len(text.encode())
            with open(os.path.join(folder, f"page-{n}.md"), "w") as f:
                f.write(text)
    print(f"corpus: {pages} pages, {total / pages / 1024:.2f} KB average, {total / 1048576:.1f} MB of Markdown")


if __name__ == "__main__":
    main()
