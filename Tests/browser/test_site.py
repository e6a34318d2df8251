"""The built site as a visitor gets it: served by nginx, loaded in Chromium.

Run by `make test` (and `make browser-test`) after the site is built into
.build/site-check; see conftest.py for the server, the browser and vnu.
"""

import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import COUNTS, fetch

PHONE = {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True}
FAILING_IMPACTS = {"serious", "critical"}


def load(browser, server, path):
    """Loads one page and waits for it (and its deferred scripts) to finish."""
    browser.get_log("browser")  # forget what earlier pages logged
    server.new_log_lines()
    browser.get(server.url(path))
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def console_errors(browser):
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


# --- every page --------------------------------------------------------------

def test_page_loads(page, server, browser):
    status, headers, _ = fetch(server.url(page), method="HEAD")
    assert status == 200, f"HEAD {page}: status {status}"
    assert headers.get_content_type() == "text/html"

    load(browser, server, page)
    # A moment for fetches a script starts on load (the search index).
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "return !document.getElementById('search-status') || "
        "!/Loading/.test(document.getElementById('search-status').textContent)"),
        f"the search index did not load on {page}")
    errors = console_errors(browser)
    assert not errors, f"console errors on {page}:\n" + "\n".join(errors)

    requests = server.new_log_lines()
    assert (200, "GET", page) in requests, f"nginx did not log GET {page} with 200: {requests}"
    failed = [r for r in requests if r[0] >= 400]
    assert not failed, f"requests made by {page} that failed: {failed}"

    assert browser.title.strip(), f"{page} has no title"
    main = browser.find_element(By.ID, "main")
    assert main.is_displayed() and main.text.strip(), f"{page} shows no main content"
    COUNTS["loaded"].add(page)


def test_help_bar_on_phone(page, server, browser):
    """The crisis line is on screen, tappable, on a 375 px wide phone, before
    any scrolling; and no page is wider than the phone."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        load(browser, server, page)
        assert browser.execute_script("return window.innerWidth") == PHONE["width"]
        bar = browser.find_element(By.CSS_SELECTOR, ".help-bar")
        assert bar.is_displayed(), f".help-bar hidden on {page}"
        call = bar.find_element(By.CSS_SELECTOR, 'a[href="tel:988"]')
        assert call.is_displayed(), f"tel:988 link hidden on {page}"
        box = browser.execute_script(
            "var r = arguments[0].getBoundingClientRect();"
            "var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,"
            " height: window.innerHeight, onTop: !!hit && arguments[0].contains(hit),"
            " scrollWidth: document.documentElement.scrollWidth}", call)
        assert 0 <= box["left"] and box["right"] <= PHONE["width"], f"tel:988 off screen sideways on {page}: {box}"
        assert 0 <= box["top"] and box["bottom"] <= box["height"], f"tel:988 not in the first screen on {page}: {box}"
        assert box["onTop"], f"something covers the tel:988 link on {page}"
        assert box["scrollWidth"] <= PHONE["width"], \
            f"{page} is {box['scrollWidth']} px wide on a {PHONE['width']} px phone"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    COUNTS["phone"].add(page)


def test_page_is_valid_html(page, pages, vnu_results):
    file = str(dict(pages)[page])
    messages = vnu_results.get(file, [])
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    for m in messages:
        if m.get("type") == "info" and m.get("subType") == "warning":
            COUNTS["vnu_warnings"][m.get("message", "")] += 1
    assert not errors, f"Nu HTML Checker errors in {page}:\n" + "\n".join(
        f"  line {m.get('lastLine', '?')}: {m.get('message')}  [{m.get('extract', '').strip()}]" for m in errors)
    COUNTS["validated"].add(page)


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_page_is_accessible(page, screen, server, browser):
    """axe-core on the page as a desktop shows it (1280 px) and as a 375 px
    phone does: the layouts differ, and so can contrast and overlap."""
    from axe_selenium_python import Axe

    if screen == "phone":
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        load(browser, server, page)
        axe = Axe(browser)
        axe.inject()
        results = axe.run(options='{"resultTypes": ["violations"]}')
    finally:
        if screen == "phone":
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    version = browser.execute_script("return axe.version")
    COUNTS["axe_version"] = version
    violations = []
    for v in results["violations"]:
        # axe-core before 3.2 (axe-selenium-python 2, the one that installs on
        # Python 3.11) fails autocomplete="off" on any input but type=text;
        # "off" is valid on every input, and axe-core 4 passes it.
        if version.startswith("3.") and v["id"] == "autocomplete-valid":
            kept = [n for n in v["nodes"] if 'autocomplete="off"' not in n["html"]]
            for n in v["nodes"]:
                if n not in kept:
                    COUNTS["waived"].append(f"{page} {n['target']}: axe-core {version} autocomplete-valid on autocomplete=\"off\"")
            if not kept:
                continue
            v = dict(v, nodes=kept)
        violations.append(v)
    for v in violations:
        found = COUNTS["axe"].setdefault(v["id"], {"impact": v["impact"], "nodes": 0, "pages": set()})
        found["nodes"] += len(v["nodes"])
        found["pages"].add(page)
    COUNTS["audited"].add(page)
    COUNTS["audits"] += 1
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not failing, f"axe-core on {page} ({screen}):\n" + "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']}\n" + "\n".join(
            f"    {n['target']}: {n.get('failureSummary', '').splitlines()[-1:]}" for n in v["nodes"][:5])
        for v in failing)


# --- the site as a whole -----------------------------------------------------

def test_search_finds_cost_benefit_analysis(server, browser):
    load(browser, server, "/search/")
    box = browser.find_element(By.ID, "search-input")
    wait = WebDriverWait(browser, 10)
    # The index has loaded when the status no longer says it is loading.
    wait.until(lambda d: "Loading" not in d.find_element(By.ID, "search-status").text,
               "the search index did not load")
    status = browser.find_element(By.ID, "search-status").text
    assert "could not be loaded" not in status, status
    box.send_keys("cost")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"),
               "typing 'cost' showed no results")
    links = {a.text: a.get_attribute("href") for a in
             browser.find_elements(By.CSS_SELECTOR, "#search-results li a")}
    assert "Cost-Benefit Analysis" in links, f"searching 'cost' found {sorted(links)}"
    tool = server.url("/toolbox/cost-benefit-analysis/")
    assert tool in links.values(), f"no result links to {tool}: {links}"
    assert "match" in browser.find_element(By.ID, "search-status").text

    # The result is a working link: following it opens the tool.
    browser.find_element(By.CSS_SELECTOR, '#search-results a[href$="toolbox/cost-benefit-analysis/"]').click()
    wait.until(EC.url_to_be(tool), f"the result did not open {tool}")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Cost-Benefit Analysis"
    assert not console_errors(browser)

    # A link with ?q= searches at once; a query with no match says so.
    load(browser, server, "/search/?q=zzzzqqq")
    wait.until(lambda d: "No pages match" in d.find_element(By.ID, "search-status").text,
               "?q= with no match did not say so")
    assert not browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    box = browser.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys("cost", Keys.ENTER)  # the form is handled in the page, not sent
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"),
               "Enter after 'cost' showed no results")
    assert browser.current_url.endswith("/search/?q=zzzzqqq")


@pytest.mark.parametrize("typed", ["análisis", "analisis", "ANÁLISIS costos"])
def test_spanish_search_finds_a_spanish_page_with_or_without_accents(typed, server, browser):
    """A Spanish visitor searches in Spanish, typing the accent or not: the
    results are the Spanish pages, and what the page says is in Spanish."""
    load(browser, server, "/es/search/")
    wait = WebDriverWait(browser, 10)
    wait.until(lambda d: "Cargando" not in d.find_element(By.ID, "search-status").text,
               "the Spanish search index did not load")
    assert "No se pudo" not in browser.find_element(By.ID, "search-status").text
    browser.find_element(By.ID, "search-input").send_keys(typed)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"),
               f"typing {typed!r} showed no results")
    links = {a.text: a.get_attribute("href") for a in
             browser.find_elements(By.CSS_SELECTOR, "#search-results li a")}
    tool = server.url("/es/toolbox/cost-benefit-analysis/")
    assert links.get("Análisis de costos y beneficios") == tool, f"searching {typed!r} found {links}"
    off = [href for href in links.values() if not href.startswith(server.url("/es/"))]
    assert not off, f"a Spanish search led to pages in another language: {off}"
    status = browser.find_element(By.ID, "search-status").text
    assert "coincide" in status and "match" not in status, status
    assert not console_errors(browser)


def test_worksheet_pdf_links_download_pdfs(site, pages, server, browser):
    """Every *.pdf link on the worksheet, tool and meetings pages downloads a
    PDF (the meetings flyer too), and every PDF the build made is linked
    from one of them."""
    linked = {}
    for path, _ in pages:
        # The Spanish pages (/es/...) link to the Spanish PDFs.
        plain = path[len("/es"):] if path.startswith("/es/") else path
        if not (plain.startswith("/worksheets/") or plain.startswith("/toolbox/") or plain == "/meetings/"):
            continue
        load(browser, server, path)
        for a in browser.find_elements(By.CSS_SELECTOR, 'a[href$=".pdf"]'):
            linked.setdefault(a.get_attribute("href"), set()).add(path)
    assert linked, "no PDF links on the worksheet and tool pages"

    for url, where in sorted(linked.items()):
        assert url.startswith(server.base + "/"), f"PDF link off the site: {url} on {sorted(where)}"
        status, headers, body = fetch(url)
        assert status == 200, f"{url} (linked from {sorted(where)}): status {status}"
        assert headers.get_content_type() == "application/pdf", f"{url}: {headers.get('Content-Type')}"
        assert body.startswith(b"%PDF-"), f"{url} is not a PDF: {body[:16]!r}"
        assert body.rstrip().endswith(b"%%EOF"), f"{url} is cut short"
        COUNTS["pdfs"].add(url)

    made = {server.url("/" + p.relative_to(site).as_posix()) for p in site.rglob("*.pdf")}
    assert made - set(linked) == set(), f"PDFs no page links to: {sorted(made - set(linked))}"


def test_missing_page_is_a_styled_404(server, browser):
    status, headers, body = fetch(server.url("/no/such/page/"))
    assert status == 404
    assert b"<h1" in body
    load(browser, server, "/no/such/page/")
    requests = server.new_log_lines()
    assert (404, "GET", "/no/such/page/") in requests
    # Its stylesheet and icon load even two folders deep.
    failed = [r for r in requests if r[0] >= 400 and r[2] != "/no/such/page/"]
    assert not failed, f"the 404 page's own requests failed: {failed}"
    color = browser.execute_script(
        "return getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent"), "the 404 page is unstyled"


def test_every_page_is_reachable_by_links(pages, server, browser):
    """Starting at the home page and following links on the site reaches every
    page (each language's 404 page aside: a missing address leads there, not a link)."""
    wanted = {path for path, _ in pages if not path.endswith("/404.html")}
    seen, queue = set(), ["/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        load(browser, server, path)
        for href in browser.execute_script(
                "return Array.from(document.querySelectorAll('a[href]'), a => a.href)"):
            parts = urllib.parse.urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" != server.base:
                continue
            target = parts.path
            if target in wanted and target not in seen:
                queue.append(target)
    assert wanted - seen == set(), f"pages no link leads to: {sorted(wanted - seen)}"
