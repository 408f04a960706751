package formats

import (
	"errors"
	"fmt"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/qdpx"
)

// ErrNoSources is wrapped by the error of a REFI-QDA project none of whose
// sources could be imported. Its coders, codes, speakers and sets are
// added all the same, and its FileResult says how many.
var ErrNoSources = errors.New("none of its sources could be imported")

// readREFI reads a REFI-QDA project or codebook (.qdpx, .qde, .qdc). A
// project whose every source was refused returns its bundle (coders,
// codes, speakers, sets) together with an error wrapping ErrNoSources, so
// that the import says exactly what it added and still counts as failed.
// A project without sources (a codebook-only export) is not an error.
func readREFI(data []byte) (*storage.Bundle, []string, error) {
	r, err := qdpx.Read(data)
	if err != nil {
		return nil, nil, err
	}
	if r.Sources > 0 && r.Refused == r.Sources {
		return r.Bundle, r.Notices, fmt.Errorf("%w (%d refused, why below)", ErrNoSources, r.Refused)
	}
	return r.Bundle, r.Notices, nil
}
