package lang

// LabelReportingVerbs are general English verbs of attribution as word
// forms: the words before them (who speaks, with titles) and a following
// "that" are the frame of a reported claim, not the claim, so a fact's
// label drops them. Hand-made, not drawn from any corpus.
//
// They are not frame's lexicon of reporting verbs
// (corpus/frame/lexicons/reporting.txt: lemmas with every inflection, for
// marking attribution): at the head of a label a base form or a noun-like
// form ("note", "report", "hope", "asked") starts the claim as often as it
// frames one, and taking frame's whole list for labels changed 20 of the
// 2,311 fact labels of ECB+, half of them for the worse. Both lists live
// here so that one place says what each is for.
func LabelReportingVerbs() []string {
	return []string{"said", "says", "say", "told", "tells", "stated", "added", "adds", "noted", "stressed", "stresses", "emphasized", "emphasised", "explained", "warned", "insisted", "argued", "claimed", "announced", "reported", "believes", "believed", "recalled", "pointed out",
		// Participles open a clause that reports ("adding that…").
		"adding", "saying", "noting", "claiming", "stressing", "insisting", "explaining", "warning", "arguing", "stating"}
}
