# Saywho: `make run` sets up, builds and opens the app; `make test` sets up
# and runs every check CI runs. Both install what they need on
# Debian/Ubuntu (through sudo when not root).

GO      ?= go
BIN     ?= ./saywho
PKGS    := ./...
export LANG ?= en_US.UTF-8

# Release tools: fyne.io/tools' fyne command, pinned, installed into bin/.
FYNE_TOOLS_VERSION := v1.7.4
FYNE := $(CURDIR)/bin/fyne-$(FYNE_TOOLS_VERSION)
VERSION := $(shell .ci/version.sh)

# Debian packages: cgo build of Fyne (GL, X11), the virtual display and
# window driver for the smoke test, xmllint for REFI-QDA validation.
BUILD_DEPS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEPS  := xvfb xauth x11-utils xdotool libxml2-utils
# make dist: packing, the Windows cross-compiler, the installer builder;
# make test-dist: Wine (64-bit only) and the desktop-file checker.
DIST_DEPS  := xz-utils zip gcc-mingw-w64-x86-64 nsis
WINE_DEPS  := wine64 wine desktop-file-utils

.PHONY: run build deps test-deps test check-format vet unit smoke bench fuzz crash clean \
	dist dist-deps dist-linux dist-windows test-dist install-desktop uninstall-desktop

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

# Release artefacts in dist/ (see docs/install.md): the Linux tarball, the
# Windows zip and installer, SHA256SUMS. The version in their names comes
# from FyneApp.toml and git describe (.ci/version.sh).
# fyne package -os windows writes fyne.syso into cmd/saywho while it
# builds, which a Linux build at the same time would link: never in parallel.
.NOTPARALLEL:
dist: dist-linux dist-windows
	cd dist && sha256sum *.tar.xz *.zip $$(ls *-setup.exe 2>/dev/null) > SHA256SUMS && cat SHA256SUMS

dist-deps:
	@.ci/install-deps.sh $(BUILD_DEPS) $(DIST_DEPS)

$(FYNE):
	GOBIN=$(CURDIR)/bin $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)
	mv $(CURDIR)/bin/fyne $@

dist-linux: dist-deps $(FYNE)
	FYNE=$(FYNE) VERSION=$(VERSION) GO=$(GO) .ci/dist-linux.sh

dist-windows: dist-deps $(FYNE)
	FYNE=$(FYNE) VERSION=$(VERSION) .ci/dist-windows.sh

# Runs the built Windows program under Wine in a virtual display: the
# commands against the Linux build's output, the window, Windows paths.
test-dist: dist-deps
	@.ci/install-deps.sh $(TEST_DEPS) $(WINE_DEPS)
	@[ -f dist/build/windows/saywho.exe ] && [ -f dist/build/linux/saywho ] || { echo "run make dist first"; exit 1; }
	.ci/test-dist.sh dist/build/windows/saywho.exe $$(ls -d dist/build/linux/saywho-*-linux-*/ | head -n1) $$(ls dist/saywho-*-windows-amd64-setup.exe 2>/dev/null | head -n1)

# Install the Linux build into your menu with its icons and the .saywho
# file type (~/.local; XDG_DATA_HOME is respected).
install-desktop: dist-linux
	dist/build/linux/saywho-$(VERSION)-linux-*/install.sh

uninstall-desktop:
	@d=$$(ls -d dist/build/linux/saywho-*-linux-*/ 2>/dev/null | head -n1); \
	[ -n "$$d" ] || { echo "nothing built in dist/build/linux"; exit 1; }; "$$d/install.sh" --uninstall

clean:
	rm -f $(BIN)
	rm -rf dist
