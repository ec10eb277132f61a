package frame

// Word classes used by the attribution and scare-quote rules. They are
// closed-class English words, read-only after construction.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

type wordClasses struct {
	preposition, timeWord, determiner, auxSkip, nounFollower, modalBefore, roleNoun, titleWord, naming, nounAmbiguous, physical, speechNoun, connector map[string]bool
}

func newWordClasses() *wordClasses {
	return &wordClasses{
		timeWord:    wordSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year", "weekend", "night", "morning", "evening", "afternoon"),
		preposition: wordSet("in", "at", "on", "from", "to", "with", "for", "of", "by", "during", "into", "near", "against", "between", "across", "over", "under", "about"),
		determiner:  wordSet("the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "these", "those", "this", "'s", "such", "any", "some", "no", "mutual", "new", "previous", "own", "all"),
		auxSkip: wordSet("also", "has", "have", "had", "was", "were", "is", "are", "will", "would", "earlier", "later", "then", "again", "further",
			"previously", "once", "reportedly", "repeatedly", "publicly", "recently", "already", "never", "not", "just", "now", "had", "has", "subsequently", "last", "first", "ultimately", "even"),
		nounFollower: wordSet("is", "are", "was", "were", "be", "been", "have", "has", "had", "will", "would", "could", "should", "may", "might", "must", "can",
			"of", "for", "by", "from", "against", "to", "in", "on", "at", "with", "about", "and", "or", "but", "than", "over", "under", "into", "remain", "remains", "process", "department", "commission", "office"),
		modalBefore: wordSet("to", "will", "would", "can", "could", "may", "might", "should", "must", "do", "did", "does", "not", "they", "we", "you", "i", "who", "also"),
		roleNoun: wordSet("minister", "diplomat", "president", "spokesman", "spokeswoman", "spokesperson", "secretary", "ambassador", "envoy",
			"chancellor", "leader", "premier", "adviser", "advisor", "chief", "commander", "counterpart", "king", "prince", "governor", "senator", "official"),
		titleWord: wordSet("president", "vice", "prime", "minister", "foreign", "defence", "defense", "secretary", "state", "of", "adviser", "advisor",
			"national", "security", "spokesman", "spokeswoman", "spokesperson", "ambassador", "deputy", "general", "senator", "sen.", "rep.", "gov.", "governor",
			"king", "queen", "prince", "crown", "sheikh", "emir", "leader", "supreme", "chief", "head", "commander", "envoy", "director", "chairman",
			"chairwoman", "chair", "top", "senior", "official", "diplomat", "former", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "press", "high",
			"representative", "special", "permanent", "the", "then", "acting", "interior", "finance", "economy", "trade", "energy", "justice", "affairs",
			"army", "staff", "lieutenant", "colonel", "major", "admiral", "secretary-general", "ministry", "department", "house", "council", "federal", "pope", "ayatollah"),
		naming:        wordSet("dubbed", "named", "titled", "entitled", "called", "nicknamed", "codenamed", "labelled", "labeled", "termed", "known", "as"),
		nounAmbiguous: wordSet("claim", "report", "note", "state", "comment", "remark", "reply", "answer", "demand", "attack", "blast", "stress", "call", "hope", "estimate", "vow", "concern", "rail", "mock", "slam", "blame", "regard", "mention", "urge", "question", "plea", "lament", "boast", "respond", "dismiss", "reveal", "warn", "threaten"),
		physical:      wordSet("attack", "blast", "slam", "reject", "dismiss", "demand", "expose", "mock", "threaten", "rail"),
		speechNoun: wordSet("position", "stance", "decision", "claim", "claims", "statement", "statements", "remark", "remarks", "comment", "comments", "policy",
			"policies", "plan", "plans", "proposal", "proposals", "move", "report", "reports", "accusation", "accusations", "allegation", "allegations", "idea",
			"demand", "demands", "approach", "criticism", "call", "calls", "offer", "suggestion", "suggestions", "initiative", "charges", "charge", "stance", "position", "view", "views", "rhetoric", "actions", "behaviour", "behavior"),
		connector: wordSet("of", "for", "de", "du", "la", "le", "von", "van", "der", "den", "bin", "al", "ibn", "da", "di"),
	}
}
