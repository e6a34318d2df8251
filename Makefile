# The two commands of the README: `make site` and `make test`. Both install
# what is missing first, so a fresh clone on a fresh machine needs nothing else.

# Build tools and libraries: libcmark for Markdown; Ghostscript and the URW
# fonts for worksheet PDFs; qpdf and poppler-utils to check PDFs in tests;
# cmark and hugo are the peers `make bench` measures against.
BUILD_PACKAGES = pkg-config libcmark-dev ghostscript fonts-urw-base35
TEST_PACKAGES = $(BUILD_PACKAGES) qpdf poppler-utils cmark
BENCH_PACKAGES = $(TEST_PACKAGES) hugo time

SMARTSITE = .build/release/smartsite

.PHONY: site test bench deps test-deps release clean

site: deps release
	$(SMARTSITE) build

deps:
	@bash scripts/install-deps.sh $(BUILD_PACKAGES)

test-deps:
	@bash scripts/install-deps.sh $(TEST_PACKAGES)

release:
	swift build -c release --product smartsite

# Builds the shipped site (which must build without an error), then every test.
test: test-deps release
	$(SMARTSITE) build --output .build/site-check
	swift test --disable-swift-testing

bench: release
	@bash scripts/install-deps.sh $(BENCH_PACKAGES)
	python3 bench/run.py

clean:
	rm -rf .build output
