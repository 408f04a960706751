package detect

import "strings"

// set builds a lookup set from space-separated words.
func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		for _, f := range strings.Fields(w) {
			m[f] = true
		}
	}
	return m
}

// abbreviations end with a dot that does not end a sentence (lower case,
// without the dot).
var abbreviations = set(`mr mrs ms messrs dr prof sen sens rep reps gov govs gen lt col maj capt cmdr adm sgt cpl pvt
	st ste mt ft rev fr msgr pres supt atty dist amb sec dept univ assn bros
	jr sr inc corp co ltd llc plc vs etc esp approx no nos vol fig
	jan feb mar apr jun jul aug sep sept oct nov dec
	ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo`)

// titles stand before a name ("Sen. Ted Cruz", "President Obama"); they
// are part of the mention, not of the speaker's name.
var titles = set(`president vice sen senator rep representative congressman congresswoman gov governor mayor
	mr mrs ms miss messrs dr prof professor gen general lt col colonel maj major capt captain sgt sergeant adm admiral cmdr
	secretary minister chancellor premier judge justice chief sheriff attorney speaker leader chairman chairwoman chair
	director ambassador commissioner councilman councilwoman alderman rev reverend pope king queen prince princess sir dame
	lord lady bishop archbishop cardinal rabbi imam father coach officer detective deputy assistant acting former first
	candidate nominee spokesman spokeswoman spokesperson sheikh emir president-elect ceo chief-executive founder
	state defense defence treasury homeland security press foreign interior justice house senate majority minority whip
	democratic republican gop u.s. federal national general special senior`)

// roleNouns head a noun phrase that can say something: people by role,
// groups and institutions, and documents that "show" or "find".
var roleNouns = set(`spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen official officials aide aides
	adviser advisers advisor advisors lawyer lawyers attorney attorneys president presidents senator senators
	governor governors secretary secretaries minister ministers chairman chairwoman chair director directors leader leaders
	chief chiefs executive executives ceo founder analyst analysts expert experts economist economists researcher researchers
	scientist scientists source sources campaign campaigns administration government governments police officer officers
	witness witnesses critic critics supporter supporters opponent opponents voter voters resident residents member members
	lawmaker lawmakers legislator legislators politician politicians candidate candidates nominee nominees strategist strategists
	pollster pollsters democrat democrats republican republicans diplomat diplomats authorities authority prosecutor prosecutors
	investigator investigators judge judges justice justices manager managers organizer organizers activist activists
	protester protesters protestors representative representatives staff staffer staffers committee party parties group groups
	organization organisation organizations company companies agency agencies department ministry network newspaper paper
	court panel commission council union firm bank board office team coalition alliance movement foundation institute
	center centre university school hospital military army navy force forces regime
	man woman men women people person persons mother father son daughter wife husband sister brother friend friends
	family neighbor neighbors neighbour neighbours colleague colleagues observer observers student students worker workers
	employee employees veteran veterans fan fans attendee attendees reporter reporters journalist journalists commentator
	commentators pundit pundits host anchor writer writers author authors historian historians professor professors teacher
	teachers doctor doctors physician physicians nurse nurses parent parents victim victims survivor survivors owner owners
	insider insiders partisan partisans conservative conservatives liberal liberals progressive progressives moderate moderates
	independent independents surrogate surrogates ally allies backer backers donor donors fundraiser consultant consultants
	operative operatives advocate advocates specialist specialists scholar scholars professor editor editors columnist columnists
	mayor mayors sheriff congressman congresswoman congressmen speaker lobbyist lobbyists negotiator negotiators
	report reports poll polls survey surveys study studies analysis data document documents memo memos letter letters filing
	complaint lawsuit suit book article story editorial investigation audit review records statement statements website site
	ad ads campaign-ad video footage evidence research estimates figures numbers percent majority respondents
	businessman businesswoman businessmen businesswomen congressman chairman`)

// agentSuffixes make a lower-case word a likely role noun ("developer",
// "commentator", "environmentalists"), when it is not a stop word.
var agentSuffixes = []string{"er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "man", "men", "woman", "women", "ant", "ants", "ent", "ents"}

// notAgents end like role nouns but are not.
var notAgents = set(`other others never after however whether rather together either neither under over later
	ever every per or for more moreover further order matter manner number member paper letter water power
	percent recent current present different apparent important significant independent
	sooner longer higher lower bigger greater better worse larger smaller earlier sent went meant spent`)

// organisationWords mark a capitalised name as an organisation.
var organisationWords = set(`house senate congress department ministry committee party campaign administration agency office
	court council commission foundation institute university college association union corporation company inc corp co
	group bank fund network news times post journal press tribune herald reuters cnn fbi cia nsa pentagon kremlin
	government army navy police bureau service services center centre league federation organization organisation board`)

// pronouns can be the source of a cue.
var pronouns = set(`he she they it we i you`)

// determiners open a noun phrase.
var determiners = set(`the a an this these those some many several most other both all few each every another any no
	his her their its our my your one two three four five six seven eight nine ten dozens hundreds thousands millions
	more fewer numerous various certain top senior junior former current longtime veteran prominent leading`)

// auxiliaries and adverbs may stand between a source and its cue
// ("Trump has also said", "she later told").
var between = set(`also later then previously recently repeatedly again often once first last earlier publicly privately
	simply flatly quickly further even still never already just only reportedly allegedly initially ultimately
	has have had will would could should can may might must did does do not n't is was were are am be been being
	separately subsequently finally frequently long since now today yesterday tonight
	doesn't didn't don't won't wouldn't can't couldn't isn't wasn't hasn't haven't hadn't shouldn't aren't weren't`)

// clauseStarters can open a reported clause with no "that" ("said the
// plan failed", "said he would").
var clauseStarters = set(`he she they it we i you there this these those the a an his her their its our my your
	some many most all no none nobody everyone anyone something nothing everything what whether if how why when where who
	one two three four five neither either both`)

// weekdays and other time words skipped after a cue ("said Monday that").
var timeWords = set(`monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
	morning afternoon evening night week weekend month year day days weeks months years
	january february march april may june july august september october november december recently earlier later`)

// prepositions that open a phrase the reader may skip between a cue and
// its content ("said in a statement on Monday that").
var skipPrepositions = set(`in on at during to after before from via with through over last this earlier late in an`)

// subordinators end a source noun phrase walking left.
var stopWords = set(`and or but that which who whom whose because although though while if when where as than so
	said says say told tells to of for in on at by with from about into over under after before since until
	is was were are be been has have had do does did not no`)

// nameParticles may sit inside a name ("Charles de Gaulle", "Bureau of
// Labor Statistics").
var nameParticles = set(`de da di del della van von der den le la bin al ibn of for and &`)
