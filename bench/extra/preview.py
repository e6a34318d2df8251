#!/usr/bin/env python3
"""Preview figures for `make bench`, on the corpus bench/run.py made in WORK
(argv[1]): the time from saving one content file, and from saving the base
template, to the reload event the browser gets; then wrk against the preview
server on loopback. Figures, not asserts.

SMARTSITE may name another smartsite binary (default .build/release/smartsite)."""
import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import ctypes
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SMARTSITE = os.environ.get("SMARTSITE", os.path.join(REPO, ".build", "release", "smartsite"))
SAVES = int(os.environ.get("BENCH_PREVIEW_SAVES", "20"))
TEMPLATE_SAVES = int(os.environ.get("BENCH_PREVIEW_TEMPLATE_SAVES", "5"))
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "10"))


class EventStream:
    """The preview's Server-Sent Events, read from a plain socket."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(f"GET /__smartsite/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        self.buffer = b""

    def wait_for(self, name, timeout):
        """Seconds until the next event called `name` arrives (None on timeout)."""
        deadline = time.perf_counter() + timeout
        while True:
            match = re.search(rb"event: (\w+)\ndata: [^\n]*\n\n", self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                if match.group(1).decode() == name:
                    return time.perf_counter()
                continue
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                return None
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk

    def close(self):
        self.sock.close()


def stop_with_parent():
    """The preview server gets SIGTERM when this script dies (say, `make bench | head`
    closed its pipe): a server left running would skew every later timing."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def save(path, text):
    """As editors save: a temporary file beside it, renamed over it."""
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(temporary, "w") as f:
        f.write(text)
    os.rename(temporary, path)


def timed_saves(events, path, count, edit):
    original = open(path).read()
    times = []
    for i in range(count):
        time.sleep(0.15)  # let the previous rebuild and its burst settle
        started = time.perf_counter()
        save(path, edit(original, i))
        arrived = events.wait_for("reload", 60)
        if arrived is None:
            sys.exit(f"bench: no reload event after saving {path}")
        times.append((arrived - started) * 1000)
    time.sleep(0.15)
    save(path, original)
    events.wait_for("reload", 60)
    return times


def first_paragraph_edit(text, i):
    body = text.index("\n---\n", 4) + len("\n---\n\n")
    return text[:body] + f"Edited {i} times. " + text[body:]


def summary(times):
    return f"median {statistics.median(times):6.1f} ms, min {min(times):6.1f} ms, max {max(times):6.1f} ms ({len(times)} saves)"


def main():
    work = os.path.abspath(sys.argv[1])
    content = os.path.join(work, "content")
    templates = os.path.join(work, "preview-templates")
    shutil.rmtree(templates, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "bench", "smartsite-templates"), templates)
    # smartsite needs the words files even where the templates print none.
    shutil.copytree(os.path.join(REPO, "templates", "i18n"), os.path.join(templates, "i18n"))
    pages = sum(1 for _, _, files in os.walk(content) for f in files if f.endswith(".md"))

    started = time.perf_counter()
    server = subprocess.Popen([SMARTSITE, "preview", "--content", content, "--templates", templates,
                               "--port", "0", "--no-worksheets"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              preexec_fn=stop_with_parent)
    address = None
    for line in server.stdout:
        if "http://" in line:
            address = re.search(r"http://[^ ]+", line).group(0)
            break
    if address is None:
        sys.exit("bench: smartsite preview did not start:\n" + server.stderr.read())
    ready = time.perf_counter() - started
    port = int(re.search(r":(\d+)/", address).group(1))

    print(f"Preview (smartsite preview on {pages} pages, loopback):")
    print(f"  first build and serving: {ready:.2f} s")
    events = EventStream(port)
    try:
        if events.wait_for("hello", 10) is None:
            sys.exit("bench: no hello event from the preview server")
        page = os.path.join(content, "section-3", "page-17.md")
        # A word changed in the first paragraph: the page and the search index change.
        content_times = timed_saves(events, page, SAVES, lambda text, i: first_paragraph_edit(text, i))
        print(f"  save one content file -> reload event: {summary(content_times)} (target: under 100 ms)")
        base = os.path.join(templates, "base.mustache")
        template_times = timed_saves(events, base, TEMPLATE_SAVES,
                                     lambda text, i: text.replace("</footer>", f"</footer><!-- save {i} -->"))
        print(f"  save the base template -> reload event: {summary(template_times)} (all {pages} pages rendered again)")
    finally:
        events.close()

    url = f"http://127.0.0.1:{port}/section-1/page-1/"
    result = subprocess.run(["wrk", "-t2", "-c32", f"-d{WRK_SECONDS}s", url], capture_output=True, text=True)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    total = re.search(r"(\d+) requests in", result.stdout)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", result.stdout)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    errors = (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0) + (int(non2xx.group(1)) if non2xx else 0)
    if result.returncode != 0 or not rate:
        print("  wrk failed:\n" + result.stdout + result.stderr)
    else:
        print(f"  wrk, {WRK_SECONDS} s, 32 connections, one page: {float(rate.group(1)):,.0f} requests/s, "
              f"{int(total.group(1)):,} requests, {errors} errors")

    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=10)
        print(f"  Ctrl-C: stopped with exit code {server.returncode}")
    except subprocess.TimeoutExpired:
        server.kill()
        print("  Ctrl-C: did not stop within 10 s (killed)")
    shutil.rmtree(templates, ignore_errors=True)


if __name__ == "__main__":
    main()
