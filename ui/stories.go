package ui

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// The Stories view: the corpus's threads and their stories, one row each,
// with dates, articles, which outlets covered them (and which did not:
// the blind spot) and who reported first. enter opens one in the read
// view (scope.go).

// storyRowKind says what a row of the Stories view is.
type storyRowKind int

const (
	rowAll    storyRowKind = iota // everything (shown when there are several threads)
	rowThread                     // a thread's header
	rowStory                      // a story
)

// storyRow is one row of the Stories view.
type storyRow struct {
	kind   storyRowKind
	thread int    // index into Result.Threads
	story  string // story id (rowStory)
	num    int    // story number, from 1, in thread order (rowStory)
}

// storiesModel is the Stories view.
type storiesModel struct {
	ctx           *Context
	width, height int

	rows        []storyRow
	cursor, top int
	colOff      int // first outlet of the coverage shown

	outlets []string          // every outlet of the corpus, by name
	byCover []string          // the same, most stories covered first
	initial map[string]string // outlet -> two-cell initials, unique
	nStory  int
	// stored is set while the view shows a library's stored stories,
	// before the analysis is done (storedstories.go).
	stored bool
}

func newStoriesModel(ctx *Context) *storiesModel {
	s := &storiesModel{ctx: ctx}
	s.refresh()
	return s
}

// result is the comparison of the whole corpus, or nil.
func (s storiesModel) result() *compare.Result {
	if s.ctx.All == nil {
		return nil
	}
	return s.ctx.All.Findings.Comparison
}

// refresh lists the rows again (after the stories were regrouped),
// keeping the cursor on the same story or thread where it still is.
func (s *storiesModel) refresh() {
	var keep storyRow
	if s.cursor >= 0 && s.cursor < len(s.rows) {
		keep = s.rows[s.cursor]
	}
	res := s.result()
	s.rows, s.nStory = s.rows[:0], 0
	if res == nil {
		return
	}
	all := s.ctx.All
	s.outlets = append([]string(nil), all.Outlets...)
	sort.SliceStable(s.outlets, func(i, j int) bool { return foldCase(s.outlets[i]) < foldCase(s.outlets[j]) })
	s.initial = initials(s.outlets, tableShorts(all.Corpus))
	// When the coverage cannot show every outlet, the outlets that
	// covered the most stories come first: ECB+'s first page by name
	// (abc.net.au, abclocal.go.com…, a story each) was a page of dots.
	stories := map[string]int{}
	for _, st := range res.Stories {
		for _, o := range st.Outlets {
			stories[o]++
		}
	}
	s.byCover = slices.Clone(s.outlets)
	slices.SortStableFunc(s.byCover, func(a, b string) int { return stories[b] - stories[a] })
	if len(res.Threads) > 1 {
		s.rows = append(s.rows, storyRow{kind: rowAll})
	}
	for ti, th := range res.Threads {
		s.rows = append(s.rows, storyRow{kind: rowThread, thread: ti})
		for _, id := range th.Stories {
			s.nStory++
			s.rows = append(s.rows, storyRow{kind: rowStory, thread: ti, story: id, num: s.nStory})
		}
	}
	// The same story or thread; else (its id changed with its articles)
	// the same place in the list.
	for i, r := range s.rows {
		if r.kind == keep.kind && r.story == keep.story && (r.kind != rowThread || r.thread == keep.thread) {
			s.cursor = i
			break
		}
	}
	s.scroll()
}

// byReport returns article ids in order of publication (undated last).
func byReport(d *Data, ids []string) []string {
	out := slices.Clone(ids)
	slices.SortStableFunc(out, func(a, b string) int {
		ai, aok := d.artIndex[a]
		bi, bok := d.artIndex[b]
		if !aok || !bok {
			return 0
		}
		return corpus.ByPublication(d.article(ai), d.article(bi))
	})
	return out
}

// initials gives each outlet two cells of initials, unique: its short
// name in the outlet table when that is two cells (AA for Anadolu Agency,
// as the facts view heads its column), else the last two digits of a
// number that ends its name ("Outlet 23" 23), else the first letters of
// its first two words ("Northwind Press" NP), else its first two letters
// as written ("TASS" TA, "Tasnim" Ta), else its first letter and a later
// one ("Tribune" Tr, Ti, Tb…), a letter and a digit, a wide first letter
// alone ("新华社" 新), and at last any two
// letters or digits: "??" only past 1,296 outlets.
func initials(outlets []string, table map[string]string) map[string]string {
	out := map[string]string{}
	used := map[string]bool{}
	// The outlet table's short names first, so that another outlet's
	// initials cannot take one ("Al Arabiya" AA).
	for _, o := range outlets {
		if t := table[o]; ansi.StringWidth(t) == 2 && !used[t] {
			used[t], out[o] = true, t
		}
	}
	var pairs []string // every two letters or digits, made when needed
	for _, o := range outlets {
		if out[o] != "" {
			continue
		}
		var cands []string
		words := strings.Fields(oneLine(o))
		if n := len(words); n >= 2 {
			if d := []rune(words[n-1]); len(d) >= 2 && allDigits(d) {
				cands = append(cands, string(d[len(d)-2:]))
			}
		}
		var letters []rune
		for _, w := range words {
			for _, r := range w {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					letters = append(letters, unicode.ToUpper(r))
					break
				}
			}
		}
		if len(letters) >= 2 {
			cands = append(cands, string(letters[:2]))
		}
		var all []rune
		for _, r := range oneLine(o) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				all = append(all, r)
			}
		}
		if len(all) >= 2 {
			// As written: "TASS" TA, "Tasnim" Ta.
			cands = append(cands, string(unicode.ToUpper(all[0]))+string(all[1]))
		}
		head := "?"
		if len(all) > 0 {
			head = string(unicode.ToUpper(all[0]))
			for _, r := range all[1:] {
				cands = append(cands, head+string(unicode.ToLower(r)))
			}
		}
		for d := 2; d <= 9; d++ {
			cands = append(cands, head+strconv.Itoa(d))
		}
		// A wide first letter is two cells by itself ("新华社" 新).
		if len(all) > 0 && ansi.StringWidth(string(all[0])) == 2 {
			cands = append(cands, string(all[0]))
		}
		if ok := pickInitials(cands, used, out, o); !ok {
			if pairs == nil {
				const pool = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
				for _, a := range pool {
					for _, b := range pool {
						pairs = append(pairs, string(a)+string(b))
					}
				}
			}
			if !pickInitials(pairs, used, out, o) {
				out[o] = "??"
			}
		}
	}
	return out
}

// pickInitials gives outlet o the first of cands that is two cells and
// not used yet, and reports whether there was one.
func pickInitials(cands []string, used map[string]bool, out map[string]string, o string) bool {
	for _, c := range cands {
		if ansi.StringWidth(c) == 2 && !used[c] {
			used[c], out[o] = true, c
			return true
		}
	}
	return false
}

// allDigits reports whether every rune of r is a digit.
func allDigits(r []rune) bool {
	for _, c := range r {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// tableShorts is each outlet's short name in the outlet table, where it
// has one.
func tableShorts(c *corpus.Corpus) map[string]string {
	out := map[string]string{}
	for _, a := range c.Articles {
		if a.OutletInfo != nil && a.OutletInfo.Short != "" {
			out[a.DisplayOutlet()] = oneLine(a.OutletInfo.Short)
		}
	}
	return out
}

// SetSize sets the view's area.
func (s *storiesModel) SetSize(w, h int) tea.Cmd {
	s.width, s.height = w, h
	s.scroll()
	s.clampCols()
	return nil
}

// clampCols keeps the coverage's window of outlets full: paged (l) or
// widened past the last outlet, it showed one outlet where all had room.
func (s *storiesModel) clampCols() {
	if s.ctx == nil || s.result() == nil {
		return
	}
	off := s.colOff
	s.colOff = 0
	room := s.layoutCols().nOut // as many as fit, from the first
	s.colOff = max(0, min(off, len(s.outlets)-room))
}

// detailHeight is the lines under the list that describe the current row.
func (s storiesModel) detailHeight() int {
	if s.height < 9 {
		return 0
	}
	return min(max(s.height/3, 3), 12)
}

// listHeight is the rows of the list on screen.
func (s storiesModel) listHeight() int {
	h := s.height - 2 // title and column heads
	if d := s.detailHeight(); d > 0 {
		h -= d + 1 // a rule above it
	}
	return max(h, 1)
}

func (s *storiesModel) scroll() {
	h := s.listHeight()
	s.cursor = max(0, min(s.cursor, len(s.rows)-1))
	if s.cursor < s.top {
		s.top = s.cursor
	}
	if s.cursor >= s.top+h {
		s.top = s.cursor - h + 1
	}
	s.top = max(0, min(s.top, max(len(s.rows)-h, 0)))
}

// scopeOf returns what row r opens.
func (s storiesModel) scopeOf(r storyRow) scope {
	res := s.result()
	switch r.kind {
	case rowThread:
		return threadScope(res, res.Threads[r.thread])
	case rowStory:
		if st, ok := findStory(res, r.story); ok {
			return storyScope(res, st)
		}
	}
	return scope{}
}

// Update handles the Stories view's keys.
func (s *storiesModel) Update(msg tea.Msg) tea.Cmd {
	k := s.ctx.Keys
	sk := k.Stories
	switch msg := msg.(type) {
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelDown:
			s.cursor += 3
		case tea.MouseButtonWheelUp:
			s.cursor -= 3
		case tea.MouseButtonLeft:
			if msg.Action == tea.MouseActionPress && msg.Y >= 2 && msg.Y < 2+s.listHeight() && s.top+msg.Y-2 < len(s.rows) {
				s.cursor = s.top + msg.Y - 2
			}
		}
		s.scroll()
	case tea.KeyMsg:
		if len(s.rows) == 0 {
			return nil
		}
		if c, ok := moveList(k, msg, s.cursor, len(s.rows), s.listHeight()); ok {
			s.cursor = c
			s.scroll()
			return nil
		}
		switch {
		case key.Matches(msg, k.Right), key.Matches(msg, k.NextCol):
			s.colOff++
			s.clampCols()
		case key.Matches(msg, k.Left), key.Matches(msg, k.PrevCol):
			s.colOff = max(s.colOff-1, 0)
		case key.Matches(msg, k.NextFact):
			s.cursor = s.nextThread(1)
			s.scroll()
		case key.Matches(msg, k.PrevFact):
			s.cursor = s.nextThread(-1)
			s.scroll()
		case key.Matches(msg, sk.Open) && s.stored:
			return s.waitForAnalysis(s.rowName(s.rows[s.cursor]) + " opens")
		case key.Matches(msg, sk.Open):
			sc := s.scopeOf(s.rows[s.cursor])
			return func() tea.Msg { return openScopeMsg{sc: sc} }
		case s.stored:
			if key.Matches(msg, sk.Move, sk.Merge, sk.Split) {
				return s.waitForAnalysis("stories can be corrected")
			}
		default:
			return s.startEdit(msg)
		}
	}
	return nil
}

// nextThread returns the row of the next (dir 1) or previous thread
// header from the cursor, or the cursor when there is none.
func (s storiesModel) nextThread(dir int) int {
	for i := s.cursor + dir; i >= 0 && i < len(s.rows); i += dir {
		if s.rows[i].kind == rowThread {
			return i
		}
	}
	return s.cursor
}

// ShortHelp is the Stories view's footer help.
func (s storiesModel) ShortHelp() []key.Binding {
	k := s.ctx.Keys
	sk := k.Stories
	if s.stored {
		return []key.Binding{k.Down, helpAs(sk.Open, "open (when analysed)")}
	}
	return []key.Binding{k.Down, sk.Open, sk.Move, sk.Merge, sk.Split, sk.Everything}
}

// FullHelp is the Stories view's full help.
func (s storiesModel) FullHelp() [][]key.Binding {
	k := s.ctx.Keys
	sk := k.Stories
	if s.stored {
		return s.storedHelp()
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp},
		{helpAs(k.NextFact, "next thread"), helpAs(k.PrevFact, "previous thread"), helpAs(k.Left, "outlets left"), helpAs(k.Right, "outlets right")},
		{sk.Open, sk.Everything, sk.Move, sk.Merge, sk.Split},
		everyPageNotesKeys(s.ctx),
	}
}
