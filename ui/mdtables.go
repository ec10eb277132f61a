package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// renderWideTables renders Markdown md wrapped to width; a table whose
// columns do not fit is rendered as wide as its rows instead. Glamour
// fits a table to the word-wrap width by wrapping its cells, and where
// that is not enough it cuts the last column ("│ Tota"); a preview that
// scrolls sideways can show such a table whole. Lines lose the padding
// Glamour adds after them.
func renderWideTables(mk *Markup, md string, width int) (string, error) {
	var parts []string
	var block []string
	inTable, fence := false, false
	flush := func() error {
		if len(block) == 0 {
			return nil
		}
		src := strings.Join(block, "\n") + "\n"
		out, err := mk.Render(src, width)
		if err != nil {
			return err
		}
		if inTable && !headerWhole(block[0], out) {
			w := width
			for _, l := range block {
				// Each cell gains its padding and a rule when drawn.
				w = max(w, ansi.StringWidth(l)+strings.Count(l, "|")+8)
			}
			if out, err = mk.Render(src, w); err != nil {
				return err
			}
		}
		var lines []string
		for _, l := range strings.Split(out, "\n") {
			lines = append(lines, trimPadding(l))
		}
		// One blank line between blocks: not Glamour's margins as well.
		blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
		for len(lines) > 0 && blank(lines[0]) {
			lines = lines[1:]
		}
		for len(lines) > 0 && blank(lines[len(lines)-1]) {
			lines = lines[:len(lines)-1]
		}
		if len(lines) > 0 {
			parts = append(parts, strings.Join(lines, "\n"))
		}
		block = block[:0]
		return nil
	}
	for _, l := range strings.Split(md, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
		}
		isRow := !fence && strings.HasPrefix(t, "|")
		if isRow != inTable {
			if err := flush(); err != nil {
				return "", err
			}
			inTable = isRow
		}
		block = append(block, l)
	}
	if err := flush(); err != nil {
		return "", err
	}
	return strings.Join(parts, "\n\n"), nil
}

// headerWhole reports whether every cell of a Markdown table's header row
// shows whole, on one line, in the table as rendered.
func headerWhole(header, rendered string) bool {
	var first string
	for _, l := range strings.Split(ansi.Strip(rendered), "\n") {
		if strings.TrimSpace(l) != "" {
			first = l
			break
		}
	}
	for _, c := range strings.Split(strings.Trim(strings.TrimSpace(header), "|"), "|") {
		c = strings.Trim(strings.TrimSpace(c), "*_`")
		if c != "" && !strings.Contains(first, c) {
			return false
		}
	}
	return true
}

// trimPadding drops the spaces a rendered line ends with, keeping its
// styles.
func trimPadding(l string) string {
	w := ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " "))
	if w == 0 {
		return ""
	}
	return ansi.Truncate(l, w, "")
}
