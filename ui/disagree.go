package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/agreement"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// The Disagreements view (D in the notes view), a dialog over the notes
// view: per code, the sentences where the coders (one's own notes file
// and the --compare-notes files) differ, the sentence with each coder's
// coding beside it; 1–9 accept a coder's coding, a everyone's passages,
// x none, into the consensus file (consensus.go), at once and undoably;
// / filters the list (disagreefilter.go). The units and values are the
// agreement table's (agreement.Disagreements).

// DisagreeKeyMap is the Disagreements view's keys.
type DisagreeKeyMap struct {
	Accept, All, Neither, Next, Prev, Undo, Redo, Close key.Binding
	// Agreed takes over the codings every coder agrees on; Jump shows
	// the sentence in the read view.
	Agreed, Jump key.Binding
	// Filter opens the filter box; Quit quits, as everywhere.
	Filter, Quit key.Binding
}

// DefaultDisagreeKeyMap returns the Disagreements view's keys.
func DefaultDisagreeKeyMap() DisagreeKeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return DisagreeKeyMap{
		Accept:  b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "accept coder N's coding"),
		All:     b([]string{"a"}, "a", "accept both (all)"),
		Neither: b([]string{"x"}, "x", "accept neither"),
		Next:    b([]string{"n", "j", "down"}, "n/j", "next"),
		Prev:    b([]string{"N", "k", "up"}, "N/k", "previous"),
		Undo:    b([]string{"u"}, "u", "undo decision"),
		Redo:    b([]string{"ctrl+r"}, "ctrl+r", "redo decision"),
		Close:   b([]string{"esc"}, "esc", "clear the filter, else close"),
		Agreed:  b([]string{"A"}, "A", "take over what all agree on"),
		Jump:    b([]string{"enter"}, "enter", "show in read view"),
		Filter:  b([]string{"/"}, "/", "filter disagreements"),
		Quit:    b([]string{"q"}, "q", "quit"),
	}
}

// disagreeHelp lists the Disagreements view's keys, for the key table.
func disagreeHelp() []key.Binding {
	k := DefaultDisagreeKeyMap()
	return []key.Binding{k.Accept, k.All, k.Neither, k.Agreed, k.Undo, k.Redo, k.Next, k.Prev, k.Jump, k.Filter, k.Close, k.Quit}
}

// disagreeView is the Disagreements view.
type disagreeView struct {
	ctx           *Context
	width, height int
	keys          DisagreeKeyMap
	loading       bool
	err           error
	coders        []agreement.Coder
	items         []agreement.Disagreement
	agreed        []agreement.Disagreement
	cursor        int // an index into items
	cs            *consensusState
	// filter narrows the list; shown is the items it shows, in order.
	filter listFilter
	shown  []int
	// settled says, per item, what the consensus file codes there ("" not
	// coded), and decided what was chosen this session.
	settled []bool
	decided map[int]string
	// history is the items decided this session, last last, for undo
	// (-1: the agreed codings taken over); undone, those undone, last
	// last, for redo.
	history []int
	undone  []decision
}

// decision is an item decided (-1: the agreed codings) and how.
type decision struct {
	item  int
	label string
}

// newDisagreeView opens the Disagreements view and starts working out
// the disagreements.
func newDisagreeView(ctx *Context) (*disagreeView, tea.Cmd) {
	n := ctx.notes
	if n.consensus == nil {
		n.consensus = &consensusState{}
	}
	if n.consensus.path == "" {
		n.consensus.path = n.consensusPath()
	}
	v := &disagreeView{ctx: ctx, keys: DefaultDisagreeKeyMap(), loading: true, cs: n.consensus, decided: map[int]string{},
		filter: newListFilter(ctx, "/ ", "words of the code, sentence, passages or outlet")}
	var codes []string
	for _, c := range n.snap.codes {
		codes = append(codes, c.Name)
	}
	return v, loadDisagreements(v, ctx.Data.Corpus, n.allCoders(), codes, n.consensus, n.coder)
}

// SetSize sets the view's area.
func (v *disagreeView) SetSize(w, h int) { v.width, v.height = w, h }

func (v *disagreeView) mode() string { return "DISAGREE" }

// Update handles the view's keys and the answers of its work.
func (v *disagreeView) Update(msg tea.Msg) (layer, tea.Cmd) {
	switch msg := msg.(type) {
	case disagreeLoadedMsg:
		v.loading = false
		if msg.store != nil {
			v.cs.store = msg.store
		}
		v.err = msg.err
		v.coders, v.items, v.agreed = msg.coders, msg.items, msg.agreed
		v.cursor = min(v.cursor, max(len(v.items)-1, 0))
		v.install(msg.cnotes, msg.undo, msg.redo)
		v.refilter()
		return v, nil
	case consensusDoneMsg:
		if msg.err != nil {
			if msg.undid || msg.redid {
				return v, say("consensus: " + friendlyNotesErr(msg.err))
			}
			return v, say("consensus not saved: " + msg.err.Error())
		}
		switch {
		case msg.undid && len(v.history) > 0:
			last := v.history[len(v.history)-1]
			v.history = v.history[:len(v.history)-1]
			v.undone = append(v.undone, decision{last, v.decided[last]})
			if last >= 0 {
				delete(v.decided, last)
				v.cursor = last
			}
		case msg.redid && len(v.undone) > 0:
			d := v.undone[len(v.undone)-1]
			v.undone = v.undone[:len(v.undone)-1]
			v.history = append(v.history, d.item)
			if d.item >= 0 {
				v.decided[d.item] = d.label
				v.cursor = d.item
			}
		case msg.redo == "":
			// A new change: the file can redo nothing more.
			v.undone = nil
		}
		v.install(msg.cnotes, msg.undo, msg.redo)
		v.refilter()
		return v, say(msg.what)
	case tea.KeyMsg:
		if v.filter.open {
			cmd, changed := v.filter.Update(msg)
			if changed {
				v.refilter()
			}
			return v, cmd
		}
		return v.key(msg)
	default:
		if v.filter.open {
			cmd, _ := v.filter.Update(msg) // the cursor's blink
			return v, cmd
		}
	}
	return v, nil
}

// install takes the consensus file's notes as read and marks the items
// it codes.
func (v *disagreeView) install(cnotes []notes.Note, undo, redo string) {
	v.cs.notes, v.cs.undo, v.cs.redo = cnotes, undo, redo
	v.settled = make([]bool, len(v.items))
	for i, d := range v.items {
		sp := d.Span()
		for _, n := range notes.Overlapping(cnotes, d.Article.ID, sp.Start, sp.End) {
			if hasCode(n, d.Code) {
				v.settled[i] = true
				break
			}
		}
	}
}

func hasCode(n notes.Note, code string) bool {
	for _, t := range n.Tags {
		if strings.EqualFold(t, code) {
			return true
		}
	}
	return false
}

// key handles a key.
func (v *disagreeView) key(km tea.KeyMsg) (layer, tea.Cmd) {
	k := v.keys
	switch {
	case key.Matches(km, k.Quit):
		return v, tea.Quit
	case key.Matches(km, k.Close):
		if v.filter.Clear() {
			v.refilter()
			return v, say("filter cleared")
		}
		return nil, nil
	case key.Matches(km, k.Filter):
		if v.loading || len(v.items) == 0 {
			return v, say("no disagreements to filter")
		}
		v.filter.SetWidth(max(v.width-4, 5))
		return v, v.filter.Open()
	case key.Matches(km, k.Next):
		v.step(1)
		return v, nil
	case key.Matches(km, k.Prev):
		v.step(-1)
		return v, nil
	case key.Matches(km, k.Undo):
		if v.cs.store == nil || v.cs.undo == "" {
			return v, say("nothing to undo in the consensus file")
		}
		return v, undoConsensus(v, v.cs.store, true)
	case key.Matches(km, k.Redo):
		if v.cs.store == nil || v.cs.redo == "" {
			return v, say("nothing to redo in the consensus file")
		}
		return v, undoConsensus(v, v.cs.store, false)
	case key.Matches(km, k.Agreed):
		return v, v.takeOverAgreed()
	case key.Matches(km, k.Jump):
		return v.jump()
	}
	cur, ok := v.current()
	if !ok || v.cs.store == nil {
		if key.Matches(km, k.Accept) || key.Matches(km, k.All) || key.Matches(km, k.Neither) {
			return v, say("no disagreement to settle here")
		}
		return v, nil
	}
	d := v.items[cur]
	var passages []corpus.Span
	var label string
	switch {
	case key.Matches(km, k.Accept):
		i := int(km.Runes[0] - '1')
		if i < 0 || i >= len(v.coders) {
			return v, say(fmt.Sprintf("there are %d coders here: %s", len(v.coders), k.Accept.Help().Key[:1]+"-"+fmt.Sprint(len(v.coders))+" accept one"))
		}
		if d.Values[i] == agreement.Missing {
			return v, say(coderLabel(v.coders[i].Name) + " did not code this article: choose another coder, " + k.All.Help().Key + " or " + k.Neither.Help().Key)
		}
		passages = spansOf(d.Passages[i])
		label = coderLabel(v.coders[i].Name) + "'s coding"
	case key.Matches(km, k.All):
		for _, ps := range d.Passages {
			passages = append(passages, spansOf(ps)...)
		}
		label = "both codings"
		if len(v.coders) > 2 {
			label = "every coder's coding"
		}
	case key.Matches(km, k.Neither):
		label = "neither coding"
	default:
		return v, nil
	}
	sp := d.Span()
	u := notes.UnitCoding{Article: d.Article, Start: sp.Start, End: sp.End, Code: d.Code,
		Colour: v.colour(d.Code), Codebook: v.codebook(), Passages: passages, Why: "accepted " + label}
	v.decided[cur] = label
	v.step(1)
	if u.CodedIn(v.cs.notes) {
		// Nothing to write, and so nothing for u to take back.
		return v, say(fmt.Sprintf("consensus: “%s” %s: already so in the file", oneLine(d.Code), label))
	}
	v.history = append(v.history, cur)
	what := fmt.Sprintf("consensus: “%s” %s (%s undoes)", oneLine(d.Code), label, k.Undo.Help().Key)
	return v, decide(v, v.cs.store, u, what)
}

// takeOverAgreed writes every unit all coders who coded it marked with
// a code to the consensus, with the first such coder's passages.
func (v *disagreeView) takeOverAgreed() tea.Cmd {
	if v.loading || v.cs.store == nil {
		return say("the consensus file is still opening")
	}
	if len(v.agreed) == 0 {
		return say("the coders agree on no coding here: nothing to take over")
	}
	us := make([]notes.UnitCoding, 0, len(v.agreed))
	book := v.codebook()
	for _, d := range v.agreed {
		var ps []corpus.Span
		for i, val := range d.Values {
			if val == agreement.Applied {
				ps = spansOf(d.Passages[i])
				break
			}
		}
		sp := d.Span()
		u := notes.UnitCoding{Article: d.Article, Start: sp.Start, End: sp.End, Code: d.Code, Colour: v.colour(d.Code), Codebook: book, Passages: ps}
		if !u.CodedIn(v.cs.notes) {
			us = append(us, u)
		}
	}
	if len(us) == 0 {
		return say(fmt.Sprintf("consensus: nothing new — all %s agreed on are in the file", plural(len(v.agreed), "coding")))
	}
	v.history = append(v.history, -1)
	return takeOver(v, v.cs.store, us, fmt.Sprintf("consensus: took over %s the coders agree on (%s undoes)", plural(len(us), "coding"), v.keys.Undo.Help().Key))
}

// jump closes the view and shows the disagreement's sentence in the read
// view.
func (v *disagreeView) jump() (layer, tea.Cmd) {
	cur, ok := v.current()
	if !ok {
		return v, nil
	}
	d := v.items[cur]
	a, ok := v.ctx.Data.artIndex[d.Article.ID]
	if !ok {
		return v, say("its article is not open now")
	}
	return nil, func() tea.Msg { return jumpMsg{article: a, sentence: d.Sentence, note: true} }
}

// codebook is the coders' codebook the consensus defines its codes by:
// one's own first, then the other coders'.
func (v *disagreeView) codebook() []notes.Code {
	return append(append([]notes.Code(nil), v.ctx.notes.snap.codes...), v.ctx.notes.otherCodes()...)
}

// colour is a code's colour in one's own codebook, else another coder's.
func (v *disagreeView) colour(code string) string {
	if c := codeColour(v.ctx.notes.snap.codes, code); c != "" {
		return c
	}
	return codeColour(v.ctx.notes.otherCodes(), code)
}

func spansOf(ns []notes.Note) []corpus.Span {
	out := make([]corpus.Span, 0, len(ns))
	for _, n := range ns {
		out = append(out, corpus.Span{Start: n.Anchor.Start, End: n.Anchor.End})
	}
	return out
}

// coderLabel is a coder's name as shown: sanitised, "(unknown)" for none.
func coderLabel(name string) string { return oneLine(notes.CoderLabel(name)) }

// View draws the disagreement under the cursor above the list of them.
func (v *disagreeView) View() string {
	st := v.ctx.Styles
	w, h := v.width, v.height
	title := "Disagreements"
	switch {
	case v.loading:
		return fitBlock(st.PanelTitle.Render(title)+"\n"+st.Muted.Render(ellipsize("working out where the coders differ…", w)), w, h)
	case v.err != nil:
		var lines []string
		lines = append(lines, st.PanelTitle.Render(title))
		lines = append(lines, wrapText(v.err.Error(), w)...)
		return fitBlock(strings.Join(lines, "\n"), w, h)
	}
	lines := []string{st.PanelTitle.Render(ellipsize(v.header(w), w))}
	if len(v.coders) < 2 {
		msg := "Only one coder's notes are open. Open the others' files beside yours with --compare-notes FILE (repeatable) to see where you differ."
		lines = append(lines, wrapText(msg, w)...)
		return fitBlock(strings.Join(lines, "\n"), w, h)
	}
	if len(v.items) == 0 {
		lines = append(lines, wrapText("The coders agree on every sentence of the articles they coded.", w)...)
		return fitBlock(strings.Join(lines, "\n"), w, h)
	}
	cur, ok := v.current()
	if !ok {
		lines = append(lines, wrapText("No disagreement matches the filter.", w)...)
		lines = append(lines, v.filterLine(w))
		return fitBlock(strings.Join(lines, "\n"), w, h)
	}
	d := v.items[cur]
	a := d.Article
	where := fmt.Sprintf("%d/%d “%s” · %s: %s · sentence %d", v.pos()+1, len(v.shown), oneLine(d.Code), oneLine(a.Outlet), oneLine(a.Title), d.Sentence+1)
	lines = append(lines, st.Bold.Render(ellipsize(where, w)))
	// The sentence: up to three lines, fewer in a small window.
	text := wrapText(oneLine(a.Sentences[d.Sentence].Text), w)
	room := 3
	if h < 16 {
		room = 1
	}
	if len(text) > room {
		text = append(text[:room-1], ellipsize(strings.Join(text[room-1:], " "), w))
	}
	lines = append(lines, text...)
	// Each coder's coding, side by side in rows.
	nameW := 4
	for _, c := range v.coders {
		nameW = max(nameW, min(ansi.StringWidth(coderLabel(c.Name)), 16))
	}
	for i, c := range v.coders {
		val := "—"
		switch d.Values[i] {
		case agreement.Applied:
			var qs []string
			for _, n := range d.Passages[i] {
				qs = append(qs, "“"+oneLine(n.Anchor.Quote)+"”")
			}
			val = "✓ " + strings.Join(qs, " ")
		case agreement.NotApplied:
			val = "✗ not applied"
		default:
			val = "· did not code this article"
		}
		row := fmt.Sprintf("%d %s %s", i+1, fit(ellipsize(coderLabel(c.Name), nameW), nameW), val)
		lines = append(lines, ellipsize(row, w))
	}
	cons := "consensus: not settled"
	switch {
	case v.decided[cur] != "":
		cons = "consensus: " + v.decided[cur]
	case v.settled[cur]:
		cons = "consensus: applied (in the consensus file)"
	}
	lines = append(lines, st.Accent.Render(ellipsize(cons, w)), v.filterLine(w))
	// The list, scrolled to keep the cursor on screen.
	rows := h - len(lines)
	if rows > 0 {
		top := max(0, min(v.pos()-rows/2, len(v.shown)-rows))
		for p := top; p < len(v.shown) && p < top+rows; p++ {
			lines = append(lines, v.itemLine(v.shown[p], w))
		}
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// itemLine is one disagreement in the list: settled or not, the code, the
// article and sentence, who applied the code.
func (v *disagreeView) itemLine(i, w int) string {
	st := v.ctx.Styles
	d := v.items[i]
	mark := " "
	if v.settled[i] || v.decided[i] != "" {
		mark = "✓"
	}
	if i == v.cursor {
		mark = "›"
	}
	var by []string
	for j, val := range d.Values {
		if val == agreement.Applied {
			by = append(by, fmt.Sprint(j+1))
		}
	}
	line := fmt.Sprintf("%s %s %s · %s s%d · by %s", mark, tagStyle(st, v.colour(d.Code)).Render("▐"), oneLine(d.Code), oneLine(d.Article.Outlet), d.Sentence+1, strings.Join(by, ","))
	line = fit(ellipsize(line, w), w)
	if i == v.cursor {
		return st.RowSelected.Render(fit(ansi.Strip(line), w))
	}
	return line
}

// ShortHelp is the view's keys for the footer.
func (v *disagreeView) ShortHelp() []key.Binding {
	if v.filter.open {
		return v.filter.help()
	}
	k := v.keys
	return []key.Binding{k.Accept, k.All, k.Neither, k.Next, k.Undo, k.Filter, k.Close}
}

// FullHelp is every key of the view, the global ones it honours
// included (ownsHelp): the keys of the pages under it do not work here.
func (v *disagreeView) FullHelp() [][]key.Binding {
	if v.filter.open {
		return [][]key.Binding{v.filter.help()}
	}
	k := v.keys
	return [][]key.Binding{{k.Accept, k.All, k.Neither, k.Agreed, k.Undo, k.Redo}, {k.Next, k.Prev, k.Jump, k.Filter, k.Close, v.ctx.Keys.Help, k.Quit}}
}

// ownsHelp marks the view's FullHelp as complete.
func (v *disagreeView) ownsHelp() {}
