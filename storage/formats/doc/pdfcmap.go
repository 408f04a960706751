package doc

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// A font's character map (its ToUnicode CMap) decides how much text the
// library makes of a page: its readCmap appends as many entries as each
// block's count announces, whatever the data holds, and its Content gives
// a character code every character of the code's destination string (and
// keeps some 90 bytes per character), each time the code is shown. A map
// sending one code to 400,000 characters made a 1.6 MB PDF take 8 GiB.
// checkCMap reads a map the way the library's lexer and readCmap will,
// before they do, and refuses one that would make them allocate without
// bound.
const (
	// maxPDFCMapBlock bounds the entries of one block; the CMap
	// specification allows 100.
	maxPDFCMapBlock = 10000
	// maxPDFCMapEntries bounds the entries of all blocks of a map
	// together: four times a 16-bit code space.
	maxPDFCMapEntries = 1 << 18
	// maxPDFGlyphRunes bounds the characters one character code may map
	// to: the PDF Reference allows a destination string of 512 bytes, 256
	// UTF-16 code units.
	maxPDFGlyphRunes = 256
)

// errCMap: a character map the library would read without bound, or from
// a place hard to foresee (after a syntax error it skips the operand and
// reads on from wherever its lexer stopped). Reading the page fails with
// it, and the PDF is damaged if no page can be read.
var errCMap = errors.New("its character map")

// cmapStats is what checkCMap learns of a character map.
type cmapStats struct {
	entries int   // entries the library will store, at most
	runes   int   // characters one character code may give, at most (at least 1)
	size    int64 // bytes of the map, inflated
}

// checkCMap checks a font's ToUnicode character map: its stream as
// checkStream does, then its content as scanCMap does (the library reads
// only a map that is a single stream).
func checkCMap(v pdf.Value) (cmapStats, error) {
	st := cmapStats{runes: 1}
	var buf bytes.Buffer
	if _, err := checkStream(v, maxPDFPageStream, &buf); err != nil || v.Kind() != pdf.Stream {
		return st, err
	}
	st, err := scanCMap(buf.Bytes())
	st.size = int64(buf.Len())
	return st, err
}

// cmapOps are the operators of readCmap whose effect scanCMap counts. A
// map defining a name like one of them is refused: the library would then
// push the definition instead of running the operator.
var cmapOps = map[string]bool{
	"begincodespacerange": true, "endcodespacerange": true,
	"beginbfchar": true, "endbfchar": true, "beginbfrange": true, "endbfrange": true,
}

// scanCMap reads a character map token by token as the library does
// (pdf.Interpret reading objects with the lexer of pdf/lex.go, readCmap
// running the operators), refusing what it would fail on. It counts the
// entries every endbfchar or endbfrange appends: the count of the last
// block begun, which must be an integer written just before its
// begin operator (then it is what readCmap pops), at most maxPDFCMapBlock,
// and at most maxPDFCMapEntries in all. A character code gives at most
// half as many characters as the longest string of the map has bytes
// (destinations are UTF-16), which must be at most maxPDFGlyphRunes.
func scanCMap(data []byte) (cmapStats, error) {
	st := cmapStats{runes: 1}
	s := cmapScanner{data: data}
	block := -1      // the count of the last block begun
	var count *int64 // the integer just read, if the last item was one
	for {
		tok, err := s.next()
		if err != nil || tok.kind == tokEOF {
			return st, err
		}
		last := count
		count = nil
		switch tok.kind {
		case tokInt:
			n := tok.num
			count = &n
		case tokKeyword:
			switch tok.text {
			case "[", "<<":
				err = s.object(tok.text, 1)
			case "begincodespacerange", "beginbfchar", "beginbfrange":
				if last == nil || *last > maxPDFCMapBlock {
					return st, fmt.Errorf("%w has a block without a count written before it, or of more than %d entries", errCMap, maxPDFCMapBlock)
				}
				block = int(*last)
			case "endbfchar", "endbfrange":
				if st.entries += max(block, 0); st.entries > maxPDFCMapEntries {
					return st, fmt.Errorf("%w has more than %d entries", errCMap, maxPDFCMapEntries)
				}
			}
		}
		if err != nil {
			return st, err
		}
		if st.runes = max(st.runes, (s.longest+1)/2); st.runes > maxPDFGlyphRunes {
			return st, fmt.Errorf("%w gives one character code up to %d characters, more than the %d allowed", errCMap, st.runes, maxPDFGlyphRunes)
		}
	}
}

// The kinds of cmapToken.
const (
	tokEOF = iota
	tokKeyword
	tokInt
	tokString
	tokName
	tokOther // a real or a boolean
)

// cmapToken is one token of a character map.
type cmapToken struct {
	kind int
	text string // of a keyword or a name
	num  int64  // of an integer
}

// cmapScanner is the library's lexer (pdf/lex.go readToken) over a
// character map, failing with errCMap where it fails, and remembering the
// longest string read.
type cmapScanner struct {
	data    []byte
	pos     int
	longest int // bytes of the longest string read
}

// malformed is the error for a syntax error the library's lexer fails on.
func malformed(what string) error {
	return fmt.Errorf("%w has %s", errCMap, what)
}

// byte returns the next byte and whether there was one.
func (s *cmapScanner) byte() (byte, bool) {
	if s.pos >= len(s.data) {
		return 0, false
	}
	s.pos++
	return s.data[s.pos-1], true
}

// peek consumes the next byte if it is c, and reports whether it was.
func (s *cmapScanner) peek(c byte) bool {
	if s.pos < len(s.data) && s.data[s.pos] == c {
		s.pos++
		return true
	}
	return false
}

// next reads a token. Inside an array or dictionary the library reads
// objects, not operators: see object.
func (s *cmapScanner) next() (cmapToken, error) {
	for {
		c, ok := s.byte()
		switch {
		case !ok:
			return cmapToken{kind: tokEOF}, nil
		case isPDFSpace(c):
			continue
		case c == '%':
			for ok && c != '\r' && c != '\n' {
				c, ok = s.byte()
			}
			continue
		case c == '<':
			if s.peek('<') {
				return cmapToken{kind: tokKeyword, text: "<<"}, nil
			}
			return s.hexString()
		case c == '(':
			return s.literalString()
		case c == '[' || c == ']' || c == '{' || c == '}':
			return cmapToken{kind: tokKeyword, text: string(c)}, nil
		case c == '/':
			return s.name()
		case c == '>':
			if s.peek('>') {
				return cmapToken{kind: tokKeyword, text: ">>"}, nil
			}
			return cmapToken{}, malformed("a stray '>'")
		case isPDFDelim(c):
			return cmapToken{}, malformed(fmt.Sprintf("a stray %q", c))
		}
		s.pos--
		return s.keyword()
	}
}

// hexString reads a hex string after its "<".
func (s *cmapScanner) hexString() (cmapToken, error) {
	n := 0
	for {
		c, ok := s.skipSpace()
		if ok && c == '>' {
			s.string(n)
			return cmapToken{kind: tokString}, nil
		}
		d, ok2 := s.skipSpace()
		if !ok || !ok2 || !isHex(c) || !isHex(d) {
			return cmapToken{}, malformed("a malformed hex string")
		}
		n++
	}
}

// skipSpace returns the next byte that is not white space.
func (s *cmapScanner) skipSpace() (byte, bool) {
	for {
		c, ok := s.byte()
		if !ok || !isPDFSpace(c) {
			return c, ok
		}
	}
}

// literalString reads a literal string after its "(".
func (s *cmapScanner) literalString() (cmapToken, error) {
	n, depth := 0, 1
	for {
		c, ok := s.byte()
		if !ok {
			break // the library ends the string at the end of the data
		}
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case '\\':
			e, _ := s.byte()
			switch {
			case bytes.IndexByte([]byte("nrbtf()\\\r\n"), e) >= 0:
			case '0' <= e && e <= '7':
				x := int(e - '0')
				for range 2 {
					if d, ok := s.byte(); ok && '0' <= d && d <= '7' {
						x = x*8 + int(d-'0')
					} else {
						if ok {
							s.pos--
						}
						break
					}
				}
				if x > 255 {
					return cmapToken{}, malformed("an invalid octal escape")
				}
			default:
				return cmapToken{}, malformed("an invalid escape")
			}
		}
		if depth == 0 {
			break
		}
		n++
	}
	s.string(n)
	return cmapToken{kind: tokString}, nil
}

// string notes a string of n bytes (at most: escapes shrink).
func (s *cmapScanner) string(n int) { s.longest = max(s.longest, n) }

// name reads a name after its "/".
func (s *cmapScanner) name() (cmapToken, error) {
	var b []byte
	for {
		c, ok := s.byte()
		if !ok {
			break
		}
		if isPDFDelim(c) || isPDFSpace(c) {
			s.pos--
			break
		}
		if c == '#' {
			h, _ := s.byte()
			l, _ := s.byte()
			if !isHex(h) || !isHex(l) {
				return cmapToken{}, malformed("a malformed name")
			}
			v, _ := strconv.ParseUint(string([]byte{h, l}), 16, 8)
			c = byte(v)
		}
		b = append(b, c)
	}
	if cmapOps[string(b)] {
		return cmapToken{}, malformed("a name /" + string(b) + " that would redefine its operator")
	}
	return cmapToken{kind: tokName, text: string(b)}, nil
}

// keyword reads a keyword, integer, real or boolean.
func (s *cmapScanner) keyword() (cmapToken, error) {
	start := s.pos
	for s.pos < len(s.data) && !isPDFDelim(s.data[s.pos]) && !isPDFSpace(s.data[s.pos]) {
		s.pos++
	}
	w := string(s.data[start:s.pos])
	digits := w
	if len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		digits = w[1:]
	}
	dots := 0
	for _, c := range []byte(digits) {
		switch {
		case c == '.':
			dots++
		case c < '0' || c > '9':
			dots = -1
		}
		if dots < 0 {
			break
		}
	}
	switch {
	case w == "true" || w == "false":
		return cmapToken{kind: tokOther}, nil
	case digits != "" && dots == 0:
		n, err := strconv.ParseInt(w, 10, 64)
		if err != nil {
			return cmapToken{}, malformed("an invalid integer " + w)
		}
		return cmapToken{kind: tokInt, num: n}, nil
	case digits != "" && dots == 1:
		if _, err := strconv.ParseFloat(w, 64); err != nil {
			return cmapToken{}, malformed("an invalid number " + w)
		}
		return cmapToken{kind: tokOther}, nil
	}
	return cmapToken{kind: tokKeyword, text: w}, nil
}

// maxCMapDepth bounds the nesting of arrays and dictionaries (the library
// allows 1000; character maps nest two or three deep).
const maxCMapDepth = 64

// object reads the rest of an array or dictionary opened by open at the
// given depth, as the library's readArray and readDict do. Where they
// fail (a keyword inside, a key that is not a name), the library would
// skip the object and read what follows as operators: that is refused.
func (s *cmapScanner) object(open string, depth int) error {
	if depth > maxCMapDepth {
		return malformed("arrays or dictionaries nested too deep")
	}
	closer := "]"
	if open == "<<" {
		closer = ">>"
	}
	for {
		tok, err := s.next()
		switch {
		case err != nil:
			return err
		case tok.kind == tokEOF:
			return nil // the library ends it at the end of the data
		case tok.kind == tokKeyword && tok.text == closer:
			return nil
		case open == "<<" && tok.kind != tokName:
			return malformed("a dictionary key that is not a name")
		case open == "<<":
			if tok, err = s.next(); err != nil || tok.kind == tokEOF {
				return err
			}
		}
		if tok.kind != tokKeyword {
			continue
		}
		switch tok.text {
		case "[", "<<":
			err = s.object(tok.text, depth+1)
		case "]", ">>", "null": // a null value
		default:
			err = malformed("the operator " + tok.text + " inside an array or dictionary")
		}
		if err != nil {
			return err
		}
	}
}

// isPDFDelim reports whether c is a PDF delimiter (as the library's
// lexer has them).
func isPDFDelim(c byte) bool {
	switch c {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
