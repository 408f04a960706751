package detect

import "strings"

// cueClass sorts cue verbs by what they report, which decides the frames
// they take.
type cueClass uint8

const (
	speech     cueClass = iota + 1 // say, tell, warn: every frame
	belief                         // believe, think: a clause before or after the frame
	intent                         // want, plan: "X wants to …"
	evidence                       // show, find, learn: "X found that …"
	evaluation                     // criticise, praise, call for: "X criticised the plan"
)

func (c cueClass) String() string {
	return [...]string{"", "speech", "belief", "intention", "evidence", "evaluation"}[c]
}

// cueInfo describes one inflected form of a cue verb.
type cueInfo struct {
	lemma string
	class cueClass
	// clause: the verb takes a reported clause without "that" ("said he
	// would"); verbs whose object is usually a noun phrase ("announced a
	// plan") need "that", a colon, a quotation or a wh-word.
	clause bool
	// object: the verb takes a person object before the clause ("told
	// reporters that").
	object bool
	// inverted: the verb may precede its source after the content ("…,
	// said Ortiz").
	inverted bool
	// form is "base", "s", "ed", "en" or "ing".
	form string
}

// The cue lexicon. Each entry is a lemma, optionally followed by its
// irregular past and participle ("tell:told:told"); a trailing + doubles
// the final consonant ("admit+" → admitted). Flags after a slash: c takes
// a bare clause, o takes a person object, i can be inverted.
var lexicon = map[cueClass]string{
	speech: `say:said:said/ci tell:told:told/co add/ci argue/c warn/co insist/c claim/c state/c explain/ci note/ci
		announce declare/c report/c write:wrote:written/ci tweet/c post reply/ci respond/c answer/c comment/c confirm deny
		admit+/c acknowledge/c concede/c suggest/c predict/c promise/co pledge vow/c threaten urge/o allege/c contend/c
		maintain/c assert/c stress/c emphasize/c emphasise/c reveal disclose complain/c boast/c joke/ci quip/ci mention
		remark/ci observe/ci caution/co counter/ci retort/ci conclude/c recall/c testify/c ask/oi wonder/ci repeat
		reiterate assure/o hint signal charge/c accuse proclaim brag/c lament/c clarify elaborate inform/o notify/o
		underscore highlight speculate/c propose recommend advise/o demand/c order/o instruct/o forecast/c object/c
		protest/c scoff/ci snap+/ci shout/ci yell/ci whisper/ci mutter/ci continue/i explain/ci recount describe
		characterize insist/c affirm/c announce/o acknowledge/c concur/c muse/ci declare/c reassure/o remind/o
		convince/o persuade/o urge/o advise/o brief/o caution/o allege/c`,
	belief: `believe/c think:thought:thought/c feel:felt:felt/c know:knew:known/c suspect/c doubt/c fear/c worry/c
		hope/c expect/c assume/c guess/c understand:understood:understood/c realize/c realise/c recognize/c
		recognise/c consider figure/c reckon/c imagine/c suppose/c bet:bet:bet/c agree/c disagree believe/c
		acknowledge/c insist/c contend/c`,
	intent: `want plan+ intend aim seek:sought:sought hope expect promise vow pledge threaten refuse decline propose
		wish`,
	evaluation: `call cite attack criticize criticise condemn praise blast slam question reject dispute defend endorse
		oppose accuse blame push liken compare dismiss decry denounce applaud welcome hail tout describe characterize
		characterise label brand mock ridicule chide scold lambaste rip+ hammer knock assail target urge demand
		recommend propose vow pledge promise express raise voice echo applaud tout credit thank fault challenge
		refute rebut contradict downplay defend justify tout champion advocate`,
	evidence: `show:showed:shown find:found:found learn:learned:learned discover notice see:saw:seen hear:heard:heard
		read:read:read determine demonstrate prove:proved:proven indicate suggest conclude estimate project reveal`,
}

// cues maps every inflected form of the lexicon's verbs to their
// descriptions (one per class the form belongs to).
var cues = buildCues()

func buildCues() map[string][]cueInfo {
	out := map[string][]cueInfo{}
	for _, class := range []cueClass{speech, belief, intent, evidence, evaluation} {
		for _, entry := range strings.Fields(lexicon[class]) {
			word, flags, _ := strings.Cut(entry, "/")
			info := cueInfo{class: class, clause: strings.Contains(flags, "c"), object: strings.Contains(flags, "o"),
				inverted: strings.Contains(flags, "i")}
			forms := inflect(word)
			info.lemma = forms["base"]
			for form, w := range forms {
				i := info
				i.form = form
				out[w] = addCue(out[w], i)
			}
		}
	}
	return out
}

// addCue adds info unless the list already holds the lemma in that class
// and form (a verb listed twice keeps its first flags).
func addCue(list []cueInfo, info cueInfo) []cueInfo {
	for _, c := range list {
		if c.lemma == info.lemma && c.class == info.class && c.form == info.form {
			return list
		}
	}
	return append(list, info)
}

// inflect returns the forms of a lexicon word: base, s, ed (past), en
// (participle), ing.
func inflect(word string) map[string]string {
	parts := strings.Split(word, ":")
	lemma := parts[0]
	double := strings.HasSuffix(lemma, "+")
	lemma = strings.TrimSuffix(lemma, "+")
	stem := lemma
	if double {
		stem += lemma[len(lemma)-1:]
	}
	f := map[string]string{"base": lemma, "s": thirdPerson(lemma), "ing": presentParticiple(lemma, stem)}
	if len(parts) == 3 {
		f["ed"], f["en"] = parts[1], parts[2]
	} else {
		f["ed"] = past(lemma, stem)
		f["en"] = f["ed"]
	}
	return f
}

func thirdPerson(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "o"):
		return w + "es"
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func past(w, stem string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case consonantY(w):
		return w[:len(w)-1] + "ied"
	}
	return stem + "ed"
}

func presentParticiple(w, stem string) string {
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:len(w)-2] + "ying"
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && !strings.HasSuffix(w, "ye") && !strings.HasSuffix(w, "oe"):
		return w[:len(w)-1] + "ing"
	}
	return stem + "ing"
}

// consonantY reports a word ending in a consonant and y (worry, deny).
func consonantY(w string) bool {
	return len(w) > 1 && w[len(w)-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2]))
}

// lookupCue returns the cue descriptions of a word, or nil.
func lookupCue(t *token) []cueInfo {
	if t.kind != tWord {
		return nil
	}
	return cues[t.lower]
}
