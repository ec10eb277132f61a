// Package frame marks framing language (loaded and evaluative words,
// stance-bearing attribution, hedges, scare quotes, intensifiers,
// outlet-only passages) and profiles each outlet: distinctive vocabulary,
// attribution mix, voices and marker rates.
package frame

// Marker kinds.
const (
	KindLoaded      = "loaded"
	KindEvaluative  = "evaluative"
	KindAttribution = "attribution"
	KindHedge       = "hedge"
	KindScareQuote  = "scare-quote"
	KindIntensifier = "intensifier"
	KindUnique      = "unique"
)

// Marker is a framing highlight on a span of one article.
type Marker struct {
	Article  string `json:"article"`
	Sentence int    `json:"sentence"` // index into Article.Sentences
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Kind     string `json:"kind"`
	Reason   string `json:"reason"`
	// Stance is set on attribution markers: neutral or stance-bearing.
	Stance string `json:"stance,omitempty"`
	// Speaker is who an attribution or quote is attributed to, when known.
	Speaker string `json:"speaker,omitempty"`
	// Source names the lexicon or rule that produced the marker.
	Source string `json:"source,omitempty"`
}

// Term is a distinctive word or phrase with its log-odds z-score.
type Term struct {
	Term string  `json:"term"`
	Z    float64 `json:"z"`
}

// Voice is someone quoted or paraphrased, with how many sentences they get.
type Voice struct {
	Speaker   string `json:"speaker"`
	Sentences int    `json:"sentences"`
	Side      string `json:"side,omitempty"` // actor's side/country when known
}

// Profile sums up one outlet.
type Profile struct {
	Outlet      string   `json:"outlet"`
	Articles    []string `json:"articles"`
	Distinctive []Term   `json:"distinctive"`
	Voices      []Voice  `json:"voices"`
	// Sides sums the voices' sentences by side (country or organisation);
	// voices whose side is unknown count under "unknown".
	Sides       map[string]int     `json:"sides"`
	MarkerRates map[string]float64 `json:"marker_rates"`
	Attribution map[string]int     `json:"attribution"` // reporting verb -> count
	// AttributionStance counts the reporting verbs by stance: neutral and
	// stance-bearing.
	AttributionStance map[string]int `json:"attribution_stance"`
	Omissions         []string       `json:"omissions"` // fact labels the outlet leaves out
	Sentences         int            `json:"sentences"`

	bearing []string // stance-bearing verbs among Attribution, sorted
	alone   bool     // the corpus has no other outlet to compare it with
}
