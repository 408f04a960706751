package agreement

import (
	"bytes"
	"math"
	"strconv"
)

// Ratio is an agreement figure (alpha, F1, a share) that may be undefined:
// alpha without any variation, F1 with nothing to compare. An undefined
// Ratio is NaN, prints as "n/a" and is null in JSON.
type Ratio float64

// undefined is the Ratio of a figure that cannot be computed.
func undefined() Ratio { return Ratio(math.NaN()) }

// ratio returns num/den, undefined when den is zero.
func ratio(num, den float64) Ratio {
	if den == 0 {
		return undefined()
	}
	return Ratio(num / den)
}

// Defined reports whether r has a value.
func (r Ratio) Defined() bool { return !math.IsNaN(float64(r)) && !math.IsInf(float64(r), 0) }

// String formats r with three decimals, or "n/a".
func (r Ratio) String() string {
	if !r.Defined() {
		return "n/a"
	}
	return strconv.FormatFloat(float64(r), 'f', 3, 64)
}

// MarshalJSON writes the value, or null when undefined.
func (r Ratio) MarshalJSON() ([]byte, error) {
	if !r.Defined() {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, float64(r), 'g', -1, 64), nil
}

// UnmarshalJSON reads a number, or null as undefined.
func (r *Ratio) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*r = undefined()
		return nil
	}
	f, err := strconv.ParseFloat(string(bytes.TrimSpace(data)), 64)
	if err != nil {
		return err
	}
	*r = Ratio(f)
	return nil
}
