package doc

import (
	"errors"
	"strings"
	"testing"
)

// TestScanCMap reads character maps as producers write them: what the
// library will store is counted, and nothing in them is refused. Any
// string of the map counts as a possible destination (a dictionary made
// current by "begin" lends its values to names), so the header's "(Adobe)"
// makes 3 characters per code: an upper bound.
func TestScanCMap(t *testing.T) {
	const head = "%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
	const tail = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
	tests := []struct {
		name           string
		cmap           string
		entries, runes int
	}{
		{"empty", "", 0, 1},
		{"bfchar", head + "2 beginbfchar\n<0003> <0020>\n<0011> <D83DDE00>\nendbfchar\n" + tail, 2, 3},
		{"ligature", head + "1 beginbfchar <0102> <0066006600660069> endbfchar\n" + tail, 1, 4},
		{"bfrange with array", head + "2 beginbfrange\n<0020> <0021> [<0041> <00420043>]\n<0030> <0039> <0030>\nendbfrange\n" + tail, 2, 3},
		{"two blocks", head + "100 beginbfchar\n" + strings.Repeat("<0001> <0041>\n", 100) + "endbfchar\n3 beginbfchar <01> <02> <03> <04> <05> <06> endbfchar\n" + tail, 103, 3},
		{"literal strings and comments", "% a comment (with a paren\n1 beginbfchar (\\001) (\\000A\\)\\n) endbfchar\n/Name#20with#20spaces pop\n", 1, 2},
		{"no begincmap header", "1 begincodespacerange <00> <ff> endcodespacerange 1 beginbfrange <00> <ff> <0000> endbfrange", 1, 1},
	}
	for _, tt := range tests {
		st, err := scanCMap([]byte(tt.cmap))
		if err != nil || st.entries != tt.entries || st.runes != tt.runes {
			t.Errorf("%s: scanCMap = %d entries, %d characters per code, %v; want %d, %d", tt.name, st.entries, st.runes, err, tt.entries, tt.runes)
		}
	}
}

// TestScanCMapRefuses gives character maps the library's lexer fails on,
// after which it reads on from where it stopped: they are refused.
func TestScanCMapRefuses(t *testing.T) {
	tests := map[string]string{
		"stray paren":        "1 beginbfchar ) endbfchar",
		"stray >":            "1 beginbfchar <01> > endbfchar",
		"odd hex":            "1 beginbfchar <012> <0041> endbfchar",
		"bad hex":            "<0g>",
		"unterminated hex":   "1 beginbfchar <01",
		"bad escape":         "(a\\q)",
		"octal over 255":     "(\\777)",
		"bad name":           "/a#4",
		"bad integer":        "99999999999999999999 pop",
		"bad real":           ". pop",
		"non-name key":       "<< 5 999999 >>",
		"keyword in array":   "[ <01> def ]",
		"deep arrays":        strings.Repeat("[", maxCMapDepth+1),
		"count from a name":  "/n 5 def n beginbfrange endbfrange",
		"real count":         "5.0 beginbfchar endbfchar",
		"encoded op name":    "/end#62fchar 1 def",
		"too many entries":   "1 beginbfchar" + strings.Repeat(" endbfchar", maxPDFCMapEntries+1),
		"long destination":   "1 beginbfchar <01> <" + strings.Repeat("00", 2*maxPDFGlyphRunes+1) + "> endbfchar",
		"long literal":       "(" + strings.Repeat("a", 2*maxPDFGlyphRunes+1) + ")",
		"block over the max": "10001 beginbfchar endbfchar",
	}
	for name, cmap := range tests {
		if _, err := scanCMap([]byte(cmap)); !errors.Is(err, errCMap) {
			t.Errorf("%s: scanCMap(%.60q) = %v, want an errCMap", name, cmap, err)
		}
	}
}
