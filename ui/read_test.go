package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

func TestCursorMovesBySentence(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	if got := m.read.focusedArticle(); got != 0 {
		t.Fatalf("focused article = %d, want 0", got)
	}
	m = send(m, keys("j j")...)
	if got := m.read.cursor[0]; got != 2 {
		t.Fatalf("after j j cursor = %d, want 2", got)
	}
	m = send(m, keys("k")...)
	if got := m.read.cursor[0]; got != 1 {
		t.Fatalf("after k cursor = %d, want 1", got)
	}
	m = send(m, keys("G")...)
	if got, want := m.read.cursor[0], len(c.Articles[0].Sentences)-1; got != want {
		t.Fatalf("after G cursor = %d, want %d", got, want)
	}
	m = send(m, keys("g")...)
	if got := m.read.cursor[0]; got != 0 {
		t.Fatalf("after g cursor = %d, want 0", got)
	}
	// Keys read together from the terminal arrive as one message.
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	if got := m.read.cursor[0]; got != 3 {
		t.Fatalf("after \"jjj\" cursor = %d, want 3", got)
	}
	m = send(m, keys("g")...)
	m = send(m, keyMsg("down"), keyMsg("down"), keyMsg("up"))
	if got := m.read.cursor[0]; got != 1 {
		t.Fatalf("after arrows cursor = %d, want 1", got)
	}
	// So they do in the article chooser, which lists and does not type.
	m = send(m, keys("a")...)
	from := m.read.picker.cursor
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj")})
	if got := m.read.picker.cursor; got != from+2 {
		t.Errorf("after \"jj\" in the chooser, cursor %d, want %d", got, from+2)
	}
}

func TestColumnsFocusAndPaging(t *testing.T) {
	c, a := testCorpus()
	// 80 cells: two columns of at least 30.
	m := newTestModel(t, c, a, 80, 24)
	if n := len(m.read.visible()); n != 2 {
		t.Fatalf("visible columns at 80 = %d, want 2", n)
	}
	m = send(m, keys("l")...)
	if got := m.read.focusedArticle(); got != 1 {
		t.Fatalf("after l focus = %d, want 1", got)
	}
	m = send(m, keys("l")...)
	if got := m.read.focusedArticle(); got != 2 {
		t.Fatalf("after l l focus = %d, want 2", got)
	}
	vis := m.read.visible()
	if vis[len(vis)-1] != 2 {
		t.Fatalf("focused third column not on screen: visible %v", vis)
	}
	if !strings.Contains(m.View(), "Gamma Times") {
		t.Fatal("third outlet's header not shown after paging to it")
	}
	m = send(m, keys("l")...) // no wrap with l
	if got := m.read.focusedArticle(); got != 2 {
		t.Fatalf("l at the last column moved focus to %d", got)
	}
	m = send(m, keyMsg("tab")) // tab wraps
	if got := m.read.focusedArticle(); got != 0 {
		t.Fatalf("tab at the last column = %d, want 0", got)
	}
	m = send(m, keyMsg("shift+tab"))
	if got := m.read.focusedArticle(); got != 2 {
		t.Fatalf("shift+tab from first = %d, want 2", got)
	}
	m = send(m, keys("h")...)
	if got := m.read.focusedArticle(); got != 1 {
		t.Fatalf("h = %d, want 1", got)
	}
	m = send(m, keys("H")...)
	if got := m.read.visible(); got[0] != 0 {
		t.Fatalf("H did not page back to the first column: %v", got)
	}
}

// rowOf returns the screen row of sentence s in article a's column.
func rowOf(m Model, a, s int) int {
	l := m.read.layout(a, m.read.widthOf(a))
	return l.first[s] - m.read.offset[a]
}

func TestMovingInStep(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	// Sentence 1 of a1 is fact f1; its counterparts: a2 s2, a3 s2.
	m = send(m, keys("j")...)
	if m.read.linkFact != 0 {
		t.Fatalf("linkFact = %d, want 0", m.read.linkFact)
	}
	want := rowOf(m, 0, 1)
	for _, cp := range []struct{ a, s int }{{1, 2}, {2, 2}} {
		if got := m.read.cursor[cp.a]; got != cp.s {
			t.Errorf("article %d counterpart cursor = %d, want %d", cp.a, got, cp.s)
		}
		if got := rowOf(m, cp.a, cp.s); got != want {
			t.Errorf("article %d counterpart row = %d, want %d (level with the cursor)", cp.a, got, want)
		}
	}
	// The counterparts are marked in the view, on the cursor's row.
	lines := strings.Split(m.View(), "\n")
	row := lines[chromeTop+headerHeight+want]
	if strings.Count(row, markCounterpart) != 2 {
		t.Errorf("row %q: want two marked counterparts (2 %s)", row, markCounterpart)
	}
	if !strings.Contains(row, "▌") {
		t.Errorf("row %q: cursor mark missing", row)
	}
	// Moving to the other fact realigns: a1 s3 pairs with a2 s1; a3 has
	// no counterpart and says so.
	m = send(m, keys("]")...)
	if got := m.read.cursor[0]; got != 3 {
		t.Fatalf("] went to %d, want 3", got)
	}
	if got, want := rowOf(m, 1, 1), rowOf(m, 0, 3); got != want {
		t.Errorf("fact 2 counterpart row = %d, want %d", got, want)
	}
	if v := m.View(); !strings.Contains(v, "fact 2: not here") {
		t.Errorf("column without the fact should say so:\n%s", v)
	}
	// [ goes back.
	m = send(m, keys("[")...)
	if got := m.read.cursor[0]; got != 1 {
		t.Fatalf("[ went to %d, want 1", got)
	}
}

func TestOutletOnlyJump(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("o")...)
	// a1: s0 title, s1 fact, s2 outlet-only.
	if got := m.read.cursor[0]; got != 2 {
		t.Fatalf("o went to %d, want 2", got)
	}
	m = send(m, keys("o")...)
	if got := m.read.cursor[0]; got != 4 {
		t.Fatalf("second o went to %d, want 4", got)
	}
	m = send(m, keys("O")...)
	if got := m.read.cursor[0]; got != 2 {
		t.Fatalf("O went to %d, want 2", got)
	}
}

func TestFurnitureToggle(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	if strings.Contains(m.View(), "Subscribe") {
		t.Fatal("furniture shown by default")
	}
	m = send(m, keys("f")...)
	if !strings.Contains(m.View(), "Subscribe") {
		t.Fatal("f did not show furniture")
	}
}

func TestPickerHidesAndPins(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	m = send(m, keys("a")...)
	if !m.read.picking || !strings.Contains(m.View(), "Choose articles") {
		t.Fatal("a did not open the picker")
	}
	// Hide the first article, pin the third, close.
	m = send(m, keyMsg("space"), keyMsg("j"), keyMsg("j"), keyMsg("p"), keyMsg("enter"))
	if m.read.picking {
		t.Fatal("enter did not close the picker")
	}
	if len(m.read.order) != 2 || m.read.order[0] != 2 {
		t.Fatalf("order = %v, want the pinned article 2 first and article 0 hidden", m.read.order)
	}
	v := m.View()
	if strings.Contains(v, "Alpha News") || !strings.Contains(v, "◆ref") {
		t.Fatalf("view after picking:\n%s", v)
	}
}

func TestMouseWheelAndClick(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 12)
	// Click on the second column's first body line.
	x := m.read.colWidths(3)[0] + 2
	m = send(m, tea.MouseMsg{X: x, Y: chromeTop + headerHeight, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.read.focusedArticle() != 1 {
		t.Fatalf("click did not focus column 2: %d", m.read.focusedArticle())
	}
	before := m.read.offset[1]
	m = send(m, tea.MouseMsg{X: x, Y: chromeTop + headerHeight + 1, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.read.offset[1] <= before {
		t.Fatalf("wheel did not scroll the column under the pointer: %d -> %d", before, m.read.offset[1])
	}
}

// TestKeysMarkdown checks the README key table lists the bindings,
// tagging ones included; with -v it prints the table.
// TestMovingInStepOnEmbeddedCorpus visits every shared fact of the real
// corpus and checks that each visible column carrying it shows its
// counterpart level with the cursor, outlined.
func TestMovingInStepOnEmbeddedCorpus(t *testing.T) {
	c := corpus.Default()
	a, err := runPipeline(context.Background(), c, pipelineOptions(Options{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Facts) == 0 {
		t.Skip("no shared facts in this build of the analysis")
	}
	m := newTestModel(t, c, a, 250, 60)
	if n := len(m.read.visible()); n != len(c.Articles) {
		t.Fatalf("want all %d columns on screen at 250, got %d", len(c.Articles), n)
	}
	checked := 0
	for fi := range m.ctx.Data.Facts {
		m.read.GotoFact(fi)
		fa := m.read.focusedArticle()
		if m.read.linkFact < 0 {
			t.Fatalf("fact %d: cursor not on a fact", fi+1)
		}
		want := rowOf(m, fa, m.read.cursor[fa])
		for _, oi := range m.read.visible() {
			b := m.read.order[oi]
			if b == fa || !m.read.articleHasFact(b, m.read.linkFact) {
				continue
			}
			got := rowOf(m, b, m.read.cursor[b])
			if got != want {
				t.Errorf("fact %d: %s counterpart at row %d, cursor at row %d", m.read.linkFact+1, c.Articles[b].Outlet, got, want)
			}
			if !containsInt(m.ctx.Data.info(b, m.read.cursor[b]).facts, m.read.linkFact) {
				t.Errorf("fact %d: %s cursor is not on a member", m.read.linkFact+1, c.Articles[b].Outlet)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no counterpart was checked")
	}
}

// TestFocusChangeKeepsPlace checks that moving the focus to another
// column and back leaves each column's cursor where the reader left it:
// columns align when the cursor moves, not when the focus does.
func TestFocusChangeKeepsPlace(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 120, 30)
	if m.read.focusedArticle() != 0 {
		t.Fatalf("first column is article %d", m.read.focusedArticle())
	}
	m.read.moveCursor(3) // fact 2 in Alpha: Beta aligns to its member
	if m.read.cursor[1] != 1 {
		t.Fatalf("Beta's cursor = %d, want 1 (aligned to fact 2)", m.read.cursor[1])
	}
	m.read.moveCursor(4) // no fact: nothing moves
	m = send(m, keys("l")...)
	if m.read.focusedArticle() != 1 || m.read.cursor[0] != 4 {
		t.Fatalf("after l: focus %d, Alpha's cursor %d; want focus 1, cursor 4", m.read.focusedArticle(), m.read.cursor[0])
	}
	if m.read.linkFact != 1 {
		t.Errorf("linked fact = %d, want 1 (the fact under Beta's cursor)", m.read.linkFact)
	}
	m = send(m, keys("h")...)
	if m.read.cursor[0] != 4 || m.read.cursor[1] != 1 {
		t.Errorf("after h: cursors %d and %d, want 4 and 1", m.read.cursor[0], m.read.cursor[1])
	}
}

// TestResizeKeepsTopSentence checks that shrinking and growing the window
// keeps a column on the sentence it showed at its top, with no blank rows
// under its last line.
func TestResizeKeepsTopSentence(t *testing.T) {
	c := corpus.Default()
	m := newTestModel(t, c, &Findings{}, 80, 24)
	m = send(m, keys("G")...)
	a := m.read.focusedArticle()
	resize := func(w, h int) {
		nm, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		m = *nm.(*Model)
	}
	resize(40, 12)
	resize(80, 24)
	l := m.read.layout(a, m.read.widthOf(a))
	if off, most := m.read.offset[a], len(l.lines)-m.read.bodyHeight(); off > most {
		t.Errorf("offset %d leaves blank rows under the last line (at most %d)", off, most)
	}
	if n := len(c.Articles[a].Sentences); m.read.cursor[a] != n-1 {
		t.Errorf("cursor %d, want the last sentence %d", m.read.cursor[a], n-1)
	}
	// Scrolled to the middle: the sentence at the top stays at the top.
	m = send(m, keys("g")...)
	m.read.moveCursor(8)
	l = m.read.layout(a, m.read.widthOf(a))
	top := l.lines[m.read.offset[a]].sent
	resize(120, 30)
	resize(80, 24)
	l = m.read.layout(a, m.read.widthOf(a))
	if got := l.lines[m.read.offset[a]].sent; got != top {
		t.Errorf("top sentence %d after resizing, want %d", got, top)
	}
}

// TestTallSentences checks reading sentences taller than the view at
// 40x12: j and k page through them line by line, ctrl+d moves on, and G
// shows the article's last line.
func TestTallSentences(t *testing.T) {
	c := corpus.Default()
	m := newTestModel(t, c, &Findings{}, 40, 12)
	a := m.read.focusedArticle()
	l := func() *layout { return m.read.layout(a, m.read.widthOf(a)) }
	h := m.read.bodyHeight()
	// G: the last line of the article is on screen.
	m = send(m, keys("G")...)
	if off := m.read.offset[a]; off+h < len(l().lines) {
		t.Errorf("after G the view ends at line %d of %d", off+h, len(l().lines))
	}
	// Find a sentence taller than the view and read it with j.
	tall := -1
	for s := range l().first {
		if l().first[s] >= 0 && l().last[s]-l().first[s]+1 > h {
			tall = s
			break
		}
	}
	if tall < 0 {
		t.Skip("no sentence taller than the view at this size")
	}
	m = send(m, keys("g")...)
	m.read.moveCursor(tall)
	seenEnd := false
	for range 60 {
		if m.read.cursor[a] != tall {
			break
		}
		if m.read.offset[a]+h-1 >= l().last[tall] {
			seenEnd = true
		}
		m = send(m, keys("j")...)
	}
	if !seenEnd {
		t.Errorf("j left sentence %d before its last line was shown", tall)
	}
	if m.read.cursor[a] != tall+1 && m.read.cursor[a] <= tall {
		t.Errorf("j never moved past the tall sentence: cursor %d", m.read.cursor[a])
	}
	// k into a tall sentence above the view shows its end first.
	if tall+1 < len(l().first) && l().first[tall+1] >= 0 {
		m.read.moveCursor(tall + 1)
		m.read.offset[a] = l().first[tall+1]
		m = send(m, keys("k")...)
		if m.read.cursor[a] != tall || m.read.offset[a]+h-1 < l().last[tall] {
			t.Errorf("k into the tall sentence: cursor %d, view %d-%d, its end at %d", m.read.cursor[a], m.read.offset[a], m.read.offset[a]+h-1, l().last[tall])
		}
	}
	// ctrl+d always makes progress, through the tall sentence too.
	m = send(m, keys("g")...)
	m.read.moveCursor(tall)
	prev := m.read.offset[a]
	for range 5 {
		m = send(m, keyMsg("ctrl+d"))
		if m.read.offset[a] <= prev && m.read.cursor[a] < len(c.Articles[a].Sentences)-1 {
			t.Fatalf("ctrl+d did not move: offset %d, cursor %d", m.read.offset[a], m.read.cursor[a])
		}
		prev = m.read.offset[a]
	}
}

// TestPagingAlwaysProgresses checks, in every column of the embedded
// corpus at 80x24 and 40x12, with furniture hidden and shown, that each
// ctrl+d moves the view or the cursor until the last sentence, each ctrl+u
// back until the first, and that g and G show the first and last lines.
func TestPagingAlwaysProgresses(t *testing.T) {
	c := corpus.Default()
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for _, furniture := range []bool{false, true} {
			m := newTestModel(t, c, &Findings{}, size[0], size[1])
			if furniture {
				m = send(m, keys("f")...)
			}
			for col := range c.Articles {
				m.read.setFocus(col)
				a := m.read.focusedArticle()
				l := func() *layout { return m.read.layout(a, m.read.widthOf(a)) }
				// The last sentence drawn as one (furniture shows as plain lines).
				n := len(l().first)
				for n > 1 && l().first[n-1] < 0 {
					n--
				}
				name := fmt.Sprintf("%dx%d furniture %v %s", size[0], size[1], furniture, c.Articles[a].Outlet)
				m = send(m, keys("g")...)
				if m.read.offset[a] != 0 {
					t.Errorf("%s: g leaves offset %d", name, m.read.offset[a])
				}
				for i := 0; m.read.cursor[a] < n-1 || m.read.offset[a]+m.read.bodyHeight() < len(l().lines); i++ {
					if i > 200 {
						t.Fatalf("%s: ctrl+d never reached the end (cursor %d/%d, offset %d)", name, m.read.cursor[a], n, m.read.offset[a])
					}
					co, oo := m.read.cursor[a], m.read.offset[a]
					m = send(m, keyMsg("ctrl+d"))
					if m.read.cursor[a] == co && m.read.offset[a] == oo {
						t.Fatalf("%s: ctrl+d stuck at cursor %d, offset %d", name, co, oo)
					}
				}
				for i := 0; m.read.cursor[a] > 0; i++ {
					if i > 200 {
						t.Fatalf("%s: ctrl+u never reached the top", name)
					}
					co, oo := m.read.cursor[a], m.read.offset[a]
					m = send(m, keyMsg("ctrl+u"))
					if m.read.cursor[a] == co && m.read.offset[a] == oo {
						t.Fatalf("%s: ctrl+u stuck at cursor %d, offset %d", name, co, oo)
					}
				}
				m = send(m, keys("G")...)
				if off := m.read.offset[a]; off+m.read.bodyHeight() < len(l().lines) {
					t.Errorf("%s: G shows up to line %d of %d", name, off+m.read.bodyHeight(), len(l().lines))
				}
			}
		}
	}
}

// TestPrevOutletOnlySaysEarlier: O with no outlet-only passage above the
// cursor said "no further outlet-only passage", as o does at the end; it
// says "no earlier", as [ does for shared facts.
func TestPrevOutletOnlySaysEarlier(t *testing.T) {
	c, a := analysedCorpus(t, false)
	m := newTestModel(t, c, a, 100, 30)
	m = send(m, keys("1 g O")...)
	if !strings.Contains(m.msg, "no earlier outlet-only passage") {
		t.Errorf("O at the top of a column: %q", m.msg)
	}
}
