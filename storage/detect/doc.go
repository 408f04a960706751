// Package detect is Saywho's rule-based quote detector: it proposes the
// quotes of a news text (direct, indirect, mixed; one quote for a
// quotation split around its frame), their cues, their speaker mentions
// and the registry speakers those resolve to, each with the rule that made
// it. It is pure Go with no model to load, deterministic, and reads no
// project: Detect takes a text and a Registry, and Result.Suggestions
// turns what it found into annotations for
// storage.Project.ReplaceSuggestions.
//
// The text is read in steps, one file each: tokens (tokens.go),
// quotation marks of every style including multi-paragraph quotations
// (marks.go), sentences that respect quotations and abbreviations
// (sentences.go), the cue lexicon with its inflections (lexicon.go),
// attribution frames around each cue (frames.go, content.go), then
// split, continued and floating quotations (detect.go), and speakers:
// noun phrases with titles, role nouns, organisations, appositives and
// pronouns (nounphrase.go), resolved by storage.SpeakerIndex's rule
// (speakers.go). docs/detector.md describes the rules and their measured
// performance.
package detect
