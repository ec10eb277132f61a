package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// The notes store as the reader sees it. Every store call is I/O: it runs
// in a tea.Cmd, and the service changes only when the result message comes
// back (notesOpenedMsg, notesDoneMsg) and the root hands it over (update).

// notesService is the reader's side of the notes file: it opens the store,
// runs every change in a tea.Cmd, installs the snapshots those read back,
// and keeps the marks the read view draws from them. It is shared through
// the Context: pages ask it for store calls and read its snapshot.
type notesService struct {
	ctx     *Context
	store   *notes.Store
	path    string
	err     error // the store could not be opened: tagging is off
	opening bool
	created bool // the notes file exists (it is made by the first change)
	pending int  // store calls under way
	snap    notesSnapshot
	last    string // last tag applied, for repeat
	keys    *NotesKeyMap
	// poll is how often the store is asked whether another window changed
	// it; 0 turns polling off (tests).
	poll time.Duration
	gate *storeGate
	seen uint64 // stamp of the installed snapshot
	// marks are the notes placed on the open data, for drawing:
	// marks[article][sentence]. They are rebuilt when the notes or the
	// data change and read by the read view's View.
	marks map[int]map[int]noteMark

	// coder is who the reader's changes are recorded as (Options.Coder).
	coder string
	// comparePaths are other coders' notes files (Options.CompareNotes),
	// read once when the notes open; others is what was read of them.
	comparePaths []string
	others       []otherNotes
	// consensus is the Disagreements view's notes file (consensus.go).
	consensus *consensusState
	// madeOn are the library versions notes made on an earlier text were
	// made on, madeOnAsked those asked for (madeon.go); bg is the
	// reader's background context, for asking.
	madeOn      map[madeOnKey]madeOnVersion
	madeOnAsked map[madeOnKey]bool
	bg          context.Context
}

// newNotesService returns the service of a reader whose store is not open
// yet: the keys that need it are off.
func newNotesService(ctx *Context) *notesService {
	n := &notesService{ctx: ctx, keys: DefaultNotesKeyMap(), poll: 2 * time.Second, gate: &storeGate{}}
	n.setKeys(false)
	return n
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
	// corrections are the story corrections, in the order they apply.
	corrections []notes.Correction
}

// notesOpenedMsg reports the store opened (or why it could not be).
type notesOpenedMsg struct {
	store    *notes.Store
	created  bool
	others   []otherNotes
	snap     notesSnapshot
	moved    int
	orphaned int
	err      error
}

// notesDoneMsg reports a store change finished and carries the store as it
// is afterwards. what says what was done, for the status line.
type notesDoneMsg struct {
	what    string
	tag     string // tag applied, remembered for repeat
	snap    notesSnapshot
	read    bool // snap was read
	created bool // the notes file exists now
	err     error
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
	if sn.corrections, err = s.Corrections(); err != nil {
		return sn, err
	}
	return sn, nil
}

// open opens the notes file at path in a Cmd and re-anchors its notes on
// the corpus as loaded.
func (n *notesService) open(c *corpus.Corpus, path string) tea.Cmd {
	n.path = path
	n.opening = true
	gate := n.gate
	var opts []notes.Option
	if n.coder != "" {
		opts = append(opts, notes.WithCoder(n.coder))
	}
	compare := n.comparePaths
	return func() tea.Msg {
		others := readOthers(c, compare)
		// Deferred: opening a folder to read it leaves no notes file in
		// it; the first change creates the file.
		s, err := notes.OpenDeferred(path, opts...)
		if err != nil {
			return notesOpenedMsg{err: err, others: others}
		}
		moved, orph, err := s.Reanchor(c)
		if err != nil {
			s.Close()
			return notesOpenedMsg{err: fmt.Errorf("re-anchor notes: %w", err), others: others}
		}
		var sn notesSnapshot
		stamp := gate.run(func() { sn, err = loadSnapshot(s) })
		sn.stamp = stamp
		if err != nil {
			s.Close()
			return notesOpenedMsg{err: err, others: others}
		}
		return notesOpenedMsg{store: s, created: s.Created(), others: others, snap: sn, moved: moved, orphaned: orph}
	}
}

// close closes the store when the program ends; every change is already
// on disk.
func (n *notesService) close() {
	if n.store != nil {
		n.store.Close()
	}
	n.consensus.close()
}

// do runs a change on the store in a Cmd and reads the store back; what
// the change returns is said in the status line when it is done, which
// says "saving" until then. tag is the tag applied, for repeating it.
func (n *notesService) do(tag string, op func(s *notes.Store) (string, error)) tea.Cmd {
	s := n.store
	if s == nil {
		return say(n.unavailable())
	}
	n.pending++
	gate := n.gate
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
		return notesDoneMsg{what: what, tag: tag, snap: sn, read: rerr == nil, created: s.Created(), err: err}
	}
}

// unavailable says why tagging is off.
func (n *notesService) unavailable() string {
	if n.err != nil {
		// Where to read it all first: the error is long and the status
		// line short.
		return "notes unavailable (" + n.ctx.Keys.ViewNotes.Help().Key + " shows why): " + n.err.Error()
	}
	return "the notes file is still opening"
}

// poll schedules the next check for changes made elsewhere.
func (n *notesService) pollCmd() tea.Cmd {
	if n.poll <= 0 || n.store == nil {
		return nil
	}
	return tea.Tick(n.poll, func(time.Time) tea.Msg { return notesPollMsg{} })
}

// update handles the store's result messages; ok is false for any other
// message.
func (n *notesService) update(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case notesOpenedMsg:
		n.opening = false
		n.others = msg.others
		k := n.ctx.Keys
		k.ViewNotes.SetEnabled(true)
		if msg.err != nil {
			n.err = msg.err
			n.setKeys(false)
			// t stays, to say why tagging is off.
			k.Tag.SetEnabled(true)
			k.Tag.SetHelp(k.Tag.Help().Key, "tagging off: notes file refused ("+k.ViewNotes.Help().Key+" says why)")
			return say("notes unavailable (tagging off): " + msg.err.Error()), true
		}
		n.store = msg.store
		n.created = msg.created
		n.path = msg.store.Path()
		n.setKeys(true)
		n.install(msg.snap)
		if bad := n.othersProblem(); bad != "" {
			return tea.Batch(n.pollCmd(), n.resolveMadeOn(), say(bad)), true
		}
		if msg.orphaned > 0 || msg.moved > 0 {
			return tea.Batch(n.pollCmd(), n.resolveMadeOn(), say(fmt.Sprintf("notes re-anchored: %d moved, %d orphaned (listed in the notes view)", msg.moved, msg.orphaned))), true
		}
		return tea.Batch(n.pollCmd(), n.resolveMadeOn()), true
	case madeOnMsg:
		n.setMadeOn(msg)
		return nil, true
	case notesPollMsg:
		s := n.store
		if s == nil {
			return nil, true
		}
		gate := n.gate
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
			n.created = true // another window may have made the file
			n.install(msg.snap)
			return tea.Batch(n.pollCmd(), n.resolveMadeOn()), true
		}
		return n.pollCmd(), true
	case notesDoneMsg:
		n.pending = max(n.pending-1, 0)
		n.created = n.created || msg.created
		if msg.tag != "" && msg.err == nil {
			n.last = msg.tag
		}
		if msg.read {
			n.install(msg.snap)
		}
		if msg.err != nil {
			return say(friendlyNotesErr(msg.err)), true
		}
		if msg.what != "" {
			return say(msg.what), true
		}
		return nil, true
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
// was typed in it. editorEnv is the value of $EDITOR, save the key that
// saves the memo.
func editorError(err error, editorEnv string, save key.Binding) string {
	orSave := "; " + save.Help().Key + " saves the memo typed here"
	var ee *exec.Error
	var pe *fs.PathError
	// Not on the PATH, or a path to nothing ("fork/exec /x: no such
	// file"); not the memo's temp file gone after the editor ran.
	missing := errors.Is(err, exec.ErrNotFound) ||
		errors.As(err, &pe) && strings.HasSuffix(pe.Op, "exec") && errors.Is(err, fs.ErrNotExist)
	if !missing {
		return "editor: " + err.Error() + orSave
	}
	set := strings.Fields(editorEnv)
	if len(set) == 0 {
		return "no editor found: set $EDITOR (for example EDITOR=vim) to edit memos in your editor" + orSave
	}
	name := set[0]
	if errors.As(err, &ee) {
		name = ee.Name
	}
	return fmt.Sprintf("editor “%s” (from $EDITOR) not found: set $EDITOR to an installed editor (for example EDITOR=vim)%s", oneLine(name), orSave)
}

// setKeys enables or disables every key that needs the store.
func (n *notesService) setKeys(on bool) {
	k, nk := n.ctx.Keys, n.keys
	for _, b := range []*key.Binding{&k.Tag, &k.Visual, &k.Export, &nk.Memo, &nk.Repeat, &nk.Undo, &nk.Redo, &nk.ListTags,
		&nk.TrimStart, &nk.TrimEnd, &nk.GrowStart, &nk.GrowEnd, &nk.Retag, &nk.Delete, &nk.Codebook} {
		b.SetEnabled(on)
	}
	if on {
		n.refreshUndoKeys()
	}
}

// refreshUndoKeys describes the next undo and redo in their help.
func (n *notesService) refreshUndoKeys() {
	nk := n.keys
	sn := n.snap
	// The keys stay in the help when there is nothing to undo, redo or
	// repeat yet, so a newcomer finds them; pressed then, they say so.
	nk.Undo.SetHelp(nk.Undo.Help().Key, "undo")
	if sn.canUndo {
		nk.Undo.SetHelp(nk.Undo.Help().Key, "undo "+ellipsize(oneLine(sn.undo), 30))
	}
	nk.Redo.SetHelp(nk.Redo.Help().Key, "redo")
	if sn.canRedo {
		nk.Redo.SetHelp(nk.Redo.Help().Key, "redo "+ellipsize(oneLine(sn.redo), 30))
	}
	nk.Repeat.SetHelp(nk.Repeat.Help().Key, "tag again with the last tag")
	if n.last != "" {
		nk.Repeat.SetHelp(nk.Repeat.Help().Key, "tag again: "+n.last)
	}
}

// install takes the store's content and rebuilds the marks.
func (n *notesService) install(sn notesSnapshot) {
	if sn.stamp <= n.seen {
		return // read before the snapshot already shown
	}
	n.seen = sn.stamp
	n.snap = sn
	if n.last == "" {
		// "Tag again" starts from the tag last applied in an earlier
		// session; this session's own tags take over from there.
		n.last = sn.last
	}
	n.remark()
	n.refreshUndoKeys()
}

// remark places the notes on the open data again (after the notes or the
// data changed).
func (n *notesService) remark() {
	n.marks = buildMarks(n.ctx.Data, n.ctx.Styles, n.snap, n.otherNotes())
}

// at returns the placed notes overlapping sentence s of article a of the
// open data (a merged column's article included).
func (n *notesService) at(a, s int) []notes.Note {
	d := n.ctx.Data
	if d == nil || a < 0 {
		return nil
	}
	a, s = d.real(a, s) // the article of a merged column
	art := d.article(a)
	if s < 0 || s >= len(art.Sentences) {
		return nil
	}
	sp := art.Sentences[s]
	return notes.Overlapping(n.snap.all, art.ID, sp.Start, sp.End)
}

// tagItems lists the codebook for a tag chooser, with how many passages
// have each tag.
func (n *notesService) tagItems() []chooseItem {
	items := codeItems(n.snap.codes)
	uses := map[string]int{}
	for _, note := range n.snap.all {
		for _, t := range note.Tags {
			uses[t]++
		}
	}
	for i := range items {
		items[i].uses = uses[items[i].name]
	}
	return items
}

// saveCorrection saves a story correction in the notes file, in a Cmd.
func (n *notesService) saveCorrection(c notes.Correction) tea.Cmd {
	if n.store == nil {
		return say("story corrections are kept in the notes file: " + n.unavailable())
	}
	undo := n.keys.Undo.Help().Key
	return n.do("", func(s *notes.Store) (string, error) {
		saved, err := s.AddCorrection(c)
		if err != nil {
			return "", err
		}
		return "saved: " + saved.Description + " (" + undo + " undoes)", nil
	})
}

// status is the status line's notes indicator: the file and whether every
// change is saved. The file's name depends on the width only, so that
// every view names it alike: "notes" below 100 cells, its base name below
// 140, its path (home as ~) from there.
func (n *notesService) status(width int) string {
	st := n.ctx.Styles
	switch {
	case n.err != nil:
		return st.Error.Render("notes unavailable") + " "
	case n.opening:
		return st.Muted.Render("notes opening…") + " "
	case n.store == nil:
		return ""
	}
	name := "notes"
	if width >= 100 {
		name = shortPath(n.path, width >= 140)
	}
	state := st.Muted.Render("✓saved")
	switch {
	case n.pending > 0:
		state = st.Warn.Render("saving…")
	case !n.created:
		// No file yet: reading leaves none; the first change makes it.
		state = st.Muted.Render("none yet")
	}
	return st.Muted.Render(name) + " " + state + " "
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
