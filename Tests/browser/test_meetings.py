"""Meetings as a visitor meets them: calendars, structured data, the schedule page.

A program lists its meetings (one Markdown file each) in a site made with
`smartsite new site`; the meetings below cross the daylight-saving changes
of the US (2026-11-01, 2027-03-14) and of Europe, skip holidays, start late
(`from`), stop (`until`) and run past midnight (`overnight`). Then:

- every meeting's .ics and meetings.ics are read back with `icalendar` (an
  RFC 5545 parser) and expanded with `recurring_ical_events` over 12 weeks
  across each change, and over the next 12 weeks from today; every
  occurrence must be where the meeting file says, in its own zone, and the
  calendar's VTIMEZONE must give the same offsets as the zone's real rules;
- the JSON-LD on each meeting page parses and has its weekly Schedule,
  attendance mode, location, organizer and isAccessibleForFree;
- the meetings page at 375 and 1280 px has no serious axe-core violation,
  and its filters work without JavaScript (the :target links) and with it
  (buttons that combine), and the script marks today.

The shipped site's own meetings page is checked with every other page in
test_site.py (axe, Nu HTML Checker).
"""

import datetime
import json
import os
import pathlib
import re
import subprocess
import zoneinfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, Nginx

SMARTSITE = os.environ.get("SMARTSITE_BINARY", str(REPO / ".build" / "release" / "smartsite"))
BASE_URL = "https://meetings.example.net/"
SITE_ZONE = "America/Los_Angeles"  # site.yaml's timezone in a new site
HOST = "providers/sunrise-recovery-center.md"

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# The meeting files, as a facilitator writes them; the test's expectations
# come from these same values.
MEETINGS = {
    "monday-thursday-evening": dict(
        title="Monday & Thursday evening group", days=["mon", "thu"], start="18:30", end="20:00",
        place=dict(name="Room 2", street="1 Main St", city="Palm Springs", region="CA", postal_code="92262"),
        skip=["2026-11-26", "2027-03-15"], host=HOST),
    "sunday-morning-online": dict(
        title="Sunday morning online", days=["sun"], start="9:00 am", end="10:30 am", timezone="America/New_York",
        online="https://example.org/join-sunday", start_day="2026-10-18", until="2027-03-28", skip=["2026-12-27"]),
    "friday-late-night": dict(
        title="Reunión del viernes por la noche", days=["fri"], start="23:30", end="00:30", overnight=True,
        timezone="America/Chicago", place=dict(name="Centro", city="Chicago", region="IL"),
        online="https://example.org/join-friday", language="es", audience="young-adults", host=HOST),
    "saturday-london": dict(
        title="Saturday London group", days=["sat"], start="10:00", end="11:00", timezone="Europe/London",
        place=dict(city="London"), audience="family-and-friends"),
    "wednesday-example": dict(
        title="Wednesday lunchtime example", days=["wed"], start="12:00", end="13:00", online="https://example.org/join-wed",
        example=True),
}


def meeting_file(m):
    lines = ["---", f"title: {m['title']}", f"description: {m['title']}, every week.",
             "days: [" + ", ".join(m["days"]) + "]", f'start: "{m["start"]}"', f'end: "{m["end"]}"']
    for key in ("timezone", "online", "language", "audience", "host", "until"):
        if key in m:
            lines.append(f"{key}: {m[key]}")
    if "start_day" in m:
        lines.append(f"from: {m['start_day']}")
    if m.get("overnight"):
        lines.append("overnight: true")
    if m.get("example"):
        lines.append("example: true")
    if "skip" in m:
        lines.append("skip: [" + ", ".join(m["skip"]) + "]")
    if "place" in m:
        lines.append("place:")
        lines += [f"  {k}: {v}" for k, v in m["place"].items()]
    return "\n".join(lines) + "\n---\n\nCome ten minutes early the first time.\n"


def binary():
    if not os.access(SMARTSITE, os.X_OK):
        pytest.skip(f"no smartsite program at {SMARTSITE}; run `make release`")
    return SMARTSITE


@pytest.fixture(scope="module")
def meetings_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("meetings") / "sunrise"
    subprocess.run([binary(), "new", "site", str(folder), "--name", "Sunrise Recovery Center",
                    "--phone", "(760) 555-1234", "--base-url", BASE_URL],
                   check=True, stdin=subprocess.DEVNULL, capture_output=True)
    meetings = folder / "content" / "meetings"
    for old in meetings.glob("*.md"):
        if old.name != "_index.md":
            old.unlink()
    for slug, m in MEETINGS.items():
        (meetings / f"{slug}.md").write_text(meeting_file(m))
    built = subprocess.run([binary(), "build", "--no-worksheets"], cwd=folder,
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr + built.stdout
    return folder / "output"


@pytest.fixture(scope="module")
def meetings_server(meetings_site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("meetings-nginx")
    os.chmod(tmp, 0o755)
    nginx = Nginx(meetings_site, tmp)
    nginx.start()
    yield nginx
    nginx.stop()


# --- what the meeting files say ------------------------------------------------

def clock(written):
    text = written.replace(" ", "").lower()
    pm, am = text.endswith("pm"), text.endswith("am")
    hour, minute = (int(p) for p in text.rstrip("apm").split(":"))
    if pm or am:
        hour = hour % 12 + (12 if pm else 0)
    return datetime.time(hour, minute)


def expected(m, window):
    """Every (start, end) of `m` whose start falls in `window` (UTC datetimes),
    from its settings alone, with Python's zoneinfo for the zone's rules."""
    zone = zoneinfo.ZoneInfo(m.get("timezone", SITE_ZONE))
    first = datetime.date.fromisoformat(m.get("start_day", "2026-01-01"))
    last = datetime.date.fromisoformat(m["until"]) if "until" in m else None
    skipped = {datetime.date.fromisoformat(d) for d in m.get("skip", [])}
    begin, end = clock(m["start"]), clock(m["end"])
    day = window[0].date() - datetime.timedelta(days=2)
    found = []
    while day <= window[1].date() + datetime.timedelta(days=2):
        meets = DAYS[day.weekday()] in m["days"] and day >= first and (last is None or day <= last) and day not in skipped
        if meets:
            start = datetime.datetime.combine(day, begin, tzinfo=zone)
            finish = datetime.datetime.combine(day + datetime.timedelta(days=1 if m.get("overnight") else 0), end, tzinfo=zone)
            if window[0] <= start < window[1]:
                found.append((start, finish))
        day += datetime.timedelta(days=1)
    return found


def utc(moments):
    return sorted((a.astimezone(datetime.timezone.utc), b.astimezone(datetime.timezone.utc)) for a, b in moments)


def window(start, weeks=12):
    begin = datetime.datetime.combine(start, datetime.time(0), tzinfo=datetime.timezone.utc)
    return begin, begin + datetime.timedelta(weeks=weeks)


WINDOWS = {
    "autumn 2026 (US change 2026-11-01, Europe 2026-10-25)": window(datetime.date(2026, 10, 5)),
    "spring 2027 (US change 2027-03-14, Europe 2027-03-28)": window(datetime.date(2027, 2, 15)),
    "the next 12 weeks": window(datetime.date.today()),
}


# --- calendars -------------------------------------------------------------------

def read_calendar(path):
    import icalendar

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar.get("VERSION") == "2.0", path
    return calendar


def occurrences(calendar, span, uid=None):
    import recurring_ical_events

    events = recurring_ical_events.of(calendar).between(span[0], span[1])
    moments = [(e["DTSTART"].dt, e["DTEND"].dt, e) for e in events if uid is None or str(e["UID"]) == uid]
    return [(a, b, e) for a, b, e in moments if span[0] <= a < span[1]]


def ics_path(site, slug):
    return site / "meetings" / slug / f"{slug}.ics"


@pytest.mark.parametrize("slug", sorted(MEETINGS))
@pytest.mark.parametrize("span", sorted(WINDOWS))
def test_each_meetings_calendar_expands_to_its_schedule(meetings_site, slug, span):
    m = MEETINGS[slug]
    calendar = read_calendar(ics_path(meetings_site, slug))
    events = calendar.walk("VEVENT")
    assert len(events) == 1, f"{slug}: one weekly event"
    event = events[0]
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert sorted(event["RRULE"]["BYDAY"]) == sorted(d[:2].upper() for d in m["days"])
    summary = str(event["SUMMARY"])
    assert summary == ("Example listing: " if m.get("example") else "") + m["title"], summary
    if "place" in m:
        assert m["place"]["city"] in str(event["LOCATION"])
    if "online" in m:
        assert str(event["URL"]) == m["online"]
    if "until" in m:
        until = event["RRULE"]["UNTIL"][0]
        last = until.astimezone(zoneinfo.ZoneInfo(m.get("timezone", SITE_ZONE))).date() if isinstance(until, datetime.datetime) else until
        assert last == datetime.date.fromisoformat(m["until"]), until

    found = occurrences(calendar, WINDOWS[span])
    assert utc((a, b) for a, b, _ in found) == utc(expected(m, WINDOWS[span])), f"{slug} over {span}"
    zone = m.get("timezone", SITE_ZONE)
    for start, end, _ in found:
        assert str(start.tzinfo) == zone, f"{slug}: {start} is not in {zone}"
        # Wall-clock times stay put across the change: 6:30 pm is 6:30 pm in winter too.
        assert start.time() == clock(m["start"]) and end.time() == clock(m["end"]), f"{slug}: {start} to {end}"

    # The VTIMEZONE written into the file, on its own, gives the zone's real offsets.
    timezones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert zone in timezones, f"{slug}: no VTIMEZONE for {zone}"
    own = timezones[zone].to_tz(lookup_tzid=False)
    for start, end, _ in found:
        for moment in (start, end):
            naive = moment.replace(tzinfo=None)
            assert own.utcoffset(naive) == moment.utcoffset(), f"{slug}: VTIMEZONE offset at {naive}"


@pytest.mark.parametrize("span", sorted(WINDOWS))
def test_the_subscribable_feed_has_every_real_meeting_and_no_example(meetings_site, span):
    feed = read_calendar(meetings_site / "meetings.ics")
    uids = {str(e["UID"]) for e in feed.walk("VEVENT")}
    for slug, m in MEETINGS.items():
        own = read_calendar(ics_path(meetings_site, slug)).walk("VEVENT")[0]
        uid = str(own["UID"])
        if m.get("example"):
            assert uid not in uids, f"the example {slug} is in meetings.ics"
            continue
        assert uid in uids, f"{slug} is missing from meetings.ics"
        found = occurrences(feed, WINDOWS[span], uid=uid)
        assert utc((a, b) for a, b, _ in found) == utc(expected(m, WINDOWS[span])), f"{slug} in meetings.ics over {span}"
    zones = {str(tz["TZID"]) for tz in feed.walk("VTIMEZONE")}
    assert zones == {m.get("timezone", SITE_ZONE) for m in MEETINGS.values() if not m.get("example")}, zones


def test_calendars_are_the_same_bytes_when_built_again(meetings_site, tmp_path):
    folder = meetings_site.parent
    again = tmp_path / "again"
    built = subprocess.run([binary(), "build", "--no-worksheets", "--output", str(again)], cwd=folder,
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    for path in [meetings_site / "meetings.ics"] + [ics_path(meetings_site, slug) for slug in MEETINGS]:
        relative = path.relative_to(meetings_site)
        assert (again / relative).read_bytes() == path.read_bytes(), relative
        # Lines are folded at 75 octets and end in CRLF (RFC 5545 3.1).
        for line in path.read_bytes().split(b"\r\n"):
            assert len(line) <= 75 and b"\n" not in line, f"{relative}: {line!r}"


# --- structured data --------------------------------------------------------------

def json_ld(page):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(), re.S)
    assert len(scripts) == 1, f"{page}: {len(scripts)} JSON-LD blocks"
    return json.loads(scripts[0])


@pytest.mark.parametrize("slug", sorted(MEETINGS))
def test_each_meeting_page_describes_its_event_for_search_engines(meetings_site, slug):
    m = MEETINGS[slug]
    data = json_ld(meetings_site / "meetings" / slug / "index.html")
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == m["title"]
    assert data["url"] == f"{BASE_URL}meetings/{slug}/"
    schedule = data["eventSchedule"]
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert schedule["@type"] == "Schedule"
    assert schedule["byDay"] == ["https://schema.org/" + names[DAYS.index(d)] for d in m["days"]]
    assert schedule["startTime"] == clock(m["start"]).strftime("%H:%M")
    assert schedule["endTime"] == clock(m["end"]).strftime("%H:%M")
    assert schedule["scheduleTimezone"] == m.get("timezone", SITE_ZONE)
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule.get("exceptDate", []) == m.get("skip", [])
    if "until" in m:
        assert schedule["endDate"] == m["until"]
    mode = {(True, False): "Offline", (False, True): "Online", (True, True): "Mixed"}[("place" in m, "online" in m)]
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    kinds = [location["@type"] for location in locations]
    assert kinds == (["Place"] if "place" in m else []) + (["VirtualLocation"] if "online" in m else []), kinds
    for location in locations:
        if location["@type"] == "Place":
            address = location["address"]
            assert address["@type"] == "PostalAddress" and address["addressLocality"] == m["place"]["city"]
            if "street" in m["place"]:
                assert address["streetAddress"] == m["place"]["street"]
        else:
            assert location["url"] == m["online"]
    if "host" in m:
        assert data["organizer"]["@type"] == "Organization" and data["organizer"]["name"] == "Sunrise Recovery Center"
        assert data["organizer"]["url"].startswith("https://")
    else:
        assert "organizer" not in data
    assert data["isAccessibleForFree"] is True
    assert data["inLanguage"] == m.get("language", "en")


# --- the meetings page in a browser ---------------------------------------------------

def open_page(browser, url):
    # From a blank page: only the address's #fragment changing would not load the page again.
    browser.get("about:blank")
    browser.get(url)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def visible_titles(browser):
    return sorted(link.text for link in browser.find_elements(By.CSS_SELECTOR, ".meetings-schedule .meeting-name a")
                  if link.is_displayed())


def titles(predicate):
    # A meeting on two days is listed on each.
    return sorted(m["title"] for m in MEETINGS.values() if predicate(m) for _ in m["days"])


@pytest.mark.parametrize("width", [375, 1280])
def test_the_meetings_page_has_no_serious_accessibility_problem(meetings_server, browser, width):
    from axe_selenium_python import Axe

    browser.set_window_size(width, 900)
    try:
        open_page(browser, meetings_server.url("/meetings/"))
        assert visible_titles(browser) == titles(lambda m: True)
        axe = Axe(browser)
        axe.inject()
        results = axe.run(options='{"resultTypes": ["violations"]}')
        serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, f"axe-core at {width} px:\n" + "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in serious)
        width_used = browser.execute_script("return document.documentElement.scrollWidth")
        assert width_used <= width, f"the page is {width_used} px wide on a {width} px screen"
    finally:
        browser.set_window_size(1280, 900)


def test_the_filter_links_work_without_javascript(meetings_server, browser):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        open_page(browser, meetings_server.url("/meetings/"))
        assert visible_titles(browser) == titles(lambda m: True)
        for link, wanted in (("#only-online", lambda m: "online" in m),
                             ("#only-in-person", lambda m: "place" in m),
                             ("#only-language-es", lambda m: m.get("language") == "es"),
                             ("#only-for-family-and-friends", lambda m: m.get("audience") == "family-and-friends")):
            browser.find_element(By.CSS_SELECTOR, f".meeting-filters a[href='{link}']").click()
            WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith(link))
            assert visible_titles(browser) == titles(wanted), link
        browser.find_element(By.CSS_SELECTOR, ".meeting-filters a[data-filter='all']").click()
        assert visible_titles(browser) == titles(lambda m: True)
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_filters_combine_with_javascript_and_today_is_marked(meetings_server, browser):
    open_page(browser, meetings_server.url("/meetings/"))
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".meetings-scripted"))

    def press(selector):
        browser.find_element(By.CSS_SELECTOR, ".meeting-filters " + selector).click()

    count = browser.find_element(By.CSS_SELECTOR, ".meeting-filters-count")
    total = len(titles(lambda m: True))
    assert count.text == f"Showing {total} of {total} meetings"
    press("a[data-value='online']")
    assert visible_titles(browser) == titles(lambda m: "online" in m)
    assert browser.find_element(By.CSS_SELECTOR, "a[data-value='online']").get_attribute("aria-pressed") == "true"
    press("a[data-value='es']")  # online AND Spanish
    assert visible_titles(browser) == titles(lambda m: "online" in m and m.get("language") == "es")
    assert count.text == f"Showing {len(visible_titles(browser))} of {total} meetings"
    # Days left with no meeting are hidden, not shown empty.
    shown_days = [d.get_attribute("data-day") for d in browser.find_elements(By.CSS_SELECTOR, ".schedule-day") if d.is_displayed()]
    assert shown_days == ["fri"], shown_days
    press("a[data-value='es']")  # pressed again: off
    assert visible_titles(browser) == titles(lambda m: "online" in m)
    press("a[data-filter='all']")
    assert visible_titles(browser) == titles(lambda m: True)
    # Today, in the site's time zone, is picked out (when the schedule has a meeting today).
    today = DAYS[datetime.datetime.now(zoneinfo.ZoneInfo(SITE_ZONE)).weekday()]
    marked = [d.get_attribute("data-day") for d in browser.find_elements(By.CSS_SELECTOR, ".schedule-day-today")]
    has_today = any(today in m["days"] for m in MEETINGS.values())
    assert marked == ([today] if has_today else []), (marked, today)


def test_a_filter_link_followed_before_the_script_ran_carries_over(meetings_server, browser):
    open_page(browser, meetings_server.url("/meetings/#only-in-person"))
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".meetings-scripted"))
    assert visible_titles(browser) == titles(lambda m: "place" in m)
    assert browser.find_element(By.CSS_SELECTOR, "a[data-value='in-person']").get_attribute("aria-pressed") == "true"


def test_without_the_flyer_the_meetings_page_offers_none(meetings_site):
    # Built with --no-worksheets (no Ghostscript): no link may lead to a missing PDF.
    page = (meetings_site / "meetings" / "index.html").read_text()
    assert "flyer-letter.pdf" not in page and "flyer-a4.pdf" not in page
    assert not (meetings_site / "meetings" / "flyer-letter.pdf").exists()


def test_each_meeting_page_offers_its_calendar_file(meetings_server, browser):
    from conftest import fetch

    for slug in MEETINGS:
        open_page(browser, meetings_server.url(f"/meetings/{slug}/"))
        link = browser.find_element(By.LINK_TEXT, "Add to calendar")
        status, headers, body = fetch(link.get_attribute("href"))
        assert status == 200 and body.startswith(b"BEGIN:VCALENDAR\r\n"), slug
        # A phone opens a calendar file in its calendar app only when it is served as one.
        assert headers.get("Content-Type", "").startswith("text/calendar"), (slug, headers)
