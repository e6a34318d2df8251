"""Journey: a visitor in crisis, on a phone, lands on any page from a search.

They must be able to tap 911 and 988 without scrolling on every page, and
find the help page's overdose steps: call 911, naloxone, stay, the recovery
position. Issue 15 found 911 was never a link and the overdose guidance
stopped at "call 911".
"""

from selenium.webdriver.common.by import By

from test_site import PHONE, load


def on_first_screen(browser, element):
    """Whether the element is inside the first screen and nothing covers it."""
    box = browser.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: window.innerHeight,"
        " onTop: !!hit && arguments[0].contains(hit)}", element)
    return (0 <= box["left"] and box["right"] <= PHONE["width"] and 0 <= box["top"]
            and box["bottom"] <= box["height"] and box["onTop"]), box


def test_911_and_988_are_tappable_on_every_page(page, server, browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        load(browser, server, page)
        bar = browser.find_element(By.CSS_SELECTOR, ".help-bar")
        for href in ("tel:911", "tel:988"):
            link = bar.find_element(By.CSS_SELECTOR, f'a[href="{href}"]')
            assert link.is_displayed(), f"{href} hidden in the help bar on {page}"
            shown, box = on_first_screen(browser, link)
            assert shown, f"{href} not tappable on the first screen of {page}: {box}"
        footer = browser.find_element(By.CSS_SELECTOR, ".site-footer")
        for href in ("tel:911", "tel:988", "sms:988", "tel:18006624357", "https://988lifeline.org/chat/"):
            assert footer.find_elements(By.CSS_SELECTOR, f'a[href="{href}"]'), f"the footer of {page} has no {href} link"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_help_now_gives_the_overdose_steps(server, browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        load(browser, server, "/help-now/")
        main = browser.find_element(By.ID, "main")
        headings = [h.text for h in main.find_elements(By.TAG_NAME, "h2")]
        assert "If you think someone has overdosed" in headings, headings
        steps = main.find_element(By.XPATH, "//h2[.='If you think someone has overdosed']/following-sibling::ol[1]")
        items = [li.text for li in steps.find_elements(By.TAG_NAME, "li")]
        assert items[0].startswith("Call 911"), items
        assert steps.find_element(By.CSS_SELECTOR, 'a[href="tel:911"]').is_displayed()
        text = " ".join(items)
        for words in ("naloxone", "Narcan", "over the counter", "Stay with the person", "recovery position"):
            assert words in text, f"the overdose steps do not mention {words!r}: {items}"
        body = main.text
        for words in ("tolerance", "Good Samaritan", "benzodiazepines", "press 1", "AYUDA", "videophone", "FindTreatment.gov"):
            assert words in body, f"help-now does not mention {words!r}"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
