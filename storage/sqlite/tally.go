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

// Tallies (storage.Tallier) are grouped queries over three common table
// expressions: the documents in scope (docs), the units counted in them
// (units: quotes, claims, coded spans or documents, coders' judgements
// only, with their words), and each unit with the key of every dimension
// asked for (facts: one row per unit and combination of keys, a unit
// linked to two speakers in both of theirs). Each grouping then counts the
// distinct units of each group. Several groupings of the same units (a
// table's cells and totals; the tables of the Reports view) share one pass
// over them: facts is materialised once.
//
// The speaker of a quote is the one its said_by link names, directly or
// through the mention it points to; a claim's, its claimed_by link's. A
// dimension without a value for a unit (no speaker, no code, no verdict)
// has the key NULL, storage.NoValue outside.

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

// maxTallyDims bounds the dimensions of one grouping.
const maxTallyDims = 3

// pairs reports whether a unit counts pairs of codes.
func pairs(u storage.TallyUnit) bool {
	return u == storage.TallySpanPairs || u == storage.TallyDocumentPairs
}

// tallyPlan is a tally as SQL: the common table expressions with their
// arguments, and the facts' key column of each dimension.
type tallyPlan struct {
	unit storage.TallyUnit
	with string // "WITH docs AS (...), units AS (...)[, facts AS (...)]"
	args []any
	col  map[storage.TallyDim]string // dimension → its column in facts
}

// planTally checks the groupings of a unit and builds the plan that
// serves them all.
func planTally(unit storage.TallyUnit, scope storage.TallyScope, groupings [][]storage.TallyDim) (*tallyPlan, error) {
	pl := &tallyPlan{unit: unit, col: map[storage.TallyDim]string{}}
	docs, args := scopeDocs(scope)
	units, uargs, err := unitsOf(unit, scope.AnnotatorID)
	if err != nil {
		return nil, err
	}
	pl.with = "WITH " + docs + ",\n" + units
	pl.args = append(args, uargs...)
	if pairs(unit) {
		for _, by := range groupings {
			if len(by) != 0 && !slices.Equal(by, []storage.TallyDim{storage.DimCode, storage.DimCode}) {
				return nil, fmt.Errorf("tally of %s: %w: its groups are pairs of codes", unit, storage.ErrInvalid)
			}
		}
		return pl, nil
	}
	var keys []string
	speaker, code := false, false
	for _, by := range groupings {
		if len(by) > maxTallyDims {
			return nil, fmt.Errorf("tally: %w: at most %d dimensions", storage.ErrInvalid, maxTallyDims)
		}
		for _, dim := range by {
			expr, ok := dimExprs[dim]
			if !ok {
				return nil, fmt.Errorf("tally: %w: no dimension %q", storage.ErrInvalid, dim)
			}
			if err := dimFits(unit, dim); err != nil {
				return nil, err
			}
			if _, done := pl.col[dim]; done {
				continue
			}
			pl.col[dim] = fmt.Sprintf("k%d", len(pl.col))
			keys = append(keys, expr+" AS "+pl.col[dim])
			speaker = speaker || slices.Contains(storage.SpeakerDims, dim)
			code = code || dim == storage.DimCode
		}
	}
	var joins string
	if speaker {
		link := storage.RelSaidBy
		if unit == storage.TallyClaims {
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
	cols := append([]string{"u.id AS id", "u.words AS words", "d.seq AS seq", "u.start AS start"}, keys...)
	pl.with += ",\nfacts AS (SELECT " + strings.Join(cols, ", ") + "\n\t\tFROM units u JOIN docs d ON d.id = u.document_id" + joins + ")"
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
	rows, err := p.TallyGroupings(ctx, q.Unit, q.Scope, [][]storage.TallyDim{q.By})
	if err != nil {
		return nil, err
	}
	return rows[0], nil
}

// TallyGroupings counts the units in each group of each grouping, in one
// pass over them.
func (p *Project) TallyGroupings(ctx context.Context, unit storage.TallyUnit, scope storage.TallyScope, groupings [][]storage.TallyDim) ([][]storage.TallyRow, error) {
	if len(groupings) == 0 {
		return nil, nil
	}
	pl, err := planTally(unit, scope, groupings)
	if err != nil {
		return nil, err
	}
	out := make([][]storage.TallyRow, len(groupings))
	if pairs(unit) {
		sep := "\n"
		if unit == storage.TallyDocumentPairs {
			sep = ",\n"
		}
		rows, err := p.tallyRows(ctx, pl.with+sep+pairsSelect(unit), pl.args, 2)
		if err != nil {
			return nil, err
		}
		for i := range out {
			out[i] = rows
		}
		return out, nil
	}
	return p.groupFacts(ctx, pl, groupings)
}

// groupFacts counts the facts of each unit once in each group of each
// grouping: the facts are read in unit order, and each unit's keys are
// added to the groups when the next unit starts, so memory is one unit's
// facts and the groups.
func (p *Project) groupFacts(ctx context.Context, pl *tallyPlan, groupings [][]storage.TallyDim) ([][]storage.TallyRow, error) {
	dims := make([]storage.TallyDim, 0, len(pl.col))
	for d := range pl.col {
		dims = append(dims, d)
	}
	slices.Sort(dims)
	cols := []string{"id", "words"}
	at := map[storage.TallyDim]int{}
	for i, d := range dims {
		cols = append(cols, pl.col[d])
		at[d] = i
	}
	rows, err := p.db.QueryContext(ctx, pl.with+"\nSELECT "+strings.Join(cols, ", ")+" FROM facts ORDER BY id", pl.args...)
	if err != nil {
		return nil, classify(p.path, schemaChanged(err))
	}
	defer rows.Close()
	type group struct {
		keys         []string
		count, words int
	}
	groups := make([]map[string]*group, len(groupings))
	for i := range groups {
		groups[i] = map[string]*group{}
	}
	var unit string
	var words int
	var facts [][]string // the current unit's keys, one row per fact
	seen := map[string]bool{}
	flush := func() {
		for i, by := range groupings {
			clear(seen)
			for _, f := range facts {
				keys := make([]string, len(by))
				for j, d := range by {
					keys[j] = f[at[d]]
				}
				k := strings.Join(keys, "\x1f")
				if seen[k] {
					continue
				}
				seen[k] = true
				g := groups[i][k]
				if g == nil {
					g = &group{keys: keys}
					groups[i][k] = g
				}
				g.count++
				g.words += words
			}
		}
		facts = facts[:0]
	}
	vals := make([]sql.NullString, len(dims))
	dest := make([]any, 2+len(dims))
	var id string
	var w int
	dest[0], dest[1] = &id, &w
	for i := range vals {
		dest[2+i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if id != unit && len(facts) > 0 {
			flush()
		}
		unit, words = id, w
		f := make([]string, len(vals))
		for i, v := range vals {
			f[i] = storage.NoValue
			if v.Valid {
				f[i] = v.String
			}
		}
		facts = append(facts, f)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(p.path, err)
	}
	if len(facts) > 0 {
		flush()
	}
	out := make([][]storage.TallyRow, len(groupings))
	for i := range groupings {
		for _, g := range groups[i] {
			out[i] = append(out[i], storage.TallyRow{Keys: g.keys, Count: g.count, Words: g.words})
		}
	}
	return out, nil
}

// pairsSelect counts the pairs of codes of units.
func pairsSelect(unit storage.TallyUnit) string {
	if unit == storage.TallySpanPairs {
		return `SELECT c1.code_id, c2.code_id, count(*), coalesce(sum(u.words), 0) FROM units u
		JOIN annotation_codes c1 ON c1.annotation_id = u.id
		JOIN annotation_codes c2 ON c2.annotation_id = u.id
		GROUP BY 1, 2`
	}
	return docCodes + `
		SELECT a.code_id, b.code_id, count(*), 0 FROM dc a JOIN dc b ON b.document_id = a.document_id
		GROUP BY 1, 2`
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
	dest := make([]any, nkeys+2)
	for i := range keys {
		dest[i] = &keys[i]
	}
	for rows.Next() {
		var r storage.TallyRow
		dest[nkeys], dest[nkeys+1] = &r.Count, &r.Words
		if err := rows.Scan(dest...); err != nil {
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
	pl, err := planTally(q.Unit, q.Scope, [][]storage.TallyDim{q.By})
	if err != nil {
		return nil, err
	}
	want := len(q.By)
	if pairs(q.Unit) {
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
			conds = append(conds, pl.col[q.By[i]]+" IS ?")
			args = append(args, keyArg(k))
		}
		where := ""
		if len(conds) > 0 {
			where = " WHERE " + strings.Join(conds, " AND ")
		}
		query = pl.with + "\nSELECT id FROM (SELECT DISTINCT id, seq, start FROM facts" + where + ") ORDER BY seq, start, id"
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
