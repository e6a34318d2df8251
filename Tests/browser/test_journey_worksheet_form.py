"""Journey: a person who uses a screen reader (or has no printer at hand)
fills in a worksheet on its web page, and prints it.

The page offers the worksheet as a real form: they reach each field by its
label, tick boxes, pick a point on a scale, write in a table; pressing Enter
sends nothing anywhere; printing gives the filled form without the site's
menus or download buttons. The form pages pass axe and the Nu checker.
"""

import base64
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_site import FAILING_IMPACTS, PHONE, load

# Between them every block kind: writing areas and a scale (ABC for Urges),
# a 7-column table (Urge Log), a grid (Cost-Benefit Analysis), a pie
# (Lifestyle Balance Pie), check boxes (Stages of Change).
FORM_PAGES = ["/worksheets/abc-urges/", "/worksheets/urge-log/", "/worksheets/cost-benefit-analysis/",
              "/worksheets/lifestyle-balance-pie/", "/worksheets/stages-of-change/"]


def labelled(browser, text):
    """The control a visitor reaches by its label's words, as a screen
    reader's form list offers it: the label's `for`, followed."""
    label = browser.find_element(By.XPATH, f"//*[contains(@class,'ws-form')]//label[normalize-space()={text!r}]")
    return browser.find_element(By.ID, label.get_attribute("for"))


def test_a_visitor_fills_in_a_worksheet_and_prints_it(server, browser, tmp_path):
    load(browser, server, "/worksheets/abc-urges/")
    main = browser.find_element(By.ID, "main")
    assert "not saved and not sent to anyone" in main.text, "the page does not say that answers stay on it"
    # A form landmark for a screen reader, but no <form>: nothing can be submitted.
    assert main.find_element(By.CSS_SELECTOR, ".ws-form").get_attribute("role") == "form"
    assert not browser.find_elements(By.CSS_SELECTOR, ".ws-form form, form .ws-form")

    # Clicking a label puts the cursor in its field, as a label should.
    browser.find_element(By.XPATH, "//label[normalize-space()='What happened just before the urge?']").click()
    area = browser.switch_to.active_element
    assert area.tag_name == "textarea"
    area.send_keys("Walked past the bar on the way home.\nFriday, 6 pm.")
    labelled(browser, "Name").send_keys("Sam")
    # A screen reader announces the section (the fieldset's legend) with the field.
    legend = area.find_element(By.XPATH, "ancestor::fieldset[1]/legend").text
    assert legend == "A — Activating event", legend
    # The scale: one choice out of 11, by its number.
    browser.find_element(By.CSS_SELECTOR, "label[for$='-v7']").click()
    chosen = browser.execute_script("return [...document.querySelectorAll('.ws-scale input:checked')].map(i => i.value)")
    assert chosen == ["v7"], chosen

    # Enter in a field submits nothing: same address, no request to the server.
    server.new_log_lines()
    labelled(browser, "Date").send_keys("March 3" + Keys.ENTER)
    assert browser.current_url == server.url("/worksheets/abc-urges/")
    assert server.new_log_lines() == [], "pressing Enter sent a request"
    assert labelled(browser, "Name").get_attribute("value") == "Sam", "the answers were lost"

    # Printing: the filled form, without the menus and the download buttons.
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "paperWidth": 8.5, "paperHeight": 11})
    pdf = tmp_path / "printed.pdf"
    pdf.write_bytes(base64.b64decode(printed["data"]))
    shutil.copy(pdf, "/tmp/packet-printed.pdf")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("ABC for Urges", "Walked past the bar on the way home.", "Friday, 6 pm.", "Sam", "March 3",
                  "What happened just before the urge?", "A — Activating event", "988"):
        assert words in text, f"the printout lacks {words!r}:\n{text}"
    for chrome in ("Download PDF", "not saved and not sent", "PRINTABLE WORKSHEET", "Home › Worksheets"):
        assert chrome not in text, f"the printout shows {chrome!r}"


def test_a_table_row_is_filled_on_a_phone(server, browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        load(browser, server, "/worksheets/urge-log/")
        cell = browser.find_element(By.CSS_SELECTOR, "input[aria-label='Trigger, row 1']")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", cell)
        cell.click()
        cell.send_keys("Payday")
        assert cell.get_attribute("value") == "Payday"
        assert cell.get_attribute("name") == "urge_log.row1.trigger", "the cell has the PDF's field name"
        # The table scrolls in its own box; the page itself stays phone-wide.
        assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("path", FORM_PAGES)
def test_every_control_has_a_label(server, browser, path):
    load(browser, server, path)
    unnamed = browser.execute_script("""
        return [...document.querySelectorAll('div.ws-form input, div.ws-form textarea')]
          .filter(c => !c.getAttribute('aria-label') && c.labels.length === 0)
          .map(c => c.name)""")
    assert unnamed == [], f"controls without a label on {path}: {unnamed}"
    assert browser.find_elements(By.CSS_SELECTOR, "div.ws-form input, div.ws-form textarea"), f"no form on {path}"


@pytest.mark.parametrize("screen", ["desktop", "phone"])
@pytest.mark.parametrize("path", FORM_PAGES)
def test_the_form_passes_axe_when_filled(server, browser, path, screen):
    """axe on the form with answers in it: a checked box, a chosen point and
    text, which the empty page of test_site's audit does not show."""
    from axe_selenium_python import Axe

    if screen == "phone":
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        load(browser, server, path)
        browser.execute_script("""
            document.querySelectorAll('div.ws-form input[type=text], div.ws-form textarea').forEach(c => c.value = 'An answer');
            document.querySelectorAll('div.ws-form input[type=number]').forEach(c => c.value = '7');
            document.querySelectorAll('div.ws-form input[type=checkbox]').forEach((c, i) => c.checked = i % 2 === 0);
            document.querySelectorAll('div.ws-form .ws-scale').forEach(s => { const r = s.querySelectorAll('input'); r[r.length >> 1].checked = true; });""")
        axe = Axe(browser)
        axe.inject()
        results = axe.run(options='{"resultTypes": ["violations"]}')
    finally:
        if screen == "phone":
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    failing = [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS
               and not (v["id"] == "autocomplete-valid" and all('autocomplete="off"' in n["html"] for n in v["nodes"]))]
    assert not failing, f"axe-core on {path} ({screen}):\n" + "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes'][:5]]}" for v in failing)


@pytest.mark.parametrize("path", FORM_PAGES)
def test_the_form_page_is_valid_html(site, vnu_results, path):
    file = str(site / path.strip("/") / "index.html")
    errors = [m for m in vnu_results.get(file, []) if m.get("type") == "error"]
    assert not errors, f"Nu HTML Checker errors in {path}:\n" + "\n".join(
        f"  line {m.get('lastLine', '?')}: {m.get('message')}" for m in errors)
