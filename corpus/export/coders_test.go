package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"
)

// twoCoders is the fixture with its notes split between two coders:
// anna made the even ones, ben the odd ones, and ben changed anna's
// first note last. The orphaned note stays without a coder.
func twoCoders(t *testing.T) Input {
	in := fixture(t)
	for i := range in.Notes {
		n := &in.Notes[i]
		switch {
		case n.Orphaned:
		case i%2 == 0:
			n.Coder, n.ModifiedBy = "anna", "anna"
		default:
			n.Coder, n.ModifiedBy = "ben", "ben"
		}
	}
	in.Notes[0].ModifiedBy = "ben"
	return in
}

// TestQDPXWritesCoders: every coder is a <User>, each selection, coding
// and memo names its note's coder's GUID, and the project still
// validates against the REFI-QDA schema.
func TestQDPXWritesCoders(t *testing.T) {
	in := twoCoders(t)
	qde := unzip(t, render(t, QDPX, in, Options{}))["project.qde"]
	var p struct {
		Users []struct {
			GUID string `xml:"guid,attr"`
			Name string `xml:"name,attr"`
		} `xml:"Users>User"`
		Sources []struct {
			Selections []struct {
				Name     string `xml:"name,attr"`
				Creating string `xml:"creatingUser,attr"`
				Modifier string `xml:"modifyingUser,attr"`
				Codings  []struct {
					Creating string `xml:"creatingUser,attr"`
				} `xml:"Coding"`
				NoteRefs []struct {
					Target string `xml:"targetGUID,attr"`
				} `xml:"NoteRef"`
			} `xml:"PlainTextSelection"`
		} `xml:"Sources>TextSource"`
		Notes []struct {
			GUID     string `xml:"guid,attr"`
			Creating string `xml:"creatingUser,attr"`
		} `xml:"Notes>Note"`
	}
	if err := xml.Unmarshal(qde, &p); err != nil {
		t.Fatal(err)
	}
	users := map[string]string{} // name → guid
	for _, u := range p.Users {
		users[u.Name] = u.GUID
	}
	if len(p.Users) != 3 || users["anna"] == "" || users["ben"] == "" || users["parallax"] == "" || users["anna"] == users["ben"] {
		t.Fatalf("users: %+v", p.Users)
	}
	memoBy := map[string]string{}
	for _, n := range p.Notes {
		memoBy[n.GUID] = n.Creating
	}
	byQuote := map[string]string{} // selection name → coder
	for _, n := range in.Notes {
		if !n.Orphaned {
			byQuote[snippetOf(n.Anchor.Quote, 60)] = n.Coder
		}
	}
	seen := 0
	for _, src := range p.Sources {
		for _, sel := range src.Selections {
			coder, ok := byQuote[sel.Name]
			if !ok {
				t.Fatalf("selection %q is no note's", sel.Name)
			}
			seen++
			want := users[coder]
			if sel.Creating != want {
				t.Errorf("selection %q: creatingUser %s, want %s's %s", sel.Name, sel.Creating, coder, want)
			}
			for _, c := range sel.Codings {
				if c.Creating != want {
					t.Errorf("a coding of %q: creatingUser %s, want %s's", sel.Name, c.Creating, coder)
				}
			}
			for _, r := range sel.NoteRefs {
				if memoBy[r.Target] != want {
					t.Errorf("the memo of %q: creatingUser %s, want %s's", sel.Name, memoBy[r.Target], coder)
				}
			}
			wantMod := want
			if sel.Name == snippetOf(in.Notes[0].Anchor.Quote, 60) {
				wantMod = users["ben"]
			}
			if sel.Modifier != wantMod {
				t.Errorf("selection %q: modifyingUser %s, want %s", sel.Name, sel.Modifier, wantMod)
			}
		}
	}
	if seen != len(in.Notes)-1 {
		t.Fatalf("%d selections, want %d", seen, len(in.Notes)-1)
	}
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	validate(t, xmllint, "Project.xsd", qde)
}

// TestJSONCarriesCoders: the Web Annotation export names each note's
// coder as its creator, and reading it back gives the coders again;
// notes without a coder have no creator.
func TestJSONCarriesCoders(t *testing.T) {
	in := twoCoders(t)
	in.Notes[1].Coder = "Ben / Team B" // a name an IRI must escape
	out := render(t, JSON, in, Options{})
	var doc struct {
		First struct {
			Items []map[string]any `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	creators := 0
	for _, it := range doc.First.Items {
		if c, ok := it["creator"].(map[string]any); ok {
			creators++
			if c["type"] != "Person" || !strings.HasPrefix(c["id"].(string), CoderURNPrefix) || strings.Contains(c["id"].(string), " ") {
				t.Errorf("creator %v", c)
			}
		}
	}
	if creators != len(in.Notes)-1 {
		t.Fatalf("%d creators, want %d (the orphaned note has none)", creators, len(in.Notes)-1)
	}
	_, imported, err := ReadAnnotations(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for i, im := range imported {
		got = append(got, im.Note.Coder)
		want = append(want, in.Notes[i].Coder)
	}
	// The export orders passages by article and position; compare as sets.
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("coders read back %q, want %q", got, want)
	}
}

// TestReadCreators reads the creator forms other tools write.
func TestReadCreators(t *testing.T) {
	for doc, want := range map[string]string{
		`{"type":"Annotation","creator":{"id":"urn:parallax:coder:Ben%20B","name":"Ben B"},"body":[{"type":"TextualBody","purpose":"tagging","value":"x"}],"target":{"source":"urn:parallax:article:a","selector":{"type":"TextQuoteSelector","exact":"q"}}}`: "Ben B",
		`{"type":"Annotation","creator":"urn:parallax:coder:ann%C3%A9","body":[{"type":"TextualBody","purpose":"tagging","value":"x"}],"target":{"source":"urn:parallax:article:a","selector":{"type":"TextQuoteSelector","exact":"q"}}}`:                     "anné",
		`{"type":"Annotation","creator":"https://example.org/users/7","body":[{"type":"TextualBody","purpose":"tagging","value":"x"}],"target":{"source":"urn:parallax:article:a","selector":{"type":"TextQuoteSelector","exact":"q"}}}`:                      "https://example.org/users/7",
		`{"type":"Annotation","creator":[{"nickname":"cat"},{"name":"dog"}],"body":[{"type":"TextualBody","purpose":"tagging","value":"x"}],"target":{"source":"urn:parallax:article:a","selector":{"type":"TextQuoteSelector","exact":"q"}}}`:                "cat",
		`{"rows":[{"user":"acct:dana@hypothes.is","uri":"urn:parallax:article:a","tags":["x"],"target":[{"selector":[{"type":"TextQuoteSelector","exact":"q"}]}]}]}`:                                                                                          "dana@hypothes.is",
		`{"type":"Annotation","body":[{"type":"TextualBody","purpose":"tagging","value":"x"}],"target":{"source":"urn:parallax:article:a","selector":{"type":"TextQuoteSelector","exact":"q"}}}`:                                                              "",
		`{"type":"Annotation","creator":{"name":"bad\u001bname"},"body":[{"type":"TextualBody","purpose":"tagging","value":"x"}],"target":{"source":"urn:parallax:article:a","selector":{"type":"TextQuoteSelector","exact":"q"}}}`:                           "problem",
	} {
		_, ims, err := ReadAnnotations(strings.NewReader(doc))
		if err != nil || len(ims) != 1 {
			t.Fatalf("%s: %v %v", doc, ims, err)
		}
		if want == "problem" {
			if ims[0].Problem == "" || !strings.Contains(ims[0].Problem, "creator") {
				t.Errorf("a creator name with an escape: problem %q", ims[0].Problem)
			}
			continue
		}
		if ims[0].Problem != "" || ims[0].Note.Coder != want {
			t.Errorf("%s: coder %q (problem %q), want %q", doc, ims[0].Note.Coder, ims[0].Problem, want)
		}
	}
}
