package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/saywho-app/saywho/storage"
)

// Tallies (storage.Tallier) are one grouped query each: the documents in
// scope (docs), the units counted in them (units: quotes, claims, coded
// spans or documents, coders' judgements only), each unit with the key of
// every dimension (facts: one row per unit and group, a unit linked to two
// speakers in both of theirs), then counted per group. The speaker of a
// quote is the one its said_by link names, directly or through the
// mention it points to; a claim's, its claimed_by link's. A dimension
// without a value for a unit (no speaker, no code, no verdict) has the key
// NULL, storage.NoValue outside.

// dimExprs are the dimensions' keys, over units u, docs d, the speaker s
// and the code c.
var dimExprs = map[storage.TallyDim]string{
	storage.DimSpeaker:     "s.id",
	storage.DimGender:      "s.gender",
	storage.DimSpeakerType: "s.type",
	storage.DimRole:        "s.role",
	storage.DimAffiliation: "s.affiliation",
	storage.DimCountry:     "s.country",
	storage.DimOutlet:      "d.outlet",
	storage.DimSection:     "d.section",
	storage.DimPublished:   "d.published",
	storage.DimStatus:      "d.status",
	storage.DimCoder:       "u.annotator_id",
	storage.DimCode:        "c.code_id",
	storage.DimWorthiness:  "nullif(json_extract(u.attrs, '$." + storage.AttrCheckWorthiness + "'), '')",
	storage.DimVerdict:     "nullif(json_extract(u.attrs, '$." + storage.AttrVerdict + "'), '')",
	storage.DimQuoteType:   "nullif(json_extract(u.attrs, '$." + storage.AttrQuoteType + "'), '')",
}

// maxTallyDims bounds the dimensions of one tally.
const maxTallyDims = 3

// tallyPlan is a tally as SQL: the common table expressions, their
// arguments, and what facts selects.
type tallyPlan struct {
	q     storage.TallyQuery
	with  string // "WITH docs AS (...), units AS (...)"
	args  []any
	facts string // "facts AS (...)", for units other than pairs
	pairs bool
}

// planTally checks a query and builds its plan.
func planTally(q storage.TallyQuery) (*tallyPlan, error) {
	pl := &tallyPlan{q: q}
	docs, args := scopeDocs(q.Scope)
	units, uargs, err := unitsOf(q.Unit, q.Scope.AnnotatorID)
	if err != nil {
		return nil, err
	}
	pl.with = "WITH " + docs + ",\n" + units
	pl.args = append(args, uargs...)
	if q.Unit == storage.TallySpanPairs || q.Unit == storage.TallyDocumentPairs {
		if len(q.By) != 0 && !slices.Equal(q.By, []storage.TallyDim{storage.DimCode, storage.DimCode}) {
			return nil, fmt.Errorf("tally of %s: %w: its groups are pairs of codes", q.Unit, storage.ErrInvalid)
		}
		pl.pairs = true
		return pl, nil
	}
	if len(q.By) > maxTallyDims {
		return nil, fmt.Errorf("tally: %w: at most %d dimensions", storage.ErrInvalid, maxTallyDims)
	}
	var keys []string
	var joins string
	speaker, code := false, false
	for i, dim := range q.By {
		expr, ok := dimExprs[dim]
		if !ok {
			return nil, fmt.Errorf("tally: %w: no dimension %q", storage.ErrInvalid, dim)
		}
		if err := dimFits(q.Unit, dim); err != nil {
			return nil, err
		}
		speaker = speaker || slices.Contains(storage.SpeakerDims, dim)
		code = code || dim == storage.DimCode
		keys = append(keys, fmt.Sprintf("%s AS k%d", expr, i))
	}
	if speaker {
		link := storage.RelSaidBy
		if q.Unit == storage.TallyClaims {
			link = storage.RelClaimedBy
		}
		joins += `
		LEFT JOIN relations r ON r.source_id = u.id AND r.type = '` + string(link) + `'
		LEFT JOIN annotations m ON m.id = r.target_annotation_id
		LEFT JOIN speakers s ON s.id = coalesce(r.target_speaker_id, m.speaker_id)`
	}
	if code {
		joins += "\n\t\tLEFT JOIN annotation_codes c ON c.annotation_id = u.id"
	}
	distinct := ""
	if speaker || code {
		distinct = "DISTINCT "
	}
	cols := append([]string{"u.id AS id", "u.words AS words", "d.seq AS seq", "u.start AS start"}, keys...)
	pl.facts = "facts AS (SELECT " + distinct + strings.Join(cols, ", ") + "\n\t\tFROM units u JOIN docs d ON d.id = u.document_id" + joins + ")"
	return pl, nil
}

// dimFits checks that a dimension applies to a unit.
func dimFits(unit storage.TallyUnit, dim storage.TallyDim) error {
	ok := true
	switch {
	case slices.Contains(storage.SpeakerDims, dim):
		ok = unit == storage.TallyQuotes || unit == storage.TallyClaims
	case dim == storage.DimCoder || dim == storage.DimCode || dim == storage.DimWorthiness || dim == storage.DimVerdict || dim == storage.DimQuoteType:
		ok = unit != storage.TallyDocuments
	}
	if !ok {
		return fmt.Errorf("tally of %s: %w: they have no %s", unit, storage.ErrInvalid, dim)
	}
	return nil
}

// scopeDocs is the docs expression: the documents in scope.
func scopeDocs(s storage.TallyScope) (string, []any) {
	var conds []string
	var args []any
	in := func(col string, vals []string) {
		if len(vals) > 0 {
			list, _ := json.Marshal(vals)
			conds = append(conds, col+" IN (SELECT value FROM json_each(?))")
			args = append(args, string(list))
		}
	}
	if s.SetID != "" {
		conds = append(conds, "d.id IN (SELECT document_id FROM set_documents WHERE set_id = ?)")
		args = append(args, s.SetID)
	}
	in("d.outlet", s.Outlets)
	in("d.published", s.Published)
	in("d.status", s.Statuses)
	in("d.id", s.DocumentIDs)
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	return "docs AS (SELECT d.id, d.seq, d.outlet, d.section, d.published, d.status FROM documents d" + where + ")", args
}

// unitsOf is the units expression: what a tally counts in the documents
// in scope, with its words.
func unitsOf(unit storage.TallyUnit, annotatorID string) (string, []any, error) {
	if unit == storage.TallyDocuments {
		return "units AS (SELECT id, id AS document_id, '' AS annotator_id, 0 AS start, '{}' AS attrs, 0 AS words FROM docs)", nil, nil
	}
	conds := []string{"a.state NOT IN ('" + storage.StateSuggested + "', '" + storage.StateRejected + "')"}
	var args []any
	switch unit {
	case storage.TallyQuotes:
		conds = append(conds, "a.kind = '"+string(storage.KindQuote)+"'")
	case storage.TallyClaims:
		conds = append(conds, "a.kind = '"+string(storage.KindClaim)+"'")
	case storage.TallyCoded, storage.TallySpanPairs, storage.TallyDocumentPairs:
		conds = append(conds, "EXISTS (SELECT 1 FROM annotation_codes x WHERE x.annotation_id = a.id)")
	default:
		return "", nil, fmt.Errorf("tally: %w: no unit %q", storage.ErrInvalid, unit)
	}
	if annotatorID != "" {
		conds = append(conds, "a.annotator_id = ?")
		args = append(args, annotatorID)
	}
	return `units AS (SELECT a.id, a.document_id, a.annotator_id, a.start, a.attrs, saywho_words(a.text, a.start, a.ranges) AS words
		FROM annotations a JOIN docs ON docs.id = a.document_id WHERE ` + strings.Join(conds, " AND ") + ")", args, nil
}

// docCodes lists the codes applied in each document in scope, for pairs
// by document.
const docCodes = "dc AS (SELECT DISTINCT u.document_id, c.code_id FROM units u JOIN annotation_codes c ON c.annotation_id = u.id)"

// Tally counts the query's units in each group of its dimensions.
func (p *Project) Tally(ctx context.Context, q storage.TallyQuery) ([]storage.TallyRow, error) {
	pl, err := planTally(q)
	if err != nil {
		return nil, err
	}
	var query string
	nkeys := len(q.By)
	switch {
	case q.Unit == storage.TallySpanPairs:
		nkeys = 2
		query = pl.with + `
		SELECT c1.code_id, c2.code_id, count(*), coalesce(sum(u.words), 0) FROM units u
		JOIN annotation_codes c1 ON c1.annotation_id = u.id
		JOIN annotation_codes c2 ON c2.annotation_id = u.id
		GROUP BY 1, 2`
	case q.Unit == storage.TallyDocumentPairs:
		nkeys = 2
		query = pl.with + ",\n" + docCodes + `
		SELECT a.code_id, b.code_id, count(*), 0 FROM dc a JOIN dc b ON b.document_id = a.document_id
		GROUP BY 1, 2`
	default:
		var keys []string
		for i := range q.By {
			keys = append(keys, fmt.Sprintf("k%d", i))
		}
		group := ""
		if len(keys) > 0 {
			group = " GROUP BY " + strings.Join(keys, ", ")
			keys = append(keys, "")
		}
		query = pl.with + ",\n" + pl.facts + "\nSELECT " + strings.Join(keys, ", ") + "count(*), coalesce(sum(words), 0) FROM facts" + group
	}
	return p.tallyRows(ctx, query, pl.args, nkeys)
}

// tallyRows runs a tally query whose rows are nkeys keys, a count and
// words.
func (p *Project) tallyRows(ctx context.Context, query string, args []any, nkeys int) ([]storage.TallyRow, error) {
	rows, err := p.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(p.path, schemaChanged(err))
	}
	defer rows.Close()
	var out []storage.TallyRow
	keys := make([]sql.NullString, nkeys)
	for rows.Next() {
		var r storage.TallyRow
		dest := make([]any, 0, nkeys+2)
		for i := range keys {
			dest = append(dest, &keys[i])
		}
		if err := rows.Scan(append(dest, &r.Count, &r.Words)...); err != nil {
			return nil, err
		}
		if r.Count == 0 {
			continue
		}
		r.Keys = make([]string, nkeys)
		for i, k := range keys {
			r.Keys[i] = storage.NoValue
			if k.Valid {
				r.Keys[i] = k.String
			}
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// TallyIDs lists the ids of the units in the group with these keys, by
// document and position.
func (p *Project) TallyIDs(ctx context.Context, q storage.TallyQuery, keys []string, offset, limit int) ([]string, error) {
	pl, err := planTally(q)
	if err != nil {
		return nil, err
	}
	want := len(q.By)
	if pl.pairs {
		want = 2
	}
	if len(keys) != want {
		return nil, fmt.Errorf("tally: %w: %d keys for %d dimensions", storage.ErrInvalid, len(keys), want)
	}
	args := slices.Clone(pl.args)
	var query string
	switch q.Unit {
	case storage.TallySpanPairs:
		query = pl.with + `
		SELECT u.id FROM units u JOIN docs d ON d.id = u.document_id
		WHERE EXISTS (SELECT 1 FROM annotation_codes c WHERE c.annotation_id = u.id AND c.code_id = ?)
		AND EXISTS (SELECT 1 FROM annotation_codes c WHERE c.annotation_id = u.id AND c.code_id = ?)
		ORDER BY d.seq, u.start, u.id`
		args = append(args, keys[0], keys[1])
	case storage.TallyDocumentPairs:
		query = pl.with + ",\n" + docCodes + `
		SELECT u.id FROM units u JOIN docs d ON d.id = u.document_id
		WHERE EXISTS (SELECT 1 FROM annotation_codes c WHERE c.annotation_id = u.id AND c.code_id IN (?, ?))
		AND u.document_id IN (SELECT document_id FROM dc WHERE code_id = ? INTERSECT SELECT document_id FROM dc WHERE code_id = ?)
		ORDER BY d.seq, u.start, u.id`
		args = append(args, keys[0], keys[1], keys[0], keys[1])
	default:
		var conds []string
		for i, k := range keys {
			conds = append(conds, fmt.Sprintf("k%d IS ?", i))
			args = append(args, keyArg(k))
		}
		where := ""
		if len(conds) > 0 {
			where = " WHERE " + strings.Join(conds, " AND ")
		}
		query = pl.with + ",\n" + pl.facts + "\nSELECT id FROM facts" + where + " ORDER BY seq, start, id"
	}
	if limit <= 0 {
		limit = -1
	}
	query += " LIMIT ? OFFSET ?"
	args = append(args, limit, max(offset, 0))
	rows, err := p.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(p.path, schemaChanged(err))
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// keyArg is a group's key as a query argument: NULL for storage.NoValue.
func keyArg(k string) any {
	if k == storage.NoValue {
		return nil
	}
	return k
}
