package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"gotest.tools/v3/golden"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/frame"
)

// Golden views at two sizes with a colourless profile. Regenerate with
//
//	go test ./ui/ -run TestGolden -update
func TestGoldenViews(t *testing.T) {
	flows := []struct{ name, keys string }{
		{"read", ""},
		{"read-step", "j"},
		{"why", "j w"},
		{"facts", "2"},
		{"outlets", "3"},
		{"problems", "5"},
		{"help", "?"},
		{"picker", "a"},
	}
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		for _, f := range flows {
			name := fmt.Sprintf("%s-%dx%d", f.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				c, a := testCorpus()
				m := newTestModel(t, c, a, sz[0], sz[1])
				m = send(m, keys(f.keys)...)
				if f.name == "outlets" {
					m = waitRendered(t, m)
				}
				golden.Assert(t, m.View(), name+".golden")
			})
		}
	}
}

// waitRendered runs the outlets view's render Cmd to completion.
func waitRendered(t *testing.T, m Model) Model {
	t.Helper()
	for k := range m.outlets.pending {
		delete(m.outlets.pending, k) // a render dropped by send's timeout
	}
	cmd := m.outlets.load()
	if cmd == nil {
		return m
	}
	nm, _ := m.Update(cmd())
	return *nm.(*Model)
}

// TestAnySizeRendersWithoutPanic renders every view at sizes from 20x5 to
// 250x80 and resizes between them; every frame has exactly the terminal's
// lines and width.
func TestAnySizeRendersWithoutPanic(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 80, 24)
	m = send(m, keys("j j")...)
	check := func(w, h int, what string) {
		t.Helper()
		lines := strings.Split(m.View(), "\n")
		if len(lines) != h {
			t.Fatalf("%dx%d %s: %d lines", w, h, what, len(lines))
		}
		for i, l := range lines {
			if lw := ansi.StringWidth(l); lw != w {
				t.Fatalf("%dx%d %s: line %d is %d wide: %q", w, h, what, i, lw, l)
			}
		}
	}
	steps := []string{"1", "l j ] w", "esc 2 j enter", "esc 3", "5", "?", "? 1 a", "esc"}
	for w := 20; w <= 250; w += 23 {
		for h := 5; h <= 80; h += 11 {
			m = sendNoCmd(m, tea.WindowSizeMsg{Width: w, Height: h})
			for _, s := range steps {
				m = sendNoCmd(m, keys(s)...)
				check(w, h, "after "+s)
			}
		}
	}
	// The too-small message is readable at the smallest size.
	m = send(m, tea.WindowSizeMsg{Width: 20, Height: 5})
	if v := m.View(); !strings.Contains(v, "Terminal too") {
		t.Fatalf("too-small message missing:\n%s", v)
	}
}

// sendNoCmd feeds messages and drops the Cmds they return.
func sendNoCmd(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		nm, _ := m.Update(msg)
		m = *nm.(*Model)
	}
	return m
}

// hostileCorpus has CJK, right-to-left, combining characters, emoji and
// escape sequences in outlet names, titles and text.
func hostileCorpus() (*corpus.Corpus, *Findings) {
	a1 := makeArticle("cjk", "新华社 Xinhua", "俄罗斯外长拉夫罗夫说美国将在欧洲部署导弹", "2024-01-02",
		para{corpus.RoleBody, []string{
			"俄罗斯外长拉夫罗夫周一表示，美国正在为在欧洲和亚洲部署中程导弹铺平道路。",
			"Ｆｕｌｌｗｉｄｔｈ letters and emoji 🇷🇺🚀 mixed with text.",
		}},
	)
	a2 := makeArticle("rtl", "العربية", "لافروف: الولايات المتحدة تمهد الطريق لنشر صواريخ", "2024-01-02",
		para{corpus.RoleBody, []string{
			"قال وزير الخارجية الروسي سيرغي لافروف يوم الاثنين إن الولايات المتحدة تمهد الطريق.",
			"Mixed \u202eRTL override\u202c and isolate \u2067text\u2069 here.",
		}},
	)
	a3 := makeArticle("esc", "\u0301Evil \x1b[31mRed\x1b[0m Outlet", "\u302eTitle with \x1b]0;pwned\x07 OSC and \x07 bell", "",
		para{corpus.RoleBody, []string{
			"\u0301 starts with a combining mark.",
			"Combining: Ame\u0301lie cafe\u0301 nai\u0308ve Z\u0336a\u0336l\u0336g\u0336o\u0336 text.",
			"Escapes \x1b[2J\x1b[H clear screen, CR\rreturn, tab\there, backspace\b, C1 \u009b31m.",
			"Invalid bytes \xff\xfe in the middle.",
		}},
	)
	c := &corpus.Corpus{Name: "hostile \x1b[5m corpus", Articles: []*corpus.Article{a1, a2, a3},
		Errors: []corpus.LoadError{{Path: "bad\x1b[2Jname.txt", Message: "broken \x07 file"}}}
	a3.Warnings = []string{"warning with \x1b]52;c;Zm9v\x07 clipboard write"}
	evil := "\x1b[31mred\x1b[0m\x07\u202e"
	m := func(a *corpus.Article, s int) compare.Member {
		st := a.Sentences[s]
		return compare.Member{Article: a.ID, Outlet: a.Outlet, Sentence: s, Start: st.Start, End: st.End, Text: st.Text,
			Evidence: compare.Evidence{Terms: []string{evil}, Names: []string{"\x1b[H"}, Quote: evil}}
	}
	an := &Findings{HasFacts: true, HasFraming: true,
		Facts: []compare.Fact{{ID: "h1", Label: "label " + evil, Outlets: []string{a1.Outlet, a2.Outlet, a3.Outlet},
			Members:       []compare.Member{m(a1, 0), m(a2, 0), m(a3, 1)},
			Discrepancies: []compare.Discrepancy{{What: "what " + evil, Values: []compare.Value{{Article: "cjk", Outlet: a1.Outlet, Value: evil}}}}}},
		Markers: []frame.Marker{{Article: "esc", Sentence: 1, Start: a3.Sentences[1].Start, End: a3.Sentences[1].Start + 5,
			Text: evil, Kind: frame.KindLoaded, Reason: "reason " + evil, Speaker: evil, Stance: evil, Source: evil}},
		Profiles: []OutletProfile{{Outlet: a3.Outlet, Markdown: "# Title " + evil + "\n\nbody \x1b]0;x\x07 text\n", Articles: 1}},
		Warnings: []string{"analysis " + evil},
	}
	return c, an
}

func TestHostileTextKeepsColumnsAligned(t *testing.T) {
	c, a := hostileCorpus()
	for _, w := range []int{40, 63, 80, 97, 120, 160, 211} {
		m := newTestModel(t, c, a, w, 30)
		for _, k := range []string{"", "j", "l j", "f", "w", "esc a", "esc 5", "2", "enter", "esc 3", "1 l l j w"} {
			m = send(m, keys(k)...)
			if k == "esc 3" {
				m = waitRendered(t, m)
			}
			v := m.View()
			if strings.ContainsAny(v, "\x1b\x07\r\b\u009b\u202e\u2067") {
				t.Fatalf("width %d after %q: raw control bytes reached the screen: %q", w, k, v)
			}
			for i, l := range strings.Split(v, "\n") {
				if lw := ansi.StringWidth(l); lw != w {
					t.Fatalf("width %d after %q: line %d is %d wide: %q", w, k, i, lw, l)
				}
			}
		}
		// The why panel on the sentence with the fact and the marker.
		m = send(m, keys("esc 1")...)
		m.read.JumpTo(2, 1)
		m = send(m, keys("w")...)
		top := m.View()
		m = send(m, keys("G")...)
		bottom := m.View()
		if !strings.Contains(top, "Fact 1") || !strings.Contains(bottom, "loaded") {
			t.Fatalf("width %d: why panel does not show the hostile fact and marker:\n%s\n%s", w, top, bottom)
		}
		for _, v := range []string{top, bottom} {
			if strings.ContainsAny(v, "\x1b\x07\r\b\u009b\u202e\u2067") {
				t.Fatalf("width %d: raw control bytes in the why panel: %q", w, v)
			}
		}
		m = send(m, keys("esc")...)
		// Every column body line is exactly its column width.
		r := m.read
		vis := r.visible()
		ws := r.colWidths(len(vis))
		for i, oi := range vis {
			for j, l := range r.columnView(oi, ws[i]) {
				if lw := ansi.StringWidth(l); lw != ws[i] {
					t.Fatalf("width %d column %d line %d is %d wide, want %d: %q", w, i, j, lw, ws[i], l)
				}
			}
		}
	}
}

func TestSafeTextKeepsOffsets(t *testing.T) {
	for _, s := range []string{"plain", "a\x1b[31mb", "x\u202ey", "c1\u009bz", "bad\xffbyte", "tab\tnl\n", "ok ZWJ 👩\u200d💻", "soft\u00adhyphen"} {
		got := safeText(s)
		if len(got) != len(s) {
			t.Errorf("safeText(%q) changed length %d -> %d", s, len(s), len(got))
		}
		if strings.ContainsAny(got, "\x1b\t\n\u202e\u009b\u00ad") {
			t.Errorf("safeText(%q) = %q still has controls", s, got)
		}
	}
	// A ZWJ between letters shapes Persian and stays; one between emoji
	// is drawn as a zero width space (TestEmojiSequencesMeasureAlike).
	if got := safeText("نیم\u200dفاصله"); got != "نیم\u200dفاصله" {
		t.Errorf("safeText dropped a ZWJ: %q", got)
	}
}

func TestWrapSpans(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"中文字符测试", 5, []string{"中文", "字符", "测试"}},
		{"a  b", 1, []string{"a", "b"}},
		{"", 5, []string{""}},
	}
	for _, c := range cases {
		var got []string
		for _, sp := range wrapSpans(c.text, c.width) {
			got = append(got, c.text[sp.start:sp.end])
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("wrapSpans(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > c.width && c.width > 1 {
				t.Errorf("line %q wider than %d", l, c.width)
			}
		}
	}
}
