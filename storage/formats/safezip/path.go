package safezip

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// checkName reports an error wrapping ErrUnsafePath unless name is a
// relative path that stays inside the folder it would be extracted to, on
// both Unix and Windows. A backslash counts as a separator, since Windows
// tools treat it as one.
func checkName(name string) error {
	bad := func(why string) error {
		return fmt.Errorf("%w: %q %s", ErrUnsafePath, name, why)
	}
	switch {
	case name == "":
		return bad("is empty")
	case !utf8.ValidString(name):
		return bad("is not valid UTF-8")
	case strings.ContainsAny(name, "\x00"):
		return bad("contains a NUL byte")
	}
	p := strings.ReplaceAll(name, `\`, "/")
	if strings.HasPrefix(p, "/") {
		return bad("is an absolute path")
	}
	if len(p) >= 2 && p[1] == ':' {
		return bad("starts with a drive letter")
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return bad("climbs out of its folder (..)")
		}
	}
	return nil
}

// key is the case-insensitive lookup key of an entry name: backslashes as
// slashes, without a leading "./", folded to lower case.
func key(name string) string {
	p := strings.ReplaceAll(name, `\`, "/")
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return strings.ToLower(p)
}
