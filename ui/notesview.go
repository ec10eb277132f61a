package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus/notes"
)

// The notes view (4): every tagged passage grouped by tag, outlet or
// article under a tag × outlet count matrix, and the codebook.

// noteGroupings are the groupings the view cycles through.
var noteGroupings = [...]string{"tag", "outlet", "article"}

// nrow is one row of the notes list: a group header or a passage.
type nrow struct {
	header string
	note   int    // index into snap.all; -1 for a header
	tag    string // the group's tag when grouped by tag
}

// notesViewModel is the notes view's state.
type notesViewModel struct {
	ctx           *Context
	width, height int
	snap          notesSnapshot
	group         int // index into noteGroupings
	rows          []nrow
	cursor, top   int // cursor indexes rows (always a passage row)
	codebook      bool
	ccursor       int
	matrix        notes.Matrix // tag × outlet counts, rebuilt with the rows
	orphaned      int
	elsewhere     int // notes of articles not loaded now
	// filter narrows the list to passages whose quote, tags, memo, outlet
	// or title hold its words (notesfilter.go); shown counts them.
	filter listFilter
	shown  int
	// own counts one's own notes: snap.all holds them, then the other
	// coders' (--compare-notes), which are read-only. coder is the coder
	// whose notes are shown (b cycles; "" every coder's), coders those
	// the notes name (notescoders.go).
	own     int
	coder   string
	coders  []string
	inCoder int // the notes of the coder shown
}

// SetSize sets the notes view's area.
func (v *notesViewModel) SetSize(w, h int) tea.Cmd {
	v.width, v.height = w, h
	return nil
}

// notesChanged takes the notes store's new content.
func (v *notesViewModel) notesChanged() { v.refresh(v.ctx.notes.snap) }

// refresh rebuilds the rows from the latest snapshot.
func (v *notesViewModel) refresh(sn notesSnapshot) {
	v.snap = sn
	v.own = len(sn.all)
	if others := v.ctx.notes.otherNotes(); len(others) > 0 {
		v.snap.all = append(sn.all[:len(sn.all):len(sn.all)], others...)
	}
	v.coders = codersShown(v.snap.all)
	v.rebuild()
}

func (v *notesViewModel) rebuild() {
	d := v.ctx.Data
	if d == nil {
		return
	}
	loaded := func(n notes.Note) bool {
		_, ok := d.artIndex[n.Anchor.Article]
		return ok
	}
	outletOf := func(n notes.Note) string { return oneLine(notes.OutletOf(d.Corpus, n)) }
	titleOf := func(n notes.Note) string { return outletOf(n) + ": " + oneLine(notes.TitleOf(d.Corpus, n)) }
	keep := v.currentNote()
	// Notes of articles not loaded now (one file of a folder opened) are
	// neither placed nor orphaned: they are listed last, in a group of
	// their own, and left out of the counts.
	var here []int
	var away []int
	var hereNotes []notes.Note
	for i, n := range v.snap.all {
		if v.coder != "" && notes.CoderLabel(n.Coder) != v.coder {
			continue
		}
		if loaded(n) {
			here = append(here, i)
			hereNotes = append(hereNotes, n)
		} else {
			away = append(away, i)
		}
	}
	v.elsewhere = len(away)
	v.inCoder = len(here) + len(away)
	v.matrix = notes.CountByOutlet(v.snap.codes, hereNotes, d.Corpus)
	v.orphaned = 0
	for _, n := range hereNotes {
		if n.Orphaned {
			v.orphaned++
		}
	}
	here, away = v.filtered(here), v.filtered(away)
	v.shown = len(here) + len(away)
	v.rows = v.rows[:0]
	groups := map[string][]int{}
	var order []string
	add := func(g string, i int) {
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], i)
	}
	switch noteGroupings[v.group] {
	case "tag":
		for _, c := range v.snap.codes {
			groups[c.Name] = nil
			order = append(order, c.Name)
		}
		for _, i := range here {
			n := v.snap.all[i]
			if len(n.Tags) == 0 {
				add("(no tag)", i)
			}
			for _, t := range n.Tags {
				add(t, i)
			}
		}
	case "outlet":
		for _, i := range here {
			add(outletOf(v.snap.all[i]), i)
		}
		sort.Strings(order)
	default:
		for _, i := range here {
			add(titleOf(v.snap.all[i]), i)
		}
	}
	for _, g := range order {
		if len(groups[g]) == 0 {
			continue // codes nobody used are listed in the codebook
		}
		v.rows = append(v.rows, nrow{header: fmt.Sprintf("%s (%d)", g, len(groups[g])), note: -1})
		for _, i := range groups[g] {
			r := nrow{note: i}
			if noteGroupings[v.group] == "tag" {
				r.tag = g
			}
			v.rows = append(v.rows, r)
		}
	}
	if len(away) > 0 {
		v.rows = append(v.rows, nrow{header: fmt.Sprintf("in articles %s (%d)", v.ctx.notHere(), len(away)), note: -1})
		for _, i := range away {
			v.rows = append(v.rows, nrow{note: i})
		}
	}
	v.cursor = 0
	for i, r := range v.rows {
		if r.note >= 0 && v.snap.all[r.note].ID == keep {
			v.cursor = i
			break
		}
	}
	v.move(0)
	v.ccursor = max(0, min(v.ccursor, len(v.snap.codes)-1))
}

// currentNote is the id of the note under the cursor ("" for none).
func (v notesViewModel) currentNote() string {
	if v.cursor >= 0 && v.cursor < len(v.rows) && v.rows[v.cursor].note >= 0 && v.rows[v.cursor].note < len(v.snap.all) {
		return v.snap.all[v.rows[v.cursor].note].ID
	}
	return ""
}

// move moves the cursor by dir passage rows (0: onto the nearest one).
func (v *notesViewModel) move(dir int) {
	if len(v.rows) == 0 {
		v.cursor = 0
		return
	}
	step := dir
	if step == 0 {
		step = 1
	}
	c := v.cursor + dir
	c = max(0, min(c, len(v.rows)-1))
	for c >= 0 && c < len(v.rows) && v.rows[c].note < 0 {
		c += step
	}
	if c < 0 || c >= len(v.rows) {
		return // no passage that way: stay
	}
	v.cursor = c
}

// What the notes view's dialogs ask: add a tag to a passage, remove a
// tag from it, delete it.
type (
	retagReq      struct{ anchor notes.Anchor }
	untagReq      struct{ note, tag string }
	deleteNoteReq struct{ note string }
)

// Update handles a key in the notes view, and its dialogs' answers.
func (v *notesViewModel) Update(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case chosenMsg, textMsg, confirmedMsg:
		return v.answered(msg)
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		if v.filter.open {
			cmd, _ := v.filter.Update(msg) // the cursor's blink
			return cmd
		}
		return nil
	}
	k, nk := v.ctx.Keys, v.ctx.notes.keys
	if v.ctx.notes.store == nil {
		return nil
	}
	if v.filter.open {
		cmd, changed := v.filter.Update(km)
		if changed {
			v.rebuild()
		}
		return cmd
	}
	if key.Matches(km, nk.Codebook) {
		v.codebook = !v.codebook
		return nil
	}
	if v.codebook {
		return v.updateCodebook(km)
	}
	switch {
	case key.Matches(km, k.Down):
		v.move(1)
	case key.Matches(km, k.Up):
		v.move(-1)
	case key.Matches(km, k.Top):
		v.cursor = 0
		v.move(0)
	case key.Matches(km, k.Bottom):
		v.cursor = len(v.rows) - 1
		v.move(-1)
		v.move(1)
	case key.Matches(km, k.HalfDown), key.Matches(km, k.HalfUp):
		dir := 1
		if key.Matches(km, k.HalfUp) {
			dir = -1
		}
		for range max((v.height-3)/2, 1) {
			v.move(dir)
		}
	case key.Matches(km, nk.Group):
		v.group = (v.group + 1) % len(noteGroupings)
		v.rebuild()
		return say("notes grouped by " + noteGroupings[v.group])
	case key.Matches(km, nk.ByCoder):
		return v.cycleCoder()
	case key.Matches(km, nk.Disagree):
		d, cmd := newDisagreeView(v.ctx)
		return openDialog(v.ctx, v.width, v.height, d, cmd)
	}
	n, ok := v.selected()
	if !ok {
		return nil
	}
	if key.Matches(km, nk.Memo) || key.Matches(km, nk.Retag) || key.Matches(km, nk.Delete) {
		if why := v.readOnly(); why != "" {
			return say(why)
		}
	}
	undo := nk.Undo.Help().Key
	switch {
	case key.Matches(km, nk.Jump):
		return v.jumpToNote(n)
	case key.Matches(km, k.Versions):
		return v.ctx.notes.openMadeOn(n)
	case key.Matches(km, nk.Memo):
		return openMemo(v.ctx, viewNotes, n, v.width, v.height)
	case key.Matches(km, nk.Retag):
		c, cmd := newTagChooser(v.ctx, viewNotes, retagReq{n.Anchor}, "Add a tag to this passage", n.Anchor.Quote)
		return openDialog(v.ctx, v.width, v.height, c, cmd)
	case key.Matches(km, nk.Delete):
		row := v.rows[v.cursor]
		if row.tag != "" && len(n.Tags) > 1 {
			return v.ask(untagReq{n.ID, row.tag}, fmt.Sprintf("Remove tag “%s” from this passage? (%s undoes)", row.tag, undo))
		}
		what := "Delete the tagged passage “" + ellipsize(oneLine(n.Anchor.Quote), 40) + "”"
		if n.Memo != "" {
			what += " and its memo"
		}
		return v.ask(deleteNoteReq{n.ID}, what+"? ("+undo+" undoes)")
	}
	return nil
}

// ask opens a yes/no question whose yes answers req.
func (v *notesViewModel) ask(req any, q string) tea.Cmd {
	return openDialog(v.ctx, v.width, v.height, newConfirm(v.ctx, viewNotes, req, q), nil)
}

// answered takes a dialog's answer to the notes view or its codebook.
func (v *notesViewModel) answered(msg tea.Msg) tea.Cmd {
	undo := v.ctx.notes.keys.Undo.Help().Key
	switch msg := msg.(type) {
	case chosenMsg:
		switch req := msg.req.(type) {
		case retagReq:
			return v.ctx.notes.tag(req.anchor, msg.item.name, msg.isNew)
		case starterReq:
			return v.addStarter(msg.item.name)
		case mergeReq:
			return v.merge(req.code, msg.item.name, msg.isNew)
		}
	case textMsg:
		switch req := msg.req.(type) {
		case memoReq:
			return v.ctx.notes.setMemo(req.note, msg.text)
		case newCodeReq:
			return v.addCode(msg.text)
		case renameReq:
			return v.ctx.notes.do("", func(s *notes.Store) (string, error) {
				return fmt.Sprintf("renamed “%s” to “%s” everywhere", req.code, msg.text), s.RenameCode(req.code, msg.text)
			})
		}
	case confirmedMsg:
		switch req := msg.req.(type) {
		case untagReq:
			return v.ctx.notes.untag(req.note, req.tag)
		case deleteNoteReq:
			return v.ctx.notes.do("", func(s *notes.Store) (string, error) {
				return "passage deleted (" + undo + " undoes)", s.DeleteNote(req.note)
			})
		case deleteCodeReq:
			return v.ctx.notes.do("", func(s *notes.Store) (string, error) {
				return fmt.Sprintf("tag “%s” deleted (%s undoes)", req.code, undo), s.DeleteCode(req.code)
			})
		}
	}
	return nil
}

// selected returns the note under the cursor.
func (v notesViewModel) selected() (notes.Note, bool) {
	if v.cursor < 0 || v.cursor >= len(v.rows) || v.rows[v.cursor].note < 0 {
		return notes.Note{}, false
	}
	return v.snap.all[v.rows[v.cursor].note], true
}

// jumpToNote shows a note's passage in the read view.
func (v *notesViewModel) jumpToNote(n notes.Note) tea.Cmd {
	d := v.ctx.Data
	a, ok := d.artIndex[n.Anchor.Article]
	if all := v.ctx.All; !ok && all != nil && all != d {
		if _, loaded := all.artIndex[n.Anchor.Article]; loaded {
			return say("its article (" + oneLine(n.Anchor.Article) + ") is not in the story or thread open: " + v.ctx.Keys.Stories.Everything.Help().Key + " opens everything")
		}
	}
	if !ok {
		return say("its article (" + oneLine(n.Anchor.Article) + ") is not loaded now: open its file or folder to read the passage")
	}
	if n.Orphaned {
		return say("orphaned: this passage is no longer in the article's text")
	}
	s := sentenceOf(d.article(a), n.Anchor.Start)
	return func() tea.Msg { return jumpMsg{article: a, sentence: s, note: true} }
}

// View draws the notes view.
func (v *notesViewModel) View() string {
	st := v.ctx.Styles
	w, h := v.width, v.height
	ns := v.ctx.notes
	if ns.err != nil {
		msg := "The notes file could not be opened, so tagging is off for this session:\n\n" + ns.err.Error()
		var lines []string
		for _, p := range strings.Split(msg, "\n") {
			lines = append(lines, wrapText(p, w)...)
		}
		return fitBlock(st.Error.Render(strings.Join(lines, "\n")), w, h)
	}
	if ns.store == nil {
		return fitBlock(st.Muted.Render("Opening the notes file…"), w, h)
	}
	if v.codebook {
		return v.codebookView()
	}
	var lines []string
	sn := v.snap
	if len(sn.all) == 0 {
		msg := fmt.Sprintf("No tagged passages yet. In the read view (%s), %s tags the sentence under the cursor, %s selects several. %s manages the codebook.",
			v.ctx.Keys.ViewRead.Help().Key, v.ctx.Keys.Tag.Help().Key, v.ctx.Keys.Visual.Help().Key, ns.keys.Codebook.Help().Key)
		return fitBlock(strings.Join(wrapText(msg, w), "\n"), w, h)
	}
	// The counts matrix: tags down, outlets across.
	mx := v.matrix
	tagW := 14
	for _, t := range mx.Tags {
		tagW = max(tagW, min(ansi.StringWidth(t)+2, 24))
	}
	// Outlet columns are as wide as their names, up to 14 cells, or more
	// when the window has room for every outlet (up to 24).
	capW := 14
	if n := len(mx.Outlets); n > 0 {
		capW = min(max(capW, (w-tagW)/n), 24)
	}
	colW := 6
	for _, o := range mx.Outlets {
		colW = max(colW, min(ansi.StringWidth(o)+2, capW))
	}
	head := fit("", tagW)
	ncol := max((w-tagW)/colW, 1)
	for i, o := range mx.Outlets {
		if i >= ncol {
			break
		}
		head += fit(" "+ellipsize(o, colW-1), colW)
	}
	lines = append(lines, st.Bold.Render(fit(head, w)))
	maxRows := max(min(len(mx.Tags), h/4), 1)
	for i, t := range mx.Tags {
		if i >= maxRows {
			lines = append(lines, st.Muted.Render(fmt.Sprintf("… %s more (%s: codebook)", plural(len(mx.Tags)-i, "tag"), ns.keys.Codebook.Help().Key)))
			break
		}
		row := tagStyle(st, codeColour(sn.codes, t)).Render("▐") + fit(ellipsize(t, tagW-2), tagW-1)
		for j, o := range mx.Outlets {
			if j >= ncol {
				break
			}
			c := mx.Counts[t][o]
			cell := "·"
			if c > 0 {
				cell = fmt.Sprint(c)
			}
			// Under the first letter of the outlet's name, as the heading.
			row += fit(" "+cell, colW)
		}
		lines = append(lines, fit(row, w))
	}
	if len(mx.Outlets) > ncol {
		lines = append(lines, st.Muted.Render(fmt.Sprintf("… %d more outlets off screen", len(mx.Outlets)-ncol)))
	}
	orph := v.orphaned
	sum := fmt.Sprintf("%s · grouped by %s (%s cycles)", plural(v.inCoder-v.elsewhere, "passage"), noteGroupings[v.group], ns.keys.Group.Help().Key)
	sum += v.coderSummary()
	if orph > 0 {
		sum += fmt.Sprintf(" · %d orphaned", orph)
	}
	if v.elsewhere > 0 {
		sum += fmt.Sprintf(" · %d more in articles %s", v.elsewhere, v.ctx.notHere())
	}
	if q := strings.TrimSpace(v.filter.Value()); q != "" && !v.filter.open {
		sum = fmt.Sprintf("%d match “%s” (%s clears) · ", v.shown, oneLine(q), v.ctx.Keys.Back.Help().Key) + sum
	}
	sumLine := st.Muted.Render(ellipsize(sum, w))
	if v.filter.open {
		sumLine = fit(v.filter.View(), w)
	}
	lines = append(lines, sumLine, st.ColRule.Render(strings.Repeat("─", w)))
	if v.shown == 0 {
		lines = append(lines, st.Muted.Render(ellipsize("No passage matches the filter.", w)))
	}
	// The selected passage in full at the bottom: tags, memo, quote.
	var detail []string
	if n, ok := v.selected(); ok && h >= 16 {
		d := "tags: " + strings.Join(n.Tags, ", ") + v.coderDetail(n)
		if n.Memo != "" {
			d += " · memo: " + oneLine(n.Memo)
		}
		if _, here := v.ctx.Data.artIndex[n.Anchor.Article]; !here {
			d += " · from " + oneLine(notes.OutletOf(v.ctx.Data.Corpus, n)) + ": " + oneLine(notes.TitleOf(v.ctx.Data.Corpus, n)) + " (" + oneLine(n.Anchor.Article) + "), " + v.ctx.notHere()
		} else if n.Orphaned {
			d += " · ORPHANED: its passage is no longer in the article; the quote is kept"
		}
		if m := ns.madeOnLong(n); m != "" {
			d += " · " + m
		}
		detail = wrapText(d, w)
		if len(detail) > 3 {
			detail = append(detail[:2], ellipsize(strings.Join(detail[2:], " "), w))
		}
		detail = append([]string{st.ColRule.Render(strings.Repeat("─", w))}, detail...)
	}
	// The list, scrolled to keep the cursor on screen.
	rows := max(h-len(lines)-len(detail), 1)
	top := v.top
	if v.cursor < top {
		top = v.cursor
	}
	if v.cursor >= top+rows {
		top = v.cursor - rows + 1
	}
	if top > 0 && v.rows[top].note >= 0 && v.cursor-top < rows-1 {
		// Show the group header above the first passage when there is room.
		for top > 0 && v.rows[top].note >= 0 && v.cursor-top < rows-1 {
			top--
		}
	}
	for i := top; i < len(v.rows) && i < top+rows; i++ {
		r := v.rows[i]
		if r.note < 0 {
			lines = append(lines, st.Accent.Render(ellipsize(r.header, w)))
			continue
		}
		n := sn.all[r.note]
		line := v.noteLine(n, r.tag, w)
		if i == v.cursor {
			line = st.RowSelected.Render(fit("›"+ansi.Strip(line)[1:], w))
		}
		lines = append(lines, line)
	}
	for len(lines) < h-len(detail) {
		lines = append(lines, "")
	}
	lines = append(lines, detail...)
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// FullHelp is the notes view's keys; its second group is the footer's.
func (v *notesViewModel) FullHelp() [][]key.Binding {
	k, nk := v.ctx.Keys, v.ctx.notes.keys
	if v.ctx.notes.store == nil {
		return nil
	}
	if v.codebook {
		// c toggles the codebook: here it goes back to the passages.
		return [][]key.Binding{{k.Up, k.Down}, {nk.NewCode, nk.Rename, nk.Merge, nk.DeleteCode, nk.Starter, helpAs(nk.Codebook, "back to passages")}, {nk.Undo, nk.Redo, k.Export}}
	}
	if v.filter.open {
		return [][]key.Binding{nil, v.filter.help()}
	}
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {nk.Jump, nk.Memo, nk.Retag, nk.Delete, nk.Group, nk.Codebook, nk.ByCoder, nk.Disagree, notesVersionsKey(k)}, {nk.Undo, nk.Redo, k.Export}}
}

// ShortHelp is the footer's keys: the second group of FullHelp.
func (v *notesViewModel) ShortHelp() []key.Binding {
	if g := v.FullHelp(); len(g) > 1 {
		return g[1]
	}
	return nil
}
