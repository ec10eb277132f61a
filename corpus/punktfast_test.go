package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/segment"
	"gopkg.in/neurosnap/sentences.v1"
)

// punktTricky are texts that exercise the segmenter's word tests:
// abbreviations, initials, numbers, ellipses, quotes and brackets after
// punctuation, "Yahoo!", white space of every kind, characters of
// several bytes at the end, bytes that are not UTF-8.
var punktTricky = []string{
	"Sgt. Pepper met Gov. Smith at No. 10 on Mt. Hood. The U.S. left on Aug. 2. Then J. R. R. Tolkien spoke.",
	"He said... Then he left. . . And came back.. Really.... Yes. ...",
	"It rose 3.5%. Then -.5 and -,5 and ..5 fell. On 1,000. Or 2.000,5. Then 10-11. And -12. End 5.",
	"Yahoo! said so. Go! Stop!) Why?\" “Really?” he asked. ‘Yes.’ (Fine.) [Done.] Next.[1] Also.(2) What?[3]",
	"At 4 p.m. ET the U.N. met. The U.S. Army came. E.J. Woo spoke. Roe v. Wade. The 9th U.S. Circuit Court ruled.",
	"Café. Über alles. ÉCOLE. éclair. Ñ. ñ. 中文。日本語. Ends in é", "Ends in a multibyte quote.”", "x.”",
	"tabs\tand\u00a0nbsp.\u0085NEL then\u2028LS. Next\u3000ideographic space. Then\r\nCRLF. And\n\nparagraph. End",
	"bad \xff byte. Next \xe2\x80 cut. Last\xff", ".", "..", "a", " ", "", "A.", "a. b. c.", "Mr.", "U.S.",
	"1. First. 2. Second. iii. Third.", "See p. 5 and pp. 6-7. Fig. 3 shows it. Vol. 2. ca. 1900.",
	"“Quote.” Next. 'Single.' Next. \"Double.\" next. (Paren.) next.", "Dr. No. Mr. Yes. Mrs. Maybe. Ms. Who.",
	"The end!\" He said? 'No!' She said.) It went.] Then.", "a.b.c. Next. a.b. Next. _.x. Next. 9.x. Next.",
	"WASHINGTON (Reuters) - The U.S. Senate voted 51-49. Sen. Smith, R-Texas, voted no. Rep. Jones didn't.",
	"Prices: $3.50. €4,5. 10.000. 1.2.3. Next. v1.2. Next. 3.14159... Next.",
}

// punktTexts are the texts the two segmenters are compared on: the
// tricky ones, the embedded articles and every file under the
// repository's testdata, each whole and line by line.
func punktTexts(t *testing.T) []string {
	t.Helper()
	texts := append([]string(nil), punktTricky...)
	for _, a := range Default().Articles {
		texts = append(texts, a.Text)
	}
	root := filepath.Join("..", "testdata")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts = append(texts, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n := len(texts)
	for _, s := range texts[:n] {
		texts = append(texts, strings.Split(s, "\n")...)
	}
	return texts
}

// The segmenter splits as prose's own does, on every text.
func TestPunktSegmenterSplitsAsProseEverywhere(t *testing.T) {
	ours, err := newSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	texts := punktTexts(t)
	sentences := 0
	for _, text := range texts {
		a, b := ours.Segment(text), theirs.Segment(text)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("segments of %.200q differ:\nours    %v\nprose's %v", text, a, b)
		}
		sentences += len(b)
	}
	if sentences < 10000 {
		t.Errorf("only %d sentences in %d texts: the test proves little", sentences, len(texts))
	}
}

func FuzzPunktSegmenter(f *testing.F) {
	for _, s := range punktTricky {
		f.Add(s)
	}
	ours, err := newSegmenter()
	if err != nil {
		f.Fatal(err)
	}
	theirs, err := segment.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if a, b := ours.Segment(text), theirs.Segment(text); !reflect.DeepEqual(a, b) {
			t.Errorf("segments of %q differ:\nours    %v\nprose's %v", text, a, b)
		}
	})
}

func TestNumberAtEnd(t *testing.T) {
	for in, want := range map[string]string{
		"abc": "abc", "5": "##number##", "a5": "a##number##", "a-5": "a##number##", "a-.5": "a##number##",
		"a..5": "a.##number##", "a.,5": "a.##number##", "--5": "-##number##", "1,000.": "##number##", "x-": "x-",
		"v1.2": "v##number##", "é5.": "é##number##", "-.": "-.", "3-": "##number##", "a,-5": "a,##number##",
	} {
		if got := numberAtEnd(in); got != want {
			t.Errorf("numberAtEnd(%q) = %q, want %q", in, got, want)
		}
		tok := sentences.NewToken(in)
		if got, want := (&punktWords{}).Type(tok), sentences.NewWordTokenizer(sentences.NewPunctStrings()).Type(tok); got != want {
			t.Errorf("Type(%q) = %q, the sentences package's %q", in, got, want)
		}
	}
}

// proseHasSentEndChars is prose's wordTokenizer.HasSentEndChars as it
// is written.
func proseHasSentEndChars(tok string) bool {
	for _, ender := range []string{`."`, `.)`, `.’`, `.”`, `?`, `?"`, `?'`, `?)`, `?’`, `?”`, `!`, `!"`, `!'`, `!)`, `!’`, `!”`} {
		if strings.HasSuffix(tok, ender) && !strings.Contains(tok, "Yahoo!") {
			return true
		}
	}
	for _, paren := range []string{`.[`, `.(`, `."`, `?[`, `?(`, `![`, `!(`} {
		if strings.Contains(tok, paren) {
			return true
		}
	}
	return false
}

func TestHasSentEndCharsIsProses(t *testing.T) {
	marks := []string{"", ".", "?", "!", `"`, "'", ")", "(", "[", "]", "’", "”", "‘", "“", "a", "Yahoo!", "é", "\xe2\x80"}
	w := &punktWords{}
	n := 0
	for _, a := range marks {
		for _, b := range marks {
			for _, c := range marks {
				for _, tok := range []string{a + b + c, "word" + a + b + c, a + b + c + "word", a + "x" + b + c} {
					n++
					if got, want := w.HasSentEndChars(sentences.NewToken(tok)), proseHasSentEndChars(tok); got != want {
						t.Errorf("HasSentEndChars(%q) = %v, prose's %v", tok, got, want)
					}
				}
			}
		}
	}
	for _, text := range punktTricky {
		for _, tok := range strings.Fields(text) {
			if got, want := w.HasSentEndChars(sentences.NewToken(tok)), proseHasSentEndChars(tok); got != want {
				t.Errorf("HasSentEndChars(%q) = %v, prose's %v", tok, got, want)
			}
		}
	}
}
