package compare

// Facts are linked within a thread. Two sentences of the same story may
// be linked whenever they state the same claim; two sentences of different
// stories only as a recurring claim, which has a timeline: both articles
// must be dated (an undated article cannot be placed on it), and neither
// sentence may hold a name characteristic of its own story that the other
// lacks ("Lohan checked into rehab" and "Reid checked into rehab" are
// parallel claims about two happenings, not one claim made twice).

// sameEvent reports whether two linked units may be members of one fact.
func (x *storyScorer) sameEvent(a, b *unit) bool {
	if a.story == b.story {
		return true
	}
	if x.docs[a.art].day == noDay || x.docs[b.art].day == noDay {
		return false
	}
	return !x.ownNames(a, b) && !x.ownNames(b, a)
}

// storyNames marks, per story of the thread, the names characteristic of
// it: held by at least half of the story's articles (two at least) and by
// at most a fifth of the thread's other articles.
func (x *storyScorer) storyNames(members []int32) {
	artsOf := map[int32]int32{}  // story -> articles
	hold := map[[2]int32]int32{} // (story, term) -> articles holding the name
	tot := map[int32]int32{}     // term -> articles holding it
	lastArt := int32(-1)
	seen := map[int32]bool{}
	for _, ui := range members {
		u := &x.units[ui]
		if u.art != lastArt {
			lastArt = u.art
			clear(seen)
			artsOf[u.story]++
		}
		for k, t := range u.terms {
			if u.names[k] && !seen[t] {
				seen[t] = true
				hold[[2]int32{u.story, t}]++
				tot[t]++
			}
		}
	}
	nArts := int32(0)
	for _, n := range artsOf {
		nArts += n
	}
	clear(x.ownName)
	if x.ownName == nil {
		x.ownName = map[[2]int32]bool{}
	}
	for k, n := range hold {
		s, t := k[0], k[1]
		if n >= 2 && 2*n >= artsOf[s] && 5*(tot[t]-n) <= nArts-artsOf[s] {
			x.ownName[k] = true
		}
	}
}

// ownNames reports whether u holds a name characteristic of its story
// that v lacks.
func (x *storyScorer) ownNames(u, v *unit) bool {
	j := 0
	for k, t := range u.terms {
		if !u.names[k] {
			continue
		}
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
