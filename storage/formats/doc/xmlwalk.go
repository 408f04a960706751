package doc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"golang.org/x/net/html/charset"
)

// xmlHandler receives the tokens of an XML part in order.
type xmlHandler interface {
	// start handles a start tag; it may call d.Skip to skip the element.
	start(d *xml.Decoder, el xml.StartElement) error
	// end handles an end tag.
	end(el xml.EndElement)
	// text handles character data.
	text(b []byte)
}

// newXMLDecoder returns a decoder of data that understands the encodings
// an XML declaration may name.
func newXMLDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// walkXML feeds the tokens of the XML part called part to h.
func walkXML(part string, data []byte, h xmlHandler) error {
	d := newXMLDecoder(data)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %s is not well-formed XML: %v", ErrCorrupt, part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := h.start(d, t); err != nil {
				return fmt.Errorf("%w: %s: %v", ErrCorrupt, part, err)
			}
		case xml.EndElement:
			h.end(t)
		case xml.CharData:
			h.text(t)
		}
	}
}

// unmarshalXML decodes the XML part called part into v.
func unmarshalXML(part string, data []byte, v any) error {
	if err := newXMLDecoder(data).Decode(v); err != nil {
		return fmt.Errorf("%w: %s is not well-formed XML: %v", ErrCorrupt, part, err)
	}
	return nil
}
