# The two commands of the README: `make run` and `make test`. Both set up what is missing.
SHELL := /bin/bash
CACHE := $(CURDIR)/.cache
WAILS := $(CACHE)/bin/wails
export PATH := $(CACHE)/bin:$(PATH)
# The tests pin the project's EnergyPlus 25.2 so results do not depend on what else is installed.
TEST_ENV = ENERGYPLUS_EXE="$$(cat $(CACHE)/energyplus-path)"
# Every build is stamped with the git commit it is built from ("-dirty" with uncommitted
# changes) and that commit's date, in UTC: `epsm --version` and About show them (package version).
GIT_COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(shell git -c core.fileMode=false diff --quiet HEAD -- 2>/dev/null || echo -dirty)
GIT_DATE := $(shell TZ=UTC git log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ 2>/dev/null)
LDFLAGS := -X epsm/version.Commit=$(GIT_COMMIT) -X epsm/version.Date=$(GIT_DATE)

.PHONY: test-fuzz run test setup setup-test build build-dev cli bindings test-bindings test-go test-race test-frontend test-e2e test-cross test-windows release setup-release test-release screenshots bench soak clean

run: setup build
	./build/bin/epsm

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --with-tests

setup-release:
	scripts/setup.sh --with-release

# The installable builds into build/release: the Linux binary and .deb, the Windows app and its
# NSIS installer (scripts/release.sh; the README's "Download and install" says what each does).
release: setup-release
	scripts/release.sh "$(LDFLAGS)"

# The desktop app: generates bindings, builds the frontend and the Go binary with Wails's tags.
build:
	$(WAILS) build -m -nosyncgomod -ldflags "$(LDFLAGS)"

# The headless CLI: a plain go build links no GTK/WebKit.
cli:
	go build -ldflags "$(LDFLAGS)" -o build/bin/epsm-cli .

# Regenerates frontend/wailsjs from the Go types.
bindings:
	$(WAILS) generate module

# The committed bindings must be what the Go types generate: the frontend compiles against them.
# Compared line by line, order aside: Wails writes the enums of one Go package in a random order.
test-bindings:
	rm -rf $(CACHE)/wailsjs-committed && cp -r frontend/wailsjs/go $(CACHE)/wailsjs-committed
	$(WAILS) generate module > /dev/null 2>&1
	@cd frontend/wailsjs/go && for f in $$(find . -type f | sort); do \
	  if ! diff <(sort "$(CACHE)/wailsjs-committed/$$f" 2>/dev/null) <(sort "$$f") > /dev/null; then \
	    echo "frontend/wailsjs/go/$$f is stale: run make bindings and commit it" >&2; \
	    diff <(sort "$(CACHE)/wailsjs-committed/$$f" 2>/dev/null) <(sort "$$f") | head -20 >&2; exit 1; fi; done; \
	  for f in $$(cd "$(CACHE)/wailsjs-committed" && find . -type f); do \
	    [ -e "$$f" ] || { echo "frontend/wailsjs/go/$$f is no longer generated: run make bindings and commit it" >&2; exit 1; }; done

# A dev-tagged binary serves the real frontend with live Go bindings at -devserver, for Playwright.
build-dev:
	cd frontend && npm run build
	go build -tags dev -o $(CACHE)/epsm-dev .

test: setup-test
	$(MAKE) test-bindings test-go test-race test-frontend test-cross test-windows test-fuzz
	$(MAKE) test-e2e test-release
	@echo "all test suites passed"

test-go:
	$(TEST_ENV) EPSM_REQUIRE_ENGINE=1 go test -count=1 -timeout 20m ./...

# The packages whose goroutines share state (worker pool, eplusout.err watcher, progress,
# the store under concurrent writers, the queue and its events, the services and the wired
# app) under the race detector, on the real engine as test-go.
test-race:
	$(TEST_ENV) EPSM_REQUIRE_ENGINE=1 go test -race -count=1 -timeout 20m ./runner/ ./launch/ ./eplusout/ ./store/ ./sim/ ./clock/ ./events/ ./services/... ./app/

# 5,000 FAKE-engine runs through queue, events and store; prints wall time, peak RSS, database
# size, events/s and the goroutine/fd counts (docs/BENCHMARKS.md). CI runs the 300-run version.
SOAK_RUNS ?= 5000
soak:
	set -o pipefail; EPSM_SOAK_RUNS=$(SOAK_RUNS) go test -count=1 -timeout 60m -run '^TestSoakFakeEngine$$' -v ./app/ 2>&1 | grep -v ' INFO '

# Each fuzz target for a bounded time (FUZZTIME); a crash or a hang fails the run.
FUZZTIME ?= 15s
test-fuzz:
	scripts/fuzz.sh $(FUZZTIME)

test-frontend:
	cd frontend && npm test

# Process handling differs per OS: the Windows build and the darwin vet must not break.
CROSS_PKGS = ./idf/ ./epw/ ./sim/ ./runner/ ./cluster/ ./launch/ ./store/ ./events/ ./services/... ./app/ ./desktop/ ./cli/ ./examples/ ./version/ ./workerbin/ ./internal/...
test-cross:
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 go build -ldflags "$(LDFLAGS)" -o $(CACHE)/epsm-windows.exe .
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 go vet $(CROSS_PKGS)
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go vet $(CROSS_PKGS)
	# A plain go build is the headless CLI: it must link no GTK/WebKit.
	go build -ldflags "$(LDFLAGS)" -o $(CACHE)/epsm-cli .
	@if ldd $(CACHE)/epsm-cli | grep -Ei 'gtk|webkit'; then echo "plain build links GTK/WebKit" >&2; exit 1; fi
	$(CACHE)/epsm-cli inspect examples/1ZoneUncontrolled.idf > /dev/null
	@$(CACHE)/epsm-cli --version | grep -F "(commit $(GIT_COMMIT), $(GIT_DATE))" || { echo "epsm-cli --version lacks the stamp $(GIT_COMMIT) $(GIT_DATE)" >&2; exit 1; }

# The Windows build, tested for real under Wine with the Windows EnergyPlus (set up by
# setup-test): the Go tests of the packages with Windows-specific code, then epsm.exe end to end
# against the Linux build (scripts/test-windows.sh). The window itself needs WebView2: not here.
test-windows:
	scripts/test-windows.sh "$(LDFLAGS)"

# The installers, installed for real: the .deb with dpkg on this machine (its window opened
# with a model under Xvfb, then purged), the NSIS installer silently in a fresh Wine prefix.
test-release:
	scripts/release.sh "$(LDFLAGS)"
	$(TEST_ENV) scripts/test-release.sh "$(LDFLAGS)"

test-e2e: build build-dev
	$(TEST_ENV) e2e/run.sh

screenshots: build build-dev
	$(TEST_ENV) UPDATE_SCREENSHOTS=1 e2e/run.sh

clean:
	rm -rf build/bin frontend/dist $(CACHE)/epsm-dev
