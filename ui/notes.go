package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// The notes store as the reader sees it. Every store call is I/O: it runs
// in a tea.Cmd, and the model changes only when the result message comes
// back (notesOpenedMsg, notesDoneMsg).

// NotesKeyMap is the key bindings of tagging, the notes view and the export
// dialog. Help is generated from it.
type NotesKeyMap struct {
	// Read view.
	Memo, Repeat, Undo, Redo, ListTags key.Binding
	// Visual selection: trim a word off either end, or give it back.
	TrimStart, TrimEnd, GrowStart, GrowEnd key.Binding
	// Notes view.
	Jump, Group, Retag, Delete, Codebook key.Binding
	// Codebook.
	NewCode, Rename, Merge, DeleteCode, Starter key.Binding
	// Dialogs.
	Editor, Yes, No, NextField, PrevField key.Binding
}

// DefaultNotesKeyMap returns the tagging and notes keys.
func DefaultNotesKeyMap() *NotesKeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return &NotesKeyMap{
		Memo:     b([]string{"m"}, "m", "memo on tagged passage"),
		Repeat:   b([]string{"."}, ".", "repeat last tag here"),
		Undo:     b([]string{"u"}, "u", "undo"),
		Redo:     b([]string{"ctrl+r"}, "ctrl+r", "redo"),
		ListTags: b([]string{"T"}, "T", "tags on this sentence"),

		TrimStart: b([]string{"("}, "(", "selection: drop 1st word"),
		TrimEnd:   b([]string{")"}, ")", "selection: drop last word"),
		GrowStart: b([]string{"{"}, "{", "1st word back"),
		GrowEnd:   b([]string{"}"}, "}", "last word back"),

		Jump:     b([]string{"enter"}, "enter", "show in read view"),
		Group:    b([]string{"s"}, "s", "group by tag/outlet/article"),
		Retag:    b([]string{"t"}, "t", "add a tag"),
		Delete:   b([]string{"d", "delete"}, "d", "delete passage or tag"),
		Codebook: b([]string{"c"}, "c", "codebook"),

		NewCode:    b([]string{"a"}, "a", "add a tag"),
		Rename:     b([]string{"r"}, "r", "rename tag"),
		Merge:      b([]string{"M"}, "M", "merge into…"),
		DeleteCode: b([]string{"d", "delete"}, "d", "delete tag"),
		Starter:    b([]string{"S"}, "S", "add a starter codebook"),

		Editor:    b([]string{"ctrl+e"}, "ctrl+e", "open $EDITOR"),
		Yes:       b([]string{"y"}, "y", "yes"),
		No:        b([]string{"n", "esc"}, "n/esc", "no"),
		NextField: b([]string{"tab"}, "tab", "next field"),
		PrevField: b([]string{"shift+tab"}, "shift+tab", "previous field"),
	}
}

// storeGate serialises the Cmds that change and read the store, and
// stamps each snapshot, so that a snapshot read before a later change is
// never installed after it (Cmds run concurrently and may finish in any
// order).
type storeGate struct {
	mu sync.Mutex
	n  uint64
}

// run calls f under the gate and returns the stamp of what it read.
func (g *storeGate) run(f func()) uint64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	f()
	g.n++
	return g.n
}

// notesSnapshot is the store's content as read by one Cmd.
type notesSnapshot struct {
	stamp      uint64 // from storeGate: later reads have larger stamps
	codes      []notes.Code
	all        []notes.Note
	undo, redo string
	canUndo    bool
	canRedo    bool
	last       string // the tag last applied, in any session
}

// notesOpenedMsg reports the store opened (or why it could not be).
type notesOpenedMsg struct {
	store    *notes.Store
	snap     notesSnapshot
	moved    int
	orphaned int
	err      error
}

// notesDoneMsg reports a store change finished and carries the store as it
// is afterwards. what says what was done, for the status line.
type notesDoneMsg struct {
	what string
	tag  string // tag applied, remembered for repeat
	snap notesSnapshot
	read bool // snap was read
	err  error
}

// noteMark is what the read view draws beside a tagged sentence.
type noteMark struct {
	style lipgloss.Style
	spans []span // the passages of the notes covering the sentence, in article bytes
	memo  []bool // per span: its note has a memo
}

// on returns how many of the mark's passages share a byte with the line
// showing the article's bytes [start, end), and whether one of them that
// has a memo starts on it; a line with no bytes (none known) counts every
// passage and every memo.
func (mk noteMark) on(start, end int) (n int, memo bool) {
	for i, sp := range mk.spans {
		known := end > start
		if known && !(sp.start < end && start < sp.end) {
			continue
		}
		n++
		if i < len(mk.memo) && mk.memo[i] && (!known || start <= sp.start && sp.start < end) {
			memo = true
		}
	}
	return n, memo
}

// noteIndex is the notes placed on the loaded corpus, indexed for drawing:
// marks[article][sentence]. It is rebuilt in Update when the notes change
// and read by the read view's View.
type noteIndex struct {
	marks map[int]map[int]noteMark
}

// notesState is the root's view of the notes store.
type notesState struct {
	store   *notes.Store
	path    string
	err     error // the store could not be opened: tagging is off
	opening bool
	pending int // store calls under way
	snap    notesSnapshot
	last    string // last tag applied, for repeat
	keys    *NotesKeyMap
	// poll is how often the store is asked whether another window changed
	// it; 0 turns polling off (tests).
	poll time.Duration
	gate *storeGate
	seen uint64 // stamp of the installed snapshot
}

// notesPollMsg asks the store whether another process changed it.
type notesPollMsg struct{}

// notesRefreshedMsg carries the store re-read after another process
// changed it.
type notesRefreshedMsg struct {
	changed bool
	snap    notesSnapshot
	err     error
}

// pollNotes schedules the next check for changes made elsewhere.
func (m *Model) pollNotes() tea.Cmd {
	if m.notes.poll <= 0 || m.notes.store == nil {
		return nil
	}
	return tea.Tick(m.notes.poll, func(time.Time) tea.Msg { return notesPollMsg{} })
}

// loadSnapshot reads everything the UI shows from the store.
func loadSnapshot(s *notes.Store) (notesSnapshot, error) {
	var sn notesSnapshot
	var err error
	if sn.codes, err = s.Codebook(); err != nil {
		return sn, err
	}
	if sn.all, err = s.Notes(); err != nil {
		return sn, err
	}
	sn.undo, sn.canUndo = s.CanUndo()
	sn.redo, sn.canRedo = s.CanRedo()
	if sn.last, err = s.LastTag(); err != nil {
		return sn, err
	}
	return sn, nil
}

// openNotes opens the notes store in a Cmd and re-anchors its notes on the
// loaded corpus.
func (m *Model) openNotes() tea.Cmd {
	if m.ctx.Data == nil {
		return nil
	}
	c := m.ctx.Data.Corpus
	path := m.opts.NotesPath
	if path == "" {
		path = notes.DefaultPath(c, m.opts.Paths)
	}
	m.notes.path = path
	m.notes.opening = true
	gate := m.notes.gate
	return func() tea.Msg {
		s, err := notes.Open(path)
		if err != nil {
			return notesOpenedMsg{err: err}
		}
		moved, orph, err := s.Reanchor(c)
		if err != nil {
			s.Close()
			return notesOpenedMsg{err: fmt.Errorf("re-anchor notes: %w", err)}
		}
		var sn notesSnapshot
		stamp := gate.run(func() { sn, err = loadSnapshot(s) })
		sn.stamp = stamp
		if err != nil {
			s.Close()
			return notesOpenedMsg{err: err}
		}
		return notesOpenedMsg{store: s, snap: sn, moved: moved, orphaned: orph}
	}
}

// closeNotes closes the store when the program ends; every change is
// already on disk.
func (m *Model) closeNotes() {
	if m.notes.store != nil {
		m.notes.store.Close()
	}
}

// notesDo runs a change on the store in a Cmd and reads the store back.
// The status line says "saving" until the result arrives.
func (m *Model) notesDo(tag string, op func(s *notes.Store) (string, error)) tea.Cmd {
	s := m.notes.store
	if s == nil {
		return m.flash(m.notesUnavailable())
	}
	m.notes.pending++
	gate := m.notes.gate
	return func() tea.Msg {
		var (
			what      string
			err, rerr error
			sn        notesSnapshot
		)
		stamp := gate.run(func() {
			what, err = op(s)
			sn, rerr = loadSnapshot(s)
		})
		sn.stamp = stamp
		if err == nil {
			err = rerr
		}
		return notesDoneMsg{what: what, tag: tag, snap: sn, read: rerr == nil, err: err}
	}
}

// notesUnavailable says why tagging is off.
func (m *Model) notesUnavailable() string {
	if m.notes.err != nil {
		// Where to read it all first: the error is long and the status
		// line short.
		return "notes unavailable (" + m.ctx.Keys.ViewNotes.Help().Key + " shows why): " + m.notes.err.Error()
	}
	return "the notes file is still opening"
}

// updateNotesMsg handles the store's result messages.
func (m *Model) updateNotesMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case notesOpenedMsg:
		m.notes.opening = false
		k := m.ctx.Keys
		k.ViewNotes.SetEnabled(true)
		if msg.err != nil {
			m.notes.err = msg.err
			m.setNotesKeys(false)
			// t stays, to say why tagging is off.
			k.Tag.SetEnabled(true)
			k.Tag.SetHelp(k.Tag.Help().Key, "tagging off: notes file refused ("+k.ViewNotes.Help().Key+" says why)")
			return m.flash("notes unavailable (tagging off): " + msg.err.Error()), true
		}
		m.notes.store = msg.store
		m.notes.path = msg.store.Path()
		m.setNotesKeys(true)
		m.installSnapshot(msg.snap)
		if msg.orphaned > 0 || msg.moved > 0 {
			return tea.Batch(m.pollNotes(), m.flash(fmt.Sprintf("notes re-anchored: %d moved, %d orphaned (listed in the notes view)", msg.moved, msg.orphaned))), true
		}
		return m.pollNotes(), true
	case notesPollMsg:
		s := m.notes.store
		if s == nil {
			return nil, true
		}
		gate := m.notes.gate
		return func() tea.Msg {
			var (
				changed bool
				err     error
				sn      notesSnapshot
			)
			stamp := gate.run(func() {
				if changed, err = s.Refresh(); err == nil && changed {
					sn, err = loadSnapshot(s)
				}
			})
			sn.stamp = stamp
			return notesRefreshedMsg{changed: changed, snap: sn, err: err}
		}, true
	case notesRefreshedMsg:
		if msg.changed && msg.err == nil {
			m.installSnapshot(msg.snap)
		}
		return m.pollNotes(), true
	case notesDoneMsg:
		m.notes.pending = max(m.notes.pending-1, 0)
		if msg.tag != "" && msg.err == nil {
			m.notes.last = msg.tag
		}
		if msg.read {
			m.installSnapshot(msg.snap)
		}
		if msg.err != nil {
			return m.flash(friendlyNotesErr(msg.err)), true
		}
		if msg.what != "" {
			return m.flash(msg.what), true
		}
		return nil, true
	case editorReadyMsg:
		return m.editorReady(msg), true
	case editorDoneMsg:
		return m.editorDone(msg), true
	case exportDoneMsg, exportPreviewMsg:
		return m.exportMsg(msg), true
	}
	return nil, false
}

// friendlyNotesErr turns a store error into a status line message.
func friendlyNotesErr(err error) string {
	switch {
	case errors.Is(err, notes.ErrNothingToUndo):
		return "nothing to undo"
	case errors.Is(err, notes.ErrNothingToRedo):
		return "nothing to redo"
	case errors.Is(err, notes.ErrConflict):
		return "not undone: another window changed it since (" + err.Error() + ")"
	}
	return "notes: " + err.Error()
}

// editorError says why $EDITOR did not give a memo back. An editor that
// is not there (none set, so the default, nano; or a name set wrong) is
// told how to set one: the memo dialog is still open, and enter saves what
// was typed in it.
func editorError(err error) string {
	const orSave = "; enter saves the memo typed here"
	var ee *exec.Error
	var pe *fs.PathError
	// Not on the PATH, or a path to nothing ("fork/exec /x: no such
	// file"); not the memo's temp file gone after the editor ran.
	missing := errors.Is(err, exec.ErrNotFound) ||
		errors.As(err, &pe) && strings.HasSuffix(pe.Op, "exec") && errors.Is(err, fs.ErrNotExist)
	if !missing {
		return "editor: " + err.Error() + orSave
	}
	set := strings.Fields(os.Getenv("EDITOR"))
	if len(set) == 0 {
		return "no editor found: set $EDITOR (for example EDITOR=vim) to edit memos in your editor" + orSave
	}
	name := set[0]
	if errors.As(err, &ee) {
		name = ee.Name
	}
	return fmt.Sprintf("editor “%s” (from $EDITOR) not found: set $EDITOR to an installed editor (for example EDITOR=vim)%s", oneLine(name), orSave)
}

// setNotesKeys enables or disables every key that needs the store.
func (m *Model) setNotesKeys(on bool) {
	k, nk := m.ctx.Keys, m.notes.keys
	for _, b := range []*key.Binding{&k.Tag, &k.Visual, &k.Export, &nk.Memo, &nk.Repeat, &nk.Undo, &nk.Redo, &nk.ListTags,
		&nk.TrimStart, &nk.TrimEnd, &nk.GrowStart, &nk.GrowEnd, &nk.Retag, &nk.Delete, &nk.Codebook} {
		b.SetEnabled(on)
	}
	if on {
		m.refreshUndoKeys()
	}
}

// refreshUndoKeys describes the next undo and redo in their help.
func (m *Model) refreshUndoKeys() {
	nk := m.notes.keys
	sn := m.notes.snap
	// The keys stay in the help when there is nothing to undo, redo or
	// repeat yet, so a newcomer finds them; pressed then, they say so.
	nk.Undo.SetHelp("u", "undo")
	if sn.canUndo {
		nk.Undo.SetHelp("u", "undo "+ellipsize(oneLine(sn.undo), 30))
	}
	nk.Redo.SetHelp("ctrl+r", "redo")
	if sn.canRedo {
		nk.Redo.SetHelp("ctrl+r", "redo "+ellipsize(oneLine(sn.redo), 30))
	}
	nk.Repeat.SetHelp(".", "tag again with the last tag")
	if m.notes.last != "" {
		nk.Repeat.SetHelp(".", "tag again: "+m.notes.last)
	}
}

// installSnapshot takes the store's content and rebuilds the marks.
func (m *Model) installSnapshot(sn notesSnapshot) {
	if sn.stamp <= m.notes.seen {
		return // read before the snapshot already shown
	}
	m.notes.seen = sn.stamp
	m.notes.snap = sn
	if m.notes.last == "" {
		// "Tag again" starts from the tag last applied in an earlier
		// session; this session's own tags take over from there.
		m.notes.last = sn.last
	}
	if m.ctx.notes == nil {
		m.ctx.notes = &noteIndex{}
	}
	m.ctx.notes.marks = buildMarks(m.ctx.Data, m.ctx.Styles, sn)
	m.refreshUndoKeys()
	m.notesView.refresh(sn)
}

// codeColour returns the colour of a tag ("" when unknown).
func codeColour(codes []notes.Code, name string) string {
	for _, c := range codes {
		if c.Name == name {
			return c.Colour
		}
	}
	return ""
}

// tagStyle is the style a tag's colour is drawn in (bold in monochrome).
func tagStyle(st *Styles, colour string) lipgloss.Style {
	if st.Mono || colour == "" {
		return st.Bold
	}
	return st.Bold.Foreground(lipgloss.Color(colour))
}

// buildMarks maps each sentence covered by a placed note to its mark.
func buildMarks(d *Data, st *Styles, sn notesSnapshot) map[int]map[int]noteMark {
	marks := map[int]map[int]noteMark{}
	if d == nil {
		return marks
	}
	for _, n := range sn.all {
		if n.Orphaned {
			continue
		}
		a, ok := d.artIndex[n.Anchor.Article]
		if !ok {
			continue
		}
		colour := ""
		if len(n.Tags) > 0 {
			colour = codeColour(sn.codes, n.Tags[0])
		}
		for _, s := range sentencesIn(d.article(a), n.Anchor.Start, n.Anchor.End) {
			if marks[a] == nil {
				marks[a] = map[int]noteMark{}
			}
			mk, ok := marks[a][s]
			if !ok {
				mk.style = tagStyle(st, colour)
			}
			mk.spans = append(mk.spans, span{n.Anchor.Start, n.Anchor.End})
			mk.memo = append(mk.memo, n.Memo != "")
			marks[a][s] = mk
		}
	}
	return marks
}

// sentencesIn lists the sentences sharing at least one byte with [start, end).
func sentencesIn(art *corpus.Article, start, end int) []int {
	ss := art.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > start })
	var out []int
	for ; i < len(ss) && ss[i].Start < end; i++ {
		out = append(out, i)
	}
	return out
}

// sentenceOf returns the sentence holding byte offset off, -1 if none.
func sentenceOf(art *corpus.Article, off int) int {
	ss := art.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if i < len(ss) && ss[i].Start <= off {
		return i
	}
	if i < len(ss) {
		return i
	}
	return len(ss) - 1
}

// notesAt returns the placed notes overlapping sentence s of article a.
func (m *Model) notesAt(a, s int) []notes.Note {
	if m.ctx.Data == nil || a < 0 {
		return nil
	}
	art := m.ctx.Data.article(a)
	if s < 0 || s >= len(art.Sentences) {
		return nil
	}
	sp := art.Sentences[s]
	return notes.Overlapping(m.notes.snap.all, art.ID, sp.Start, sp.End)
}

// notesStatus is the status line's notes indicator: the file and whether
// every change is saved. The file's name depends on the width only, so
// that every view names it alike: "notes" below 100 cells, its base name
// below 140, its path (home as ~) from there.
func (m Model) notesStatus() string {
	st := m.ctx.Styles
	switch {
	case m.notes.err != nil:
		return st.Error.Render("notes unavailable") + " "
	case m.notes.opening:
		return st.Muted.Render("notes opening…") + " "
	case m.notes.store == nil:
		return ""
	}
	sel := ""
	if a := m.read.focusedArticle(); m.view == viewRead && !m.dialogOpen() {
		// The mode says VISUAL; this says how much, and at width what to do.
		if lo, hi, ok := m.read.selRange(a); ok && !m.read.trimmed(a) {
			sel = st.Accent.Render(fmt.Sprintf("%s: %s tag · esc cancel", plural(hi-lo+1, "sentence"), m.ctx.Keys.Tag.Help().Key)) + " "
			if m.width < 120 {
				sel = st.Accent.Render(plural(hi-lo+1, "sentence")) + " "
			}
		}
	}
	name := "notes"
	if m.width >= 100 {
		name = shortPath(m.notes.path, m.width >= 140)
	}
	state := st.Muted.Render("✓saved")
	if m.notes.pending > 0 {
		state = st.Warn.Render("saving…")
	}
	return sel + st.Muted.Render(name) + " " + state + " "
}

// shortPath shortens a notes path for the status line: the base name, or
// with long set, the path with the home folder as ~ and the middle cut.
func shortPath(p string, long bool) string {
	if !long {
		return filepath.Base(p)
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && strings.HasPrefix(p, home+string(filepath.Separator)) {
		p = "~" + p[len(home):]
	}
	if len(p) > 40 {
		p = "…" + p[len(p)-39:]
	}
	return p
}
