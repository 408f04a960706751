package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"go install of a tagged module", debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}, "v0.1.0"},
		{"nothing recorded", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "development build"},
		{"empty main version", debug.BuildInfo{}, "development build"},
		{"clean checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "66644b8f0123456789abcdef"}, {Key: "vcs.modified", Value: "false"}}},
			"development build 66644b8f0123"},
		{"modified checkout", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "66644b8"}, {Key: "vcs.modified", Value: "true"}}},
			"development build 66644b8-dirty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fromBuildInfo(&tc.info); got != tc.want {
				t.Errorf("fromBuildInfo = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestStringPrefersInjectedVersion(t *testing.T) {
	old := Version
	t.Cleanup(func() { Version = old })
	Version = "1.2.3-4-gabcdef0"
	if got := String(); got != "1.2.3-4-gabcdef0" {
		t.Errorf("String = %q, want the injected version", got)
	}
	Version = ""
	if got := String(); got == "" {
		t.Error("String is empty without an injected version; want a fallback")
	}
}
