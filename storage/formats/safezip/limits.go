package safezip

// Limits bound what an Archive accepts and reads. A zero field takes the
// value of DefaultLimits.
type Limits struct {
	// MaxEntries is the largest number of entries (files and folders).
	MaxEntries int
	// MaxEntrySize is the largest uncompressed size of one entry, in bytes.
	MaxEntrySize int64
	// MaxTotalSize is the largest sum of uncompressed sizes, declared at
	// open and actually read afterwards, in bytes.
	MaxTotalSize int64
	// MaxRatio is the largest uncompressed/compressed ratio of an entry
	// larger than RatioFloor.
	MaxRatio int64
	// RatioFloor is the uncompressed size up to which the ratio is not
	// checked: tiny entries (an empty XML part padded with spaces) can
	// compress very well and are harmless.
	RatioFloor int64
}

// DefaultLimits fit office documents, e-books and QDA project exchange
// files. Word-processor XML compresses about 5–20 times and text rarely
// beyond 50, while a zip bomb reaches about 1000 per layer; 10,000 entries
// is far above an EPUB's few hundred; 256 MiB per entry and 1 GiB in all
// leave room for large QDA projects while keeping memory bounded.
var DefaultLimits = Limits{
	MaxEntries:   10000,
	MaxEntrySize: 256 << 20,
	MaxTotalSize: 1 << 30,
	MaxRatio:     200,
	RatioFloor:   1 << 20,
}

// withDefaults returns l with zero fields set from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxEntries <= 0 {
		l.MaxEntries = d.MaxEntries
	}
	if l.MaxEntrySize <= 0 {
		l.MaxEntrySize = d.MaxEntrySize
	}
	if l.MaxTotalSize <= 0 {
		l.MaxTotalSize = d.MaxTotalSize
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.RatioFloor <= 0 {
		l.RatioFloor = d.RatioFloor
	}
	return l
}
