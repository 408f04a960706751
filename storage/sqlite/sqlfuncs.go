package sqlite

import (
	"database/sql/driver"
	"encoding/json"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/textutil"
	"modernc.org/sqlite"
)

// SQL functions Saywho's queries call, registered with the driver for
// every connection it opens.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("saywho_words", 3, spanWords)
}

// spanWords is saywho_words(text, start, ranges): the words of an
// annotation's text (textutil.CountWords), counting only its parts when it
// is discontinuous (ranges, the stored JSON list, is not empty), so the
// words between two parts of a quote are not counted as quoted.
func spanWords(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	text, _ := args[0].(string)
	start, _ := args[1].(int64)
	ranges, _ := args[2].(string)
	if ranges == "" {
		return int64(textutil.CountWords(text)), nil
	}
	var parts []storage.Range
	if json.Unmarshal([]byte(ranges), &parts) != nil {
		return int64(textutil.CountWords(text)), nil
	}
	runes := []rune(text)
	n := 0
	for _, r := range parts {
		from, to := r.Start-int(start), r.End-int(start)
		if from < 0 || to > len(runes) || from > to {
			continue
		}
		n += textutil.CountWords(string(runes[from:to]))
	}
	return int64(n), nil
}
