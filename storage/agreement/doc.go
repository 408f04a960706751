// Package agreement compares coders: how far several coders who annotated
// the same documents independently agree. It reads a storage.Bundle (a
// project snapshot, or an import) and never imports Fyne.
//
// What is counted. An annotation is a coder's judgement unless it is a
// detector suggestion the coder has not accepted (State "suggested" or
// "rejected"); those are left out unless Options.IncludeSuggestions,
// which counts them as their coder's (the detector's). A coder has coded
// a document when they made at least one counted annotation of any kind
// on it; only such documents count for that coder (a coder who marked
// speakers but no quotes in a document said "no quotes here"; a coder who
// never touched it said nothing). A discontinuous span covers only its parts (Ranges).
//
// Three measures are computed, per annotation kind and over all kinds
// (see docs/agreement.md for the reasoning and worked examples):
//
// Character-level Krippendorff's alpha (nominal). For a kind, every code
// point of every document coded by at least two of the coders is a unit;
// each coder who coded that document gives it the value 1 when the code
// point lies inside one of their spans of that kind, else 0; coders who did
// not code the document give no value (missing data). Alpha is computed
// from the coincidence matrix as in Krippendorff, "Computing Krippendorff's
// Alpha-Reliability" (2011), for nominal data:
//
//	o_ck  = Σ_u (number of ordered pairs of values c,k in unit u) / (m_u − 1)
//	n_c   = Σ_k o_ck,  n = Σ_c n_c
//	alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k
//
// where m_u is the number of values in unit u and units with m_u < 2 are
// left out. Alpha is undefined (not a number) when there is no variation
// at all (every unit has the same value, e.g. nobody marked the kind).
// This is a simplification of Krippendorff's unitizing alpha αu
// (Krippendorff 1995, "On the reliability of unitizing continuous data",
// Sociological Methodology 25; Content Analysis, 2nd ed., 2004):
// αu weighs a disagreement by the squared lengths of the mismatching
// segments, while this one counts every code point as one independent unit.
// Over all kinds, each code point gets, per coder, the set of kinds whose
// spans cover it (none, quote, quote+claim, ...) as its nominal value.
// (Pooling the per-kind binary units instead would overstate agreement:
// kinds that cover very different shares of the text inflate the expected
// disagreement, so the pooled alpha can exceed every kind's own.)
//
// Span F1 for a pair of coders A and B, on the documents both coded. Exact
// match: a span of A and a span of B match when they have the same kind and
// the same parts; each span matches at most once. Overlap match: spans of
// the same kind match when they share at least one code point; pairs are
// made one to one, greedily, the pair sharing the most code points first
// (ties by position), so that one long span cannot match two short ones.
// With m matches, F1 = 2m / (|A| + |B|); only-A = |A| − m, only-B = |B| − m.
// Over all kinds the counts are summed (micro average). F1 is symmetric, so
// neither coder is taken as the gold standard.
//
// Attribution agreement for a pair: of the quotes the two coders matched by
// overlap, the share that are attributed to the same speaker. A quote's
// speakers are its said_by targets, resolved as the CSV export does: a
// registry speaker directly, or through the speaker mention's registry
// speaker, else the mention's text (case-folded, spaces collapsed). Two
// quotes agree when their sets of speakers are equal. Pairs where neither
// quote has a speaker are counted apart and left out of the share; a pair
// where only one has a speaker is a disagreement.
package agreement
