package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-reader/parallax/corpus/export"
)

func TestExportDialogWritesAndAsksBeforeOverwriting(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	out := filepath.Join(t.TempDir(), "notes.csv")
	m = send(m, keys("e")...)
	if exportOf(m) == nil || !strings.Contains(m.View(), "csv") {
		t.Fatalf("export dialog:\n%s", m.View())
	}
	if !strings.HasPrefix(exportOf(m).input.Value(), "parallax-") {
		t.Fatalf("default name %q", exportOf(m).input.Value())
	}
	m = send(m, keys("j")...) // md → csv
	if exportOf(m).format() != "csv" || !strings.HasSuffix(exportOf(m).input.Value(), ".csv") {
		t.Fatalf("format %s, path %q", exportOf(m).format(), exportOf(m).input.Value())
	}
	// Keys read together are keypresses each in the format list.
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jk")})
	if exportOf(m).format() != "csv" {
		t.Fatalf("after \"jk\" the format is %s, want csv", exportOf(m).format())
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj")})
	if exportOf(m).format() == "csv" {
		t.Fatal("\"jj\" did not move the format list")
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("kk")})
	m = send(m, keys("tab")...)
	exportOf(m).input.SetValue(out)
	m = send(m, keyMsg("enter"))
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte("blame")) {
		t.Fatalf("csv not written: %v\n%s", err, b)
	}
	if !strings.Contains(m.msg, out) || m.ctx.dialog != nil {
		t.Fatalf("message %q", m.msg)
	}
	// Again to the same file: asked; n leaves it alone.
	if err := os.WriteFile(out, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = send(m, keys("e j tab")...)
	exportOf(m).input.SetValue(out)
	m = send(m, keyMsg("enter"))
	if exportOf(m).step != expExists || !strings.Contains(m.View(), "Overwrite") {
		t.Fatalf("no overwrite question:\n%s", m.View())
	}
	m = send(m, keys("n")...)
	if b, _ := os.ReadFile(out); string(b) != "keep me" {
		t.Fatal("overwritten without confirmation")
	}
	m = send(m, keyMsg("enter"), keyMsg("y"))
	if b, _ := os.ReadFile(out); !bytes.Contains(b, []byte("blame")) {
		t.Fatal("y did not overwrite")
	}
}

func TestExportMarkdownIsPreviewedFirst(t *testing.T) {
	m, _ := newNotesModel(t, 100, 30)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	out := filepath.Join(t.TempDir(), "notes.md")
	m = send(m, keys("e tab")...)
	exportOf(m).input.SetValue(out)
	m = send(m, keyMsg("enter"))
	if exportOf(m).step != expPreview || !strings.Contains(m.View(), "Preview of") || !strings.Contains(m.View(), "blame") {
		t.Fatalf("no preview:\n%s", m.View())
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("written before the preview was confirmed")
	}
	m = send(m, keyMsg("enter"))
	if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("blame")) {
		t.Fatalf("markdown not written: %v", err)
	}
}

// TestExportDialogGrowsWithWindow checks that the export dialog's path,
// opened in a small window, shows whole once the window is wide enough.
func TestExportDialogGrowsWithWindow(t *testing.T) {
	c, a := testCorpus()
	m := newTestModel(t, c, a, 40, 12)
	e := &exportDialog{ctx: m.ctx, formats: export.Formats(), input: newInput(m.ctx, "", "")}
	e.SetSize(40, 9)
	m.ctx.dialog = e
	exportOf(m).input.Prompt = "path: "
	long := "parallax-embedded-inf-corpus-20261123-1407.md"
	exportOf(m).input.SetValue(long)
	exportOf(m).input.CursorEnd()
	if strings.Contains(exportOf(m).input.View(), long) {
		t.Fatalf("at 40 columns the whole path fits: %q", exportOf(m).input.View())
	}
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = *nm.(*Model)
	if v := exportOf(m).input.View(); !strings.Contains(ansi.Strip(v), long) {
		t.Errorf("after growing to 100 columns the path is still cut: %q", ansi.Strip(v))
	}
}

// TestExportDialogFitsSmallWindows checks that at 40x12 the export
// dialog still shows the path and the overwrite question.
func TestExportDialogFitsSmallWindows(t *testing.T) {
	m, _ := newNotesModel(t, 40, 12)
	m = send(m, keys("j")...)
	m = tagHere(m, "blame")
	m = send(m, keys("e")...)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "formats 1–") {
		t.Errorf("the format list is cut at 40x12 without saying so:\n%s", v)
	}
	m = send(m, keyMsg("tab"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "path:") {
		t.Fatalf("no path at 40x12:\n%s", v)
	}
	exportOf(m).step = expExists
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Overwrite") {
		t.Fatalf("no overwrite question at 40x12:\n%s", v)
	}
}
