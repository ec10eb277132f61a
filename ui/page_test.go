package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
)

// The root routes through its table of pages: every tab's key shows its
// page, and the body on screen is that page's view.
func TestEveryTabKeyShowsItsPage(t *testing.T) {
	c, a := storyFixture()
	m := newTestModel(t, c, a, 100, 30)
	m.opts.NotesPath = filepath.Join(t.TempDir(), "notes.db")
	m.ctx.notes.poll = 0
	m = runCmd(m, openNotes(m), 0)
	t.Cleanup(func() { m.ctx.notes.store.Close() })
	for _, tab := range tabOrder {
		b := tab.key(m.ctx.Keys)
		if !b.Enabled() {
			t.Fatalf("%s: its key is off", tab.label)
		}
		m = send(m, keyMsg(firstKey(b)))
		if m.view != tab.id || m.page() != m.byID[tab.id] || m.byID[tab.id] == nil {
			t.Fatalf("%s: view %d", tab.label, m.view)
		}
		body := strings.Split(m.View(), "\n")[chromeTop : 30-chromeBottom]
		if got, want := strings.Join(body, "\n"), m.page().View(); got != want {
			t.Errorf("%s: the body is not the page's view", tab.label)
		}
		if st := ansi.Strip(m.chrome().statusView()); !strings.HasPrefix(strings.TrimSpace(st), tab.mode) {
			t.Errorf("%s: status line %q", tab.label, st)
		}
	}
}

// drain runs cmd and the Cmds it batches, and returns the messages they
// produce (ticks and blinks dropped).
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, drain(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// A page speaks to the status line with a statusMsg: nothing the root has
// to look for in it afterwards.
func TestReadPageSaysThroughStatusMsg(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 100, 30)
	var said []string
	for _, msg := range drain(m.read.Update(keyMsg("p"))) {
		if s, ok := msg.(statusMsg); ok {
			said = append(said, string(s))
		}
	}
	if len(said) != 1 || !strings.Contains(said[0], "pinned as the reference column") {
		t.Fatalf("p said %q", said)
	}
	if m = send(m, keys("p")...); !strings.Contains(m.msg, "reference unpinned") {
		t.Fatalf("the root shows %q", m.msg)
	}
}

// A dialog's answer goes to the page that opened it, whichever page is on
// screen when it arrives, and does not change the page.
func TestDialogAnswerGoesToThePageThatAsked(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	an, _, ok := m.read.tagTarget()
	if !ok {
		t.Fatal("nothing to tag")
	}
	m = send(m, keys("4")...)
	m = send(m, chosenMsg{to: viewRead, req: tagReq{an}, item: chooseItem{name: "blame"}, isNew: true})
	ns := storeNotes(t, path)
	if len(ns) != 1 || ns[0].Tags[0] != "blame" || m.view != viewNotes {
		t.Fatalf("the read view's answer: notes %+v, view %d", ns, m.view)
	}
	m = send(m, keys("1")...)
	m = send(m, confirmedMsg{to: viewNotes, req: deleteNoteReq{ns[0].ID}})
	if ns := storeNotes(t, path); len(ns) != 0 || m.view != viewRead {
		t.Fatalf("the notes view's answer: notes %+v, view %d", ns, m.view)
	}
	// An answer to another question is not taken for this one.
	m = send(m, chosenMsg{to: viewRead, req: sentenceTagsReq{}, item: chooseItem{name: "x"}})
	if ns := storeNotes(t, path); len(ns) != 0 {
		t.Fatalf("a sentence's tag list tagged: %+v", ns)
	}
}

// The export's answer goes to the dialog that asked; when that dialog has
// closed, it still says what it wrote and leaves another dialog open.
func TestExportAnswerAfterItsDialogClosed(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("e")...)
	e := exportOf(m)
	if e == nil {
		t.Fatal("e opened no export dialog")
	}
	m = send(m, keys("esc m")...)
	if memoOf(m) == nil {
		t.Fatalf("no memo editor: %T", m.ctx.dialog)
	}
	m = send(m, exportDoneMsg{from: e, path: "/tmp/x.md", format: "md", count: 1})
	if !strings.Contains(m.msg, "exported 1 passage as md to /tmp/x.md") || memoOf(m) == nil {
		t.Fatalf("message %q, dialog %T", m.msg, m.ctx.dialog)
	}
}

// Every hint is built from the bindings: a key whose help changes changes
// every hint that names it.
func TestHintsFollowTheirBindings(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m.ctx.Keys.Back.SetHelp("ESC", "close / back")
	m.ctx.Keys.Confirm.SetHelp("RET", "confirm")
	m.ctx.notes.keys.No.SetHelp("N", "no")
	for _, tc := range []struct{ keys, want string }{
		{"t", "RET: apply, or create the new name · ESC: cancel"},
		{"esc 4 c a", "RET: ok · ESC: cancel"},
		{"esc d", "y: yes · N: no"},
		{"n esc e", "ESC: cancel"},
		{"esc 1 m", "RET: save"},
	} {
		m = send(m, keys(tc.keys)...)
		if v := ansi.Strip(m.View()); !strings.Contains(v, tc.want) {
			t.Errorf("after %q the hint lacks %q:\n%s", tc.keys, tc.want, v)
		}
	}
}

// The reader's lexicons come from Options.ConfigDir (the command line
// reads the environment), not from the process's environment.
func TestReaderLexiconsComeFromOptions(t *testing.T) {
	cfg := t.TempDir()
	if err := os.MkdirAll(filepath.Join(cfg, "lexicons"), 0o755); err != nil {
		t.Fatal(err)
	}
	lex := "@kind loaded\n@name mine\nnuclear deterrence | a reader test entry\n"
	if err := os.WriteFile(filepath.Join(cfg, "lexicons", "mine.txt"), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PARALLAX_CONFIG_DIR", cfg)
	has := func(opts Options) bool {
		opts.Corpus = corpus.Default()
		l := newLoadingModel(asciiContext(), 0)
		msg := l.work(context.Background(), opts, func(string, int, int) {}).(loadedMsg)
		for _, mk := range msg.data.Findings.Markers {
			if strings.Contains(mk.Reason, "a reader test entry") {
				return true
			}
		}
		return false
	}
	if has(Options{NotesPath: filepath.Join(t.TempDir(), "n.db")}) {
		t.Error("without a ConfigDir the reader read $PARALLAX_CONFIG_DIR's lexicons")
	}
	if !has(Options{ConfigDir: cfg, NotesPath: filepath.Join(t.TempDir(), "n.db")}) {
		t.Error("the reader did not read the lexicons of its ConfigDir")
	}
}

// A yes/no question shows every key that answers no, q among them, and q
// answers no (it does not quit, nor delete).
func TestQuestionNoKeys(t *testing.T) {
	m, path := newNotesModel(t, 100, 30)
	an, _, ok := m.read.tagTarget()
	if !ok {
		t.Fatal("nothing to tag")
	}
	m = send(m, chosenMsg{to: viewRead, req: tagReq{an}, item: chooseItem{name: "blame"}, isNew: true})
	m = send(m, keys("4")...)
	m = send(m, keys("d")...)
	if m.ctx.dialog == nil {
		t.Fatal("d opened no question")
	}
	if v := m.View(); !strings.Contains(v, "n/esc/q") {
		t.Fatalf("the question does not show q as no:\n%s", v)
	}
	nm, cmd := m.Update(keys("q")[0])
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q in a question quit")
		}
	}
	m = runCmd(*nm.(*Model), cmd, 0)
	if m.ctx.dialog != nil {
		t.Fatal("q did not answer no")
	}
	if ns := storeNotes(t, path); len(ns) != 1 {
		t.Fatalf("q deleted the note: %+v", ns)
	}
}
