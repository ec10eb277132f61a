package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// csvHeader names the CSV columns. start and end are byte offsets into the
// article text as parallax loaded it; char_start and char_end the same in
// Unicode code points (empty for a passage that is no longer found).
func csvHeader() []string {
	return []string{"tag", "outlet", "article", "title", "date", "quote", "memo", "start", "end", "char_start", "char_end", "note", "orphaned", "url"}
}

// writeCSV writes one row per (passage, tag) pair (an untagged passage
// gets one row with an empty tag): RFC 4180, UTF-8, CRLF line ends, a
// header row, and every text cell guarded against formula injection.
func writeCSV(w io.Writer, in Input, opts Options) error {
	if opts.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader()); err != nil {
		return err
	}
	for _, p := range in.passages() {
		tags := p.Note.Tags
		if len(tags) == 0 {
			tags = []string{""}
		}
		cs, ce := "", ""
		if p.Placed {
			cs, ce = strconv.Itoa(p.CharStart), strconv.Itoa(p.CharEnd)
		}
		for _, t := range tags {
			row := []string{
				cellText(t),
				cellText(p.Outlet),
				cellText(p.Note.Anchor.Article),
				cellText(p.Title),
				p.Date,
				cellText(p.Quote),
				cellText(p.Note.Memo),
				strconv.Itoa(p.Start),
				strconv.Itoa(p.End),
				cs, ce,
				cellText(p.Note.ID),
				strconv.FormatBool(p.Note.Orphaned || p.Article != nil && !p.Placed),
				cellText(p.URL),
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cellText guards a text cell against formula injection (OWASP "CSV
// injection"): a cell that begins with '=', '+', '-' or '@', or with white
// space (a tab, a line break, spaces) before one of them, or with a tab or
// a line break at all, gets a leading apostrophe, so spreadsheets show it
// as text instead of running it. The guard looks at the value as written:
// line breaks are normalised to LF here, and the CSV writer writes them
// as CR LF.
func cellText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return "'" + s
	}
	rest := strings.TrimLeftFunc(s, unicode.IsSpace)
	if rest != "" && rest != s && strings.ContainsRune("=+-@", rune(rest[0])) {
		return "'" + s
	}
	return s
}
