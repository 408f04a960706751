package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
	"github.com/saywho-app/saywho/storage/textutil"
)

func runSpeakers(e *env, args []string) error {
	fs := newFlags(e, "speakers", "PROJECT [--json] | PROJECT --speaker NAME... [--gender G] [--type T] [--role R] [--affiliation A] [--country C]",
		"Lists the speaker registry with the attributes reports group by and how often each speaker is\n"+
			"quoted; with --speaker, sets attributes of those speakers in one action (--gender \"\" clears one).\n"+
			"Gender, type and role take the project's lists of values (shown with --json); other values are kept.")
	asJSON := fs.Bool("json", false, "print JSON: the speakers and the lists of values")
	var names multiFlag
	fs.Var(&names, "speaker", "a speaker's name or id (repeatable)")
	gender := fs.String("gender", "", "set the gender")
	typ := fs.String("type", "", "set the speaker type (person, organisation, document, anonymous, ...)")
	role := fs.String("role", "", "set the role")
	affiliation := fs.String("affiliation", "", "set the affiliation or party")
	country := fs.String("country", "", "set the country")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{"give exactly one project"}
	}
	var edit storage.SpeakerEdit
	fs.Visit(func(f *flag.Flag) {
		for _, x := range []struct {
			name string
			dst  **string
			val  *string
		}{{"gender", &edit.Gender, gender}, {"type", &edit.Type, typ}, {"role", &edit.Role, role}, {"affiliation", &edit.Affiliation, affiliation}, {"country", &edit.Country, country}} {
			if f.Name == x.name {
				*x.dst = x.val
			}
		}
	})
	if len(names) == 0 && !edit.Empty() {
		return usageError{"name the speakers to change with --speaker"}
	}
	if len(names) > 0 && edit.Empty() {
		return usageError{"say what to set: --gender, --type, --role, --affiliation or --country"}
	}
	ctx := context.Background()
	if len(names) == 0 {
		p, err := openProject(pos[0], true)
		if err != nil {
			return err
		}
		defer p.Close()
		return listSpeakers(ctx, e, p, *asJSON)
	}
	p, err := openProject(pos[0], false)
	if err != nil {
		return err
	}
	defer p.Close()
	all, err := p.Speakers(ctx)
	if err != nil {
		return err
	}
	var ids []string
	for _, n := range names {
		id, err := findSpeaker(all, n)
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	changed, err := p.EditSpeakers(ctx, ids, edit)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d of %d speakers changed\n", changed, len(ids))
	return nil
}

// findSpeaker finds a speaker by id, then by name or alias (regardless of
// case); a name two speakers share is refused with their ids.
func findSpeaker(all []storage.SpeakerStats, name string) (string, error) {
	var found []storage.SpeakerStats
	for _, s := range all {
		if s.ID == name {
			return s.ID, nil
		}
		for _, n := range s.Names() {
			if strings.EqualFold(n, strings.TrimSpace(name)) {
				found = append(found, s)
				break
			}
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("no speaker named %q", name)
	case 1:
		return found[0].ID, nil
	}
	var ids []string
	for _, s := range found {
		ids = append(ids, s.ID+" ("+s.Name+")")
	}
	return "", fmt.Errorf("%d speakers are named %q; give one by id: %s", len(found), name, strings.Join(ids, ", "))
}

// listSpeakers prints the registry with its attributes.
func listSpeakers(ctx context.Context, e *env, p *sqlite.Project, asJSON bool) error {
	all, err := p.Speakers(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		vocab, err := p.Vocabularies(ctx)
		if err != nil {
			return err
		}
		if all == nil {
			all = []storage.SpeakerStats{}
		}
		return writeJSON(e.stdout, struct {
			Speakers     []storage.SpeakerStats `json:"speakers"`
			Vocabularies []storage.Vocabulary   `json:"vocabularies"`
		}{all, vocab})
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "name\tgender\ttype\trole\taffiliation\tcountry\tquotes\tid")
	for _, s := range all {
		fields := []string{s.Name, s.Gender, s.Type, s.Role, s.Affiliation, s.Country, strconv.Itoa(s.Quotes), s.ID}
		for i := range fields {
			fields[i] = textutil.Printable(fields[i])
		}
		fmt.Fprintln(tw, strings.Join(fields, "\t"))
	}
	return tw.Flush()
}
