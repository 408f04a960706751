package doc

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decoded is text turned into UTF-8, with what was done to it.
type decoded struct {
	text    []byte
	notices []string
}

// decode turns the bytes of a text file into UTF-8: a UTF-8 byte-order
// mark is dropped, UTF-16 with a byte-order mark (or, without one, when
// every other byte is zero) is converted, and invalid UTF-8 is read as
// Windows-1252, or for HTML in the charset its <meta> declares. Binary data
// gives ErrBinary.
func decode(data []byte, isHTML func([]byte) bool) (decoded, error) {
	var d decoded
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return fromUTF16(data[2:], false, "decoded from UTF-16LE")
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return fromUTF16(data[2:], true, "decoded from UTF-16BE")
	case bytes.IndexByte(data, 0) >= 0:
		if big, ok := utf16NoBOM(data); ok {
			return fromUTF16(data, big, "no byte-order mark, but the zero bytes say UTF-16: decoded as such")
		}
		return d, fmt.Errorf("%w: it contains NUL bytes", ErrBinary)
	}
	if err := checkControls(data); err != nil {
		return d, err
	}
	d.text = data
	if utf8.Valid(data) {
		return d, nil
	}
	e, name := encoding.Encoding(charmap.Windows1252), "Windows-1252"
	if isHTML(data) {
		var label string
		e, label, _ = charset.DetermineEncoding(data, "")
		name = label + " (from the page's charset declaration or the HTML default)"
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return d, fmt.Errorf("%w: it is neither UTF-8 nor %s", ErrBinary, name)
	}
	d.text = out
	d.notices = append(d.notices, "not valid UTF-8: decoded as "+name)
	return d, nil
}

// fromUTF16 converts UTF-16 text without its byte-order mark to UTF-8,
// big- or little-endian, noting what was done.
func fromUTF16(data []byte, big bool, notice string) (decoded, error) {
	order := unicode.LittleEndian
	if big {
		order = unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, fmt.Errorf("%w: invalid UTF-16", ErrBinary)
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return decoded{}, fmt.Errorf("%w: it contains NUL characters", ErrBinary)
	}
	if err := checkControls(out); err != nil {
		return decoded{}, err
	}
	return decoded{text: out, notices: []string{notice}}, nil
}

// utf16NoBOM guesses UTF-16 without a byte-order mark: text in a Latin
// script has a zero byte in every other position. It reports whether the
// data looks so, and whether big-endian.
func utf16NoBOM(data []byte) (big, ok bool) {
	sample := data[:min(len(data), 4096)&^1]
	if len(sample) < 4 {
		return false, false
	}
	var zeros [2]int
	for i, b := range sample {
		if b == 0 {
			zeros[i%2]++
		}
	}
	half := len(sample) / 2
	switch {
	case zeros[1]*10 >= half*9 && zeros[0] == 0:
		return false, true
	case zeros[0]*10 >= half*9 && zeros[1] == 0:
		return true, true
	}
	return false, false
}

// checkControls refuses data with more than 1 control byte in 20 among
// its first 64 KiB (and more than four): text has almost none (tab,
// newline, carriage return and form feed do not count), binary data about
// one in eight.
func checkControls(data []byte) error {
	sample := data[:min(len(data), 64<<10)]
	n := 0
	for _, b := range sample {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F {
			n++
		}
	}
	if n > 4 && n*20 > len(sample) {
		return fmt.Errorf("%w: %d of its first %d bytes are control codes", ErrBinary, n, len(sample))
	}
	return nil
}
