"""The design as visitors meet it: on phones (320 and 375 px), a tablet
(768 px) and a desktop (1280 px), each in the light and the dark colour
scheme (Chromium's emulation of prefers-color-scheme).

On every page and screen: nothing scrolls sideways, axe finds nothing
serious or critical, the wide screen is used. On each kind of page: every
menu item is reached with Tab and opened with Enter. The comparison table
shows both programs' column on a phone; the menu works without JavaScript;
a page's HTML, CSS and script stay under 60 KB; nothing shifts as it loads.
"""

import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_site import FAILING_IMPACTS, load

WIDTHS = [320, 375, 768, 1280]
SCHEMES = ["light", "dark"]
SCREENS = [(w, s) for w in WIDTHS for s in SCHEMES]
PHONE_MENU_WIDTH = 640  # 40rem: under it the menu folds behind its button

# One page of each kind (and the pages smartsite makes itself).
PAGE_KINDS = {
    "home": "/",
    "section": "/toolbox/",
    "point": "/program/coping-with-urges/",
    "tool": "/toolbox/cost-benefit-analysis/",
    "page": "/help-now/",
    "comparison": "/smart-and-12-step/",
    "provider": "/providers/restore-los-angeles/",
    "worksheet": "/worksheets/cost-benefit-analysis/",
    "worksheets": "/worksheets/",
    "search": "/search/",
    "404": "/404.html",
}

MAX_PAGE_BYTES = 60 * 1024


def emulate(browser, width, scheme, height=800):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})


@pytest.fixture
def screen(browser):
    """Sets a screen size and colour scheme; puts the browser back after."""
    yield lambda width, scheme, height=800: emulate(browser, width, scheme, height)
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def luminance(css_colour):
    r, g, b = (int(x) for x in re.findall(r"\d+", css_colour)[:3])
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


# --- every page, every screen -------------------------------------------------

def test_no_sideways_scrolling_and_the_wide_screen_is_used(page, server, browser, screen):
    for width, scheme in SCREENS:
        screen(width, scheme)
        load(browser, server, page)
        facts = browser.execute_script(
            "var d = document.documentElement;"
            "return {scroll: d.scrollWidth, inner: window.innerWidth,"
            " background: getComputedStyle(document.body).backgroundColor}")
        assert facts["inner"] == width
        assert facts["scroll"] <= width, f"{page} is {facts['scroll']} px wide on a {width} px screen ({scheme})"
        bright = luminance(facts["background"])
        assert (bright < 0.05) if scheme == "dark" else (bright > 0.9), \
            f"{page} ({scheme}) has background {facts['background']}"
        if width == 1280:
            # The page and what is beside it (table of contents, help lines)
            # fill at least 80% of the frame: no third of the screen left empty.
            used = browser.execute_script(
                "var frame = document.querySelector('.page-frame').getBoundingClientRect();"
                "var left = Infinity, right = -Infinity;"
                "document.querySelectorAll('main > *, .page-aside, main .toc, .page > *').forEach(function (e) {"
                "  var r = e.getBoundingClientRect(); if (r.width === 0) return;"
                "  left = Math.min(left, r.left); right = Math.max(right, r.right); });"
                "var style = getComputedStyle(document.querySelector('.page-frame'));"
                "var inner = frame.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);"
                "return (right - left) / inner")
            assert used >= 0.8, f"{page} uses {used:.0%} of the width at 1280 px"


def test_page_is_accessible_in_every_screen(page, server, browser, screen):
    from axe_selenium_python import Axe

    failing = []
    for width, scheme in SCREENS:
        screen(width, scheme)
        load(browser, server, page)
        if width < PHONE_MENU_WIDTH:
            # The menu open, so axe sees it too.
            browser.find_element(By.CSS_SELECTOR, ".menu-button").click()
        axe = Axe(browser)
        axe.inject()
        results = axe.run(options='{"resultTypes": ["violations"]}')
        for v in results["violations"]:
            if v["impact"] in FAILING_IMPACTS:
                failing.append(f"  {width} px {scheme}: {v['id']} ({v['impact']}): {v['help']}\n" + "\n".join(
                    f"    {n['target']}: {n.get('failureSummary', '').splitlines()[-1:]}" for n in v["nodes"][:5]))
    assert not failing, f"axe-core on {page}:\n" + "\n".join(failing)


def test_pages_are_valid_html(pages, vnu_results):
    errors = []
    for path, file in pages:
        for m in vnu_results.get(str(file), []):
            if m.get("type") in ("error", "non-document-error"):
                errors.append(f"{path} line {m.get('lastLine', '?')}: {m.get('message')}")
    assert not errors, "Nu HTML Checker errors:\n" + "\n".join(errors)


# --- the menu, by keyboard ----------------------------------------------------

def tab_to(browser, wanted, limit=60):
    """Presses Tab until `wanted` has the focus; the elements passed on the way."""
    passed = []
    for _ in range(limit):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        active = browser.switch_to.active_element
        if active == wanted:
            return passed
        passed.append(active)
    raise AssertionError(f"Tab never reached {wanted.get_attribute('outerHTML')[:120]}")


def menu_links(browser, width):
    """The menu's links a visitor has on this screen: every entry, and
    Search (in the menu on a phone, beside the site's name on a wide screen)."""
    links = browser.find_elements(By.CSS_SELECTOR, ".site-nav li:not(.site-nav-search) a")
    search = ".site-nav-search a" if width < PHONE_MENU_WIDTH else ".header-search"
    return links + browser.find_elements(By.CSS_SELECTOR, search)


def open_menu_by_keyboard(browser, width):
    button = browser.find_element(By.CSS_SELECTOR, ".menu-button")
    if width < PHONE_MENU_WIDTH:
        assert button.is_displayed(), f"no menu button at {width} px"
        assert button.get_attribute("aria-expanded") == "false"
        assert not browser.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
        tab_to(browser, button)
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        assert button.get_attribute("aria-expanded") == "true", "Enter did not open the menu"
    else:
        assert not button.is_displayed(), f"a menu button at {width} px"


def assert_shown_with_focus(browser, link, width):
    assert browser.execute_script("return document.activeElement") == link
    box = browser.execute_script("var r = arguments[0].getBoundingClientRect();"
                                 "return {left: r.left, right: r.right, width: r.width}", link)
    assert link.is_displayed() and box["width"] > 0, f"{link.text} has the focus but is not shown"
    assert 0 <= box["left"] and box["right"] <= width, f"{link.text} is off screen at {width} px: {box}"


@pytest.mark.parametrize("kind", ["home", "tool", "404"])
@pytest.mark.parametrize("width,scheme", SCREENS)
def test_every_menu_item_is_reached_by_tab(kind, width, scheme, server, browser, screen):
    """Tab from the top of the page passes every menu item in order, each
    on screen when it has the focus."""
    screen(width, scheme)
    load(browser, server, PAGE_KINDS[kind])
    open_menu_by_keyboard(browser, width)
    links = menu_links(browser, width)
    assert len(links) >= 8
    for link in sorted(links, key=lambda a: browser.execute_script(
            "return Array.from(document.querySelectorAll('a, button')).indexOf(arguments[0])", a)):
        tab_to(browser, link)
        assert_shown_with_focus(browser, link, width)


@pytest.mark.parametrize("width", [320, 1280])
def test_every_menu_item_opens_with_enter(width, server, browser, screen):
    screen(width, "dark")
    path = PAGE_KINDS["tool"]
    load(browser, server, path)
    count = len(menu_links(browser, width))
    for index in range(count):
        load(browser, server, path)
        open_menu_by_keyboard(browser, width)
        link = menu_links(browser, width)[index]
        tab_to(browser, link)
        assert_shown_with_focus(browser, link, width)
        href, text = link.get_attribute("href"), link.text
        browser.execute_script("window.beforeEnter = true")
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        # A new page: the mark is gone (Home on the home page loads it again).
        WebDriverWait(browser, 10).until(
            lambda d: d.execute_script("return !window.beforeEnter && document.readyState === 'complete'")
            and d.current_url == href, f"Enter on {text} did not open {href}")


def test_escape_closes_the_phone_menu(server, browser, screen):
    screen(375, "light")
    load(browser, server, "/")
    button = browser.find_element(By.CSS_SELECTOR, ".menu-button")
    tab_to(browser, button)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    first = browser.find_element(By.CSS_SELECTOR, ".site-nav a")
    tab_to(browser, first)
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert button.get_attribute("aria-expanded") == "false"
    assert browser.switch_to.active_element == button
    assert not first.is_displayed()


def test_the_menu_works_without_javascript(server, browser, screen):
    """With scripts off, a 320 px phone shows every menu item as a grid, none
    off screen, and no button that would do nothing."""
    screen(320, "light")
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    load(browser, server, "/program/")
    assert not browser.find_element(By.CSS_SELECTOR, ".menu-button").is_displayed()
    links = browser.find_elements(By.CSS_SELECTOR, ".site-nav a")
    for link in links:
        box = browser.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.left, r.right]", link)
        assert link.is_displayed() and 0 <= box[0] and box[1] <= 320, f"{link.text} off screen: {box}"
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 320


def test_help_bar_is_one_line_on_a_phone(server, browser, screen):
    for width in (320, 375):
        for path in PAGE_KINDS.values():
            screen(width, "light")
            load(browser, server, path)
            bar = browser.find_element(By.CSS_SELECTOR, ".help-bar p")
            lines = browser.execute_script(
                "var tops = new Set(); arguments[0].querySelectorAll('a').forEach(function (a) {"
                "  var r = a.getBoundingClientRect(); if (r.width) tops.add(Math.round((r.top + r.bottom) / 16)); });"
                "return tops.size", bar)
            assert lines == 1, f"the help bar of {path} takes {lines} lines at {width} px"
            shown = [a.get_attribute("href") for a in bar.find_elements(By.TAG_NAME, "a") if a.is_displayed()]
            for href in ("tel:911", "tel:988"):
                assert href in shown, f"{href} not shown in the help bar of {path} at {width} px"
            assert shown[-1].endswith("/help-now/"), f"no More help link last in {path}: {shown}"


# --- particular pages ---------------------------------------------------------

@pytest.mark.parametrize("width", [320, 375])
def test_comparison_shows_both_programs_on_a_phone(width, server, browser, screen):
    screen(width, "light")
    load(browser, server, "/smart-and-12-step/")
    table = browser.find_element(By.CSS_SELECTOR, ".table-scroll table")
    headers = [th.get_attribute("textContent").strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert "SMART Recovery" in headers and "12-step programs" in headers, headers
    cells = table.find_elements(By.CSS_SELECTOR, "tbody td")
    assert len(cells) >= 20
    for cell in cells:
        box = browser.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.width]", cell)
        assert cell.is_displayed() and box[2] > 0, f"a cell is hidden: {cell.text[:40]}"
        assert 0 <= box[0] and box[1] <= width, f"a cell is off screen at {width} px: {cell.text[:40]} {box}"
        label = browser.execute_script(
            "return getComputedStyle(arguments[0], '::before').content", cell)
        assert label.strip('"') in headers, f"cell {cell.text[:40]!r} is labelled {label}"
    twelve_step = [c.text for c in cells if c.get_attribute("data-label") == "12-step programs"]
    assert any("sponsor" in text for text in twelve_step), twelve_step


def test_home_page_opening(server, browser, screen):
    """The promise, three ways in and the help lines on a phone's first
    screen; the four points and starting tools as cards."""
    screen(375, "light", height=740)
    load(browser, server, "/")
    hero = browser.find_element(By.CSS_SELECTOR, ".hero")
    actions = {a.text: a.get_attribute("href") for a in hero.find_elements(By.CSS_SELECTOR, ".hero-actions a")}
    assert set(actions) == {"Find a meeting", "Learn the 4 points", "Get help now"}, actions
    assert actions["Find a meeting"].endswith("/meetings/")
    assert actions["Get help now"].endswith("/help-now/")
    for text, href in actions.items():
        bottom = browser.execute_script("return arguments[0].getBoundingClientRect().bottom",
                                        hero.find_element(By.LINK_TEXT, text))
        assert bottom <= 740, f"{text} is below the first screen ({bottom})"
    for href in ("tel:911", "tel:988"):
        link = browser.find_element(By.CSS_SELECTOR, f'.help-bar a[href="{href}"]')
        assert browser.execute_script("return arguments[0].getBoundingClientRect().bottom", link) <= 740
    points = browser.find_elements(By.CSS_SELECTOR, ".point-cards .point-card a")
    assert [p.text for p in points] == ["Building and Maintaining Motivation", "Coping with Urges",
                                        "Managing Thoughts, Feelings and Behaviors", "Living a Balanced Life"]
    tools = browser.find_elements(By.CSS_SELECTOR, "#home-tools ~ .cards a")
    assert len(tools) >= 3 and all("/toolbox/" in t.get_attribute("href") for t in tools)


def test_404_marks_nothing_current(server, browser):
    load(browser, server, "/no/such/page/")
    assert browser.find_elements(By.CSS_SELECTOR, "[aria-current]") == []


def test_worksheet_breadcrumbs_follow_the_site(server, browser):
    load(browser, server, "/worksheets/cost-benefit-analysis/")
    crumbs = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".breadcrumbs li")]
    assert crumbs[:2] == ["Home", "Worksheets"] and len(crumbs) == 3, crumbs


def test_nothing_shifts_as_a_page_loads(server, browser, screen):
    for width in (375, 1280):
        for path in PAGE_KINDS.values():
            screen(width, "light")
            load(browser, server, path)
            shift = browser.execute_async_script(
                "var done = arguments[0], total = 0;"
                "new PerformanceObserver(function (list) {"
                "  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) total += e.value; });"
                "}).observe({type: 'layout-shift', buffered: true});"
                "requestAnimationFrame(function () { requestAnimationFrame(function () { done(total); }); });")
            assert shift < 0.01, f"{path} shifts by {shift:.3f} at {width} px"


def page_weight(site, file):
    """Bytes of a page's HTML and of the stylesheets and scripts it loads from
    the site (images and fetched data such as the search index aside)."""
    html = file.read_text(encoding="utf-8")
    total = len(html.encode("utf-8"))
    for ref in re.findall(r'<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="([^"]+)"', html):
        assert not ref.startswith(("http:", "https:", "//")), f"{file} loads {ref} from another site"
        target = (file.parent / ref).resolve() if not ref.startswith("/") else site / ref.lstrip("/")
        total += target.stat().st_size
    return total


def test_every_page_is_under_60_kb_with_nothing_from_elsewhere(site, pages):
    heavy = {}
    for path, file in pages:
        bytes_ = page_weight(site, file)
        if bytes_ > MAX_PAGE_BYTES:
            heavy[path] = bytes_
        html = file.read_text(encoding="utf-8")
        assert "@font-face" not in html and "fonts.googleapis" not in html
    assert not heavy, f"pages over {MAX_PAGE_BYTES} bytes: {heavy}"
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "url(http" not in css and "@import" not in css


# --- the design review's fixes, kept fixed --------------------------------------

def test_sub_headings_are_a_list_inside_their_heading(server, browser):
    """A ### heading's entry is in a list of its own under its ##, not
    numbered as one more top-level entry."""
    load(browser, server, "/meetings/")
    top = [a.get_attribute("textContent") for a in browser.find_elements(By.CSS_SELECTOR, ".toc > ul > li > a")]
    nested = [a.get_attribute("textContent") for a in browser.find_elements(By.CSS_SELECTOR, ".toc > ul > li > ul > li > a")]
    assert "Crosstalk" in nested and "Crosstalk" not in top, (top, nested)
    assert "What happens in a meeting" in top


@pytest.mark.parametrize("path", ["/", "/help-now/", "/providers/restore-los-angeles/", "/worksheets/urge-log/"])
def test_phone_numbers_never_break(path, server, browser, screen):
    screen(320, "light")
    load(browser, server, path)
    links = browser.find_elements(By.CSS_SELECTOR, 'a[href^="tel:"]')
    assert links
    for link in links:
        assert browser.execute_script("return getComputedStyle(arguments[0]).whiteSpace", link) == "nowrap"
        if link.is_displayed():
            rects = browser.execute_script("return arguments[0].getClientRects().length", link)
            assert rects == 1, f"{link.get_attribute('href')} breaks over {rects} lines on {path}"


@pytest.mark.parametrize("width", [768, 1280])
def test_help_bar_is_one_line_on_a_wide_screen(width, server, browser, screen):
    """Its height is one line's: every link and the title on the same line."""
    for path in (PAGE_KINDS["home"], PAGE_KINDS["tool"], PAGE_KINDS["comparison"]):
        screen(width, "light")
        load(browser, server, path)
        facts = browser.execute_script(
            "var p = document.querySelector('.help-bar p'), s = getComputedStyle(p);"
            "var inner = p.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);"
            "var tops = new Set(); p.querySelectorAll('a').forEach(function (a) {"
            "  var r = a.getBoundingClientRect(); if (r.width) tops.add(Math.round((r.top + r.bottom) / 16)); });"
            "return {inner: inner, line: parseFloat(s.lineHeight), tops: tops.size}")
        assert facts["tops"] == 1, f"the help bar of {path} takes {facts['tops']} lines at {width} px"
        assert facts["inner"] <= facts["line"] + 1, f"the help bar of {path} is {facts} at {width} px"


def test_menu_labels_do_not_break_at_320(server, browser, screen):
    """No label breaks inside a word ("SMART and 12-/step"): each is one line."""
    screen(320, "light")
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    load(browser, server, "/")
    for link in browser.find_elements(By.CSS_SELECTOR, ".site-nav a"):
        lines = browser.execute_script(
            "var range = document.createRange(); range.selectNodeContents(arguments[0]);"
            "return new Set(Array.from(range.getClientRects()).map(function (r) { return Math.round(r.top); })).size", link)
        assert lines == 1, f"menu label {link.text!r} takes {lines} lines at 320 px"


def test_pdf_buttons_are_alike_on_the_tool_and_the_worksheet_page(server, browser, screen):
    screen(1280, "light")
    seen = {}
    for path in ("/toolbox/urge-log/", "/worksheets/urge-log/"):
        load(browser, server, path)
        buttons = browser.find_elements(By.CSS_SELECTOR, ".download-buttons a")
        assert len(buttons) == 4, path
        seen[path] = [(b.get_attribute("textContent"), b.get_attribute("class")) for b in buttons]
        widths = {round(b.rect["width"]) for b in buttons}
        assert len(widths) == 1, f"PDF buttons of different widths on {path}: {widths}"
        assert all(text.startswith("PDF, ") for text, _ in seen[path]), seen[path]
    assert seen["/toolbox/urge-log/"] == seen["/worksheets/urge-log/"]


def test_provider_contents_are_at_the_top(server, browser):
    load(browser, server, "/providers/banyan-palm-springs/")
    order = browser.execute_script(
        "var toc = document.querySelector('.toc'), facts = document.querySelector('.provider-facts');"
        "return toc.compareDocumentPosition(facts) & Node.DOCUMENT_POSITION_FOLLOWING")
    assert order, "the provider's table of contents comes after its facts"


def test_a_worksheet_table_scrolls_on_a_phone_with_a_cue(server, browser, screen):
    screen(375, "light")
    load(browser, server, "/worksheets/urge-log/")
    wrap = browser.find_element(By.CSS_SELECTOR, ".ws-table-wrap")
    facts = browser.execute_script(
        "var s = getComputedStyle(arguments[0]);"
        "return {scroll: arguments[0].scrollWidth, width: arguments[0].clientWidth, overflow: s.overflowX, shadow: s.backgroundImage}", wrap)
    assert facts["scroll"] > facts["width"] and facts["overflow"] == "auto"
    assert "radial-gradient" in facts["shadow"], "no shadow shows the table goes on"
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 375


def test_the_long_comparison_table_has_the_page_width(server, browser, screen):
    screen(1280, "light")
    load(browser, server, "/smart-and-12-step/")
    table = browser.execute_script("return document.querySelector('.table-scroll').getBoundingClientRect().width")
    frame = browser.execute_script(
        "var f = document.querySelector('.page-frame'), s = getComputedStyle(f);"
        "return f.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)")
    assert table >= 0.95 * frame, f"the comparison table is {table} px of {frame}"


# --- the Spanish pages ----------------------------------------------------------

SPANISH_PAGES = ["/es/", "/es/toolbox/", "/es/program/", "/es/help-now/", "/es/meetings/", "/es/worksheets/"]


@pytest.mark.parametrize("path", SPANISH_PAGES)
def test_spanish_pages_fit_a_phone_and_mark_one_menu_entry(path, server, browser, screen):
    # Spanish words run longer than English: the help bar may take two lines, never sideways room.
    for width in (320, 375):
        screen(width, "light")
        load(browser, server, path)
        scroll = browser.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= width, f"{path} is {scroll} px wide on a {width} px screen"
        bar = browser.find_element(By.CSS_SELECTOR, ".help-bar p")
        right = browser.execute_script("return arguments[0].getBoundingClientRect().right", bar)
        assert right <= width, f"the help bar of {path} reaches {right} px at {width} px"
    # The home entry (Inicio) is the current one on the home page alone.
    current = [a.get_attribute("textContent").strip()
               for a in browser.find_elements(By.CSS_SELECTOR, ".site-nav a[aria-current='page']")]
    assert len(current) <= 1, f"{path} marks {current} as the current page"
    assert ("Inicio" in current) == (path == "/es/"), f"{path} marks {current}"
