package corpus

import (
	"strconv"
	"strings"
)

// Count says how many of something there are, in words: "1 article", "3
// articles", "2 stories", "4 matches". The noun is given in the singular;
// a multi-word one ("tagged passage") takes the plural on its last word.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + Plural(noun)
}

// Plural is the plural of an English noun by the regular rules: "story"
// → "stories", "match" → "matches", "article" → "articles".
func Plural(noun string) string {
	n := len(noun)
	switch {
	case n >= 2 && noun[n-1] == 'y' && !isVowel(noun[n-2]):
		return noun[:n-1] + "ies"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	}
	return noun + "s"
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
