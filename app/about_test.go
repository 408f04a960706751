package app

import (
	"strings"
	"testing"

	"github.com/saywho-app/saywho/app/version"
)

func TestAboutNamesTheInjectedVersion(t *testing.T) {
	old := version.Version
	t.Cleanup(func() { version.Version = old })
	version.Version = "9.8.7-3-gabc1234"
	got := aboutText("/tmp/p.saywho", "Ada")
	for _, want := range []string{"Saywho 9.8.7-3-gabc1234", "Project: /tmp/p.saywho", "Coder: Ada"} {
		if !strings.Contains(got, want) {
			t.Errorf("About text %q lacks %q", got, want)
		}
	}
}
