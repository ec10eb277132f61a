package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/notes"
)

// openWhyMsg asks the root to open the why-panel for a sentence
// (article ≥ 0) or a fact (fact ≥ 0).
type openWhyMsg struct {
	article, sentence int
	fact              int
}

// panelModel is the "Why?" panel: for a sentence, the fact it belongs to
// with each outlet's wording side by side, the evidence of the link, the
// discrepancies and the framing markers; for a fact, its wordings.
type panelModel struct {
	ctx           *Context
	width, height int
	req           openWhyMsg
	vp            viewport.Model
	notes         []notes.Note // the user's notes on the sentence
}

func newPanel(ctx *Context, req openWhyMsg) *panelModel {
	return &panelModel{ctx: ctx, req: req, vp: viewport.New(0, 0)}
}

// mode is the status line's mode while the panel is open: a fact's
// wordings, opened from the facts view, or why for a sentence.
func (p *panelModel) mode() string {
	if p.req.article < 0 {
		return "WORDINGS"
	}
	return "WHY"
}

// SetSize sizes the panel and re-flows its content.
func (p *panelModel) SetSize(w, h int) {
	p.width, p.height = w, h
	fw, fh := p.ctx.Styles.PanelBorder.GetFrameSize()
	// Re-wrapped at the new width, the content keeps its place: as far
	// down, in proportion, as the reader was.
	part := scrolledPart(&p.vp)
	p.vp.Width = max(w-fw-2, 1)
	p.vp.Height = max(h-fh-1, 1)
	p.vp.SetContent(p.content(p.vp.Width))
	scrollToPart(&p.vp, part)
}

// Update scrolls the panel; esc or w closes it, and r, on a fact, shows
// the fact in the read view.
func (p *panelModel) Update(msg tea.Msg) (layer, tea.Cmd) {
	k := p.ctx.Keys
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, k.Back), key.Matches(km, k.Why):
			return nil, nil
		case key.Matches(km, k.ReadFact) && p.req.fact >= 0:
			fi := p.req.fact
			return nil, func() tea.Msg { return gotoFactMsg{fact: fi} }
		case key.Matches(km, k.Versions) && p.req.article >= 0:
			return nil, p.openVersions()
		}
	}
	scrollViewport(&p.vp, k, msg)
	return p, nil
}

// View draws the panel in a border with its title.
func (p *panelModel) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	st := p.ctx.Styles
	title := "Why?"
	if p.req.article < 0 {
		title = "Fact wordings"
	}
	pct := fmt.Sprintf(" %3.0f%% ", p.vp.ScrollPercent()*100)
	head := fit(st.PanelTitle.Render(title), p.vp.Width-len(pct)) + st.Muted.Render(pct)
	body := head + "\n" + p.vp.View()
	fw, fh := st.PanelBorder.GetFrameSize()
	box := st.PanelBorder.Padding(0, 1).Width(p.width - fw).Height(p.height - fh).MaxHeight(p.height).Render(fitBlock(body, p.vp.Width, p.vp.Height+1))
	return fitBlock(box, p.width, p.height)
}

// ShortHelp is the panel's footer help.
func (p panelModel) ShortHelp() []key.Binding {
	k := p.ctx.Keys
	if p.req.fact >= 0 {
		return []key.Binding{k.Down, k.Up, k.ReadFact, k.Back}
	}
	if vk, ok := p.versionsKey(); ok {
		return []key.Binding{k.Down, k.Up, vk, k.Back}
	}
	return []key.Binding{k.Down, k.Up, k.Back}
}

// FullHelp is the panel's full help.
func (p panelModel) FullHelp() [][]key.Binding {
	k := p.ctx.Keys
	keys := []key.Binding{k.Down, k.Up, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.Back, helpAs(k.Why, "close")}
	if p.req.fact >= 0 {
		keys = append(keys, k.ReadFact)
	}
	if vk, ok := p.versionsKey(); ok {
		keys = append(keys, vk)
	}
	return [][]key.Binding{keys}
}

// content builds the panel text for width w.
func (p panelModel) content(w int) string {
	d := p.ctx.Data
	st := p.ctx.Styles
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	para := func(s string, indent int) {
		for _, l := range wrapText(s, max(w-indent, 10)) {
			line(strings.Repeat(" ", indent) + l)
		}
	}
	// note writes muted text wrapped to the width.
	note := func(s string) {
		for _, l := range wrapText(s, max(w, 10)) {
			line(st.Muted.Render(l))
		}
	}
	// labelled writes "  label    text…" with the text wrapped under itself.
	labelled := func(label, text string, lw int) {
		for i, l := range wrapText(text, max(w-lw, 10)) {
			if i == 0 {
				line(st.Muted.Render(fit("  "+label, lw)) + l)
			} else {
				line(strings.Repeat(" ", lw) + l)
			}
		}
	}
	var facts []int
	if p.req.fact >= 0 {
		facts = []int{p.req.fact}
	}
	var info sentInfo
	if p.req.article >= 0 {
		a, s := p.req.article, p.req.sentence
		art := d.article(a)
		if s < 0 || s >= len(art.Sentences) {
			return "No sentence under the cursor."
		}
		sent := art.Sentences[s]
		info = d.info(a, s)
		for _, l := range wrapText(fmt.Sprintf("%s · sentence %d of %d (%s)", oneLine(art.DisplayOutlet()), s+1, len(art.Sentences), sent.Role), max(w, 10)) {
			line(st.Bold.Render(l)) // wrapped, not cut: a narrow panel keeps it all
		}
		para("“"+oneLine(sent.Text)+"”", 2)
		line("")
		if len(p.notes) > 0 {
			// The user's own notes first: they are what they came back for.
			line(st.Label.Render("Your notes"))
			for _, n := range p.notes {
				labelled("tags", strings.Join(n.Tags, ", "), 10)
				if q := oneLine(n.Anchor.Quote); q != oneLine(sent.Text) {
					labelled("passage", "“"+q+"”", 10)
				}
				if m := p.ctx.notes.madeOnLong(n); m != "" {
					labelled("version", m, 10)
				}
				if n.Memo != "" {
					for i, ml := range strings.Split(safeBlock(n.Memo), "\n") {
						lab := ""
						if i == 0 {
							lab = "memo"
						}
						labelled(lab, ml, 10)
					}
				}
			}
			line("")
		}
		facts = info.facts
		if len(info.facts) > 1 {
			nums := make([]string, len(info.facts))
			for i, f := range info.facts {
				nums[i] = fmt.Sprint(factNumber(f))
			}
			note(fmt.Sprintf("This sentence states %d shared facts (%s); each is explained below. The columns move in step with fact %s.", len(nums), strings.Join(nums, ", "), nums[0]))
			line("")
		}
		if len(facts) == 0 {
			switch {
			case info.unique:
				line(st.Unique.Render("* Outlet-only"))
				note("No other outlet carries this sentence's claim.")
			case info.similar:
				note("Another outlet has similar wording, but not close enough to count as the same fact.")
			case !d.Findings.HasFacts:
				note("Shared facts were not computed for this corpus.")
			case sent.Role == corpus.RoleTitle || sent.Role == corpus.RoleHeading:
				// Headlines and sub-headings are linked like body text, but
				// summarise rather than claim, so they are never outlet-only.
				note("Not part of a shared fact: no other outlet states it closely enough. Headlines and sub-headings are compared, but never marked outlet-only.")
			default:
				note("Not part of a shared fact (" + string(sent.Role) + " text is not compared).")
			}
			line("")
			if ms := d.Findings.Comparison.NearestMisses(art.ID, s); len(ms) > 0 {
				// The linker's judgement, open to the reader's: the
				// closest sentence of each other outlet it passed over.
				line(st.Label.Render("Nearest in other outlets"))
				note(fmt.Sprintf("The closest sentence of each other outlet, scored below the link threshold (%.2f): does it say the same?", compare.DefaultCounterpartThreshold))
				for _, m := range ms {
					labelled(fmt.Sprintf("%s %.2f", ellipsize(outletName(m.Outlet), 14), m.Score), "“"+oneLine(m.Text)+"”", 22)
					if ev := evidenceSummary(m.Evidence); ev != "" {
						for _, l := range wrapText(ev, max(w-22, 10)) {
							line(strings.Repeat(" ", 22) + st.Muted.Render(l))
						}
					}
				}
				line("")
			}
		}
	}
	for _, fi := range facts {
		if fi < 0 || fi >= len(d.Facts) {
			continue
		}
		f := d.Facts[fi]
		head := fmt.Sprintf("Fact %d", factNumber(fi))
		line(st.Accent.Render(head) + st.Muted.Render(ellipsize(fmt.Sprintf(" · %d outlets: %s", len(f.Outlets), outletList(f.Outlets)), max(w-len(head), 4))))
		if f.Label != "" {
			para(oneLine(f.Label), 2)
		}
		line("")
		line(st.Label.Render("Each outlet's wording"))
		for _, l := range wordings(p.ctx, f, p.req, w) {
			line(l)
		}
		line("")
		ev := mergedEvidence(f, p.ctx, p.req)
		line(st.Label.Render("Why these are linked"))
		evLine := func(name string, xs []string) {
			if len(xs) > 0 {
				labelled(name, strings.Join(xs, ", "), 10)
			}
		}
		evLine("terms", ev.Terms)
		evLine("numbers", ev.Numbers)
		evLine("dates", ev.Dates)
		evLine("names", ev.Names)
		if ev.Quote != "" {
			labelled("quote", "“"+oneLine(ev.Quote)+"”", 10)
		}
		if len(ev.Terms)+len(ev.Numbers)+len(ev.Dates)+len(ev.Names) == 0 && ev.Quote == "" {
			line(st.Muted.Render("  (no evidence recorded)"))
		}
		line("")
		if len(f.Discrepancies) > 0 {
			line(st.Warn.Render("! Outlets disagree"))
			for _, dsc := range f.Discrepancies {
				para(oneLine(dsc.What)+":", 2)
				vals := dsc.Distinct()
				lw := 0
				for _, v := range vals {
					lw = max(lw, ansi.StringWidth(outletName(v.Outlet))+5)
				}
				lw = min(lw, max(w/3, 10))
				for _, v := range vals {
					labelled("  "+ellipsize(outletName(v.Outlet), lw-5), oneLine(v.Value), lw)
				}
			}
			line("")
		}
	}
	if p.req.article >= 0 {
		if len(info.markers) == 0 {
			if d.Findings.HasFraming {
				note("No framing markers in this sentence.")
			}
		} else {
			line(st.Label.Render("Framing markers in this sentence"))
			for _, m := range info.markers {
				ks := st.Kind[m.Kind]
				head := fmt.Sprintf("%s “%s”", ks.Render(oneLine(m.Kind)), oneLine(m.Text))
				if m.Speaker != "" {
					head += st.Muted.Render(" — speaker: " + oneLine(m.Speaker))
				}
				if m.Stance != "" {
					head += st.Muted.Render(" (" + oneLine(m.Stance) + ")")
				}
				line("  " + ellipsize(head, max(w-2, 10)))
				if m.Reason != "" {
					para(oneLine(m.Reason), 4)
				}
				if m.Source != "" {
					// "rule:shared-facts" → "rule: shared-facts",
					// "lexicon:loaded" → "lexicon: loaded".
					src := oneLine(m.Source)
					if kind, name, ok := strings.Cut(src, ":"); ok && kind != "" && name != "" {
						src = kind + ": " + name
					} else {
						src = "source: " + src
					}
					para(src, 4)
				}
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// evidenceSummary is a link's evidence on one line ("terms: treaty,
// missile; names: Lavrov").
func evidenceSummary(e compare.Evidence) string {
	var parts []string
	for _, p := range []struct {
		name string
		xs   []string
	}{{"terms", e.Terms}, {"numbers", e.Numbers}, {"dates", e.Dates}, {"names", e.Names}} {
		if len(p.xs) > 0 {
			parts = append(parts, p.name+": "+oneLine(strings.Join(p.xs, ", ")))
		}
	}
	if e.Quote != "" {
		parts = append(parts, "quote: “"+oneLine(e.Quote)+"”")
	}
	return strings.Join(parts, "; ")
}

// mergedEvidence is the evidence of the member under the cursor, or the
// union of all members' evidence for a fact.
func mergedEvidence(f *compare.Fact, ctx *Context, req openWhyMsg) compare.Evidence {
	if req.article >= 0 {
		id := ctx.Data.article(req.article).ID
		for _, m := range f.Members {
			if m.Article == id && m.Sentence == req.sentence {
				return m.Evidence
			}
		}
	}
	var ev compare.Evidence
	seen := map[string]bool{}
	add := func(dst *[]string, kind string, xs []string) {
		for _, x := range xs {
			if !seen[kind+x] {
				seen[kind+x] = true
				*dst = append(*dst, oneLine(x))
			}
		}
	}
	for _, m := range f.Members {
		add(&ev.Terms, "t", m.Evidence.Terms)
		add(&ev.Numbers, "n", m.Evidence.Numbers)
		add(&ev.Dates, "d", m.Evidence.Dates)
		add(&ev.Names, "p", m.Evidence.Names)
		if ev.Quote == "" {
			ev.Quote = m.Evidence.Quote
		}
	}
	return ev
}

// wordings lays out each outlet's sentences of the fact side by side when
// the outlets fit at 24 cells or more each, else one under the other. The
// outlet under the cursor comes first.
func wordings(ctx *Context, f *compare.Fact, req openWhyMsg, w int) []string {
	st := ctx.Styles
	var curID, curOutlet string
	if req.article >= 0 {
		curID = ctx.Data.article(req.article).ID
		for _, m := range f.Members {
			if m.Article == curID {
				curOutlet = m.Outlet
			}
		}
	}
	var outlets []string
	byOutlet := map[string][]compare.Member{}
	for _, m := range f.Members {
		if _, ok := byOutlet[m.Outlet]; !ok {
			outlets = append(outlets, m.Outlet)
		}
		byOutlet[m.Outlet] = append(byOutlet[m.Outlet], m)
	}
	sort.SliceStable(outlets, func(i, j int) bool { return outlets[i] == curOutlet && outlets[j] != curOutlet })
	block := func(o string, cw int) []string {
		head := outletName(o)
		if o == curOutlet {
			head = "▶ " + head
		}
		out := []string{st.Bold.Render(ellipsize(head, cw))}
		for i, m := range byOutlet[o] {
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, st.Muted.Render(ellipsize(fmt.Sprintf("sentence %d · score %.2f", m.Sentence+1, m.Score), cw)))
			out = append(out, wrapText(m.Text, cw)...)
		}
		return out
	}
	k := len(outlets)
	gap := 2
	cw := 0
	if k > 0 {
		cw = (w - (k-1)*gap) / k
	}
	if k <= 1 || cw < 24 {
		var out []string
		for i, o := range outlets {
			if i > 0 {
				out = append(out, "")
			}
			for _, l := range block(o, w-2) {
				out = append(out, "  "+l)
			}
		}
		return out
	}
	blocks := make([][]string, k)
	rows := 0
	for i, o := range outlets {
		blocks[i] = block(o, cw)
		rows = max(rows, len(blocks[i]))
	}
	out := make([]string, rows)
	for r := 0; r < rows; r++ {
		var b strings.Builder
		for i := range blocks {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			cell := ""
			if r < len(blocks[i]) {
				cell = blocks[i][r]
			}
			b.WriteString(fit(cell, cw))
		}
		out[r] = b.String()
	}
	return out
}

// outletName is an outlet's display name: "unknown outlet" when empty.
func outletName(o string) string {
	if o = oneLine(o); o == "" {
		return "unknown outlet"
	}
	return o
}

// outletList joins outlet names for display.
func outletList(os []string) string {
	names := make([]string, len(os))
	for i, o := range os {
		names[i] = outletName(o)
	}
	return strings.Join(names, ", ")
}
