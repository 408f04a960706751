// Package version names the build of Saywho that is running. Release
// builds (make dist) set Version with the linker:
//
//	go build -ldflags "-X github.com/saywho-app/saywho/app/version.Version=0.1.0" ./cmd/saywho
//
// where the value comes from FyneApp.toml and git describe
// (.ci/version.sh). A plain go build or go install leaves it empty, and
// String falls back to what the Go toolchain recorded in the binary.
package version

import "runtime/debug"

// Version is set at link time by make dist; empty in other builds.
var Version string

// String returns the version to show: the injected one, else the module
// version or VCS revision the toolchain recorded, else "development build".
func String() string {
	if Version != "" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return devel
	}
	return fromBuildInfo(info)
}

const devel = "development build"

// fromBuildInfo picks a version out of the build information: the module
// version when installed with go install MODULE@VERSION, otherwise the
// VCS revision (with "-dirty" for a modified tree) when it was recorded.
func fromBuildInfo(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return devel
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := devel + " " + rev
	if modified == "true" {
		v += "-dirty"
	}
	return v
}
