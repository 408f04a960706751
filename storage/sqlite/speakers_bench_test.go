package sqlite

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saywho-app/saywho/storage"
)

// BenchmarkSpeakers measures the registry with its counts, which the window
// reloads after every action, on a corpus of PolNeAR's size: 300 speakers,
// 100 documents, 3,000 mentions and 3,000 quotes linked to them.
func BenchmarkSpeakers(b *testing.B) {
	p, err := Create(filepath.Join(b.TempDir(), "bench.saywho"), "bench")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	who, _ := p.EnsureAnnotator(bg, "coder")
	var speakers []storage.Speaker
	for i := 0; i < 300; i++ {
		s, _ := p.AddSpeaker(bg, storage.Speaker{Name: fmt.Sprintf("Speaker %03d", i)})
		speakers = append(speakers, s)
	}
	sentence := "Minister Example said that the plan would work. "
	err = p.write(bg, "Test set-up", func(q querier) error {
		for d := 0; d < 100; d++ {
			doc, err := addDocument(q, storage.Document{Title: fmt.Sprint("Doc ", d), Text: fmt.Sprintf("Doc %d\n", d) + strings.Repeat(sentence, 30)})
			if err != nil {
				return err
			}
			base := len([]rune(fmt.Sprintf("Doc %d\n", d)))
			for k := 0; k < 30; k++ {
				off := base + k*len([]rune(sentence))
				sp := speakers[(d*30+k)%len(speakers)]
				m, err := p.addAnnotation(q, storage.Annotation{DocumentID: doc.ID, Kind: storage.KindSpeakerMention, Start: off, End: off + 16, AnnotatorID: who.ID, SpeakerID: sp.ID})
				if err != nil {
					return err
				}
				qa, err := p.addAnnotation(q, storage.Annotation{DocumentID: doc.ID, Kind: storage.KindQuote, Start: off + 22, End: off + 47, AnnotatorID: who.ID})
				if err != nil {
					return err
				}
				if _, err := addRelation(q, storage.Relation{Type: storage.RelSaidBy, SourceID: qa.ID, TargetID: m.ID}, false); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("grouped", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			st, err := p.Speakers(bg)
			if err != nil || len(st) != 300 || st[0].Quotes != 10 || st[0].Mentions != 10 {
				b.Fatalf("speakers: %v %+v", err, st[:1])
			}
		}
	})
	// The baseline: the first version's correlated subqueries, one scan of
	// the links per speaker.
	b.Run("per-speaker-baseline", func(b *testing.B) {
		q := "SELECT " + speakerCols + `,
			(SELECT count(*) FROM annotations m WHERE m.speaker_id = s.id AND m.kind = 'speaker_mention'),
			(SELECT count(DISTINCT r.source_id) FROM relations r LEFT JOIN annotations m ON m.id = r.target_annotation_id
				WHERE r.type = 'said_by' AND (r.target_speaker_id = s.id OR m.speaker_id = s.id)),
			(SELECT count(DISTINCT r.source_id) FROM relations r LEFT JOIN annotations m ON m.id = r.target_annotation_id
				WHERE r.type = 'claimed_by' AND (r.target_speaker_id = s.id OR m.speaker_id = s.id))
			FROM speakers s ORDER BY s.name COLLATE NOCASE, s.id`
		for i := 0; i < b.N; i++ {
			st, err := queryAll(p.db, q, nil, scanSpeakerStats)
			if err != nil || len(st) != 300 || st[0].Quotes != 10 {
				b.Fatalf("baseline: %v", err)
			}
		}
	})
}
