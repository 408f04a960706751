package qdpx

import "encoding/xml"

// Namespace is the XML namespace of REFI-QDA project files.
const Namespace = "urn:QDA-XML:project:1.0"

// The REFI-QDA project document (Project-mrt2019.xsd). Field order is the
// schema's element order, which is a strict sequence. Positions are read
// as strings so that one bad number is reported instead of failing the
// whole file.

type qdeProject struct {
	XMLName          xml.Name     `xml:"Project"`
	Xmlns            string       `xml:"xmlns,attr,omitempty"`
	Name             string       `xml:"name,attr"`
	Origin           string       `xml:"origin,attr,omitempty"`
	CreatingUser     string       `xml:"creatingUserGUID,attr,omitempty"`
	CreationDateTime string       `xml:"creationDateTime,attr,omitempty"`
	ModifiedDateTime string       `xml:"modifiedDateTime,attr,omitempty"`
	Users            *qdeUsers    `xml:"Users"`
	CodeBook         *qdeCodeBook `xml:"CodeBook"`
	Variables        *qdeVars     `xml:"Variables"`
	Cases            *qdeCases    `xml:"Cases"`
	Sources          *qdeSources  `xml:"Sources"`
	Notes            *qdeNotes    `xml:"Notes"`
	Links            *qdeLinks    `xml:"Links"`
	Sets             *qdeSets     `xml:"Sets"`
	Graphs           *qdeAny      `xml:"Graphs"`
	Description      string       `xml:"Description,omitempty"`
	NoteRefs         []qdeRef     `xml:"NoteRef"`
}

// qdeAny is an element read only to report that it was not imported.
type qdeAny struct {
	Children []struct {
		XMLName xml.Name
	} `xml:",any"`
}

// qdeSets groups sources, codes and notes (SetsType). Saywho's sets group
// documents: it writes and reads MemberSource.
type qdeSets struct {
	Set []qdeSet `xml:"Set"`
}

type qdeSet struct {
	GUID          string   `xml:"guid,attr"`
	Name          string   `xml:"name,attr"`
	Description   string   `xml:"Description,omitempty"`
	MemberCodes   []qdeRef `xml:"MemberCode"`
	MemberSources []qdeRef `xml:"MemberSource"`
	MemberNotes   []qdeRef `xml:"MemberNote"`
}

type qdeUsers struct {
	User []qdeUser `xml:"User"`
}

type qdeUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
	ID   string `xml:"id,attr,omitempty"`
}

type qdeCodeBook struct {
	Codes qdeCodes `xml:"Codes"`
}

type qdeCodes struct {
	Code []qdeCode `xml:"Code"`
}

type qdeCode struct {
	GUID        string    `xml:"guid,attr"`
	Name        string    `xml:"name,attr"`
	IsCodable   bool      `xml:"isCodable,attr"`
	Color       string    `xml:"color,attr,omitempty"`
	Description string    `xml:"Description,omitempty"`
	NoteRefs    []qdeRef  `xml:"NoteRef"`
	Code        []qdeCode `xml:"Code"`
}

type qdeVars struct {
	Variable []qdeVar `xml:"Variable"`
}

type qdeVar struct {
	GUID        string `xml:"guid,attr"`
	Name        string `xml:"name,attr"`
	Type        string `xml:"typeOfVariable,attr"`
	Description string `xml:"Description,omitempty"`
}

type qdeVarValue struct {
	VariableRef   qdeRef  `xml:"VariableRef"`
	TextValue     *string `xml:"TextValue"`
	BooleanValue  *string `xml:"BooleanValue"`
	IntegerValue  *string `xml:"IntegerValue"`
	FloatValue    *string `xml:"FloatValue"`
	DateValue     *string `xml:"DateValue"`
	DateTimeValue *string `xml:"DateTimeValue"`
}

type qdeCases struct {
	Case []qdeCase `xml:"Case"`
}

type qdeCase struct {
	GUID          string        `xml:"guid,attr"`
	Name          string        `xml:"name,attr,omitempty"`
	Description   string        `xml:"Description,omitempty"`
	CodeRefs      []qdeRef      `xml:"CodeRef"`
	Values        []qdeVarValue `xml:"VariableValue"`
	SourceRefs    []qdeRef      `xml:"SourceRef"`
	SelectionRefs []qdeRef      `xml:"SelectionRef"`
}

type qdeSources struct {
	Text    []qdeTextSource `xml:"TextSource"`
	Picture []qdeNamed      `xml:"PictureSource"`
	PDF     []qdePDFSource  `xml:"PDFSource"`
	Audio   []qdeNamed      `xml:"AudioSource"`
	Video   []qdeNamed      `xml:"VideoSource"`
}

// qdeTextSource is a TextSource, a PDF Representation or a Note (all of
// TextSourceType).
type qdeTextSource struct {
	GUID             string         `xml:"guid,attr"`
	Name             string         `xml:"name,attr,omitempty"`
	RichTextPath     string         `xml:"richTextPath,attr,omitempty"`
	PlainTextPath    string         `xml:"plainTextPath,attr,omitempty"`
	CreatingUser     string         `xml:"creatingUser,attr,omitempty"`
	CreationDateTime string         `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser    string         `xml:"modifyingUser,attr,omitempty"`
	ModifiedDateTime string         `xml:"modifiedDateTime,attr,omitempty"`
	Description      string         `xml:"Description,omitempty"`
	PlainTextContent *string        `xml:"PlainTextContent"`
	Selections       []qdeSelection `xml:"PlainTextSelection"`
	Codings          []qdeCoding    `xml:"Coding"`
	NoteRefs         []qdeRef       `xml:"NoteRef"`
	Values           []qdeVarValue  `xml:"VariableValue"`
}

type qdeSelection struct {
	GUID             string      `xml:"guid,attr"`
	Name             string      `xml:"name,attr,omitempty"`
	Start            string      `xml:"startPosition,attr"`
	End              string      `xml:"endPosition,attr"`
	CreatingUser     string      `xml:"creatingUser,attr,omitempty"`
	CreationDateTime string      `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser    string      `xml:"modifyingUser,attr,omitempty"`
	ModifiedDateTime string      `xml:"modifiedDateTime,attr,omitempty"`
	Description      string      `xml:"Description,omitempty"`
	Codings          []qdeCoding `xml:"Coding"`
	NoteRefs         []qdeRef    `xml:"NoteRef"`
}

type qdeCoding struct {
	GUID             string   `xml:"guid,attr"`
	CreatingUser     string   `xml:"creatingUser,attr,omitempty"`
	CreationDateTime string   `xml:"creationDateTime,attr,omitempty"`
	CodeRef          qdeRef   `xml:"CodeRef"`
	NoteRefs         []qdeRef `xml:"NoteRef"`
}

type qdePDFSource struct {
	GUID           string         `xml:"guid,attr"`
	Name           string         `xml:"name,attr,omitempty"`
	Selections     []qdeNamed     `xml:"PDFSelection"`
	Representation *qdeTextSource `xml:"Representation"`
	Codings        []qdeCoding    `xml:"Coding"`
}

type qdeNamed struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
}

type qdeNotes struct {
	Note []qdeTextSource `xml:"Note"`
}

type qdeLinks struct {
	Link []qdeLink `xml:"Link"`
}

type qdeLink struct {
	GUID      string   `xml:"guid,attr"`
	Name      string   `xml:"name,attr,omitempty"`
	Direction string   `xml:"direction,attr,omitempty"`
	Color     string   `xml:"color,attr,omitempty"`
	Origin    string   `xml:"originGUID,attr,omitempty"`
	Target    string   `xml:"targetGUID,attr,omitempty"`
	NoteRefs  []qdeRef `xml:"NoteRef"`
}

type qdeRef struct {
	TargetGUID string `xml:"targetGUID,attr"`
}
