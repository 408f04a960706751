package app

import "testing"

func TestAccountName(t *testing.T) {
	for _, tc := range []struct{ full, login, want string }{
		{"Zoë Janssen,,,", "zoe", "Zoë Janssen"},
		{"", "zoe", "zoe"},
		{"", `LAPTOP-1\Zoë`, "Zoë"}, // a Windows local account without a full name
		{`VM\Zoë`, `VM\Zoë`, "Zoë"}, // Wine gives the login name as the full name
		{"Zoë Janssen", `UNI\zj123`, "Zoë Janssen"},
		{"", "", ""},
	} {
		if got := accountName(tc.full, tc.login); got != tc.want {
			t.Errorf("accountName(%q, %q) = %q, want %q", tc.full, tc.login, got, tc.want)
		}
	}
}
