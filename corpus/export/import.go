package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// ImportedNote is one annotation read back by ReadAnnotations.
type ImportedNote struct {
	// Note holds what the annotation says: ID (from parallax:note, else
	// the annotation id), Anchor.Article (from parallax:article or an
	// article URN; "" when the source is only a web address), the byte
	// offsets when the file carries them, the quote, prefix and suffix,
	// the outlet and title (parallax:outlet, parallax:title), the tags,
	// the memo, the times and the coder (the creator's name).
	Note notes.Note
	// Source is the target's source IRI.
	Source string
	// CharStart and CharEnd are the TextPositionSelector offsets in code
	// points, -1 when the annotation has none.
	CharStart, CharEnd int
	// HasBytes reports whether Note.Anchor.Start/End came from the file.
	HasBytes bool
	// Problem says why the annotation cannot be imported ("" when it can).
	Problem string
}

// ReadAnnotations reads Web Annotation JSON: an AnnotationCollection (as
// the JSON export writes, with its pages embedded), an AnnotationPage, a
// single Annotation or an array of annotations. Bodies whose purpose is
// tagging become tags, other textual bodies the memo. Rows of the
// Hypothesis API ({"rows": [...]}, with "tags", "text" and "uri") are read
// too. It returns the
// codebook the file carries (parallax:codebook) and one ImportedNote per
// annotation; an annotation that cannot be used has Problem set.
func ReadAnnotations(r io.Reader) ([]notes.Code, []ImportedNote, error) {
	var doc any
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("read annotations: %s", corpus.JSONProblem(err, nil))
	}
	var codes []notes.Code
	var items []any
	switch v := doc.(type) {
	case []any:
		items = v
	case map[string]any:
		codes = readCodebook(v["parallax:codebook"])
		switch {
		case v["rows"] != nil && v["type"] == nil:
			items, _ = v["rows"].([]any)
		case hasType(v, "AnnotationCollection"):
			first, ok := v["first"].(map[string]any)
			if !ok {
				if _, isLink := v["first"].(string); isLink {
					return nil, nil, errors.New("read annotations: the collection links to its pages instead of embedding them; download the pages and import those")
				}
				if n, _ := jsonInt(v["total"]); n == 0 {
					return codes, nil, nil
				}
				return nil, nil, errors.New("read annotations: the collection has no embedded first page")
			}
			for page := first; page != nil; {
				its, _ := page["items"].([]any)
				items = append(items, its...)
				next, _ := page["next"].(map[string]any)
				page = next
			}
		case hasType(v, "AnnotationPage"):
			items, _ = v["items"].([]any)
		case hasType(v, "Annotation"):
			items = []any{v}
		default:
			return nil, nil, errors.New("read annotations: the JSON is neither an Annotation, an AnnotationPage nor an AnnotationCollection (no \"type\")")
		}
	default:
		return nil, nil, errors.New("read annotations: expected a JSON object or array")
	}
	out := make([]ImportedNote, 0, len(items))
	for i, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			out = append(out, ImportedNote{CharStart: -1, CharEnd: -1, Problem: fmt.Sprintf("item %d is not an object", i+1)})
			continue
		}
		out = append(out, readAnnotation(m))
	}
	return codes, out, nil
}

// readCodebook reads the parallax:codebook extension.
func readCodebook(v any) []notes.Code {
	list, _ := v.([]any)
	var out []notes.Code
	for _, it := range list {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		c := notes.Code{Name: str(m["name"]), Colour: str(m["colour"]), Description: str(m["description"]), Parent: str(m["parent"])}
		if c.Colour == "" {
			c.Colour = str(m["color"])
		}
		if strings.TrimSpace(c.Name) != "" {
			out = append(out, c)
		}
	}
	return out
}

// readAnnotation reads one annotation object.
func readAnnotation(m map[string]any) ImportedNote {
	in := ImportedNote{CharStart: -1, CharEnd: -1}
	n := &in.Note
	n.ID = str(m["parallax:note"])
	if n.ID == "" {
		n.ID = str(m["id"])
	}
	n.Created = parseTime(m["created"])
	n.Modified = parseTime(m["modified"])
	if n.Modified.IsZero() {
		n.Modified = n.Created
	}
	n.Orphaned, _ = m["parallax:orphaned"].(bool)
	n.Coder = creatorName(m)
	if n.Coder != "" {
		if err := notes.ValidateCoder(n.Coder); err != nil {
			in.Problem = "its creator cannot be a coder: " + err.Error()
			return in
		}
	}
	motivation := strings.ToLower(firstString(m["motivation"]))

	var memos []string
	addBody := func(value, purpose string) {
		value = strings.TrimSpace(value)
		if value == "" {
			return
		}
		if purpose == "" {
			purpose = motivation
		}
		if purpose == "tagging" {
			n.Tags = append(n.Tags, value)
		} else {
			memos = append(memos, value)
		}
	}
	if bv := str(m["bodyValue"]); bv != "" {
		addBody(bv, "")
	}
	for _, b := range asList(m["body"]) {
		bm, ok := b.(map[string]any)
		if !ok {
			continue // a body given only by IRI carries no text
		}
		if t := firstString(bm["type"]); t != "" && t != "TextualBody" {
			continue
		}
		addBody(str(bm["value"]), strings.ToLower(firstString(bm["purpose"])))
	}
	// Hypothesis API rows carry tags and the comment outside the W3C body.
	for _, t := range asList(m["tags"]) {
		if ts, ok := t.(string); ok {
			n.Tags = append(n.Tags, strings.TrimSpace(ts))
		}
	}
	if text := strings.TrimSpace(str(m["text"])); text != "" {
		memos = append(memos, text)
	}
	n.Tags = cleanTags(n.Tags)
	n.Memo = strings.Join(memos, "\n\n")

	targets := asList(m["target"])
	if len(targets) == 0 {
		in.Problem = "the annotation has no target"
		return in
	}
	var tm map[string]any
	for _, t := range targets {
		if x, ok := t.(map[string]any); ok {
			tm = x
			break
		}
	}
	if tm == nil {
		in.Source = firstString(targets[0])
		in.Problem = "the target names a document but no passage in it (no selector)"
		return in
	}
	in.Source = firstString(tm["source"])
	if in.Source == "" {
		in.Source = str(m["uri"]) // Hypothesis
	}
	n.Anchor.Article = str(tm["parallax:article"])
	if n.Anchor.Article == "" && strings.HasPrefix(in.Source, ArticleURNPrefix) {
		if id, err := url.PathUnescape(strings.TrimPrefix(in.Source, ArticleURNPrefix)); err == nil {
			n.Anchor.Article = id
		}
	}
	n.Anchor.Hash = str(tm["parallax:hash"])
	if h := str(tm["parallax:madeOn"]); isTextHash(h) {
		n.Anchor.MadeOn = h // else unknown: the note is made on the text it is placed on
	}
	// Where the passage is from, for a note whose article is not loaded;
	// "unknown (id)" is how an export names an article without an outlet.
	n.Anchor.Outlet = strings.TrimSpace(str(m["parallax:outlet"]))
	if o := n.Anchor.Outlet; o == "unknown outlet" || o == "unknown ("+n.Anchor.Article+")" {
		n.Anchor.Outlet = ""
	}
	n.Anchor.Title = strings.TrimSpace(str(m["parallax:title"]))
	bs, okS := jsonInt(tm["parallax:byteStart"])
	be, okE := jsonInt(tm["parallax:byteEnd"])
	if okS && okE {
		n.Anchor.Start, n.Anchor.End, in.HasBytes = bs, be, true
	}
	hasQuote := false
	for _, s := range asList(tm["selector"]) {
		sm, ok := s.(map[string]any)
		if !ok {
			continue
		}
		switch firstString(sm["type"]) {
		case "TextQuoteSelector":
			n.Anchor.Quote, n.Anchor.Prefix, n.Anchor.Suffix = str(sm["exact"]), str(sm["prefix"]), str(sm["suffix"])
			hasQuote = n.Anchor.Quote != ""
		case "TextPositionSelector":
			cs, ok1 := jsonInt(sm["start"])
			ce, ok2 := jsonInt(sm["end"])
			if ok1 && ok2 && cs >= 0 && ce >= cs {
				in.CharStart, in.CharEnd = cs, ce
			}
		}
	}
	switch {
	case !hasQuote && in.CharStart < 0 && !in.HasBytes:
		in.Problem = "the target has neither a TextQuoteSelector nor a TextPositionSelector"
	case len(n.Tags) == 0 && n.Memo == "":
		in.Problem = "the annotation has no tag and no comment"
	}
	return in
}

// creatorName is the name of the coder who made an annotation: the W3C
// creator's name (an object, or the first of a list), else the name in a
// parallax coder IRI, else the creator IRI itself; for Hypothesis rows
// the user, without "acct:". "" when the annotation does not say.
func creatorName(m map[string]any) string {
	var c any
	if list := asList(m["creator"]); len(list) > 0 {
		c = list[0]
	}
	switch x := c.(type) {
	case map[string]any:
		if name := strings.TrimSpace(firstString(x["name"])); name != "" {
			return name
		}
		if name := strings.TrimSpace(firstString(x["nickname"])); name != "" {
			return name
		}
		return coderFromIRI(str(x["id"]))
	case string:
		return coderFromIRI(x)
	}
	if u := strings.TrimSpace(str(m["user"])); u != "" && m["type"] == nil {
		return strings.TrimPrefix(u, "acct:") // a Hypothesis row
	}
	return ""
}

// coderFromIRI is the coder a creator IRI names: the name in a parallax
// coder URN, else the IRI as it is.
func coderFromIRI(iri string) string {
	iri = strings.TrimSpace(iri)
	if rest, ok := strings.CutPrefix(iri, CoderURNPrefix); ok {
		if name, err := url.PathUnescape(rest); err == nil {
			return name
		}
	}
	return iri
}

// Place finds the passage of an imported note in the corpus and returns
// its anchor, with the quote, prefix and suffix taken from the article
// text. The offsets the file gives are tried first: the byte offsets (when
// they still hold the quote), then the code-point offsets; after them the
// quote is looked for as the notes store re-anchors a note (notes.Locate:
// by its context and position, allowing for small edits). ok is false when
// the article is not in the corpus or the passage is not found; the anchor
// then holds what the file said. The anchor is made on the text the file
// says (parallax:madeOn), else on the one it is placed on.
func Place(c *corpus.Corpus, in ImportedNote) (anchor notes.Anchor, ok bool) {
	anchor, ok = place(c, in)
	if ok && in.Note.Anchor.MadeOn != "" {
		anchor.MadeOn = in.Note.Anchor.MadeOn // the text the file says it was made on
	}
	return anchor, ok
}

// place is Place without the text the note was made on.
func place(c *corpus.Corpus, in ImportedNote) (anchor notes.Anchor, ok bool) {
	an := in.Note.Anchor
	a := findArticle(c, in)
	if a == nil {
		return an, false
	}
	text, quote := a.Text, an.Quote
	fits := func(s, e int) bool {
		return s >= 0 && s < e && e <= len(text) && utf8.ValidString(text[s:e]) && (quote == "" || text[s:e] == quote)
	}
	if in.HasBytes && fits(an.Start, an.End) {
		return anchorAt(a, an.Start, an.End), true
	}
	near := an // where the passage was, as far as the file says
	if !in.HasBytes {
		near.Start, near.End = 0, 0
	}
	if in.CharStart >= 0 {
		if s, e, ok := charsToBytes(text, in.CharStart, in.CharEnd); ok {
			if fits(s, e) {
				return anchorAt(a, s, e), true
			}
			if !in.HasBytes {
				near.Start, near.End = s, e
			}
		}
	}
	if quote == "" {
		return an, false
	}
	s, e, ok := notes.Locate(text, near)
	if !ok {
		return an, false
	}
	return anchorAt(a, s, e), true
}

// InCorpus reports whether the article an imported note refers to (by id,
// source URL or article URN) is in c, whether or not its passage is.
func (in ImportedNote) InCorpus(c *corpus.Corpus) bool { return findArticle(c, in) != nil }

// findArticle returns the article an imported note refers to, by id, by
// source URL or by article URN.
func findArticle(c *corpus.Corpus, in ImportedNote) *corpus.Article {
	if c == nil {
		return nil
	}
	if a := c.Article(in.Note.Anchor.Article); a != nil && in.Note.Anchor.Article != "" {
		return a
	}
	if in.Source == "" {
		return nil
	}
	for _, a := range c.Articles {
		if a.URL != "" && strings.TrimRight(a.URL, "/") == strings.TrimRight(in.Source, "/") {
			return a
		}
	}
	return nil
}

// anchorAt builds the anchor of text[s:e] of article a, the way the notes
// store anchors a passage.
func anchorAt(a *corpus.Article, s, e int) notes.Anchor { return notes.NewAnchor(a, s, e) }

// isTextHash reports whether s is a hex SHA-256, as notes.TextHash gives.
func isTextHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}

// charsToBytes converts code-point offsets into byte offsets of text.
func charsToBytes(text string, cs, ce int) (int, int, bool) {
	s, e := -1, -1
	n := 0
	for i := range text {
		if n == cs {
			s = i
		}
		if n == ce {
			e = i
			break
		}
		n++
	}
	if n == cs && s < 0 {
		s = len(text)
	}
	if n == ce && e < 0 {
		e = len(text)
	}
	return s, e, s >= 0 && e >= s
}

// hasType reports whether a JSON-LD object's type (a string or a list)
// includes t.
func hasType(m map[string]any, t string) bool {
	for _, v := range asList(m["type"]) {
		if s, _ := v.(string); s == t {
			return true
		}
	}
	for _, v := range asList(m["@type"]) {
		if s, _ := v.(string); s == t {
			return true
		}
	}
	return false
}

// asList returns v as a list: a JSON array as is, anything else as a
// one-element list, nil as nil.
func asList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// firstString returns a string value, or the first string of a list, or
// the "id" of an object.
func firstString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s := firstString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return str(x["id"])
	}
	return ""
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func jsonInt(v any) (int, bool) {
	switch x := v.(type) {
	case json.Number:
		i, err := x.Int64()
		return int(i), err == nil
	case float64:
		return int(x), x == float64(int(x))
	}
	return 0, false
}

func parseTime(v any) time.Time {
	s := str(v)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
