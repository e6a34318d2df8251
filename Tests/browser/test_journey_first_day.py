"""Journey: a new program's first day, the part that happens in a browser.

A staff member makes their site with `smartsite new site`, builds the copy
that works from disk (`smartsite build --offline`) and opens it from a USB
stick, as a residential program without internet would: file://, no web
server. The menu must lead to real pages (not folder listings) and search
must find a page (Chromium refuses fetch() of a file:// address, so the
index comes as a script). Issue 12 found every menu link opened a folder
listing and search said "The search index could not be loaded."

The Swift side of the journey (build, check --strict, preview, one mistake
one error) is Tests/CommandLineTests/FirstDayJourneyTests.swift.
"""

import os
import pathlib
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO

SMARTSITE = os.environ.get("SMARTSITE_BINARY", str(REPO / ".build" / "release" / "smartsite"))


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    if not os.access(SMARTSITE, os.X_OK):
        pytest.skip(f"no smartsite program at {SMARTSITE}; run `make release`")
    folder = tmp_path_factory.mktemp("first-day") / "sunrise"
    subprocess.run([SMARTSITE, "new", "site", str(folder), "--name", "Sunrise Recovery Center",
                    "--phone", "(760) 555-1234", "--base-url", "https://sunrise.example.net/"],
                   check=True, stdin=subprocess.DEVNULL, capture_output=True)
    built = subprocess.run([SMARTSITE, "build", "--offline", "--no-worksheets"], cwd=folder,
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    root = folder / "output-offline"
    assert (root / "index.html").is_file(), "the offline build is not in output-offline/"
    return root


def open_file(browser, path):
    browser.get_log("browser")
    browser.get(path.as_uri())
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_the_menu_leads_to_pages_from_disk(offline_site, browser):
    open_file(browser, offline_site / "index.html")
    assert browser.current_url.startswith("file://")
    menu = browser.find_elements(By.CSS_SELECTOR, ".site-nav a, nav a")
    titles = [link.text for link in menu if link.text]
    assert "Toolbox" in titles, titles
    browser.find_element(By.LINK_TEXT, "Toolbox").click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url.endswith("/toolbox/index.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text, "the toolbox page has no heading"
    assert "Index of" not in browser.title, "a folder listing opened instead of the page"
    # One step deeper and back up: a tool page, then the home page by the site title.
    browser.find_element(By.CSS_SELECTOR, "main a[href$='/index.html']").click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url.count("/") > (offline_site / "toolbox").as_uri().count("/"))
    assert browser.current_url.endswith("/index.html"), browser.current_url
    browser.find_element(By.CSS_SELECTOR, "a.site-title").click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url == (offline_site / "index.html").as_uri())


def test_search_finds_a_page_from_disk(offline_site, browser):
    open_file(browser, offline_site / "index.html")
    browser.find_element(By.CSS_SELECTOR, "a.header-search").click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url.endswith("/search/index.html"))
    box = browser.find_element(By.ID, "search-input")
    WebDriverWait(browser, 20).until(lambda d: "Loading" not in d.find_element(By.ID, "search-status").text)
    status = browser.find_element(By.ID, "search-status").text
    assert "could not be loaded" not in status, status
    box.send_keys("urge log")
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results a")
    titles = [link.text for link in results]
    assert any("Urge Log" in title for title in titles), titles
    target = next(link for link in results if "Urge Log" in link.text)
    href = target.get_attribute("href")
    assert href.startswith("file://") and href.endswith("/index.html"), href
    target.click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url == href)
    assert "Urge Log" in browser.find_element(By.TAG_NAME, "h1").text


def test_spanish_search_works_from_disk(offline_site, browser):
    """The Spanish search page loads the Spanish index (es/search-index.js)
    from disk, and its result opens the Spanish page."""
    open_file(browser, offline_site / "es" / "search" / "index.html")
    WebDriverWait(browser, 20).until(lambda d: "Cargando" not in d.find_element(By.ID, "search-status").text)
    status = browser.find_element(By.ID, "search-status").text
    assert "No se pudo" not in status, status
    browser.find_element(By.ID, "search-input").send_keys("impulsos")
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results a")
    target = next((link for link in results if link.text == "Registro de impulsos"), None)
    assert target, [link.text for link in results]
    href = target.get_attribute("href")
    assert href == (offline_site / "es" / "toolbox" / "urge-log" / "index.html").as_uri(), href
    target.click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url == href)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Registro de impulsos"


def test_no_link_of_the_offline_copy_needs_a_server(offline_site):
    """Every link to a page of the site names its index.html; none leaves
    for the web address the site will have."""
    import re
    for page in offline_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'<a [^>]*href="([^"]*)"', html):
            assert not href.startswith("https://sunrise.example.net"), f"{page}: {href}"
            if href.startswith(("http:", "https:", "mailto:", "tel:", "sms:", "#")) or href.endswith(".pdf"):
                continue
            assert href.split("#")[0].endswith((".html", ".pdf", ".png", ".jpg", ".jpeg", ".svg", ".webp", ".ics")), f"{page}: {href}"
