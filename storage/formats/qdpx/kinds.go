package qdpx

import (
	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/formats/internal/guid"
)

// Saywho's annotation kinds travel as codes under a non-codable "Saywho"
// parent code, so that other QDA tools show them as codes and an import
// recognises them back (by GUID, or by these names under "Saywho").
const kindsParentName = "Saywho"

// kindCode describes the code of one annotation kind.
type kindCode struct {
	kind  storage.Kind
	name  string
	color string
}

// kindCodes are the kinds exported as codes. KindCode is not among them: a
// coded passage is a selection with only its codebook codes.
var kindCodes = []kindCode{
	{storage.KindQuote, "Quote", "#E69F00"},
	{storage.KindSpeakerMention, "Speaker mention", "#56B4E9"},
	{storage.KindClaim, "Claim", "#CC79A7"},
	{storage.KindCue, "Cue", "#009E73"},
}

var kindsParentGUID = guid.Derive("qdpx", "kinds")

func kindGUID(k storage.Kind) string { return guid.Derive("qdpx", "kind", string(k)) }

// Description lines of a selection carry what REFI-QDA has no place for:
// attributes as "key: value", and reserved "@" keys.
const (
	lineOrigin = "@origin"
	lineState  = "@state"
	lineRanges = "@ranges"
)
