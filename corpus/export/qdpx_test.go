package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// TestQDPXEscapesMemosAndDescriptions checks that the QDA-XML of a .qdpx
// reads back every memo and code description exactly, markup characters,
// quotes and line breaks included.
func TestQDPXEscapesMemosAndDescriptions(t *testing.T) {
	in := fixture(t)
	in.Notes[0].Memo = `<Note guid="x">&amp; "quoted" 'single' </PlainTextContent>` + "\nline two ]]> end"
	in.Codebook[0].Description = `a <b>bold</b> & "quoted" description`
	qde := unzip(t, render(t, QDPX, in, Options{}))["project.qde"]
	var texts []string
	dec := xml.NewDecoder(bytes.NewReader(qde))
	var inText bool
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "PlainTextContent" || e.Name.Local == "Description"
		case xml.CharData:
			if inText {
				texts = append(texts, string(e))
			}
		case xml.EndElement:
			inText = false
		}
	}
	all := strings.Join(texts, "\x00")
	for _, want := range []string{in.Notes[0].Memo, in.Codebook[0].Description} {
		if !strings.Contains(all, want) {
			t.Errorf("the QDA-XML does not read back %q", want)
		}
	}
}
