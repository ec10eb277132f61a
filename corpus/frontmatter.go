package corpus

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// readFrontMatter reads the YAML between a Markdown article's --- lines:
// the fields read by name, and every field as a map (for the date keys).
// Front matter of plain `key: value` lines, as parallax writes it and most
// sites do, is read by simpleFrontMatter; anything else by the YAML
// package (a sixth of the time of loading a short article went to it).
func readFrontMatter(src string) (frontMatter, map[string]any, error) {
	if fm, fields, ok := simpleFrontMatter(src); ok {
		return fm, fields, nil
	}
	// Parsed once, decoded twice: into the fields read by name, and into
	// a map for the date keys.
	var node yaml.Node
	var fm frontMatter
	err := yaml.Unmarshal([]byte(src), &node)
	if err == nil && node.Kind != 0 {
		err = node.Decode(&fm)
	}
	if err != nil {
		return fm, nil, err
	}
	var fields map[string]any
	if node.Kind != 0 {
		_ = node.Decode(&fields) // fm decoded: it is a mapping
	}
	return fm, fields, nil
}

// simpleFrontMatter reads src when every line of it is `key: value`,
// the key a word of ASCII letters, digits, '_' and '-' starting with a
// letter, and the value either in double quotes without escapes or a
// plain word-like text starting with a letter: what YAML reads as a
// string, the same string. Anything else — an empty document, comments,
// blank lines, other quoting, numbers, dates, lists, a key given twice,
// published_approximate — is not read (ok false) and goes to the YAML
// package. TestSimpleFrontMatterIsYAML checks it against the package.
func simpleFrontMatter(src string) (fm frontMatter, fields map[string]any, ok bool) {
	if src == "" || !strings.HasSuffix(src, "\n") || strings.IndexByte(src, '\r') >= 0 {
		return fm, nil, false
	}
	fields = make(map[string]any, 8)
	for line := range strings.SplitSeq(src[:len(src)-1], "\n") {
		key, val, found := strings.Cut(line, ":")
		if !found || !yamlPlainKey(key) || fields[key] != nil || key == "published_approximate" {
			return fm, nil, false
		}
		if val = strings.TrimLeft(val, " "); len(val) == len(line)-len(key)-1 {
			return fm, nil, false // no space after the colon
		}
		s, ok := yamlSimpleString(val)
		if !ok {
			return fm, nil, false
		}
		fields[key] = s
		switch key {
		case "id":
			fm.ID = s
		case "title":
			fm.Title = s
		case "outlet":
			fm.Outlet = s
		case "url":
			fm.URL = s
		case "author":
			fm.Author = s
		case "language":
			fm.Language = s
		}
	}
	return fm, fields, true
}

// yamlPlainKey reports a key YAML reads as that string: ASCII letters,
// digits, '_' and '-', starting with a letter, and not a word YAML reads
// as a boolean or null.
func yamlPlainKey(k string) bool {
	if k == "" || !isASCIILetter(k[0]) || yamlSpecialWord(k) {
		return false
	}
	for i := 1; i < len(k); i++ {
		if c := k[i]; !isASCIILetter(c) && !('0' <= c && c <= '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// yamlSimpleString returns the string YAML reads from v when v is "…"
// holding only printable characters other than '"' and '\', or plain text
// of letters, digits, spaces and . , ' - starting with a letter, not
// ending in a space and not a boolean or null word.
func yamlSimpleString(v string) (string, bool) {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		in := v[1 : len(v)-1]
		for i := 0; i < len(in); {
			r, n := utf8.DecodeRuneInString(in[i:])
			if !yamlQuotable(r, n) {
				return "", false
			}
			i += n
		}
		return in, true
	}
	if v == "" || !isASCIILetter(v[0]) || v[len(v)-1] == ' ' || yamlSpecialWord(v) {
		return "", false
	}
	for i := 1; i < len(v); i++ {
		c := v[i]
		if !isASCIILetter(c) && !('0' <= c && c <= '9') && !strings.ContainsRune(" .,'-", rune(c)) {
			return "", false
		}
	}
	return v, true
}

// yamlQuotable reports a character that stands for itself inside YAML's
// double quotes: printable, not a line break of YAML 1.1 (NEL, U+2028,
// U+2029), not the byte order mark, not '"' or '\'.
func yamlQuotable(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1, r == '"', r == '\\':
		return false
	case r >= 0x20 && r < 0x7f:
		return true
	case r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return false
	}
	return true
}

// yamlSpecialWord reports a word YAML (1.1 or 1.2) may read as a boolean
// or null rather than a string.
func yamlSpecialWord(w string) bool {
	switch strings.ToLower(w) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
