# Saywho: `make run` sets up, builds and opens the app; `make test` sets up
# and runs every check CI runs. Both install what they need on
# Debian/Ubuntu (through sudo when not root).

GO      ?= go
BIN     ?= ./saywho
PKGS    := ./...
export LANG ?= en_US.UTF-8

# Debian packages: cgo build of Fyne (GL, X11), the virtual display and
# window driver for the smoke test, xmllint for REFI-QDA validation.
BUILD_DEPS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEPS  := xvfb xauth x11-utils xdotool libxml2-utils

.PHONY: run build deps test-deps test check-format vet unit smoke bench fuzz crash clean

run: deps build
	$(BIN) $(ARGS)

build:
	$(GO) build -o $(BIN) ./cmd/saywho

deps:
	@.ci/install-deps.sh $(BUILD_DEPS)

test-deps:
	@.ci/install-deps.sh $(BUILD_DEPS) $(TEST_DEPS)

test: test-deps check-format vet unit build smoke

check-format:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi; echo "gofmt: ok"

vet:
	$(GO) vet -tags ci $(PKGS)

# -tags ci builds Fyne's software driver: GUI tests need no display.
unit:
	$(GO) test -race -tags ci -count=1 $(PKGS)

smoke: build
	.ci/smoke.sh $(BIN)

# Benchmarks (figures in docs/performance.md).
bench:
	$(GO) test -tags ci -run '^$$' -bench . -benchmem $(PKGS)

# Run every fuzz target for FUZZTIME each (the seeds alone run in `make test`).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -tags ci -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -tags ci -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# The long crash-safety run (hundreds of SIGKILLs); `make test` runs the short one.
crash:
	SAYWHO_CRASH_LONG=1 $(GO) test -tags ci -count=1 -run Crash -v ./storage/...

clean:
	rm -f $(BIN)
