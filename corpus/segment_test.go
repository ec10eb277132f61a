package corpus

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func testBuilder(t testing.TB) *articleBuilder {
	t.Helper()
	z, err := newArticleBuilder(ShippedOutlets())
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// bodySentences analyses text as a plain-text article and returns the
// texts of its body sentences.
func bodySentences(t *testing.T, z *articleBuilder, text string) []string {
	t.Helper()
	a := z.build("t.txt", "text", text, meta{}, nil)
	checkSpans(t, a)
	var out []string
	for _, s := range a.Body() {
		out = append(out, s.Text)
	}
	return out
}

// Each case is a failure of the plain segmenter (or a trap near one) that
// a rule in segment.go handles.
func TestSegmentationRules(t *testing.T) {
	z := testBuilder(t)
	const title = "A headline for the test\n\n"
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"TASS dateline stays with its sentence",
			"MOSCOW, November 8. /TASS/. The United States has presented no images. Lavrov said so.",
			[]string{"MOSCOW, November 8. /TASS/. The United States has presented no images.", "Lavrov said so."}},
		{"wire dateline with abbreviated month",
			"WASHINGTON, Aug. 2 (Reuters) - The U.S. left the treaty on Friday. Russia said it regretted it.",
			[]string{"WASHINGTON, Aug. 2 (Reuters) - The U.S. left the treaty on Friday.", "Russia said it regretted it."}},
		{"U.S. and Aug. mid-sentence",
			"The U.S. withdrew on Aug. 2. Pentagon spokesman Robert Carver clarified it.",
			[]string{"The U.S. withdrew on Aug. 2.", "Pentagon spokesman Robert Carver clarified it."}},
		{"No. before a number",
			"Resolution No. 2231 was adopted. It ended sanctions.",
			[]string{"Resolution No. 2231 was adopted.", "It ended sanctions."}},
		{"titles before names",
			"Gen. Smith met Dr. Jones and Sen. Brown. They talked.",
			[]string{"Gen. Smith met Dr. Jones and Sen. Brown.", "They talked."}},
		{"police and prosecutors' titles",
			"Police Const. Tim Fanning said the gunman came in. Los Angeles County Dist. Atty. Steve Cooley said he would charge him. Asst. Supt. Ray Lee agreed.",
			[]string{"Police Const. Tim Fanning said the gunman came in.", "Los Angeles County Dist. Atty. Steve Cooley said he would charge him.", "Asst. Supt. Ray Lee agreed."}},
		{"a sentence that opens with an initial, and initials split one by one",
			"W. Mark Felt, who leaked secrets, died. Lohan's lawyer told L. A. Superior Court Judge James Dabney she had checked in. Dep. Ortiz is the fifth deputy slain. It rained.",
			[]string{"W. Mark Felt, who leaked secrets, died.", "Lohan's lawyer told L. A. Superior Court Judge James Dabney she had checked in.", "Dep. Ortiz is the fifth deputy slain.", "It rained."}},
		{"initials",
			"The novel by J. R. R. Tolkien was cited by George W. Bush. Nobody laughed.",
			[]string{"The novel by J. R. R. Tolkien was cited by George W. Bush.", "Nobody laughed."}},
		{"numbers with commas and points",
			"The range was 5,500 km, or 2.5 times more. It was banned.",
			[]string{"The range was 5,500 km, or 2.5 times more.", "It was banned."}},
		{"quote ending with comma then attribution",
			`"We will not hesitate to respond," he said. "We are ready."`,
			[]string{`"We will not hesitate to respond," he said.`, `"We are ready."`}},
		{"quote ending with period inside curly quote",
			"He said it was “over.” Then he left.",
			[]string{"He said it was “over.”", "Then he left."}},
		{"mixed curly and straight quotes",
			`“Of course, we will talk about this with the French," the foreign minister added. France seems responsive.`,
			[]string{`“Of course, we will talk about this with the French," the foreign minister added.`, "France seems responsive."}},
		{"bare attribution after a quoted sentence",
			`"Nobody has ever shown us satellite images." Lavrov said. "It is true."`,
			[]string{`"Nobody has ever shown us satellite images." Lavrov said.`, `"It is true."`}},
		{"lower-case continuation after a quote",
			`"It is over!" the minister said, and left. Talks ended.`,
			[]string{`"It is over!" the minister said, and left.`, "Talks ended."}},
		{"quotation spanning sentences",
			`He said: "Russia may terminate the restrictions ... and consider strengthening deterrence. These decisions rest with the president."`,
			[]string{`He said: "Russia may terminate the restrictions ... and consider strengthening deterrence.`, `These decisions rest with the president."`}},
		{"military ranks and plural titles",
			"On Monday, U.S. Army Pfc. Jessica Lynch and Brig. Gen. Edward Aritonang met Sens. John Kerry and Bob Graham. They talked.",
			[]string{"On Monday, U.S. Army Pfc. Jessica Lynch and Brig. Gen. Edward Aritonang met Sens. John Kerry and Bob Graham.", "They talked."}},
		{"joined initials",
			"Hynix CEO E.J. Woo condemned the decision. Others agreed.",
			[]string{"Hynix CEO E.J. Woo condemned the decision.", "Others agreed."}},
		{"U.S. before an institution",
			"The 9th U.S. Circuit Court of Appeals upheld the law. Officials welcomed it.",
			[]string{"The 9th U.S. Circuit Court of Appeals upheld the law.", "Officials welcomed it."}},
		{"case names",
			"Under the 1973 Roe v. Wade ruling, it was legal. Under Roe vs. Wade it stayed so.",
			[]string{"Under the 1973 Roe v. Wade ruling, it was legal.", "Under Roe vs. Wade it stayed so."}},
		{"time zone after p.m.",
			"Orders placed after 4 p.m. ET get the next day's price. That is the rule.",
			[]string{"Orders placed after 4 p.m. ET get the next day's price.", "That is the rule."}},
		{"times with a.m. and p.m.",
			"He arrived at 5 p.m. and left at 6 p.m. The talks ended.",
			[]string{"He arrived at 5 p.m. and left at 6 p.m.", "The talks ended."}},
	} {
		got := bodySentences(t, z, title+c.text+"\n")
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

func TestRolesHeadingsBulletsBylines(t *testing.T) {
	z := testBuilder(t)
	text := strings.Join([]string{
		"Russia ready to work with US to save arms treaty",
		"By Jane Doe",
		"MOSCOW (AA) - The minister spoke on Monday. He was calm.",
		"Collapse of INF Treaty",
		"The treaty collapsed in 2019.",
		"- F-16 fighter jets and escalation in Ukraine",
		"- Talks are possible, the minister said.",
		"The end of the story came quickly.",
	}, "\n")
	a := z.build("x.txt", "text", text, meta{}, nil)
	checkSpans(t, a)
	var got []string
	for _, s := range a.Sentences {
		got = append(got, string(s.Role)+": "+s.Text)
	}
	want := []string{
		"title: Russia ready to work with US to save arms treaty",
		"byline: By Jane Doe",
		"body: MOSCOW (AA) - The minister spoke on Monday.",
		"body: He was calm.",
		"heading: Collapse of INF Treaty",
		"body: The treaty collapsed in 2019.",
		"heading: - F-16 fighter jets and escalation in Ukraine",
		"body: - Talks are possible, the minister said.",
		"body: The end of the story came quickly.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("roles:\n got  %q\n want %q", got, want)
	}
	if a.Author != "Jane Doe" || a.Dateline == nil || a.Dateline.Place != "MOSCOW" || a.Outlet != "Anadolu Agency" {
		t.Errorf("author %q dateline %+v outlet %q", a.Author, a.Dateline, a.Outlet)
	}
	if a.Published != nil {
		t.Errorf("published invented: %v", a.Published)
	}
}

func TestFurnitureLines(t *testing.T) {
	f := newFurnitureFinder(ShippedOutlets())
	for _, c := range []struct {
		line, reason string
	}{
		{"Listen Live", ReasonPhrase},
		{"Posted Nov 22, 2024 5:04 AM CST", ReasonTimestamp},
		{"Updated 6:10 PM ET", ReasonTimestamp},
		{"PM ET", ReasonTimestamp},
		{"December 15, 2008 at 1: 00pm CST", ReasonTimestamp},
		{"Originally published 05/03/2013 at 10:20 AM EDT", ReasonTimestamp},
		{"First Published: June 13, 2013 4:59 PM EDT", ReasonTimestamp},
		{"First 10 days of the trial", ""},
		{"2013-09-26", ReasonTimestamp},
		{"11/09/2010", ReasonTimestamp},
		{"8: 24am:", ReasonTimestamp},
		{"updated 8:41 p. m. EST, Tue March 3, 2009", ReasonTimestamp},
		{"A man was hurt", ""},
		{"On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013.", ReasonTimestamp},
		{"Filed under World on 3 May 2013", ReasonTimestamp},
		{"The video, posted in March 2013, shows the officers on the bridge.", ""},
		{"/", ReasonMarkupOnly},
		{"Rescue workers search the rubble of a damaged building. (Evgeniy Maloletka via AP)", ReasonCaption},
		{"A man walks past the building. (AP Photo/Efrem Lukatsky)", ReasonCaption},
		{"Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", ReasonLegal},
		{"Share on Facebook | Share on X | Copy link", ReasonPrompt},
		{"Facebook | X | Copy link", ReasonPhrase},
		{"Community standardsDiscussion", ReasonPhrase},
		{"Comment via SputnikComment via Facebook", ReasonPhrase},
		{"Read more", ReasonPhrase},
		{"100% Font Size", ReasonPhrase},
		{"Enable dark mode", ReasonPhrase},
		{"Disable Reader mode", ReasonPhrase},
		{"Home | World | Politics | Business | Sport", ReasonMenu},
		{"This news has been read 126 times in total", ReasonCounter},
		{"1,204 comments", ReasonCounter},
		{"Shares: 35", ReasonCounter},
		{"0 0 0", ReasonCounter},
		{"♥ 12 · 💬 3", ReasonCounter},
		{"1.2K | 345", ReasonCounter},
		{"126", ReasonCounter},
		{"© Sputnik / Maksim Blinov", ReasonCredit},
		{"Photo: AFP / John Smith", ReasonCredit},
		{"missiles, arms race, Sergei Lavrov, INF Treaty, United States, Russia", ReasonTags},
		{"Tags: Russia, NATO", ReasonTags},
		{"23:25 GMT05 June 2020", ReasonTimestamp},
		{"Updated 12:01 PM", ReasonTimestamp},
		{"16.01.2019 10:41", ReasonTimestamp},
		{"Kaynak:", ReasonLabel},
		{"This article is also available in Arabic", ReasonLanguage},
		{"-----", ReasonMarkupOnly},
		{"Reuters", ReasonSiteName},
		{"You can share this story on social media:", ReasonPrompt},
		{"Follow RT on", ReasonPrompt},
		{"4 minute read", ReasonPhrase},
		{"Updated 5 years ago", ReasonTimestamp},
		{"August 5, 2019 3:13 PM UTC", ReasonTimestamp},
		{"Our Standards: The Thomson Reuters Trust Principles.", ReasonPhrase},
		{"News|Nuclear Weapons", ReasonMenu},
		{"Home › World › Europe", ReasonMenu},
		{"Save articles to read later and create your own reading list.", ReasonPrompt},
		{"Sign up for our daily newsletter", ReasonPrompt},
		{"Click here to share on social media", ReasonPrompt},
		{"Source: Al Jazeera and news agencies", ReasonSignoff},
		{"![Sergei Lavrov in Moscow](https://example.com/lavrov.jpg)", ReasonImage},
		{"[![x](a.png)](https://example.com)", ReasonImage},
		{"TASS Russian News Agency", ReasonSiteName},
		{"Reporting by Jane Doe; Editing by John Smith", ReasonSignoff},
		{"(Additional reporting by Tom Ray in Moscow)", ReasonSignoff},
		{"Read also: US Orders Equipment for Testing Missiles", ReasonReadAlso},
		{"READ MORE: Russia to Produce Non-INF Compliant Missiles", ReasonReadAlso},
		{"Russian Foreign Minister Sergei Lavrov speaks in Moscow. (Photo: AFP)", ReasonCaption},
		{"Lavrov and Pompeo in Munich | Photo: Reuters/John Doe", ReasonCaption},
		{"Lavrov and Pompeo in Munich (AFP Photo)", ReasonCaption},
		{"Cyril Ramaphosa is the president of South Africa [MARCO LONGARI/AFP/Getty]", ReasonCaption},
		{"Rescue workers search a flooded street in Derna. Photo: Esam Omran/AFP", ReasonCaption},
		{"Rescue workers search a flooded street in Derna. Esam Omran/AFP", ReasonCaption},
		{"Rescue workers search a flooded street in Derna. Esam Omran / Getty Images", ReasonCaption},
		{"Rescue workers in Derna on Tuesday. (Photo: Esam Omran/AFP)", ReasonCaption},
		// Not furniture: sub-headings, prose, lists inside sentences.
		{"Collapse of INF Treaty", ""},
		{"Russia denies violations", ""},
		{"Stance on the Nuclear Test Ban Treaty", ""},
		{"Lavrov said:", ""},
		{"Japan, South Korea and some Pacific islands are the likeliest locations.", ""},
		{"The range was 500 to 5,500 kilometres, he said.", ""},
		{"Russia, China, Iran and Turkey", ""},
		{"In September, Russian President Vladimir Putin addressed the leaders.", ""},
		{"Live fire exercises continued in the region for a week.", ""},
		{"Share prices fell 5 percent on Monday.", ""},
		{"Europe", ""},
		{"42 dead in Derna", ""},
		{"Top 10", ""},
		{"2,000 homes", ""},
		{"Russia > China in missile numbers, he said.", ""},
		{"Subscribers to the treaty, he said, were few.", ""},
		{"Registered voters went to the polls.", ""},
		{"Follow the money on this one, the senator said.", ""},
		{"Follow TASS on Telegram and VK", ReasonPrompt},
		{"Read the statement: it says the treaty is dead.", ""},
		{"Watch this space, the minister said.", ""},
		{"The range (500 to 5,500 km) was banned by the treaty.", ""},
		{"MOSCOW (AA) - Russia may lift the self-imposed restrictions.", ""},
		{"He said the treaty was signed in 1987 / 88 by both sides.", ""},
		{"The vote was 52/48. The EU/UK talks resume on Monday.", ""},
		{"He left. Officials said: the dam was old.", ""},
		{"Pictures from the scene. Photos of the dam were shared widely.", ""},
	} {
		if got := f.line(c.line); got != c.reason {
			t.Errorf("line(%q) = %q, want %q", c.line, got, c.reason)
		}
	}
	if !isForeignNotice("Türkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar onaylanmamaktadır.") {
		t.Error("Turkish comment notice not noticed")
	}
	if isForeignNotice("Russia denies violations of the treaty signed in Genève") {
		t.Error("English line with a French place name taken for a notice")
	}
}

func TestRepeatedLinesAcrossOneOutlet(t *testing.T) {
	dir := t.TempDir()
	body := func(n string) string {
		return "Story " + n + " about the treaty\n\nMOSCOW, May " + n + ". /TASS/. Text of story " + n + " is here.\n\nMoscow bureau of the agency\n"
	}
	for _, n := range []string{"1", "2"} {
		writeFile(t, dir, "s"+n+".txt", body(n))
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range c.Articles {
		checkSpans(t, a)
		found := false
		for _, f := range a.Furniture {
			if f.Text == "Moscow bureau of the agency" && strings.HasPrefix(f.Reason, ReasonRepeated) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: repeated line not marked: %+v", a.ID, a.Furniture)
		}
		if len(a.Body()) != 1 {
			t.Errorf("%s: body %+v", a.ID, a.Body())
		}
	}
}

func writeFile(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := writeFileErr(dir, name, body); err != nil {
		t.Fatal(err)
	}
}

func TestCredits(t *testing.T) {
	tab := ShippedOutlets()
	for _, c := range []struct{ text, want string }{
		{"MOSCOW, November 8. /TASS/. The", "/TASS/ TASS"},
		{"TEHRAN (Tasnim) – Just", "(Tasnim) Tasnim"},
		{"MOSCOW (AA) - Russia", "(AA) Anadolu Agency"},
		{"a meeting (aa) here", ""},
		{"© Sputnik / Maksim Blinov", "© Sputnik Sputnik"},
		{"(c) AFP 2019", "(c) AFP Agence France-Presse"},
		{"Photo: Reuters/John Doe", "Photo: Reuters Reuters"},
		{"Copyright Anadolu Agency.", "Copyright Anadolu Agency Anadolu Agency"},
		{"(of the UN Security Council) and /etc/ and ©", ""},
		{"GENEVA (Reuters) -", "(Reuters) Reuters"},
		{"see https://example.com/reuters/story and x/TASS/y", ""},
	} {
		var got []string
		for _, m := range tab.credits(c.text) {
			got = append(got, m.Text+" "+m.Outlet.Name)
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("credits(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestRepeatedLinesIgnoreNearCopies(t *testing.T) {
	dir := t.TempDir()
	story := "Story about the treaty\n\nMOSCOW, May 2. /TASS/. The first long paragraph of the story says a great deal about the treaty and its end.\n\nCollapse of the treaty\n\nThe second long paragraph of the story goes on about the talks and what came of them.\n"
	writeFile(t, dir, "a.txt", story)
	writeFile(t, dir, "b.txt", strings.Replace(story, "great deal", "lot", 1))
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range c.Articles {
		if len(a.Furniture) != 0 || !hasRoleText(a, RoleHeading, "Collapse of the treaty") {
			t.Errorf("%s: near-copy lines marked as furniture: %+v", a.ID, a.Furniture)
		}
	}
}

func TestHardWrappedParagraphs(t *testing.T) {
	z := testBuilder(t)
	text := "Treaty talks end without a deal\n\nMOSCOW, May 2. /TASS/. Russia and the\nUnited States ended their talks on Friday,\nofficials said. Lavrov said Moscow would\nrespond in kind.\n\nA new paragraph starts here.\n- a list item\n- another item\n"
	a := z.build("w.txt", "text", text, meta{}, nil)
	checkSpans(t, a)
	var got []string
	for _, s := range a.Body() {
		got = append(got, strings.Join(strings.Fields(s.Text), " "))
	}
	want := []string{
		"MOSCOW, May 2. /TASS/. Russia and the United States ended their talks on Friday, officials said.",
		"Lavrov said Moscow would respond in kind.",
		"A new paragraph starts here.",
		"- a list item",
		"- another item",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("wrapped text:\n got  %q\n want %q", got, want)
	}
	if len(a.Paragraphs) != 5 {
		t.Errorf("%d paragraphs, want 5", len(a.Paragraphs))
	}
}

func TestDatelines(t *testing.T) {
	for _, c := range []struct{ line, place, date, text string }{
		{"MOSCOW, November 8. /TASS/. The United States", "MOSCOW", "November 8", "MOSCOW, November 8. /TASS/."},
		{"TEHRAN (Tasnim) – Just out", "TEHRAN", "", "TEHRAN (Tasnim) –"},
		{"MOSCOW (AA) - Russia may", "MOSCOW", "", "MOSCOW (AA) -"},
		{"WASHINGTON, Aug. 2 (Reuters) - The U.S.", "WASHINGTON", "Aug. 2", "WASHINGTON, Aug. 2 (Reuters) -"},
		{"KYIV, Ukraine (AP) — Russian forces", "KYIV", "", "KYIV, Ukraine (AP) —"},
		{"PARIS, 3 June 2020 — France said", "PARIS", "3 June 2020", "PARIS, 3 June 2020 —"},
		{"МОСКВА, 8 ноября. /ТАСС/. США не", "МОСКВА", "8 ноября", "МОСКВА, 8 ноября. /ТАСС/."},
		{"NATO (the alliance) said on Monday", "", "", ""},
		{"US officials said on Monday", "", "", ""},
		{"The U.S. - Russia talks", "", "", ""},
	} {
		d := findDateline(c.line, Span{0, len(c.line)})
		got := [3]string{}
		if d != nil {
			got = [3]string{d.Place, d.Date, c.line[d.Start:d.End]}
		}
		if want := [3]string{c.place, c.date, c.text}; got != want {
			t.Errorf("findDateline(%q) = %q, want %q", c.line, got, want)
		}
	}
}

func TestForeignNoticeOnlyInEnglishArticles(t *testing.T) {
	z := testBuilder(t)
	ru := "Лавров: США не представили доказательств\n\nМинистр иностранных дел России Сергей Лавров заявил об этом в пятницу на конференции.\n\nПо его словам, никто никогда не показывал спутниковые снимки.\n"
	if a := z.build("ru.txt", "text", ru, meta{}, nil); len(a.Furniture) != 0 || len(a.Body()) != 2 {
		t.Errorf("Russian article without a language: furniture %+v", a.Furniture)
	}
	en := "Lavrov says talks are over\n\nThe minister said on Friday that the talks were over and that the treaty was dead.\n\nTürkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar onaylanmamaktadır.\n"
	a := z.build("en.txt", "text", en, meta{}, nil)
	if len(a.Furniture) != 1 || a.Furniture[0].Reason != ReasonLanguage {
		t.Errorf("English article with a Turkish notice: furniture %+v", a.Furniture)
	}
}

func TestMarkdownHeadings(t *testing.T) {
	z := testBuilder(t)
	a := z.build("m.md", "markdown", "# Lavrov on the treaty\n\nThe minister spoke on Friday.\n\n## Russia denies violations\n\nRussia denies it.\n", meta{}, nil)
	if a.Title != "Lavrov on the treaty" || !hasRoleText(a, RoleHeading, "## Russia denies violations") || len(a.Body()) != 2 {
		t.Errorf("title %q sentences %+v", a.Title, a.Sentences)
	}
}

func TestMenuOneItemPerLine(t *testing.T) {
	z := testBuilder(t)
	text := "Skip to Content\nLive\nNews\nMiddle East\nOpinion\nSport\nUS pulls out of INF treaty with Russia, blames Moscow\nThe United States has formally withdrawn from the treaty, officials said on Friday.\n- Russia\n- China\n- Iran\nThe end of the story came quickly.\n"
	a := z.build("m.txt", "text", text, meta{}, nil)
	if a.Title != "US pulls out of INF treaty with Russia, blames Moscow" {
		t.Errorf("title %q; furniture %+v", a.Title, a.Furniture)
	}
	if len(a.Furniture) != 6 || len(a.Body()) != 5 {
		t.Errorf("furniture %d %+v body %d", len(a.Furniture), a.Furniture, len(a.Body()))
	}
}

func TestSectionLabelAboveHeadline(t *testing.T) {
	z := testBuilder(t)
	a := z.build("r.txt", "text", "World\nRussia says it will respond to U.S. missile deployments\nBy Andrew Osborn, Reuters\nMOSCOW (Reuters) - Russia will respond, a minister said on Monday.\n", meta{}, nil)
	if a.Title != "Russia says it will respond to U.S. missile deployments" || a.Author != "Andrew Osborn" || len(a.Furniture) != 1 {
		t.Errorf("title %q author %q furniture %+v", a.Title, a.Author, a.Furniture)
	}
}

func TestHeadlineRepeated(t *testing.T) {
	z := testBuilder(t)
	a := z.build("r.txt", "text", "Moscow will mirror US missile moves – Lavrov\nRussia will respond in kind, the minister said\nMoscow will mirror US missile moves – Lavrov\nRussia will take measures, Lavrov has said.\n", meta{}, nil)
	if len(a.Furniture) != 1 || a.Furniture[0].Reason != ReasonTitleAgain || a.Furniture[0].Start == 0 {
		t.Errorf("furniture %+v", a.Furniture)
	}
}

func TestAgencyCopyNoted(t *testing.T) {
	z := testBuilder(t)
	a := z.build("x.md", "markdown", "Russia ready to work with US to save arms treaty\n\nMOSCOW (AFP) - Russia is ready to work with Washington, Lavrov said.\n", meta{Outlet: "Al Arabiya", Source: "front matter"}, nil)
	if a.Outlet != "Al Arabiya" || a.OutletEvidence != "front matter outlet: Al Arabiya; the dateline credits (AFP)" {
		t.Errorf("outlet %q evidence %q", a.Outlet, a.OutletEvidence)
	}
}

// TestNewsSentencesAreNotFurniture runs the line rules over the 8,154
// news sentences of the MSRP paraphrase corpus: none of them is page
// furniture.
func TestNewsSentencesAreNotFurniture(t *testing.T) {
	b, err := os.ReadFile("../testdata/msrp-train.tsv")
	if err != nil {
		t.Fatal(err)
	}
	f := newFurnitureFinder(ShippedOutlets())
	n := 0
	for i, line := range strings.Split(string(b), "\n") {
		cols := strings.Split(line, "\t")
		if i == 0 || len(cols) < 5 {
			continue
		}
		for _, s := range cols[3:5] {
			n++
			if r := f.line(s); r != "" || isForeignNotice(s) {
				t.Errorf("news sentence taken for furniture (%s): %q", r, s)
			}
		}
	}
	if n < 8000 {
		t.Fatalf("read only %d sentences", n)
	}
}

// TestNewsSentencesStayWhole segments each of the 8,154 MSRP news
// sentences on its own. A handful really hold two sentences (quotes with
// an ellipsis, two web addresses); anything more is a segmentation
// failure.
func TestNewsSentencesStayWhole(t *testing.T) {
	z := testBuilder(t)
	b, err := os.ReadFile("../testdata/msrp-train.tsv")
	if err != nil {
		t.Fatal(err)
	}
	split := 0
	for i, line := range strings.Split(string(b), "\n") {
		cols := strings.Split(line, "\t")
		if i == 0 || len(cols) < 5 {
			continue
		}
		for _, s := range cols[3:5] {
			if got := z.split.sentences(s, Span{0, len(s)}, nil); len(got) > 1 {
				split++
				t.Logf("split: %q", s)
			}
		}
	}
	if split > 10 {
		t.Errorf("%d MSRP sentences split in pieces, want at most 10", split)
	}
}

func TestBylines(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"By Elena Teslova", "Elena Teslova"},
		{"By Jane Doe and John Smith", "Jane Doe and John Smith"},
		{"By Andrew Osborn, Reuters", "Andrew Osborn"},
		{"By Elena Teslova | 23.05.2024 - Update : 23.05.2024", "Elena Teslova"},
		{"BY ELENA TESLOVA", "ELENA TESLOVA"},
		{"By the way, the talks ended.", ""},
		{"By 2021 the treaty was dead", ""},
		{"By Monday, Russia had answered the letter from Washington", ""},
		{"By Monday, Russia had answered", ""},
		{"By August, talks had stalled", ""},
	} {
		if got := findByline(c.line); got != c.want {
			t.Errorf("findByline(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestIdeographicSentences checks that Chinese and Japanese sentences,
// which have no space after their full stop, are split, closing quotes
// staying with their sentence.
func TestIdeographicSentences(t *testing.T) {
	sp, err := newSplitter()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"拉夫罗夫表示，俄方不会部署导弹。美国宣布退出条约！这是为什么？他说。",
			[]string{"拉夫罗夫表示，俄方不会部署导弹。", "美国宣布退出条约！", "这是为什么？", "他说。"}},
		{"「条約は死んだ」と述べた。外相は「対応する。」と語った。",
			[]string{"「条約は死んだ」と述べた。", "外相は「対応する。」と語った。"}},
		{"Lavrov said so. 他说。", []string{"Lavrov said so.", "他说。"}},
		{"No ideographs here. Two sentences.", []string{"No ideographs here.", "Two sentences."}},
	} {
		spans := sp.sentences(c.text, Span{0, len(c.text)}, nil)
		var got []string
		for _, s := range spans {
			got = append(got, c.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("sentences(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestHeadlineLikeUncasedScripts checks that a headline in a script
// without capitals is recognised, and a sentence of it is not.
func TestHeadlineLikeUncasedScripts(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"لافروف: الولايات المتحدة دمرت معاهدة الصواريخ", true},
		{"قال لافروف إن المعاهدة انتهت.", false},
		{"北约峰会在华盛顿开幕", true},
		{"拉夫罗夫表示，俄方不会部署导弹。", false},
		{"Russia ready to work with US to save arms treaty", true},
		{"the treaty is dead", false},
	} {
		if got := headlineLike(c.line, 30); got != c.want {
			t.Errorf("headlineLike(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestBilingualArticleKeepsBothLanguages: an English article written
// beside its Arabic original is not the English text with a notice in
// another language — the Arabic paragraph is body text too (it was set
// aside as furniture, shown only with f).
func TestBilingualArticleKeepsBothLanguages(t *testing.T) {
	z := testBuilder(t)
	text := "Missile strike on Dravnik\n\nقالت السلطات إن ١١ شخصا قتلوا في هجوم صاروخي على مدينة دراڤنيك يوم الثلاثاء. وأضاف الحاكم أن ٢٥ شخصا أصيبوا.\n\nThe authorities said 11 people were killed in the missile strike on Dravnik on Tuesday. The governor added that 25 people were wounded.\n"
	a := z.build("both.txt", "text", text, meta{}, nil)
	if len(a.Furniture) != 0 || len(a.Body()) != 4 {
		t.Errorf("bilingual article: furniture %+v, %d body sentences, want none and 4", a.Furniture, len(a.Body()))
	}
}
