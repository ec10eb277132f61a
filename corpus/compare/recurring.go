package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Facts are linked within a thread. Two sentences of the same story may
// be linked whenever they state the same claim; two sentences of different
// stories only as a recurring claim, which has a timeline: both articles
// must be dated (an undated article cannot be placed on it), and neither
// sentence may hold a term characteristic of its own story that the other
// lacks ("Lohan checked into rehab" and "Reid checked into rehab" are
// parallel claims about two happenings, not one claim made twice).

// sameEvent reports whether two linked units may be members of one fact.
// Within a story, unless one looks back to another time and the other
// does not, in what they share (claimsOtherTimes).
func (x *storyScorer) sameEvent(a, b *unit) bool {
	if a.story == b.story {
		return !x.claimsOtherTimes(a, b)
	}
	if x.docs[a.art].day == noDay || x.docs[b.art].day == noDay {
		return false
	}
	return !x.ownNames(a, b) && !x.ownNames(b, a) && !x.daysDiffer(a, b) &&
		!x.ownHappening(a) && !x.ownHappening(b)
}

// ownHappening reports whether a sentence points at its own story's
// happening with a definite noun for a sudden, one-off event and no date
// of its own ("Sarvania did not comment on the strike", "rescuers were
// working at the scene"): said in another story, the same words are about
// that story's happening — another claim. A sentence that dates what it
// tells ("the 2019 strike", "the attack on 3 May") may retell an earlier
// story's happening, and may recur.
func (x *storyScorer) ownHappening(u *unit) bool { return u.look(ownKnown, own, x.pointsAtOwn) }

// pointsAtOwn is ownHappening, reading the sentence.
func (x *storyScorer) pointsAtOwn(u *unit) bool {
	if u.ex != nil && len(u.ex.dates) > 0 {
		return false
	}
	prev := ""
	for _, w := range strings.FieldsFunc(x.c.Articles[u.art].Sentences[u.sent].Text, notWordRune) {
		w = strings.ToLower(w)
		if suddenEvent[w] && pointsAtOne[prev] {
			return true
		}
		prev = w
	}
	return false
}

// notWordRune splits a sentence into words (apostrophes stay inside:
// "Monday's").
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
}

// pointsAtOne are the words before a noun that point at one happening
// the reader already knows of.
var pointsAtOne = map[string]bool{"the": true, "this": true, "that": true, "today's": true, "today’s": true,
	"yesterday's": true, "yesterday’s": true, "tonight's": true, "tonight’s": true}

// suddenEvent are nouns for sudden, one-off happenings — attacks,
// disasters, accidents — and the scene of one; not the nouns of processes
// that recur and are retold ("the treaty", "the talks", "the deployment").
var suddenEvent = map[string]bool{
	"attack": true, "strike": true, "airstrike": true, "raid": true, "blast": true, "explosion": true,
	"bombing": true, "shelling": true, "shooting": true, "stabbing": true, "massacre": true, "ambush": true,
	"crash": true, "collision": true, "derailment": true, "accident": true, "incident": true,
	"earthquake": true, "quake": true, "tremor": true, "aftershock": true, "tsunami": true, "eruption": true,
	"flood": true, "flooding": true, "landslide": true, "avalanche": true, "fire": true, "blaze": true,
	"wildfire": true, "storm": true, "hurricane": true, "typhoon": true, "cyclone": true, "tornado": true,
	"disaster": true, "tragedy": true, "scene": true, "hijacking": true, "kidnapping": true, "abduction": true,
}

// daysDiffer reports whether two sentences name different weekdays
// ("declared Thursday a day of mourning", "declared Sunday a day of
// mourning": two happenings). Dates are not compared here: a claim made
// again often dates its happening differently ("in February 2019", "on
// 2 August"), and the discrepancies compare dates within a story.
func (x *storyScorer) daysDiffer(a, b *unit) bool {
	wa, wb := x.weekdaysOf(a), x.weekdaysOf(b)
	return wa != 0 && wb != 0 && wa&wb == 0
}

// weekdaysOf is the set of weekdays a unit names, as bits.
func (x *storyScorer) weekdaysOf(u *unit) uint8 {
	var set uint8
	for _, t := range u.terms {
		if k, ok := weekdayOf(x.surf[t]); ok {
			set |= k
		}
	}
	return set
}

// weekdayOf is weekdayBit[strings.ToLower(s)], without lowering a
// copy of an ASCII word: one of a weekday's length is lowered into an
// array, and ASCII of any other length cannot be one (its lower case is
// as long). Other text is lowered as before.
func weekdayOf(s string) (uint8, bool) {
	var b [len("wednesday")]byte
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			k, ok := weekdayBit[strings.ToLower(s)]
			return k, ok
		}
	}
	if len(s) < len("monday") || len(s) > len(b) {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	k, ok := weekdayBit[string(b[:len(s)])]
	return k, ok
}

var weekdayBit = map[string]uint8{"monday": 1, "tuesday": 2, "wednesday": 4, "thursday": 8, "friday": 16, "saturday": 32, "sunday": 64}

// dropParallel drops the links across stories whose two sentences both
// have counterparts within their own stories. When each story carries a
// claim through several outlets ("the city declared a day of mourning",
// "there was no immediate comment"), each story's fact shows it, and a
// lexical matcher cannot tell a claim made again from the same words
// about two happenings; a claim one story carries alone and another
// restates is linked as recurring.
func (x *storyScorer) dropParallel(found []foundLink) []foundLink {
	inStory := map[int32]bool{}
	for _, f := range found {
		if x.units[f.a].story == x.units[f.b].story && f.score >= x.opts.FactThreshold {
			inStory[f.a], inStory[f.b] = true, true
		}
	}
	out := found[:0]
	for _, f := range found {
		if x.units[f.a].story != x.units[f.b].story && inStory[f.a] && inStory[f.b] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// storyNames marks, per story of the thread, the terms characteristic of
// it: held by at least half of the story's articles (two at least) and by
// at most a fifth of the thread's other articles — its names, places and
// what it is about ("drones" in one attack, "cruise missiles" in another).
func (x *storyScorer) storyNames(members []int32) {
	clear(x.ownName)
	if x.ownName == nil {
		x.ownName = map[[2]int32]bool{}
	}
	// ownNames reads the marks only for sentences of different stories.
	if len(members) == 0 || x.units[members[0]].story == x.units[members[len(members)-1]].story && oneStory(x.units, members) {
		return
	}
	// Per term, the stories holding it and how many of their articles
	// do: a list through holds from holdAt[t] (index+1; 0 for none).
	if len(x.holdAt) < len(x.strs) {
		x.holdAt = make([]int32, len(x.strs))
		x.seenArt = make([]uint32, len(x.strs))
	}
	holds := x.holds[:0]
	artsOf := map[int32]int32{} // story -> articles
	lastArt := int32(-1)
	var terms []int32
	for _, ui := range members {
		u := x.units[ui]
		if u.art != lastArt {
			lastArt = u.art
			x.artStamp++
			artsOf[u.story]++
		}
		for _, t := range u.terms {
			if x.seenArt[t] == x.artStamp {
				continue
			}
			x.seenArt[t] = x.artStamp
			h := x.holdAt[t]
			if h == 0 {
				terms = append(terms, t)
			}
			for h != 0 && holds[h-1].story != u.story {
				h = holds[h-1].next
			}
			if h != 0 {
				holds[h-1].n++
				continue
			}
			holds = append(holds, storyHold{story: u.story, n: 1, next: x.holdAt[t]})
			x.holdAt[t] = int32(len(holds))
		}
	}
	nArts := int32(0)
	for _, n := range artsOf {
		nArts += n
	}
	for _, t := range terms {
		tot := int32(0)
		for h := x.holdAt[t]; h != 0; h = holds[h-1].next {
			tot += holds[h-1].n
		}
		for h := x.holdAt[t]; h != 0; h = holds[h-1].next {
			s, n := holds[h-1].story, holds[h-1].n
			if n >= 2 && 2*n >= artsOf[s] && 5*(tot-n) <= nArts-artsOf[s] {
				x.ownName[[2]int32{s, t}] = true
			}
		}
		x.holdAt[t] = 0
	}
	x.holds = holds[:0]
}

// storyHold counts the articles of a story holding a term (storyNames);
// next is the index+1 of the term's next story, 0 for none.
type storyHold struct{ story, n, next int32 }

// oneStory reports whether the members are all of one story.
func oneStory(units []*unit, members []int32) bool {
	for _, ui := range members {
		if units[ui].story != units[members[0]].story {
			return false
		}
	}
	return true
}

// ownNames reports whether u holds a term characteristic of its story
// that v lacks.
func (x *storyScorer) ownNames(u, v *unit) bool {
	j := 0
	for _, t := range u.terms {
		for j < len(v.terms) && v.terms[j] < t {
			j++
		}
		if j < len(v.terms) && v.terms[j] == t {
			continue
		}
		if x.ownName[[2]int32{u.story, t}] {
			return true
		}
	}
	return false
}
