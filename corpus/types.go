// Package corpus loads news articles from files, folders or the embedded
// default corpus: it decodes and sanitises the text, reads metadata, detects
// each article's outlet, marks page furniture and splits the text into
// paragraphs and sentences with byte offsets.
//
// Offsets are the truth: every Span is a half-open byte range into
// Article.Text, the article text exactly as loaded (after decoding and
// sanitising, and without front matter). Nothing is deleted: furniture is
// marked, not removed.
package corpus

import (
	"cmp"
	"time"
)

// Span is a half-open byte range [Start, End) into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether the byte offset off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Role says what a block of text is within an article.
type Role string

// The roles a paragraph or sentence can have.
const (
	RoleTitle     Role = "title"     // the headline line inside the text
	RoleHeading   Role = "heading"   // a sub-heading inside the article
	RoleBody      Role = "body"      // article prose (standfirst included)
	RoleByline    Role = "byline"    // "By Elena Teslova"
	RoleFurniture Role = "furniture" // page furniture: marked, never deleted
)

// Paragraph is a block of text separated from its neighbours by a line break.
type Paragraph struct {
	Span
	Role Role `json:"role"`
	// Reason says why a furniture paragraph was marked as furniture.
	Reason string `json:"reason,omitempty"`
}

// Sentence is one sentence (or a title or heading line) of an article.
// Sentences of furniture paragraphs are not listed.
type Sentence struct {
	Span
	Index int    `json:"index"`     // position in Article.Sentences
	Para  int    `json:"paragraph"` // index into Article.Paragraphs
	Role  Role   `json:"role"`
	Text  string `json:"text"` // Article.Text[Start:End]
}

// Furniture is a stretch of page furniture (menus, counters, credits, tag
// lists, related headlines) that is not article text. It stays in the text
// and is shown on request.
type Furniture struct {
	Span
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Dateline is the place and date an article gives at the start of its body
// ("MOSCOW, November 8. /TASS/."). Fields are empty when the text does not
// state them; nothing is invented.
type Dateline struct {
	Span
	Place string `json:"place,omitempty"`
	Date  string `json:"date,omitempty"`
}

// Outlet is a news organisation from the outlet table.
type Outlet struct {
	Name      string   `json:"name"`
	Short     string   `json:"short,omitempty"`
	Aliases   []string `json:"aliases,omitempty"`
	Domains   []string `json:"domains,omitempty"`
	Country   string   `json:"country,omitempty"`
	Ownership string   `json:"ownership,omitempty"` // state-owned, state-affiliated, public, private
}

// Article is one loaded article.
type Article struct {
	// ID is stable across reloads: from metadata, else from the file name.
	ID string `json:"id"`
	// ClaimedID is the id the file asked for when another article of the
	// corpus keeps it and this one was renamed ("story" for "story-2");
	// "" otherwise. See Corpus.GiveID.
	ClaimedID string `json:"-"`
	Path      string `json:"path"`
	Format    string `json:"format"` // text, markdown, html, json, jsonl

	// Outlet is the outlet's display name; "" when unknown.
	Outlet string `json:"outlet"`
	// OutletInfo is the outlet table entry, nil when the outlet is unknown
	// or not in the table.
	OutletInfo *Outlet `json:"-"`
	// OutletEvidence says how the outlet was detected ("front matter
	// outlet: TASS", "dateline credit /TASS/", "unknown: ...").
	OutletEvidence string `json:"outlet_evidence"`

	Title     string     `json:"title"`
	Published *time.Time `json:"published"`
	// PublishedEvidence says where the date came from.
	PublishedEvidence string `json:"published_evidence,omitempty"`
	// PublishedApproximate is true when the source marks the date as
	// approximate (front matter published_approximate: true).
	PublishedApproximate bool      `json:"published_approximate,omitempty"`
	URL                  string    `json:"url,omitempty"`
	Author               string    `json:"author,omitempty"`
	Language             string    `json:"language,omitempty"`
	Dateline             *Dateline `json:"dateline,omitempty"`

	// Text is the article text as loaded; every Span refers to it.
	Text string `json:"-"`
	// Hash is the hex SHA-256 of Text, used to notice edited articles.
	Hash string `json:"-"`

	Paragraphs []Paragraph `json:"-"`
	Sentences  []Sentence  `json:"-"`
	Furniture  []Furniture `json:"-"`
	Warnings   []string    `json:"warnings"`
}

// Body returns the sentences whose role is RoleBody.
func (a *Article) Body() []Sentence {
	out := make([]Sentence, 0, len(a.Sentences))
	for _, s := range a.Sentences {
		if s.Role == RoleBody {
			out = append(out, s)
		}
	}
	return out
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1 when off is in furniture, between sentences or out of range.
func (a *Article) SentenceAt(off int) int {
	lo, hi := 0, len(a.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < a.Sentences[m].Start:
			hi = m
		case off >= a.Sentences[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// DisplayOutlet returns the outlet name, or "unknown (ID)" for an article
// whose outlet is not known.
func (a *Article) DisplayOutlet() string {
	if a.Outlet == "" {
		// Each article of an unknown outlet stands alone: two of them
		// may come from different outlets, so they are not grouped.
		return "unknown (" + a.ID + ")"
	}
	return a.Outlet
}

// DisplayDate is the article's publication day as tables and columns
// show it: "2019-11-08", "~2019-11-08" when approximate, "undated" when
// the source gives none (the JSON keeps the full time, or null).
func (a *Article) DisplayDate() string {
	if a.Published == nil {
		return "undated"
	}
	d := a.Published.Format("2006-01-02")
	if a.PublishedApproximate {
		d = "~" + d
	}
	return d
}

// LoadError is a file that could not be loaded, or a record of a JSON or
// JSON Lines file that was skipped, and why.
type LoadError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
	// Skipped is true when the error is about one record of a file
	// whose other records loaded: the file is in the corpus, minus that
	// record. Message then starts with the record ("record 3: ", "line
	// 2: "). It is not in the JSON contract.
	Skipped bool `json:"-"`
}

// FilesIn counts the files a list of load errors is about: a JSON file
// with several bad records has an error for each.
func FilesIn(errs []LoadError) int {
	files := make(map[string]bool, len(errs))
	for _, e := range errs {
		files[e.Path] = true
	}
	return len(files)
}

// SplitLoadErrors divides load errors into those of files nothing could
// be loaded from (FilesIn counts those files: a JSON file whose every
// record is bad has an error for each) and the records skipped in files
// that otherwise loaded, keeping their order.
func SplitLoadErrors(errs []LoadError) (failed, skipped []LoadError) {
	for _, e := range errs {
		if e.Skipped {
			skipped = append(skipped, e)
		} else {
			failed = append(failed, e)
		}
	}
	return failed, skipped
}

func (e LoadError) Error() string { return Printable(e.Path) + ": " + Printable(e.Message) }

// Corpus is a set of loaded articles plus the files that failed to load.
type Corpus struct {
	// Name describes where the corpus came from ("embedded INF corpus",
	// a folder path, "3 files").
	Name     string      `json:"name"`
	Articles []*Article  `json:"articles"`
	Errors   []LoadError `json:"errors"`
}

// DropLayout lets go of every article's paragraphs and furniture, which
// only the reader and the commands that show or export an article read:
// a command that reads only the sentences keeps less of a large corpus.
// Sentence.Para then indexes nothing.
func (c *Corpus) DropLayout() {
	for _, a := range c.Articles {
		a.Paragraphs, a.Furniture = nil, nil
	}
}

// Article returns the article with the given id, or nil.
func (c *Corpus) Article(id string) *Article {
	for _, a := range c.Articles {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// Options tunes loading. The zero value is usable.
type Options struct {
	// MaxBytes is the size limit per file; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Outlets is the outlet table; nil means the shipped table plus the
	// user's file in ConfigDir (see LoadOutlets).
	Outlets *OutletTable
	// ConfigDir is the user's configuration directory (see the function
	// ConfigDir), whose outlet file extends the shipped table when Outlets
	// is nil; "" means the shipped table only.
	ConfigDir string
	// Progress, when set, is called after each file with the number of
	// files done and the total. It may be called from another goroutine
	// than the caller's but never concurrently.
	Progress func(done, total int)
}

// DefaultMaxBytes is the default per-file size limit (20 MB).
const DefaultMaxBytes = 20 << 20

// ByPublication orders articles by publication time, undated last, then
// by id: the order of first report, for sorting.
func ByPublication(a, b *Article) int {
	switch {
	case a.Published == nil && b.Published != nil:
		return 1
	case a.Published != nil && b.Published == nil:
		return -1
	case a.Published != nil && !a.Published.Equal(*b.Published):
		return a.Published.Compare(*b.Published)
	}
	return cmp.Compare(a.ID, b.ID)
}
