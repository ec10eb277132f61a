package notes

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// palette is the colours new codes get, in order: the Tableau 10 palette
// followed by six more that stay distinct on dark and light terminals.
var palette = [...]string{
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
	"#1f77b4", "#d62728", "#17becf", "#bcbd22", "#8c564b", "#e377c2",
}

// maxNameLen bounds a code name, in characters.
const maxNameLen = 120

// ValidateName checks a code name: not empty, no control characters, no
// surrounding spaces, and "/" only between non-empty parts ("blame/us").
func ValidateName(name string) error {
	switch {
	case name == "":
		return errors.New("a code name cannot be empty")
	case !utf8.ValidString(name):
		return fmt.Errorf("code name %q is not valid UTF-8", name)
	case utf8.RuneCountInString(name) > maxNameLen:
		return fmt.Errorf("code name “%s…” is longer than %d characters", string([]rune(name)[:20]), maxNameLen)
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("code name “%s” starts or ends with a space", name)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return fmt.Errorf("code name %q contains a control character", name)
		}
	}
	for _, part := range strings.Split(name, "/") {
		if part == "" || strings.TrimSpace(part) != part {
			return fmt.Errorf("code name “%s”: each part around “/” must be a non-empty name without surrounding spaces (like “blame/us”)", name)
		}
	}
	return nil
}

// NormaliseColour returns a colour as lower-case #rrggbb, expanding #rgb,
// or an error for anything else. The empty string stays empty.
func NormaliseColour(c string) (string, error) {
	c = strings.ToLower(strings.TrimSpace(c))
	if c == "" {
		return "", nil
	}
	if !strings.HasPrefix(c, "#") {
		c = "#" + c
	}
	hex := c[1:]
	for _, r := range hex {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return "", fmt.Errorf("colour %q is not a #rrggbb hex colour", c)
		}
	}
	switch len(hex) {
	case 6:
		return c, nil
	case 3:
		return "#" + string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]}), nil
	}
	return "", fmt.Errorf("colour %q is not a #rrggbb hex colour", c)
}

func validateCode(c Code) error {
	if err := ValidateName(c.Name); err != nil {
		return err
	}
	if c.Parent != "" {
		if err := ValidateName(c.Parent); err != nil {
			return fmt.Errorf("code “%s”: parent: %w", c.Name, err)
		}
		if lang.ASCIILower(c.Parent) == lang.ASCIILower(c.Name) {
			return fmt.Errorf("code “%s” cannot be its own parent", c.Name)
		}
	}
	if c.Colour != "" {
		if n, err := NormaliseColour(c.Colour); err != nil || n != c.Colour {
			return fmt.Errorf("code “%s”: colour %q must be written #rrggbb in lower case", c.Name, c.Colour)
		}
	}
	return nil
}

// starter is a named starter codebook.
type starter struct {
	name, about string
	codes       []Code
}

func starters() []starter {
	return []starter{
		{"general", "comparative reading of news coverage", []Code{
			{Name: "shared claim", Description: "A claim several outlets report; compare how each words it."},
			{Name: "omission", Description: "Something other outlets report that this one leaves out (note what in the memo)."},
			{Name: "exclusive", Description: "A fact, quote or detail only this outlet reports."},
			{Name: "discrepancy", Description: "Numbers, dates, names or quotes that differ between outlets."},
			{Name: "blame", Description: "Responsibility for a problem is assigned to someone."},
			{Name: "loaded language", Description: "Words with strong emotional or evaluative charge where neutral ones exist."},
			{Name: "official source", Description: "A named government, military or institutional source."},
			{Name: "unnamed source", Description: "An anonymous or vague source (\"experts say\", \"sources told\")."},
			{Name: "hedge", Description: "Uncertainty or distance from a claim (\"reportedly\", \"allegedly\", \"may\")."},
			{Name: "framing", Description: "How the story is defined: cause, consequence, moral judgement or remedy."},
			{Name: "context", Description: "Background the outlet gives (or chooses) to explain the event."},
			{Name: "question", Description: "Something to check or come back to."},
		}},
		{"media-frames", "the 15 frame dimensions of the Media Frames Corpus (Card et al. 2015; Boydstun et al. 2014)", []Code{
			{Name: "economic", Description: "The costs, benefits or other financial implications of the issue."},
			{Name: "capacity and resources", Description: "The availability or lack of physical, human or financial resources, and the capacity of current systems."},
			{Name: "morality", Description: "Religious or ethical implications; duty, honour, righteousness."},
			{Name: "fairness and equality", Description: "The balance or distribution of rights, responsibilities and resources; equal or unequal treatment."},
			{Name: "legality, constitutionality and jurisprudence", Description: "Rights, freedoms and authority under the law; treaties, court cases and existing laws."},
			{Name: "policy prescription and evaluation", Description: "Specific policies proposed to address a problem, and whether they will work or have worked."},
			{Name: "crime and punishment", Description: "Violations of law or policy, their enforcement and punishment."},
			{Name: "security and defense", Description: "Threats to the welfare of individuals, communities or the nation; defence and military matters."},
			{Name: "health and safety", Description: "Health care, disease, injury, sanitation and public safety."},
			{Name: "quality of life", Description: "Effects on people's wealth, happiness, mobility and well-being."},
			{Name: "cultural identity", Description: "The traditions, customs or values of a social group as they bear on the issue."},
			{Name: "public opinion", Description: "The attitudes of the general public: polls, protests, popular reaction."},
			{Name: "political", Description: "Politics and politicians: parties, elections, lobbying, partisan manoeuvring."},
			{Name: "external regulation and reputation", Description: "A country's external relations: foreign policy, international reputation, relations between states."},
			{Name: "other", Description: "A coherent frame not covered by the other fourteen dimensions."},
		}},
		{"propaganda", "the 14 propaganda technique classes of SemEval-2020 Task 11 (Da San Martino et al. 2020)", []Code{
			{Name: "loaded language", Description: "Words and phrases with strong emotional implications, used to influence the audience."},
			{Name: "name calling, labeling", Description: "Labelling the target as something the audience fears, hates or finds undesirable (or loves and praises)."},
			{Name: "repetition", Description: "Repeating the same message over and over so the audience accepts it."},
			{Name: "exaggeration, minimisation", Description: "Representing something as more extreme than it is, or downplaying it."},
			{Name: "doubt", Description: "Questioning the credibility of someone or something."},
			{Name: "appeal to fear, prejudice", Description: "Building support for an idea by instilling anxiety or panic, or by exploiting prejudice."},
			{Name: "flag-waving", Description: "Playing on strong national (or group) feeling to justify or promote an action."},
			{Name: "causal oversimplification", Description: "Assuming a single cause or reason when there are many behind an issue."},
			{Name: "slogans", Description: "A brief and striking phrase, often with labelling and stereotyping."},
			{Name: "appeal to authority", Description: "Stating that a claim is true simply because an authority or expert says so."},
			{Name: "black-and-white fallacy, dictatorship", Description: "Presenting two alternatives as the only possibilities, or telling the audience exactly what to do."},
			{Name: "thought-terminating cliché", Description: "Words or phrases that discourage critical thought and useful discussion."},
			{Name: "whataboutism, straw men, red herring", Description: "Discrediting a position by charging hypocrisy, refuting a position never held, or bringing in irrelevant material."},
			{Name: "bandwagon, reductio ad hitlerum", Description: "Persuading by appeal to what everyone else does, or discrediting an idea by linking it to a hated group."},
		}},
	}
}

// StarterNames returns the names of the starter codebooks.
func StarterNames() []string {
	var out []string
	for _, s := range starters() {
		out = append(out, s.name)
	}
	return out
}

// StarterAbout returns a one-line description of a starter codebook.
func StarterAbout(name string) string {
	for _, s := range starters() {
		if s.name == name {
			return s.about
		}
	}
	return ""
}

// Starter returns a starter codebook by name, with palette colours.
func Starter(name string) ([]Code, error) {
	for _, s := range starters() {
		if s.name == name {
			out := make([]Code, len(s.codes))
			for i, c := range s.codes {
				c.Colour = palette[i%len(palette)]
				out[i] = c
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("no starter codebook %q; choose one of %s", name, strings.Join(StarterNames(), ", "))
}

// csvHeader is the header of a codebook CSV file.
var csvHeader = []string{"name", "colour", "description", "parent"}

// ExportCodebookCSV writes codes as CSV with the header
// name,colour,description,parent.
func ExportCodebookCSV(w io.Writer, codes []Code) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("write codebook CSV: %w", err)
	}
	for _, c := range codes {
		if err := cw.Write([]string{c.Name, c.Colour, c.Description, c.Parent}); err != nil {
			return fmt.Errorf("write codebook CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write codebook CSV: %w", err)
	}
	return nil
}

// ImportCodebookCSV reads codes from CSV. A header row naming the columns
// (name, colour or color, description, parent, in any order) is used when
// present; otherwise the columns are taken in that order. Blank rows are
// skipped; colours are normalised to #rrggbb.
func ImportCodebookCSV(r io.Reader) ([]Code, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	records, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read codebook CSV: %w", err)
	}
	col := map[string]int{"name": 0, "colour": 1, "description": 2, "parent": 3}
	first := 0
	if len(records) > 0 {
		head := map[string]int{}
		for i, h := range records[0] {
			h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
			if h == "color" {
				h = "colour"
			}
			head[h] = i
		}
		if _, ok := head["name"]; ok {
			col = map[string]int{"name": -1, "colour": -1, "description": -1, "parent": -1}
			for k := range col {
				if i, ok := head[k]; ok {
					col[k] = i
				}
			}
			first = 1
		}
	}
	field := func(rec []string, k string) string {
		i := col[k]
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	var out []Code
	seen := map[string]int{}
	for n, rec := range records[first:] {
		line := n + first + 1
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		c := Code{Name: field(rec, "name"), Description: field(rec, "description"), Parent: field(rec, "parent")}
		if c.Colour, err = NormaliseColour(field(rec, "colour")); err != nil {
			return nil, fmt.Errorf("read codebook CSV: line %d: %w", line, err)
		}
		if err := validateCode(c); err != nil {
			return nil, fmt.Errorf("read codebook CSV: line %d: %w", line, err)
		}
		if prev, ok := seen[lang.ASCIILower(c.Name)]; ok {
			return nil, fmt.Errorf("read codebook CSV: line %d: code “%s” already given on line %d", line, c.Name, prev)
		}
		seen[lang.ASCIILower(c.Name)] = line
		out = append(out, c)
	}
	return out, nil
}

// QDCNamespace is the XML namespace of a REFI-QDA codebook (.qdc).
const QDCNamespace = "urn:QDA-XML:codebook:1.0"

// guidSpace names the UUIDs parallax derives from code names, so an
// exported code keeps its GUID from one export to the next.
const guidSpace = "6f1e6d0a-4f55-4c57-9e8e-706172616c78"

// CodeGUID returns the stable GUID of a code name, as used in .qdc and
// .qdpx exports.
func CodeGUID(name string) string {
	return uuid.NewSHA1(uuid.MustParse(guidSpace), []byte(name)).String()
}

type qdcCode struct {
	GUID        string    `xml:"guid,attr"`
	Name        string    `xml:"name,attr"`
	IsCodable   bool      `xml:"isCodable,attr"`
	Color       string    `xml:"color,attr,omitempty"`
	Description string    `xml:"Description,omitempty"`
	Codes       []qdcCode `xml:"Code"`
}

// qdcBook reads a codebook in any namespace; qdcOut writes one in REFI's.
type qdcBook struct {
	XMLName xml.Name  `xml:"CodeBook"`
	Codes   []qdcCode `xml:"Codes>Code"`
}

type qdcOut struct {
	XMLName xml.Name  `xml:"urn:QDA-XML:codebook:1.0 CodeBook"`
	Origin  string    `xml:"origin,attr,omitempty"`
	Codes   []qdcCode `xml:"Codes>Code"`
}

// qdcTree turns a flat codebook into REFI-QDA's nested codes: a code whose
// parent is in the list is nested under it, named without the "parent/"
// prefix.
func qdcTree(codes []Code) []qdcCode {
	byParent := map[string][]Code{}
	known := map[string]bool{}
	for _, c := range codes {
		known[lang.ASCIILower(c.Name)] = true
	}
	var roots []Code
	for _, c := range codes {
		if c.Parent != "" && known[lang.ASCIILower(c.Parent)] && lang.ASCIILower(c.Parent) != lang.ASCIILower(c.Name) {
			byParent[lang.ASCIILower(c.Parent)] = append(byParent[lang.ASCIILower(c.Parent)], c)
		} else {
			roots = append(roots, c)
		}
	}
	visited := map[string]bool{}
	var build func(c Code) qdcCode
	build = func(c Code) qdcCode {
		visited[lang.ASCIILower(c.Name)] = true
		name := c.Name
		if c.Parent != "" && strings.HasPrefix(lang.ASCIILower(name), lang.ASCIILower(c.Parent)+"/") {
			name = name[len(c.Parent)+1:]
		}
		q := qdcCode{GUID: CodeGUID(c.Name), Name: name, IsCodable: true, Color: c.Colour, Description: c.Description}
		for _, ch := range byParent[lang.ASCIILower(c.Name)] {
			if !visited[lang.ASCIILower(ch.Name)] {
				q.Codes = append(q.Codes, build(ch))
			}
		}
		return q
	}
	var out []qdcCode
	for _, c := range roots {
		out = append(out, build(c))
	}
	// Codes caught in a parent loop have no root; list them at the top.
	for _, c := range codes {
		if !visited[lang.ASCIILower(c.Name)] {
			out = append(out, build(c))
		}
	}
	return out
}

// ExportCodebookQDC writes codes as a REFI-QDA codebook (.qdc, namespace
// urn:QDA-XML:codebook:1.0), nesting children under their parents.
func ExportCodebookQDC(w io.Writer, codes []Code) error {
	if len(codes) == 0 {
		return errors.New("write codebook .qdc: the codebook is empty (REFI-QDA requires at least one code)")
	}
	book := qdcOut{Origin: "parallax", Codes: qdcTree(codes)}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write codebook .qdc: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(book); err != nil {
		return fmt.Errorf("write codebook .qdc: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write codebook .qdc: %w", err)
	}
	return nil
}

// ImportCodebookQDC reads a REFI-QDA codebook (.qdc). A nested code is
// named "parent/child" with its parent set; colours are normalised and a
// missing colour is left empty (the store assigns one).
func ImportCodebookQDC(r io.Reader) ([]Code, error) {
	var book qdcBook
	dec := xml.NewDecoder(r)
	if err := dec.Decode(&book); err != nil {
		return nil, fmt.Errorf("read codebook .qdc: %w", err)
	}
	if book.XMLName.Space != QDCNamespace && book.XMLName.Space != "" {
		return nil, fmt.Errorf("read codebook .qdc: root element is in namespace %q, not %q", book.XMLName.Space, QDCNamespace)
	}
	var out []Code
	seen := map[string]bool{}
	var walk func(cs []qdcCode, parent string) error
	walk = func(cs []qdcCode, parent string) error {
		for _, q := range cs {
			name := strings.TrimSpace(q.Name)
			if parent != "" && !strings.HasPrefix(lang.ASCIILower(name), lang.ASCIILower(parent)+"/") {
				name = parent + "/" + name
			}
			col, err := NormaliseColour(q.Color)
			if err != nil {
				return fmt.Errorf("code “%s”: %w", name, err)
			}
			c := Code{Name: name, Colour: col, Description: strings.TrimSpace(q.Description), Parent: parent}
			if err := validateCode(c); err != nil {
				return err
			}
			if seen[lang.ASCIILower(name)] {
				return fmt.Errorf("code “%s” appears twice", name)
			}
			seen[lang.ASCIILower(name)] = true
			out = append(out, c)
			if err := walk(q.Codes, name); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(book.Codes, ""); err != nil {
		return nil, fmt.Errorf("read codebook .qdc: %w", err)
	}
	if len(out) == 0 {
		return nil, errors.New("read codebook .qdc: it holds no codes")
	}
	return out, nil
}
