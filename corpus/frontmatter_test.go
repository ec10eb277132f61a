package corpus

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// yamlFrontMatter is readFrontMatter without its fast path.
func yamlFrontMatter(t *testing.T, src string) (frontMatter, map[string]any, error) {
	t.Helper()
	var node yaml.Node
	var fm frontMatter
	err := yaml.Unmarshal([]byte(src), &node)
	if err == nil && node.Kind != 0 {
		err = node.Decode(&fm)
	}
	var fields map[string]any
	if err == nil && node.Kind != 0 {
		_ = node.Decode(&fields)
	}
	return fm, fields, err
}

// Whatever simpleFrontMatter reads, it reads as the YAML package does;
// and it reads the usual front matter.
func TestSimpleFrontMatterIsYAML(t *testing.T) {
	keys := []string{"id", "title", "outlet", "url", "author", "language", "published", "date", "publishDate",
		"published_approximate", "Title", "tags", "x-y", "a_b", "yes", "No", "true", "null", "on", "2020", "-a", "_a", "a b", ""}
	values := []string{`"s00000-00"`, `"We tsulogor draven the mirranpol"`, `"Outlet 22"`, `"2021-06-15"`, `"https://outlet22.example/news/s00000-00"`,
		`en`, `English`, `Outlet 22`, `Mr. Smith, Jr.`, `O'Brien`, `a - b`, `a  b`, `a `, `a: b`, `a #b`, `a#b`, `2021-06-15`, `2021-06-15T10:00:00Z`,
		`123`, `0x1f`, `1e3`, `.inf`, `.nan`, `true`, `True`, `yes`, `No`, `on`, `off`, `null`, `~`, ``, `y`, `n`,
		`"`, `""`, `" "`, `" padded "`, `"a\"b"`, `"a\\b"`, `"a\nb"`, `"tab	in"`, `"é “quoted” 中文"`, `"nel` + "\u0085" + `"`,
		`"ls` + "\u2028" + `"`, `"bom` + "\ufeff" + `"`, `"c1` + "\u009b" + `"`, `"bad` + "\xff" + `"`, `'single'`, `[a, b]`, `{a: b}`,
		`- a`, `&anchor x`, `*alias`, `!tag x`, `|`, `>`, `%x`, `@x`, "`x`", `"a" # c`, `"a"b`, `a"b"`}
	accepted := 0
	check := func(src string) {
		t.Helper()
		fm, fields, ok := simpleFrontMatter(src)
		if !ok {
			return
		}
		accepted++
		wantFM, wantFields, err := yamlFrontMatter(t, src)
		if err != nil {
			t.Errorf("%q: read, but YAML fails: %v", src, err)
			return
		}
		if fm != wantFM || !reflect.DeepEqual(fields, wantFields) {
			t.Errorf("%q:\nread %+v %v\nYAML %+v %v", src, fm, fields, wantFM, wantFields)
		}
	}
	for _, k := range keys {
		for _, v := range values {
			for _, sep := range []string{": ", ":  ", ":", ":\t"} {
				check(k + sep + v + "\n")
				check("id: \"x\"\n" + k + sep + v + "\n")
			}
		}
	}
	for _, src := range []string{"", "\n", "# c\nid: x\n", "id: x\n\n", "id: x\nid: y\n", "id: x\r\n", "id: x", " id: x\n",
		"title: a\n  continued\n", "id: x\n---\n", "tags:\n- a\n"} {
		check(src)
	}
	t.Logf("%d front matters read the fast way", accepted)
	if accepted < 200 {
		t.Errorf("only %d front matters read the fast way", accepted)
	}
	usual := "id: \"s00000-00\"\ntitle: \"We tsulogor draven\"\noutlet: \"Outlet 22\"\npublished: \"2021-06-15\"\nurl: \"https://outlet22.example/x\"\nlanguage: en\n"
	if _, _, ok := simpleFrontMatter(usual); !ok {
		t.Errorf("the usual front matter is not read the fast way:\n%s", usual)
	}
	check(usual)
	for _, a := range embeddedArticles(t) {
		if fm, ok := strings.CutPrefix(a, "---\n"); ok {
			if end := strings.Index(fm, "\n---\n"); end >= 0 {
				check(fm[:end+1])
			}
		}
	}
}

func embeddedArticles(t *testing.T) []string {
	t.Helper()
	ents, err := embeddedFS.ReadDir("embedded")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		b, err := embeddedFS.ReadFile("embedded/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}
