package app

import (
	"slices"
	"sync"

	"fyne.io/fyne/v2"

	"github.com/saywho-app/saywho/storage"
)

// The project publishes a storage.Change for every committed transaction:
// this window's actions, its undo and redo, an import running in the
// background. The window queues them as they come (on whichever goroutine
// wrote) and applies them on the UI goroutine, updating only what each
// touched: the rows of the documents and speakers it names, the open
// document when its content changed, the codebook when codes changed.

// changeQueue holds the changes not yet applied.
type changeQueue struct {
	mu   sync.Mutex
	list []storage.Change
}

func (q *changeQueue) push(c storage.Change) {
	q.mu.Lock()
	q.list = append(q.list, c)
	q.mu.Unlock()
}

func (q *changeQueue) drain() []storage.Change {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.list
	q.list = nil
	return out
}

// subscribe starts following the project's changes.
func (u *UI) subscribe() {
	cancel, err := u.p.Subscribe(func(c storage.Change) {
		u.pending.push(c)
		fyne.Do(u.applyChanges)
	})
	if err != nil {
		u.fail(err)
		return
	}
	u.unsubscribe = cancel
}

// applyChanges applies the queued changes, in order; run on the UI
// goroutine (an action runs it at once, so its result shows before the
// next key is read).
func (u *UI) applyChanges() {
	if u.closed {
		return
	}
	for _, c := range u.pending.drain() {
		u.apply(c)
	}
}

// apply updates the views a change touched.
func (u *UI) apply(c storage.Change) {
	if c.Reload {
		u.reloadAll()
		return
	}
	ctx := u.ctx()
	if c.Codes {
		if err := u.loadCodes(ctx, u.p); err != nil {
			u.fail(err)
		}
		u.codebook.refresh()
	}
	if c.Annotators {
		if err := u.loadCoders(ctx, u.p); err != nil {
			u.fail(err)
		}
	}
	if c.Sets {
		u.docList.sets.load()
	}
	if len(c.Speakers) > 0 {
		if err := u.patchSpeakers(ctx, u.p, c.Speakers); err != nil {
			u.fail(err)
		}
		u.spk.refresh()
	}
	if docs := union(c.Documents, c.Content); len(docs) > 0 || c.Sets {
		reordered, err := u.patchDocuments(ctx, u.p, docs)
		if err != nil {
			u.fail(err)
		}
		switch {
		case u.doc.ID != "" && u.docSummary(u.doc.ID) == nil:
			// The open document is gone (deleted, or its import undone).
			u.doc = storage.Document{}
			u.openDocument(u.startDocument())
			return
		case reordered || len(c.Documents) > 0 || c.Sets:
			u.docList.refresh()
		default:
			u.docList.update(docs)
		}
		u.refreshOpenSummary()
	}
	if c.Project {
		u.updateTitle()
	}
	open := u.doc.ID
	switch {
	case open == "" && u.docList.empty():
	case open == "" && len(u.docs) > 0:
		u.openDocument(u.startDocument())
	case c.TouchesContent(open) || c.Codes || c.Annotators || len(c.Speakers) > 0:
		// Highlights, inspector and list name codes, coders and speakers.
		u.reloadDocument()
	case c.TouchesDocument(open):
		u.meta.refresh()
	}
	if len(c.Content) > 0 && !c.TouchesContent(open) {
		u.annList.otherDocumentsChanged()
	}
}

// union lists the ids of a and b once each.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, id := range b {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
