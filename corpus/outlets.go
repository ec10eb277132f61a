package corpus

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/outlets.json
var shippedOutlets []byte

// OutletsFileName is the name of the user's outlet file in the config dir. It
// has the same JSON format as the shipped table ({"outlets": [...]}); its
// entries are added to the shipped ones, and an entry with the name of a
// shipped outlet replaces it.
const OutletsFileName = "outlets.json"

// OutletTable is the table of known outlets, with the indexes used to
// detect an article's outlet. Build one with ShippedOutlets, LoadOutlets or
// NewOutletTable; it is safe for concurrent use.
type OutletTable struct {
	Outlets []Outlet

	once    sync.Once
	byName  map[string]int // lower-cased name, short name or alias → index
	variant []variantRef   // every name variant with its outlet, longest first
}

type variantRef struct {
	text   string
	outlet int
	words  string // lower-case words joined by spaces, for file names
	glued  string // the same words without spaces ("aljazeera")
}

// outletFile is the on-disk format of an outlet table.
type outletFile struct {
	About   string   `json:"about,omitempty"`
	Outlets []Outlet `json:"outlets"`
}

// NewOutletTable returns a table of the given outlets.
func NewOutletTable(outlets []Outlet) *OutletTable {
	return &OutletTable{Outlets: outlets}
}

// ParseOutlets reads an outlet table in the shipped JSON format. Every entry
// needs a name.
func ParseOutlets(data []byte) ([]Outlet, error) {
	var f outletFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("parse outlet table: %w", err)
	}
	for i := range f.Outlets {
		o := &f.Outlets[i]
		// Names are printed to terminals: no escape sequences in them.
		for _, p := range []*string{&o.Name, &o.Short, &o.Country} {
			*p, _ = Sanitize(strings.TrimSpace(*p))
		}
		for j := range o.Aliases {
			o.Aliases[j], _ = Sanitize(strings.TrimSpace(o.Aliases[j]))
		}
		if o.Name == "" {
			return nil, fmt.Errorf("parse outlet table: entry %d has no name", i+1)
		}
		switch o.Ownership {
		case "", "state-owned", "state-affiliated", "public", "private":
		default:
			return nil, fmt.Errorf("parse outlet table: %s: ownership %q is not one of state-owned, state-affiliated, public, private", o.Name, o.Ownership)
		}
	}
	return f.Outlets, nil
}

// ShippedOutlets returns the outlet table built into parallax.
func ShippedOutlets() *OutletTable {
	outlets, err := ParseOutlets(shippedOutlets)
	if err != nil {
		// The shipped table is tested; a broken build should say so loudly.
		panic("corpus: shipped outlet table: " + err.Error())
	}
	return NewOutletTable(outlets)
}

// LoadOutlets returns the shipped outlet table merged with the user's file
// OutletsFileName in configDir, the user's configuration directory, when
// it exists ("" reads the shipped table only). User entries replace
// shipped entries of the same name. When the user file cannot be read or
// parsed it returns the shipped table and the error.
func LoadOutlets(configDir string) (*OutletTable, error) {
	t := ShippedOutlets()
	p, ok := UserFile(configDir, OutletsFileName)
	if !ok {
		return t, nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return t, nil
		}
		return t, fmt.Errorf("read outlet file %s: %w", p, err)
	}
	user, err := ParseOutlets(data)
	if err != nil {
		return t, fmt.Errorf("%s: %w", p, err)
	}
	return NewOutletTable(mergeOutlets(t.Outlets, user)), nil
}

func mergeOutlets(base, user []Outlet) []Outlet {
	out := append([]Outlet(nil), base...)
	for _, u := range user {
		replaced := false
		for i := range out {
			if strings.EqualFold(out[i].Name, u.Name) {
				out[i] = u
				replaced = true
				break
			}
		}
		if !replaced {
			out = append(out, u)
		}
	}
	return out
}

func (t *OutletTable) prepare() {
	t.once.Do(func() {
		t.byName = make(map[string]int)
		for i, o := range t.Outlets {
			for _, v := range o.variants() {
				k := strings.ToLower(v)
				if _, dup := t.byName[k]; !dup {
					t.byName[k] = i
				}
				vt := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
				t.variant = append(t.variant, variantRef{text: v, outlet: i, words: strings.Join(vt, " "), glued: strings.Join(vt, "")})
			}
		}
		sort.SliceStable(t.variant, func(i, j int) bool { return len(t.variant[i].text) > len(t.variant[j].text) })
	})
}

// variants returns the outlet's name, short name and aliases.
func (o Outlet) variants() []string {
	v := []string{o.Name}
	if o.Short != "" {
		v = append(v, o.Short)
	}
	return append(v, o.Aliases...)
}

// Lookup returns the outlet whose name, short name or alias is name
// (case-insensitive), or nil.
func (t *OutletTable) Lookup(name string) *Outlet {
	if t == nil {
		return nil
	}
	t.prepare()
	if i, ok := t.byName[strings.ToLower(strings.TrimSpace(name))]; ok {
		return &t.Outlets[i]
	}
	return nil
}

// ByURL returns the outlet whose web domain is the URL's host or a parent
// domain of it, and the matching domain.
func (t *OutletTable) ByURL(raw string) (*Outlet, string) {
	if t == nil || raw == "" {
		return nil, ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		u, err = url.Parse("https://" + strings.TrimSpace(raw))
		if err != nil {
			return nil, ""
		}
	}
	host := strings.ToLower(strings.TrimPrefix(u.Hostname(), "www."))
	if host == "" {
		return nil, ""
	}
	best, bestDomain := -1, ""
	for i, o := range t.Outlets {
		for _, d := range o.Domains {
			d = strings.ToLower(d)
			if (host == d || strings.HasSuffix(host, "."+d)) && len(d) > len(bestDomain) {
				best, bestDomain = i, d
			}
		}
	}
	if best < 0 {
		return nil, ""
	}
	return &t.Outlets[best], bestDomain
}

// creditMatch is a dateline or credit pattern found in a text.
type creditMatch struct {
	Outlet *Outlet
	Span
	Text string
}

// credits returns the dateline and credit patterns naming a known outlet
// in text ("/TASS/", "(AA)", "(Reuters)", "© Sputnik", "Photo: AFP"), in
// text order. Short names (AA, AP, RT) only count in their own case.
func (t *OutletTable) credits(text string) []creditMatch {
	if t == nil {
		return nil
	}
	t.prepare()
	var out []creditMatch
	add := func(start, end int, name string) bool {
		o := t.lookupCased(name)
		if o == nil {
			return false
		}
		out = append(out, creditMatch{Outlet: o, Span: Span{start, end}, Text: text[start:end]})
		return true
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case (c == '/' || c == '(') && !hasPrefixFold(text[i:], "(c) "):
			closer := byte('/')
			if c == '(' {
				closer = ')'
			}
			j := strings.IndexByte(text[i+1:min(len(text), i+42)], closer)
			if j <= 0 || strings.ContainsAny(text[i+1:i+1+j], "\n/()") {
				continue
			}
			// "/TASS/" stands alone; "x.com/reuters/story" is a URL path.
			if c == '/' && ((i > 0 && (isWordByte(text[i-1]) || strings.IndexByte(":./", text[i-1]) >= 0)) ||
				(i+j+2 < len(text) && isWordByte(text[i+j+2]))) {
				continue
			}
			if add(i, i+j+2, strings.TrimSpace(text[i+1:i+1+j])) {
				i += j + 1
			}
		case c == 0xC2 && strings.HasPrefix(text[i:], "©"), c == '(', c == 'C' || c == 'c' || c == 'P' || c == 'p':
			rest := text[i:]
			var after int
			switch {
			case strings.HasPrefix(rest, "©"):
				after = len("©")
			case hasPrefixFold(rest, "copyright") && (i == 0 || !isWordByte(text[i-1])):
				after = len("copyright")
			case hasPrefixFold(rest, "photo:") && (i == 0 || !isWordByte(text[i-1])):
				after = len("photo:")
			case hasPrefixFold(rest, "(c)"):
				after = len("(c)")
			default:
				continue
			}
			k := i + after
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			// Try the longest run of up to five words that names an outlet.
			ends := wordEnds(text[k:], 5)
			for w := len(ends) - 1; w >= 0; w-- {
				if add(i, k+ends[w], text[k:k+ends[w]]) {
					i = k + ends[w] - 1
					break
				}
			}
		}
	}
	return out
}

// lookupCased is Lookup, except that names of four letters or fewer
// must match in case ("AA" names Anadolu Agency, "aa" does not).
func (t *OutletTable) lookupCased(name string) *Outlet {
	t.prepare()
	i, ok := t.byName[strings.ToLower(name)]
	if !ok {
		return nil
	}
	if len(name) <= 4 {
		found := false
		for _, v := range t.Outlets[i].variants() {
			if v == name {
				found = true
			}
		}
		if !found {
			return nil
		}
	}
	return &t.Outlets[i]
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// wordEnds returns the byte offsets in s where each of its first n words
// ends (words are runs of letters, digits, '-', '.', '&' and apostrophes;
// a trailing full stop is not part of a word).
func wordEnds(s string, n int) []int {
	var ends []int
	i := 0
	for len(ends) < n && i < len(s) {
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == '&' || r == '\'' || r == '’') {
				break
			}
			i += size
		}
		if i == start {
			break
		}
		end := i
		for end > start && s[end-1] == '.' {
			end--
		}
		if end > start {
			ends = append(ends, end)
		}
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	return ends
}

// byFileName returns the outlet a file name mentions as a whole word
// ("tass-lavrov.txt", "aljazeera_2019.html"), and the word.
func (t *OutletTable) byFileName(name string) (*Outlet, string) {
	if t == nil {
		return nil, ""
	}
	t.prepare()
	base := strings.ToLower(name)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	tokens := strings.FieldsFunc(base, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	joined := " " + strings.Join(tokens, " ") + " "
	for _, v := range t.variant {
		if len(v.words) < 2 {
			continue
		}
		if strings.Contains(joined, " "+v.words+" ") || (v.glued != v.words && strings.Contains(joined, " "+v.glued+" ")) {
			return &t.Outlets[v.outlet], v.words
		}
	}
	for i, o := range t.Outlets {
		for _, d := range o.Domains {
			label := strings.ToLower(strings.SplitN(d, ".", 2)[0])
			if len(label) >= 3 && strings.Contains(joined, " "+label+" ") {
				return &t.Outlets[i], label
			}
		}
	}
	return nil, ""
}

// detectOutlet sets the article's outlet from, in order: the explicit
// outlet metadata, the URL's domain, dateline and credit patterns in the
// text, and the file name. It records the evidence, or says why the
// outlet is unknown.
func detectOutlet(a *Article, metaOutlet, metaSource string, t *OutletTable) {
	if m := strings.TrimSpace(metaOutlet); m != "" {
		if o := t.Lookup(m); o != nil {
			a.Outlet, a.OutletInfo = o.Name, o
			a.OutletEvidence = fmt.Sprintf("%s outlet: %s", metaSource, m) + agencyCopy(a, t)
			return
		}
		a.Outlet = m
		a.OutletEvidence = fmt.Sprintf("%s outlet: %s (not in the outlet table)", metaSource, m) + agencyCopy(a, t)
		return
	}
	if o, d := t.ByURL(a.URL); o != nil {
		a.Outlet, a.OutletInfo = o.Name, o
		a.OutletEvidence = "URL domain: " + d + agencyCopy(a, t)
		return
	}
	cs := t.credits(a.Text)
	if a.Dateline != nil {
		for _, c := range cs {
			if c.Start >= a.Dateline.Start && c.End <= a.Dateline.End+1 {
				a.Outlet, a.OutletInfo = c.Outlet.Name, c.Outlet
				a.OutletEvidence = "dateline credit " + c.Text
				return
			}
		}
	}
	if len(cs) > 0 {
		// An agency credit in the text, "(Reuters)" or "/TASS/", says more
		// about the article than a photo credit, "© Sputnik".
		c := cs[0]
		for _, x := range cs {
			if x.Text[0] == '(' || x.Text[0] == '/' {
				c = x
				break
			}
		}
		a.Outlet, a.OutletInfo = c.Outlet.Name, c.Outlet
		a.OutletEvidence = "credit " + c.Text
		if c.Text[0] != '(' && c.Text[0] != '/' {
			a.OutletEvidence = "photo credit " + c.Text
		}
		return
	}
	if o, w := t.byFileName(baseName(a.Path)); o != nil {
		a.Outlet, a.OutletInfo = o.Name, o
		a.OutletEvidence = fmt.Sprintf("file name mentions %q", w)
		return
	}
	a.OutletEvidence = "unknown: no outlet metadata, URL, dateline credit or file name match"
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		p = p[i+1:]
	}
	if i := strings.IndexByte(p, '#'); i >= 0 {
		p = p[:i]
	}
	return p
}

// agencyCopy notes a dateline credit naming another outlet than the one
// detected from metadata: an agency's story republished ("; the dateline
// credits (AFP)"), worth knowing when comparing outlets.
func agencyCopy(a *Article, t *OutletTable) string {
	if a.Dateline == nil {
		return ""
	}
	for _, c := range t.credits(a.Text[a.Dateline.Start:a.Dateline.End]) {
		if c.Outlet.Name != a.Outlet {
			return "; the dateline credits " + c.Text
		}
	}
	return ""
}
