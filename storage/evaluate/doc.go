// Package evaluate measures predicted attributions (the detector's
// suggestions, or a coder's work) against a gold coder's, with the
// definitions of the SFU Gender Gap Tracker's evaluation (Asr et al. 2021,
// PLoS ONE 16(1): e0245533). It reads a storage.Bundle and never imports
// Fyne. docs/detector.md explains the measures with examples.
//
// Documents. A gold coder covers a document when they made at least one
// annotation of any kind in it; with several gold coders, each document is
// compared with the first listed coder who covers it. Predictions by a
// coder cover the documents where that coder made an annotation; the
// detector's predictions cover every document of the bundle (run the
// detector on all of them first).
//
// Word tokens. Spans are compared in word tokens: maximal runs of letters,
// digits and combining marks of the document text. A span holds the tokens
// that share at least one code point with one of its parts.
//
// Quotes at overlap t (0.3 by default). A predicted quote P can match a
// gold quote G when |G ∩ P| / |G| ≥ t, counted in word tokens. Matching is
// one to one: candidate pairs are taken greedily, highest ratio first
// (ties: more shared tokens, then by position). Precision = matched /
// predicted, recall = matched / gold, F1 their harmonic mean. Exact match:
// the same, but a pair matches only when both spans hold exactly the same
// word tokens (quotation marks and punctuation do not count).
//
// Speaker accuracy. Of the quote pairs matched at overlap t whose gold
// quote has a speaker (a said_by link), the share whose predicted speaker
// is right: a predicted speaker mention shares a code point with a gold
// speaker mention, or both resolve to the same registry speaker (a
// mention's speaker, or a said_by link to a speaker). A predicted quote
// without a speaker counts as wrong.
//
// Cues. Predicted and gold cue spans match when they share at least one
// code point, one to one, the pair sharing the most code points first.
// Precision = matched / predicted cues, recall = matched / gold cues.
package evaluate
