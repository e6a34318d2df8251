"""Journey: what a staff member puts in content/, and what a visitor gets.

A program's staff member copies the shipped site, adds a photo of the
meeting room to the meetings page, and (as people do) leaves a private note,
an editor backup and a shortcut to a system file in content/. Then they
build with the real smartsite binary, and a visitor opens the result,
served by nginx, in Chromium. Each step is what the safety issue found
going wrong: the shortcut published /etc/passwd, every file of content/ was
published, and the photo came out broken on the page.
"""

import hashlib
import os
import pathlib
import shutil
import struct
import subprocess
import zlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, Nginx, fetch

SMARTSITE = pathlib.Path(os.environ.get("SMARTSITE", REPO / ".build" / "release" / "smartsite"))


def png(width, height, rgb):
    """A real PNG of one colour, so the browser has something to decode."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def smartsite(project, *arguments):
    return subprocess.run([str(SMARTSITE), *arguments], cwd=project, capture_output=True, text=True, timeout=300)


def digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    if not SMARTSITE.is_file():
        pytest.skip(f"{SMARTSITE} is not built (make release)")
    root = tmp_path / "center"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def test_a_photo_is_shown_and_nothing_private_is_published(project, browser, tmp_path):
    content = project / "content"
    (content / "images").mkdir()
    (content / "images" / "room.png").write_bytes(png(40, 30, (40, 110, 90)))
    meetings = content / "meetings" / "_index.md"
    meetings.write_text(meetings.read_text() + "\n![Our meeting room, chairs in a circle](../images/room.png)\n")
    (content / "notes.txt").write_text("Call Sam about intake on Monday.\n")
    (content / "help-now.md~").write_text("an editor's backup\n")
    (content / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    os.symlink("/etc/passwd", content / "passwd.txt")

    # The shortcut to a system file stops the build, naming it; nothing is written.
    failed = smartsite(project, "build", "--no-worksheets")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "content/passwd.txt: error: this is a link to /etc/passwd, outside content/" in failed.stderr
    assert not (project / "output").exists()

    (content / "passwd.txt").unlink()
    built = smartsite(project, "build", "--no-worksheets")
    assert built.returncode == 0, built.stdout + built.stderr
    output = project / "output"
    # Published as a copy without metadata (still a 40 px PNG), not byte for byte.
    assert (output / "images" / "room.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    published = set(digest(output))
    for private in ["notes.txt", "help-now.md~", ".DS_Store", "passwd.txt"]:
        assert private not in published, f"{private} was published"

    # `check` tells the staff member what was left out.
    checked = smartsite(project, "check", "--no-worksheets")
    assert "content/notes.txt: warning: no page links to this file, so it is not published" in checked.stdout + checked.stderr

    # A visitor opens the meetings page: the photo is there, decoded at its size.
    server_tmp = tmp_path / "nginx"
    server_tmp.mkdir()
    os.chmod(server_tmp, 0o755)
    for folder in (tmp_path, project):
        os.chmod(folder, 0o755)
    nginx = Nginx(output, server_tmp)
    nginx.start()
    try:
        browser.get(nginx.url("/meetings/"))
        WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
        image = browser.find_element(By.CSS_SELECTOR, 'img[alt="Our meeting room, chairs in a circle"]')
        assert image.get_attribute("src").startswith(nginx.url("/images/room.")), image.get_attribute("src")
        assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) == 40
        for private in ["/notes.txt", "/help-now.md~", "/.DS_Store", "/passwd.txt"]:
            assert fetch(nginx.url(private))[0] == 404, private
    finally:
        nginx.stop()


def test_a_script_address_in_a_setting_stops_the_build_and_keeps_the_site(project):
    assert smartsite(project, "build", "--no-worksheets").returncode == 0
    before = digest(project / "output")
    provider = project / "content" / "providers" / "banyan-palm-springs.md"
    lines = provider.read_text().split("\n")
    lines.insert(5, 'website: "javascript:alert(document.cookie)"')
    provider.write_text("\n".join(lines))

    failed = smartsite(project, "build", "--no-worksheets")
    assert failed.returncode == 1
    assert ("content/providers/banyan-palm-springs.md:6:10: error: 'website' uses 'javascript:', which a site may not "
            "link to; only https:, http:, mailto:, tel:, sms: or a path on this site are allowed") in failed.stderr
    assert "fix: write a whole web address" in failed.stderr
    assert digest(project / "output") == before
