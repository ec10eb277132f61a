package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// ProjectNamespace is the XML namespace of a REFI-QDA project (.qde).
const ProjectNamespace = "urn:QDA-XML:project:1.0"

// The REFI-QDA project document (project.qde). Element order follows the
// sequences of the QDA-XML 1.0 Project.xsd.
type qdeProject struct {
	XMLName           xml.Name     `xml:"urn:QDA-XML:project:1.0 Project"`
	Name              string       `xml:"name,attr"`
	Origin            string       `xml:"origin,attr"`
	CreatingUserGUID  string       `xml:"creatingUserGUID,attr"`
	CreationDateTime  string       `xml:"creationDateTime,attr"`
	ModifyingUserGUID string       `xml:"modifyingUserGUID,attr"`
	ModifiedDateTime  string       `xml:"modifiedDateTime,attr"`
	Users             []qdeUser    `xml:"Users>User"`
	CodeBook          *qdeCodeBook `xml:"CodeBook"`
	Sources           *qdeSources  `xml:"Sources"`
	Notes             *qdeNotes    `xml:"Notes"`
	Description       string       `xml:"Description,omitempty"`
	NoteRefs          []qdeRef     `xml:"NoteRef"`
}

// The optional lists of a project: each is left out when empty, since the
// schema wants at least one entry in each.
type (
	qdeCodeBook struct {
		Codes []qdeCode `xml:"Codes>Code"`
	}
	qdeSources struct {
		TextSources []qdeSource `xml:"TextSource"`
	}
	qdeNotes struct {
		Notes []qdeNote `xml:"Note"`
	}
)

type qdeUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
}

type qdeCode struct {
	GUID        string    `xml:"guid,attr"`
	Name        string    `xml:"name,attr"`
	IsCodable   bool      `xml:"isCodable,attr"`
	Color       string    `xml:"color,attr,omitempty"`
	Description string    `xml:"Description,omitempty"`
	Codes       []qdeCode `xml:"Code"`
}

type qdeSource struct {
	GUID             string         `xml:"guid,attr"`
	Name             string         `xml:"name,attr"`
	PlainTextPath    string         `xml:"plainTextPath,attr"`
	CreatingUser     string         `xml:"creatingUser,attr"`
	CreationDateTime string         `xml:"creationDateTime,attr,omitempty"`
	Description      string         `xml:"Description,omitempty"`
	Selections       []qdeSelection `xml:"PlainTextSelection"`
}

type qdeSelection struct {
	GUID             string      `xml:"guid,attr"`
	Name             string      `xml:"name,attr"`
	StartPosition    int         `xml:"startPosition,attr"`
	EndPosition      int         `xml:"endPosition,attr"`
	CreatingUser     string      `xml:"creatingUser,attr"`
	CreationDateTime string      `xml:"creationDateTime,attr,omitempty"`
	ModifyingUser    string      `xml:"modifyingUser,attr"`
	ModifiedDateTime string      `xml:"modifiedDateTime,attr,omitempty"`
	Codings          []qdeCoding `xml:"Coding"`
	NoteRefs         []qdeRef    `xml:"NoteRef"`
}

type qdeCoding struct {
	GUID             string `xml:"guid,attr"`
	CreatingUser     string `xml:"creatingUser,attr"`
	CreationDateTime string `xml:"creationDateTime,attr,omitempty"`
	CodeRef          qdeRef `xml:"CodeRef"`
}

type qdeRef struct {
	TargetGUID string `xml:"targetGUID,attr"`
}

type qdeNote struct {
	GUID             string `xml:"guid,attr"`
	Name             string `xml:"name,attr"`
	CreatingUser     string `xml:"creatingUser,attr"`
	CreationDateTime string `xml:"creationDateTime,attr,omitempty"`
	PlainTextContent string `xml:"PlainTextContent"`
}

// codeGUID returns the GUID of a code: the one the notes package gives it,
// so a code keeps its GUID across every .qdc and .qdpx export.
func codeGUID(name string) string { return notes.CodeGUID(name) }

// sourceEntry is one text source file of the project.
type sourceEntry struct {
	path string // inside the zip: sources/<guid>.txt
	text string
}

// userGUID is the GUID of a coder's <User>; notes without a coder, and
// the project itself, are the "parallax" user's.
func userGUID(coder string) string {
	if coder == "" {
		return guid("user", "parallax")
	}
	return guid("coder", coder)
}

// projectUsers lists the project's users: "parallax", who made the
// project (and the notes that record no coder), then each coder of the
// passages by name.
func projectUsers(ps []passage) []qdeUser {
	users := []qdeUser{{GUID: userGUID(""), Name: "parallax"}}
	seen := map[string]bool{"": true}
	var coders []string
	for _, p := range ps {
		for _, c := range []string{p.Note.Coder, p.Note.ModifiedBy} {
			if !seen[c] {
				seen[c] = true
				coders = append(coders, c)
			}
		}
	}
	slices.Sort(coders)
	for _, c := range coders {
		users = append(users, qdeUser{GUID: userGUID(c), Name: c})
	}
	return users
}

// buildProject builds project.qde and the source files it refers to.
// Each coder is a <User>; a selection, its codings and its memo are its
// note's coder's (creatingUser), and the selection was last changed by
// whoever changed the note last (modifyingUser).
func buildProject(in Input) (qdeProject, []sourceEntry) {
	gen := in.generated().UTC()
	user := userGUID("")
	ps := in.passages()
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	p := qdeProject{
		XMLName:           xml.Name{Space: ProjectNamespace, Local: "Project"},
		Name:              in.title(),
		Origin:            "parallax",
		CreatingUserGUID:  user,
		CreationDateTime:  stamp(gen),
		ModifyingUserGUID: user,
		ModifiedDateTime:  stamp(gen),
		Users:             projectUsers(ps),
	}
	if codes := codeTree(in.codebook()); len(codes) > 0 {
		p.CodeBook = &qdeCodeBook{Codes: codes}
	}
	var sources []qdeSource
	var memos []qdeNote
	if name := in.corpusName(); name != "" {
		p.Description = "Exported by parallax from " + name + "."
	}

	byArticle := map[string][]passage{}
	for _, x := range ps {
		if x.Placed {
			byArticle[x.Article.ID] = append(byArticle[x.Article.ID], x)
		}
	}
	var files []sourceEntry
	addMemo := func(n notes.Note, name, text string) string {
		g := guid("memo", n.ID)
		memos = append(memos, qdeNote{GUID: g, Name: name, CreatingUser: userGUID(n.Coder), CreationDateTime: stamp(n.Created), PlainTextContent: text})
		return g
	}
	if in.Corpus != nil {
		for _, a := range in.Corpus.Articles {
			g := guid("article", a.ID)
			src := qdeSource{
				GUID:          g,
				Name:          sourceName(a.DisplayOutlet(), a.Title, a.ID),
				PlainTextPath: "internal://" + g + ".txt",
				CreatingUser:  user,
				Description:   sourceDescription(a.DisplayOutlet(), a.Published, a.URL, a.ID),
			}
			if a.Published != nil {
				src.CreationDateTime = stamp(*a.Published)
			}
			for _, x := range byArticle[a.ID] {
				n := x.Note
				coder, modifier := userGUID(n.Coder), userGUID(n.ModifiedBy)
				if n.ModifiedBy == "" {
					modifier = coder
				}
				sel := qdeSelection{
					GUID:             guid("selection", n.ID),
					Name:             snippetOf(x.Quote, 60),
					StartPosition:    x.CharStart,
					EndPosition:      x.CharEnd,
					CreatingUser:     coder,
					CreationDateTime: stamp(n.Created),
					ModifyingUser:    modifier,
					ModifiedDateTime: stamp(n.Modified),
				}
				for _, t := range n.Tags {
					sel.Codings = append(sel.Codings, qdeCoding{
						GUID:             guid("coding", n.ID+"\x00"+t),
						CreatingUser:     coder,
						CreationDateTime: stamp(n.Created),
						CodeRef:          qdeRef{TargetGUID: codeGUID(t)},
					})
				}
				if n.Memo != "" {
					sel.NoteRefs = append(sel.NoteRefs, qdeRef{TargetGUID: addMemo(n, "Memo: "+snippetOf(x.Quote, 40), n.Memo)})
				}
				src.Selections = append(src.Selections, sel)
			}
			sources = append(sources, src)
			files = append(files, sourceEntry{path: "sources/" + g + ".txt", text: a.Text})
		}
	}
	// Passages that cannot be placed in a source are kept as project
	// notes with their quote, tags and memo: nothing is dropped.
	for _, x := range ps {
		if x.Placed {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "Passage no longer found in article %s (%s, %s):\n“%s”\n", x.Note.Anchor.Article, x.Outlet, orDefault(x.Title, "untitled"), x.Quote)
		if len(x.Note.Tags) > 0 {
			fmt.Fprintf(&b, "Tags: %s\n", strings.Join(x.Note.Tags, ", "))
		}
		if x.Note.Memo != "" {
			fmt.Fprintf(&b, "Memo: %s\n", x.Note.Memo)
		}
		if x.Note.Coder != "" {
			fmt.Fprintf(&b, "Coder: %s\n", x.Note.Coder)
		}
		g := addMemo(x.Note, "Orphaned passage: "+snippetOf(x.Quote, 40), strings.TrimSpace(b.String()))
		p.NoteRefs = append(p.NoteRefs, qdeRef{TargetGUID: g})
	}
	if len(sources) > 0 {
		p.Sources = &qdeSources{TextSources: sources}
	}
	if len(memos) > 0 {
		p.Notes = &qdeNotes{Notes: memos}
	}
	return p, files
}

// codeTree nests the codebook as REFI-QDA codes: a code whose parent is in
// the codebook goes under it, named without the "parent/" prefix.
func codeTree(codes []notes.Code) []qdeCode {
	known := map[string]bool{}
	for _, c := range codes {
		known[c.Name] = true
	}
	children := map[string][]notes.Code{}
	var roots []notes.Code
	for _, c := range codes {
		if c.Parent != "" && c.Parent != c.Name && known[c.Parent] {
			children[c.Parent] = append(children[c.Parent], c)
		} else {
			roots = append(roots, c)
		}
	}
	visited := map[string]bool{}
	var build func(c notes.Code) qdeCode
	build = func(c notes.Code) qdeCode {
		visited[c.Name] = true
		name := c.Name
		if c.Parent != "" && strings.HasPrefix(name, c.Parent+"/") {
			name = name[len(c.Parent)+1:]
		}
		q := qdeCode{GUID: codeGUID(c.Name), Name: name, IsCodable: true, Color: c.Colour, Description: strings.TrimSpace(c.Description)}
		for _, ch := range children[c.Name] {
			if !visited[ch.Name] {
				q.Codes = append(q.Codes, build(ch))
			}
		}
		return q
	}
	var out []qdeCode
	for _, c := range roots {
		out = append(out, build(c))
	}
	for _, c := range codes { // codes caught in a parent loop
		if !visited[c.Name] {
			out = append(out, build(c))
		}
	}
	return out
}

// writeProjectXML writes project.qde.
func writeProjectXML(w io.Writer, p qdeProject) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(p); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// writeQDPX writes a REFI-QDA project: a zip holding project.qde and one
// UTF-8 text file per article under sources/. Selections count positions
// in Unicode code points of those files.
func writeQDPX(w io.Writer, in Input) error {
	p, files := buildProject(in)
	var qde bytes.Buffer
	if err := writeProjectXML(&qde, p); err != nil {
		return fmt.Errorf("project.qde: %w", err)
	}
	zw := zip.NewWriter(w)
	mod := in.generated().UTC()
	add := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add("project.qde", qde.Bytes()); err != nil {
		return err
	}
	for _, f := range files {
		if err := add(f.path, []byte(f.text)); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeQDC writes the codebook alone as a REFI-QDA codebook (.qdc). The
// notes package owns that format (it also reads it back); its code GUIDs
// are the ones the .qdpx project uses.
func writeQDC(w io.Writer, in Input) error {
	return notes.ExportCodebookQDC(w, in.codebook())
}

// sourceName names a text source "Outlet — Title".
func sourceName(outlet, title, id string) string {
	if strings.TrimSpace(title) == "" {
		title = id
	}
	return outlet + " — " + title
}

// sourceDescription describes where an article came from.
func sourceDescription(outlet string, published *time.Time, url, id string) string {
	parts := []string{outlet}
	if published != nil {
		parts = append(parts, published.Format("2006-01-02"))
	}
	if url != "" {
		parts = append(parts, url)
	}
	parts = append(parts, "parallax article "+id)
	return strings.Join(parts, " · ")
}

// snippetOf shortens s to at most n characters on one line.
func snippetOf(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
