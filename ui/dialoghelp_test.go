package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestEveryLayerHelpIsItsOwn: help over each overlay and dialog lists the
// keys that work there, and not the pages' or global keys, which a layer
// never receives; ? opens it, or f1 where ? is typed into the text (and
// ? is typed there); esc closes it, back to the layer as it was.
func TestEveryLayerHelpIsItsOwn(t *testing.T) {
	notesModel := func(t *testing.T) Model {
		m, _ := newNotesModel(t, 100, 30)
		m = send(m, keys("j")...)
		return tagHere(m, "blame")
	}
	storiesModel := func(t *testing.T) Model {
		m := lookalikeWithNotes(t, filepath.Join(t.TempDir(), "notes.db"), 120, 40)
		m = send(m, keys("0")...)
		return storyRowAt(t, m, 1)
	}
	libModel := func(t *testing.T) Model {
		c, a := testCorpus()
		m, _ := libraryModel(t, c, a, asciiContext(), 120, 30)
		return m
	}
	libStories := func(t *testing.T) Model {
		c, a := analysedCorpus(t, false)
		m, _ := libraryModel(t, c, a, asciiContext(), 100, 30)
		return m
	}
	disagreeModel := func(t *testing.T) Model {
		m, _ := twoCodersModel(t, 100, 30)
		return m
	}
	for _, tc := range []struct {
		name  string
		model func(*testing.T) Model
		open  string
		typed string // text typed before asking for help
		want  []string
	}{
		{"new tag", notesModel, "4 c a", "bl", []string{"enter", "keep draft", "ctrl+c"}},
		{"rename", notesModel, "4 c r", "", []string{"confirm", "esc"}},
		{"merge", notesModel, "4 c M", "", []string{"next in a chooser", "merge its passages"}},
		{"starter codebook", notesModel, "4 c S", "", []string{"add its tags", "bottom"}},
		{"delete tag", notesModel, "4 c d", "", []string{"y", "yes", "no"}},
		{"tag chooser", notesModel, "1 t", "", []string{"apply, or create the new name", "previous in a chooser"}},
		{"sentence tags", notesModel, "1 T", "", []string{"remove the tag", "bottom"}},
		{"memo", notesModel, "1 m", "a note", []string{"open $EDITOR", "new line", "keep draft", "save & quit"}},
		{"add a tag", notesModel, "4 t", "", []string{"apply, or create the new name"}},
		{"delete passage", notesModel, "4 d", "", []string{"yes"}},
		{"export formats", notesModel, "e", "", []string{"next field", "bottom"}},
		{"export path", notesModel, "e tab", "x", []string{"next field", "keep draft"}},
		{"why panel", notesModel, "1 w", "", []string{"w/enter close", "half page down"}},
		{"search list", notesModel, "1 / U S enter F", "", []string{"read this match", "close the list"}},
		{"story correction", storiesModel, "m", "", []string{"confirm", "half page down"}},
		{"disagreements", disagreeModel, "4 D", "", []string{"accept both", "show in read view"}},
		{"library search", libStories, "/", "mou", []string{"to the hits", "keep draft"}},
		{"versions", libModel, "1 tab V", "", []string{"diff from this one"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := send(tc.model(t), keys(tc.open)...)
			d, o := m.ctx.dialog, m.over
			if d == nil && o == nil {
				t.Fatalf("%q opened no layer", tc.open)
			}
			m = send(m, typeText(tc.typed)...)
			text := dialogText(m)
			help := "?"
			if m.typing() {
				m = send(m, keys("?")...)
				if m.showHelp || dialogText(m) != text+"?" {
					t.Fatalf("? in a text input: help %v, text %q", m.showHelp, dialogText(m))
				}
				m = send(m, keyMsg("backspace"))
				help = "f1"
			}
			m = send(m, keyMsg(help))
			v := ansi.Strip(m.View())
			if !m.showHelp || !strings.Contains(v, "Help — keys that work here") {
				t.Fatalf("%s did not open the layer's help:\n%s", help, v)
			}
			for _, w := range tc.want {
				if !strings.Contains(v, w) {
					t.Errorf("the help lacks %q:\n%s", w, v)
				}
			}
			// A page's or a global key would be a lie here.
			for _, w := range []string{"search all articles", "load problems", "next shared fact"} {
				if strings.Contains(v, w) {
					t.Errorf("the help names %q, which does not work here:\n%s", w, v)
				}
			}
			if strings.Contains(v, "What the colours") != (d == nil) {
				t.Errorf("legend shown %v, over a dialog %v", strings.Contains(v, "What the colours"), d != nil)
			}
			m = send(m, keyMsg("esc"))
			if m.showHelp || m.ctx.dialog != d || m.over != o || dialogText(m) != text {
				t.Fatalf("esc from help: help %v, layer %T %T (was %T %T), text %q (was %q)",
					m.showHelp, m.ctx.dialog, m.over, d, o, dialogText(m), text)
			}
		})
	}
}
