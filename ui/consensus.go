package ui

import (
	"fmt"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/agreement"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// The consensus notes file the Disagreements view writes to: opened (and
// created) the first time the view opens, kept open until the reader
// quits, written at once on every decision, one undoable change each.

// ConsensusFileName is the consensus file's name beside one's notes file
// when --consensus is not given; hidden, so a folder corpus never loads it.
const ConsensusFileName = ".parallax-consensus.db"

// consensusState is the consensus file as the reader holds it.
type consensusState struct {
	path  string
	store *notes.Store
	notes []notes.Note // as last read
	undo  string       // what Undo would take back ("" nothing)
	redo  string       // what Redo would do again ("" nothing)
}

// close closes the file; every decision is already on disk.
func (c *consensusState) close() {
	if c != nil && c.store != nil {
		c.store.Close()
	}
}

// consensusPath is where the consensus goes: --consensus, else
// ConsensusFileName beside one's notes file.
func (n *notesService) consensusPath() string {
	if n.consensus != nil && n.consensus.path != "" {
		return n.consensus.path
	}
	return filepath.Join(filepath.Dir(n.path), ConsensusFileName)
}

// disagreeLoadedMsg carries the disagreements worked out for a view, and
// the consensus file opened for it.
type disagreeLoadedMsg struct {
	to     *disagreeView
	items  []agreement.Disagreement
	agreed []agreement.Disagreement // the units every coder applied the code to
	coders []agreement.Coder
	store  *notes.Store // opened now; nil when it was open already
	cnotes []notes.Note
	undo   string
	redo   string
	err    error
}

func (m disagreeLoadedMsg) asker() layer { return m.to }
func (m disagreeLoadedMsg) unclaimed() tea.Cmd {
	if m.store != nil {
		m.store.Close()
	}
	return nil
}

// consensusDoneMsg reports a decision written to the consensus file (or
// undone) and the file as it is now.
type consensusDoneMsg struct {
	to     *disagreeView
	what   string
	cnotes []notes.Note
	undo   string
	redo   string
	undid  bool
	redid  bool
	err    error
}

func (m consensusDoneMsg) asker() layer { return m.to }
func (m consensusDoneMsg) unclaimed() tea.Cmd {
	if m.err != nil {
		return say("consensus: " + m.err.Error())
	}
	return say(m.what)
}

// loadDisagreements works out the disagreements of the coders on the data
// open, in a Cmd, and opens the consensus file unless it is open.
func loadDisagreements(v *disagreeView, c *corpus.Corpus, coders []agreement.Coder, codes []string, cs *consensusState, coder string) tea.Cmd {
	open := cs.store
	path := cs.path
	return func() tea.Msg {
		msg := disagreeLoadedMsg{to: v, coders: coders}
		msg.items = agreement.Disagreements(c, coders, agreement.Options{Codes: codes})
		msg.agreed = agreement.Agreed(c, coders, agreement.Options{Codes: codes})
		s := open
		if s == nil {
			var opts []notes.Option
			if coder != "" {
				opts = append(opts, notes.WithCoder(coder))
			}
			var err error
			if s, err = notes.Open(path, opts...); err != nil {
				msg.err = fmt.Errorf("consensus file: %w", err)
				return msg
			}
			if _, _, err := s.Reanchor(c); err != nil {
				s.Close()
				msg.err = fmt.Errorf("consensus file: %w", err)
				return msg
			}
			msg.store = s
		}
		msg.cnotes, msg.undo, msg.redo, msg.err = readConsensus(s)
		return msg
	}
}

// readConsensus reads the consensus file's notes and what undo and redo
// would do.
func readConsensus(s *notes.Store) ([]notes.Note, string, string, error) {
	ns, err := s.Notes()
	if err != nil {
		return nil, "", "", fmt.Errorf("read the consensus file: %w", err)
	}
	undo, _ := s.CanUndo()
	redo, _ := s.CanRedo()
	return ns, undo, redo, nil
}

// decide writes u to the consensus file in a Cmd.
func decide(v *disagreeView, s *notes.Store, u notes.UnitCoding, what string) tea.Cmd {
	return write(v, what, func() error { return s.SetUnitCoding(u) })
}

// takeOver writes the codings the coders agree on to the consensus file,
// as one change, in a Cmd.
func takeOver(v *disagreeView, s *notes.Store, us []notes.UnitCoding, what string) tea.Cmd {
	desc := fmt.Sprintf("took over %d codings the coders agree on", len(us))
	return write(v, what, func() error { return s.SetUnitCodings(us, desc, "dropped "+desc[len("took over "):]) })
}

// write runs a change of the consensus file and reads it back, in a Cmd.
func write(v *disagreeView, what string, change func() error) tea.Cmd {
	s := v.cs.store
	return func() tea.Msg {
		msg := consensusDoneMsg{to: v, what: what}
		if msg.err = change(); msg.err != nil {
			return msg
		}
		msg.cnotes, msg.undo, msg.redo, msg.err = readConsensus(s)
		return msg
	}
}

// undoConsensus takes back the consensus file's last change (undo), or
// makes the last change taken back again (redo), in a Cmd.
func undoConsensus(v *disagreeView, s *notes.Store, undo bool) tea.Cmd {
	return func() tea.Msg {
		msg := consensusDoneMsg{to: v, undid: undo, redid: !undo}
		step, word := s.UndoStep, "undone: " // names the change taken back, as the notes do
		if !undo {
			step, word = s.Redo, "redone: "
		}
		what, err := step()
		if err != nil {
			msg.err = err
			return msg
		}
		msg.what = "consensus: " + word + what
		msg.cnotes, msg.undo, msg.redo, msg.err = readConsensus(s)
		return msg
	}
}
