"""Journey: a Spanish-speaking visitor (issue 14).

She opens the Spanish home page on her phone, finds the help lines in
Spanish at the top, moves between a Spanish page and its English pair with
the switcher, and reads pages where nothing of the site's own interface is
left in English: not the menu, the help lines, the boxes' labels, the
buttons, nor what a screen reader announces (aria-label, title,
placeholder). Search in Spanish is in test_site.py and, from disk,
test_journey_first_day.py.
"""

import re

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO
from test_site import console_errors, load

PHONE = {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True}


def words(code):
    return yaml.safe_load((REPO / "templates" / "i18n" / f"{code}.yaml").read_text(encoding="utf-8"))


def english_only_phrases():
    """Every English interface phrase that its Spanish word is not: the
    fixed parts of en.yaml's values ({placeholders} split out), of two words
    or more, or one word of six letters or more (shorter single words such as
    "Tip" turn up inside Spanish words)."""
    english, spanish = words("en"), words("es")
    phrases = set()
    for key, value in english.items():
        if key in ("language_name", "locale", "date") or str(spanish.get(key)) == str(value):
            continue
        for piece in re.split(r"\{[a-z_]+\}", str(value)):
            piece = piece.strip(" .,:;()/–-")
            if " " in piece or len(piece) >= 6:
                phrases.add(piece)
    # What may stay: the trademark note quotes "SMART Recovery" and "4-Point
    # Program" as marks; "Family & Friends" is the name of SMART's program for
    # families; the switcher names English in English ("English"), as every
    # language switcher names a language in itself.
    # "US Letter" is the paper's own name, given beside "Carta".
    names = ("SMART Recovery", "4-Point Program", "Family & Friends", "English", "US Letter")
    return sorted(p for p in phrases if p not in names)


def spanish_pages(pages):
    return [path for path, _ in pages if path.startswith("/es/") and not path.endswith("404.html")]


def test_the_help_lines_greet_her_in_spanish_on_a_phone(server, browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        load(browser, server, "/es/")
        bar = browser.find_element(By.CSS_SELECTOR, ".help-bar")
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top", bar)
        assert top < 10, f"the help bar starts {top} px down"
        # (The phone's bar shows "Llama al 911" through CSS; the words are "llama al 911".)
        calls = {a.text.lower(): a.get_attribute("href") for a in bar.find_elements(By.CSS_SELECTOR, "a") if a.is_displayed()}
        assert calls.get("llama al 911") == "tel:911", calls
        assert calls.get("llama al 988") == "tel:988", calls
        assert calls.get("escribe al 988") == "sms:988", calls
        assert calls.get("más ayuda", "").endswith("/es/help-now/"), calls
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_switcher_goes_to_the_paired_page_and_back(server, browser):
    load(browser, server, "/es/toolbox/cost-benefit-analysis/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Análisis de costos y beneficios"
    browser.find_element(By.CSS_SELECTOR, "a.header-language").click()
    english = server.url("/toolbox/cost-benefit-analysis/")
    WebDriverWait(browser, 20).until(lambda d: d.current_url == english)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Cost-Benefit Analysis"
    switch = browser.find_element(By.CSS_SELECTOR, "a.header-language")
    assert switch.text == "Español" and switch.get_attribute("hreflang") == "es"
    switch.click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url == server.url("/es/toolbox/cost-benefit-analysis/"))
    assert not console_errors(browser)


def test_no_english_interface_words_on_a_spanish_page(pages, server, browser):
    phrases = english_only_phrases()
    assert len(phrases) > 50, f"only {len(phrases)} English phrases to look for: {phrases}"
    checked, found = 0, {}
    for path in spanish_pages(pages):
        load(browser, server, path)
        # What a reader sees and what a screen reader says; the trademark
        # note in the footer quotes the English marks, and is left out.
        said = browser.execute_script(
            "var parts = [document.body.innerText, document.title];"
            "document.querySelectorAll('[aria-label],[title],[placeholder],[alt]').forEach(function (e) {"
            "  ['aria-label', 'title', 'placeholder', 'alt'].forEach(function (a) {"
            "    if (e.hasAttribute(a)) parts.push(e.getAttribute(a)); }); });"
            "var other = Array.from(document.querySelectorAll('[hreflang]:not([hreflang=\"es\"])'), e => e.innerText);"
            "return {said: parts.join('\\n'), other: other};")
        # A link to a page in another language (hreflang) carries that page's
        # title, e.g. a meeting the English site lists and no Spanish page has.
        said, other = said["said"], said["other"]
        for title in sorted(other, key=len, reverse=True):
            said = said.replace(title, "")
        # A source's English title is quoted (“Attending Your First SMART
        # Recovery Meeting”), and an agency keeps its name.
        said = re.sub(r"“[^”]*”", "“…”", said).replace("Substance Abuse and Mental Health Services Administration", "SAMHSA")
        # Whole words only, and not inside an address (meetings.smartrecovery.org).
        hits = [m for p in phrases for m in re.finditer(r"(?<![\w/.-])" + re.escape(p) + r"(?![\w/.-])", said)]
        if hits:
            found[path] = [said[max(0, m.start() - 30):m.end() + 30].replace("\n", " ") for m in hits]
        checked += 1
    assert checked >= 40, f"only {checked} Spanish pages"
    assert not found, f"English interface words on Spanish pages: {found}"


def test_the_markdowns_boxes_and_tables_are_named_in_spanish(server, browser):
    """Words the Markdown renderer writes itself (templates/i18n callout_*
    and table): a box with no title of its own, and what a screen reader
    calls a table with no caption."""
    load(browser, server, "/es/program/")
    regions = [r.get_attribute("aria-label") for r in browser.find_elements(By.CSS_SELECTOR, ".table-scroll")]
    assert "Tabla" in regions and "Table" not in regions, regions
    labels = [(a.get_attribute("aria-label"), a.find_element(By.CSS_SELECTOR, ".callout-title").text)
              for a in browser.find_elements(By.CSS_SELECTOR, "aside.callout")]
    assert labels, "no callout box on /es/program/"
    for label, _ in labels:
        assert label in ("Nota", "Consejo", "Atención"), labels
    assert ("Nota", "Nota") in labels, labels


def test_the_spanish_schedule_lists_the_programs_meetings(pages, server, browser):
    """content/es/meetings/ has no meetings of its own: the Spanish schedule
    shares the English site's, in Spanish words, and she finds the meeting
    held in Spanish by the language filter. Its link leads to the meeting's
    page (in English, said by hreflang)."""
    english = [path for path, _ in pages if path.startswith("/meetings/") and path.count("/") == 3]
    assert english, "no English meeting pages"
    load(browser, server, "/es/meetings/")
    listed = {a.get_attribute("href"): a for a in browser.find_elements(By.CSS_SELECTOR, "#schedule .meeting-name a")}
    assert set(listed) == {server.url(path) for path in english}, sorted(listed)
    for link in listed.values():
        assert link.get_attribute("hreflang") == "en"
    days = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#schedule h3")]
    assert "sábado" in days and not any(day in ("Saturday", "Monday") for day in days), days
    browser.find_element(By.CSS_SELECTOR, '.meeting-filter[data-filter="language"][data-value="es"]').click()
    shown = [li for li in browser.find_elements(By.CSS_SELECTOR, "#schedule li.meeting") if li.is_displayed()]
    names = [li.find_element(By.CSS_SELECTOR, ".meeting-name a").text for li in shown]
    assert names == ["Reunión SMART del sábado"], names
    shown[0].find_element(By.CSS_SELECTOR, ".meeting-name a").click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url == server.url("/meetings/saturday-spanish/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Reunión SMART del sábado"
    # The printed schedule in Spanish lists them too.
    flyer = browser.execute_script("return fetch('/es/meetings/flyer-letter.pdf').then(r => r.status)")
    assert flyer == 200
