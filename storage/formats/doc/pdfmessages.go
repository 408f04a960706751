package doc

import (
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strings"

	"github.com/ledongthuc/pdf"
)

// The PDF library's errors and panics speak of its internals ("zlib:
// invalid header", "runtime error: slice bounds out of range",
// "malformed PDF: cross-reference table not found: F-1.4"). pdfTrouble
// says instead what is wrong with the file, and encryption problems get
// ErrEncrypted with what to do.

// repairHint is said of damage a PDF viewer repairs by rewriting the file.
const repairHint = "; opening it in a PDF viewer and saving it again, or printing it to a new PDF, usually repairs this"

// pdfTroubles map a piece of what the library says to what is wrong, the
// first match winning.
var pdfTroubles = []struct{ says, means string }{
	{"invalid header", "its header does not say PDF 1.0 to 1.7"},
	{"missing %%EOF", "it is truncated: its end-of-file marker is missing (was the download or copy complete?)"},
	{"startxref", "the offset of its cross-reference table (startxref) is missing or wrong" + repairHint},
	{"reading at offset", "it is truncated, or its cross-reference table points past its end" + repairHint},
	{"xref", "its cross-reference table is damaged" + repairHint},
	{"cross-reference", "its cross-reference table is damaged" + repairHint},
	{"trailer", "its trailer dictionary is damaged" + repairHint},
	{"loading ", "an object is not where its cross-reference table says" + repairHint},
	{"stream", "an object stream or a content stream in it is damaged" + repairHint},
	{"missing First", "an object stream in it is damaged" + repairHint},
	{"zlib", "a compressed stream in it is damaged"},
	{"flate", "a compressed stream in it is damaged"},
	{"PNG-Up", "a compressed stream in it is damaged"},
	{"unexpected EOF", "a stream in it is truncated"},
	{"filter", "it uses a compression Saywho's PDF reader cannot read"},
	{"ascii85", "a stream in it is damaged"},
	{"beginbf", "a font's character map is damaged"},
	{"non-dict", "a font's character map is damaged"},
	{"current dictionary", "a font's character map is damaged"},
	{"begin/end", "a font's character map is damaged"},
	{"bad ", "its content has an operator with the wrong operands"},
	{"parsing", "its syntax is damaged" + repairHint},
	{"unexpected", "its syntax is damaged" + repairHint},
	{"malformed", "its syntax is damaged" + repairHint},
	{"invalid", "its syntax is damaged" + repairHint},
	{"nesting", "its objects are nested too deep"},
}

// pdfTrouble says what the library's error or panic value x means for the
// user.
func pdfTrouble(x any) string {
	msg := fmt.Sprint(x)
	if err, ok := x.(error); ok {
		var re runtime.Error
		if errors.As(err, &re) {
			return "the PDF reader could not make sense of it (it may be damaged)"
		}
	}
	if msg == "pred" {
		return "it uses a compression predictor Saywho's PDF reader cannot read"
	}
	for _, t := range pdfTroubles {
		if strings.Contains(msg, t.says) {
			return t.means
		}
	}
	return fmt.Sprintf("the PDF reader could not make sense of it (%s)", strings.TrimPrefix(strings.TrimPrefix(msg, "malformed PDF: "), "malformed PDF file: "))
}

// encrypted is the error for a PDF Saywho cannot decrypt, for the reason
// why.
func encrypted(why string) error {
	return fmt.Errorf("%w: %s; remove the protection (print it to a new PDF, or run qpdf --decrypt IN.pdf OUT.pdf) and import it again", ErrEncrypted, why)
}

// encryptionVersion finds V= and R= in the library's errors.
var encryptionVersion = regexp.MustCompile(`\b[VR]=(\d+)`)

// openTrouble is the error for what pdf.NewReader returned: ErrEncrypted
// for encryption it cannot handle (it reads only RC4 and AES-128 with the
// standard password handler), ErrCorrupt for the rest.
func openTrouble(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword):
		return encrypted("it needs a password to be opened, or is encrypted in a way Saywho's PDF reader cannot decrypt")
	case strings.Contains(msg, "encryption filter"):
		return encrypted("it is protected by a security handler other than a password (certificates, or a plug-in's)")
	case strings.Contains(msg, "encrypt") || strings.Contains(msg, "missing ID in trailer") || strings.Contains(msg, "RC4"):
		for _, m := range encryptionVersion.FindAllStringSubmatch(msg, -1) {
			if m[1] == "5" || m[1] == "6" {
				return encrypted("it is encrypted with AES-256, which Saywho's PDF reader cannot decrypt")
			}
		}
		if strings.Contains(msg, "256-bit") { // refused for its key length before its version
			return encrypted("it is encrypted with AES-256, which Saywho's PDF reader cannot decrypt")
		}
		return encrypted("its encryption is of a kind Saywho's PDF reader cannot decrypt")
	}
	return fmt.Errorf("%w: %s", ErrCorrupt, pdfTrouble(err))
}

// weakKey returns why the library would decrypt a PDF with encryption
// dictionary enc wrongly, or "": for RC4 keys shorter than 88 bits it
// keys every object with the whole MD5 digest instead of its first
// length+5 bytes, so the text comes out as garbage ("zlib: invalid
// header").
func weakKey(enc pdf.Value) string {
	v, bits := enc.Key("V").Int64(), enc.Key("Length").Int64()
	if bits == 0 || v == 1 {
		bits = 40
	}
	if (v == 1 || v == 2) && bits < 88 {
		return fmt.Sprintf("it is encrypted with RC4 and a %d-bit key, which Saywho's PDF reader cannot decrypt", bits)
	}
	return ""
}
