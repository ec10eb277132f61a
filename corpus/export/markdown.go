package export

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// untagged heads the group of passages that carry no tag.
const untagged = "(untagged)"

// writeMarkdown writes the notes as Markdown: a summary table of tag
// counts per outlet, the passages grouped by tag, outlet or article, and a
// quote matrix (outlets × tags).
func writeMarkdown(w io.Writer, in Input, opts Options) error {
	bw := bufio.NewWriter(w)
	ps := in.passages()
	codes := in.codebook()
	tags := tagNames(codes)
	outlets := in.outlets(ps)
	group := opts.GroupBy
	if group == "" {
		group = ByTag
	}

	fmt.Fprintf(bw, "# %s\n\n", mdEscape(in.title()))
	articles := map[string]bool{}
	for _, p := range ps {
		articles[p.Note.Anchor.Article] = true
	}
	from := ""
	if name := in.corpusName(); name != "" {
		from = " from " + mdEscape(name)
	}
	fmt.Fprintf(bw, "*Exported by parallax on %s%s: %s in %s.*\n\n",
		in.generated().UTC().Format("2006-01-02 15:04 UTC"), from,
		corpus.Count(len(ps), "tagged passage"), corpus.Count(len(articles), "article"))
	if len(ps) == 0 {
		fmt.Fprintln(bw, "No passages are tagged yet.")
		return bw.Flush()
	}

	// Which (tag, outlet) pairs hold which passages.
	cell := map[[2]string][]passage{}
	hasUntagged := false
	for _, p := range ps {
		if len(p.Note.Tags) == 0 {
			hasUntagged = true
			cell[[2]string{untagged, p.Outlet}] = append(cell[[2]string{untagged, p.Outlet}], p)
		}
		for _, t := range p.Note.Tags {
			cell[[2]string{t, p.Outlet}] = append(cell[[2]string{t, p.Outlet}], p)
		}
	}
	rows := tags
	if hasUntagged {
		rows = append(append([]string(nil), tags...), untagged)
	}

	// Summary: tag counts per outlet.
	fmt.Fprintln(bw, "## Tags per outlet")
	fmt.Fprintln(bw)
	fmt.Fprint(bw, "| Tag |")
	for _, o := range outlets {
		fmt.Fprintf(bw, " %s |", mdCell(o))
	}
	fmt.Fprintln(bw, " Total |")
	fmt.Fprint(bw, "| :-- |")
	for range outlets {
		fmt.Fprint(bw, " --: |")
	}
	fmt.Fprintln(bw, " --: |")
	colTotal := make([]int, len(outlets))
	for _, t := range rows {
		fmt.Fprintf(bw, "| %s |", mdCell(t))
		total := 0
		for i, o := range outlets {
			n := len(cell[[2]string{t, o}])
			total += n
			colTotal[i] += n
			fmt.Fprintf(bw, " %d |", n)
		}
		fmt.Fprintf(bw, " %d |\n", total)
	}
	fmt.Fprint(bw, "| **Passages** |")
	perOutlet := map[string]int{}
	for _, p := range ps {
		perOutlet[p.Outlet]++
	}
	for _, o := range outlets {
		fmt.Fprintf(bw, " %d |", perOutlet[o])
	}
	fmt.Fprintf(bw, " %d |\n\n", len(ps))

	// The passages, grouped.
	switch group {
	case ByOutlet:
		fmt.Fprintln(bw, "## Passages by outlet")
		fmt.Fprintln(bw)
		for _, o := range outlets {
			var these []passage
			for _, p := range ps {
				if p.Outlet == o {
					these = append(these, p)
				}
			}
			if len(these) == 0 {
				continue
			}
			fmt.Fprintf(bw, "### %s (%d)\n\n", mdEscape(o), len(these))
			for _, p := range these {
				writePassage(bw, p, opts)
			}
		}
	case ByArticle:
		fmt.Fprintln(bw, "## Passages by article")
		fmt.Fprintln(bw)
		for i := 0; i < len(ps); {
			j := i
			for j < len(ps) && ps[j].Note.Anchor.Article == ps[i].Note.Anchor.Article {
				j++
			}
			p := ps[i]
			head := p.Outlet + ": " + p.Title
			if d := p.dateLabel(); d != "" {
				head += " (" + d + ")"
			}
			fmt.Fprintf(bw, "### %s\n\n", mdEscape(head))
			for _, p := range ps[i:j] {
				writePassage(bw, p, opts)
			}
			i = j
		}
	default:
		fmt.Fprintln(bw, "## Passages by tag")
		fmt.Fprintln(bw)
		for _, t := range rows {
			var these []passage
			for _, p := range ps {
				if t == untagged && len(p.Note.Tags) == 0 || contains(p.Note.Tags, t) {
					these = append(these, p)
				}
			}
			if len(these) == 0 {
				continue
			}
			fmt.Fprintf(bw, "### %s (%d)\n\n", mdEscape(t), len(these))
			if d := codeDescription(codes, t); d != "" {
				fmt.Fprintf(bw, "%s\n\n", mdLine(d))
			}
			for _, p := range these {
				writePassage(bw, p, opts)
			}
		}
	}

	// Quote matrix: outlets × tags, each cell the tagged quotes.
	fmt.Fprintln(bw, "## Quote matrix")
	fmt.Fprintln(bw)
	fmt.Fprint(bw, "| Outlet |")
	for _, t := range rows {
		fmt.Fprintf(bw, " %s |", mdCell(t))
	}
	fmt.Fprintln(bw)
	fmt.Fprint(bw, "| :-- |")
	for range rows {
		fmt.Fprint(bw, " :-- |")
	}
	fmt.Fprintln(bw)
	for _, o := range outlets {
		fmt.Fprintf(bw, "| %s |", mdCell(o))
		for _, t := range rows {
			var qs []string
			for _, p := range cell[[2]string{t, o}] {
				qs = append(qs, "“"+mdCell(p.Quote)+"”")
			}
			if len(qs) == 0 {
				fmt.Fprint(bw, " |")
				continue
			}
			fmt.Fprintf(bw, " %s |", strings.Join(qs, "<br><br>"))
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}

// writePassage writes one passage as a block quote: the quote, then who
// said it where and when, its tags and its memo.
func writePassage(w io.Writer, p passage, opts Options) {
	for _, line := range strings.Split(strings.TrimSpace(p.Quote), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			fmt.Fprintln(w, ">")
			continue
		}
		fmt.Fprintf(w, "> %s\n", mdLine(line))
	}
	fmt.Fprintln(w, ">")
	src := "*" + mdEscape(orDefault(p.Title, "untitled")) + "*"
	if u := mdURL(p.URL); u != "" {
		src = "[" + mdEscape(orDefault(p.Title, p.URL)) + "](" + u + ")"
	}
	fmt.Fprintf(w, "> — **%s**, %s, %s", mdEscape(p.Outlet), mdEscape(orDefault(p.dateLabel(), "undated")), src)
	if p.Note.Orphaned || p.Article != nil && !p.Placed {
		fmt.Fprint(w, " · *orphaned: the passage is no longer found in the article text*")
	}
	fmt.Fprintln(w)
	if len(p.Note.Tags) > 0 {
		fmt.Fprintln(w, ">")
		if opts.InlineTags {
			hs := make([]string, len(p.Note.Tags))
			for i, t := range p.Note.Tags {
				hs[i] = "#" + hashTag(t)
			}
			fmt.Fprintf(w, "> %s\n", strings.Join(hs, " "))
		} else {
			es := make([]string, len(p.Note.Tags))
			for i, t := range p.Note.Tags {
				es[i] = mdEscape(t)
			}
			fmt.Fprintf(w, "> Tags: %s\n", strings.Join(es, ", "))
		}
	}
	if memo := strings.TrimSpace(p.Note.Memo); memo != "" {
		fmt.Fprintln(w, ">")
		lines := strings.Split(memo, "\n")
		for i := range lines {
			lines[i] = strings.TrimSpace(lines[i])
		}
		for i, line := range lines {
			// A line break inside a paragraph of the memo stays a line
			// break: a backslash at the end of a line is a hard break.
			brk := ""
			if line != "" && i+1 < len(lines) && lines[i+1] != "" {
				brk = "\\"
			}
			switch {
			case i == 0:
				fmt.Fprintf(w, "> **Memo:** %s%s\n", mdEscape(line), brk)
			case line == "":
				fmt.Fprintln(w, ">")
			default:
				fmt.Fprintf(w, "> %s%s\n", mdLine(line), brk)
			}
		}
	}
	fmt.Fprintln(w)
}

// mdEscape escapes text that goes inside a line (after other text, in a
// heading or a table cell) so that Markdown renderers (CommonMark, GFM and
// Obsidian) show it literally: inline syntax, HTML, table pipes, math and
// comment markers, and block syntax after any line break inside it. Bare
// web addresses are left alone: GFM and Obsidian link them, which keeps
// their text.
func mdEscape(s string) string { return escapeMarkdown(s, false) }

// mdLine escapes text that starts a line, where "-", "+", "=" or "1." would
// start a list or underline a heading.
func mdLine(s string) string { return escapeMarkdown(s, true) }

func escapeMarkdown(s string, atLineStart bool) string {
	var b strings.Builder
	startsLine := atLineStart
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '~', '$', '^':
			b.WriteByte('\\')
		case '%':
			if i > 0 && rs[i-1] == '%' {
				b.WriteByte('\\')
			}
		case '&':
			if entityLike(rs[i+1:]) {
				b.WriteByte('\\')
			}
		case '=':
			if i > 0 && rs[i-1] == '=' || atLineStart {
				b.WriteByte('\\')
			}
		case '+', '-':
			if atLineStart {
				b.WriteByte('\\')
			}
		case '.', ')':
			if i > 0 && unicode.IsDigit(rs[i-1]) && allDigitsBefore(rs[:i], startsLine) {
				b.WriteByte('\\') // "1." or "1)" would start a list
			}
		}
		b.WriteRune(r)
		if r == '\n' {
			atLineStart = true
		} else if !unicode.IsSpace(r) {
			atLineStart = false
		}
	}
	return b.String()
}

// allDigitsBefore reports whether the current line, up to its end, holds
// only optional spaces then digits (the start of an ordered list item);
// lineStart says whether rs itself starts a line.
func allDigitsBefore(rs []rune, lineStart bool) bool {
	i := len(rs) - 1
	for i >= 0 && unicode.IsDigit(rs[i]) {
		i--
	}
	for i >= 0 && (rs[i] == ' ' || rs[i] == '\t') {
		i--
	}
	return i < 0 && lineStart || i >= 0 && rs[i] == '\n'
}

// entityLike reports whether rs starts like an HTML entity reference
// ("amp;", "#39;", "#x27;").
func entityLike(rs []rune) bool {
	for i, r := range rs {
		if r == ';' {
			return i > 0
		}
		if !(r == '#' || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))) || i > 32 {
			return false
		}
	}
	return false
}

// mdCell escapes text for one cell of a GFM table: escaped like any text,
// with line breaks as <br>.
func mdCell(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = mdEscape(strings.TrimSpace(l))
	}
	return strings.Join(lines, "<br>")
}

// mdURL returns u as a Markdown link destination in angle brackets, or ""
// when it is not an absolute http(s) URL.
func mdURL(u string) string {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return ""
	}
	s := pu.String()
	r := strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "", "\\", "%5C")
	return "<" + r.Replace(s) + ">"
}

// hashTag turns a tag name into an Obsidian-style #tag: letters, digits,
// '_', '-' and '/' (nesting) are kept, anything else becomes '-'.
func hashTag(t string) string {
	var b strings.Builder
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '/' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	s := b.String()
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		s = "tag-" + s // a tag of digits only is not a tag in Obsidian
	}
	return s
}

// codeDescription returns the description of the named code.
func codeDescription(codes []notes.Code, name string) string {
	for _, c := range codes {
		if c.Name == name {
			return strings.TrimSpace(c.Description)
		}
	}
	return ""
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
