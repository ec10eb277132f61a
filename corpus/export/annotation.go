package export

import (
	"encoding/json"
	"io"
	"net/url"
	"time"

	"github.com/google/uuid"
)

// The Web Annotation vocabulary and parallax's extension of it.
const (
	// AnnoContext is the JSON-LD context of the W3C Web Annotation Data
	// Model; it comes first in the @context of every export.
	AnnoContext = "http://www.w3.org/ns/anno.jsonld"
	// Namespace is the IRI the "parallax:" prefix stands for in the
	// extension properties of the JSON export.
	Namespace = "https://github.com/parallax-reader/parallax/ns#"
	// ArticleURNPrefix starts the target source of a passage whose article
	// has no URL: "urn:parallax:article:<article id>".
	ArticleURNPrefix = "urn:parallax:article:"
	// CoderURNPrefix starts the id of an annotation's creator, the coder
	// who made the note: "urn:parallax:coder:<name>".
	CoderURNPrefix = "urn:parallax:coder:"
)

// annoCollection is the document the JSON export writes: an
// AnnotationCollection whose first (and only) page embeds every
// annotation, with the codebook as an extension property.
type annoCollection struct {
	Context   []any      `json:"@context"`
	ID        string     `json:"id"`
	Type      string     `json:"type"`
	Label     string     `json:"label"`
	Generator annoAgent  `json:"generator"`
	Generated string     `json:"generated"`
	Total     int        `json:"total"`
	Corpus    string     `json:"parallax:corpus,omitempty"`
	Codebook  []annoCode `json:"parallax:codebook"`
	First     annoPage   `json:"first"`
	Comment   string     `json:"parallax:offsets"`
}

type annoAgent struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Name string `json:"name"`
}

type annoCode struct {
	Name        string `json:"name"`
	Colour      string `json:"colour"`
	Description string `json:"description,omitempty"`
	Parent      string `json:"parent,omitempty"`
}

type annoPage struct {
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	StartIndex int          `json:"startIndex"`
	Items      []annotation `json:"items"`
}

type annotation struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Motivation string     `json:"motivation,omitempty"`
	Creator    *annoAgent `json:"creator,omitempty"`
	Created    string     `json:"created,omitempty"`
	Modified   string     `json:"modified,omitempty"`
	Body       []annoBody `json:"body,omitempty"`
	Target     annoTarget `json:"target"`
	Note       string     `json:"parallax:note,omitempty"`
	Outlet     string     `json:"parallax:outlet,omitempty"`
	Title      string     `json:"parallax:title,omitempty"`
	Orphaned   bool       `json:"parallax:orphaned,omitempty"`
}

type annoBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
}

type annoTarget struct {
	Source    string         `json:"source"`
	Selector  []annoSelector `json:"selector"`
	Article   string         `json:"parallax:article,omitempty"`
	Hash      string         `json:"parallax:hash,omitempty"`
	MadeOn    string         `json:"parallax:madeOn,omitempty"`
	ByteStart *int           `json:"parallax:byteStart,omitempty"`
	ByteEnd   *int           `json:"parallax:byteEnd,omitempty"`
}

// annoSelector is a TextQuoteSelector or a TextPositionSelector.
type annoSelector struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact,omitempty"`
	Prefix *string `json:"prefix,omitempty"`
	Suffix *string `json:"suffix,omitempty"`
	Start  *int    `json:"start,omitempty"`
	End    *int    `json:"end,omitempty"`
}

// guidSpace is the name space of the UUIDs this package derives from ids;
// derived ids make the same input give the same output.
func guidSpace() uuid.UUID {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/parallax-reader/parallax/export"))
}

// guid returns a stable UUID for a kind of object and its id.
func guid(kind, id string) string {
	return uuid.NewSHA1(guidSpace(), []byte(kind+"\x00"+id)).String()
}

// offsetsNote documents the offsets in the JSON export, inside the file.
const offsetsNote = "TextPositionSelector start/end count Unicode code points of the article text as parallax loaded it; parallax:byteStart/byteEnd are the same positions in bytes of its UTF-8 encoding."

// writeJSON writes the notes as a W3C Web Annotation collection.
func writeJSON(w io.Writer, in Input) error {
	ps := in.passages()
	doc := annoCollection{
		Context:   []any{AnnoContext, map[string]string{"parallax": Namespace}},
		ID:        "urn:uuid:" + guid("collection", in.corpusName()),
		Type:      "AnnotationCollection",
		Label:     in.title(),
		Generator: annoAgent{ID: "https://github.com/parallax-reader/parallax", Type: "Software", Name: "parallax"},
		Generated: in.generated().UTC().Format(time.RFC3339),
		Total:     len(ps),
		Corpus:    in.corpusName(),
		Codebook:  []annoCode{},
		Comment:   offsetsNote,
		First: annoPage{
			ID:    "urn:uuid:" + guid("page", in.corpusName()),
			Type:  "AnnotationPage",
			Items: []annotation{},
		},
	}
	for _, c := range in.codebook() {
		doc.Codebook = append(doc.Codebook, annoCode{Name: c.Name, Colour: c.Colour, Description: c.Description, Parent: c.Parent})
	}
	for _, p := range ps {
		doc.First.Items = append(doc.First.Items, toAnnotation(p))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// toAnnotation turns a passage into a Web Annotation.
func toAnnotation(p passage) annotation {
	n := p.Note
	a := annotation{
		ID:       "urn:uuid:" + guid("note", n.ID),
		Type:     "Annotation",
		Note:     n.ID,
		Outlet:   p.Outlet,
		Title:    p.Title,
		Orphaned: n.Orphaned || p.Article != nil && !p.Placed,
	}
	if n.Coder != "" {
		a.Creator = &annoAgent{ID: CoderURNPrefix + url.PathEscape(n.Coder), Type: "Person", Name: n.Coder}
	}
	if !n.Created.IsZero() {
		a.Created = n.Created.UTC().Format(time.RFC3339Nano)
	}
	if !n.Modified.IsZero() {
		a.Modified = n.Modified.UTC().Format(time.RFC3339Nano)
	}
	for _, t := range n.Tags {
		a.Body = append(a.Body, annoBody{Type: "TextualBody", Purpose: "tagging", Value: t})
	}
	if n.Memo != "" {
		a.Body = append(a.Body, annoBody{Type: "TextualBody", Purpose: "commenting", Value: n.Memo, Format: "text/plain"})
	}
	switch {
	case len(n.Tags) > 0:
		a.Motivation = "tagging"
	case n.Memo != "":
		a.Motivation = "commenting"
	}
	exact, prefix, suffix := p.Quote, n.Anchor.Prefix, n.Anchor.Suffix
	a.Target = annoTarget{
		Source:   sourceIRI(p),
		Selector: []annoSelector{{Type: "TextQuoteSelector", Exact: &exact, Prefix: &prefix, Suffix: &suffix}},
		Article:  n.Anchor.Article,
		Hash:     n.Anchor.Hash,
		MadeOn:   n.Anchor.MadeOn,
	}
	bs, be := n.Anchor.Start, n.Anchor.End
	a.Target.ByteStart, a.Target.ByteEnd = &bs, &be
	if p.Placed {
		cs, ce := p.CharStart, p.CharEnd
		a.Target.Selector = append(a.Target.Selector, annoSelector{Type: "TextPositionSelector", Start: &cs, End: &ce})
	}
	return a
}

// sourceIRI names the annotated document: the article's web address when
// it has one, else an URN made from its id.
func sourceIRI(p passage) string {
	if u, err := url.Parse(p.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return p.URL
	}
	return ArticleURNPrefix + url.PathEscape(p.Note.Anchor.Article)
}
