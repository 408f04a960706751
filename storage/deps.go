package storage

// Imported here so that go mod tidy keeps the modules the packages being
// written next depend on; removed once they import them themselves.
import (
	_ "codeberg.org/readeck/go-readability/v2"
	_ "github.com/google/uuid"
	_ "github.com/ledongthuc/pdf"
	_ "github.com/santhosh-tekuri/jsonschema/v6"
	_ "github.com/yuin/goldmark"
	_ "modernc.org/sqlite"
)
