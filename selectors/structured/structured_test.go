package structured

import (
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func doc(t *testing.T, page string) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRead_jsonLD(t *testing.T) {
	tests := []struct {
		name string
		ld   string
		want *Item
	}{
		{
			name: "graph with references",
			ld: `{"@context":"https://schema.org","@graph":[
				{"@type":"Organization","@id":"#org","name":"The Daily Planet"},
				{"@type":"WebPage","@id":"#page","datePublished":"2001-01-01"},
				{"@type":["NewsArticle"],"headline":"Council &amp; mayor agree","datePublished":"2023-06-28T10:15:00+01:00",
				 "dateModified":"2023-06-29","description":" The  plan, explained ",
				 "author":[{"@type":"Person","name":"Jane Doe"},{"@id":"#org"},{"@type":"Person","givenName":"John","familyName":"Roe"},"Ann Lee"],
				 "image":{"@type":"ImageObject","url":" https://x.example/a.jpg "},
				 "articleSection":["Metro","City"],"keywords":"flood, council,Flood; plan","inLanguage":{"name":"en"},
				 "publisher":{"@id":"#org"}}]}`,
			want: &Item{
				Headline: "Council & mayor agree", Authors: []string{"Jane Doe", "John Roe", "Ann Lee"},
				OrgAuthors: []string{"The Daily Planet"},
				Published:  "2023-06-28T10:15:00+01:00", Modified: "2023-06-29", Description: "The plan, explained",
				Image: "https://x.example/a.jpg", Section: "Metro", Keywords: []string{"flood", "council", "plan"},
				Language: "en", Publisher: "The Daily Planet",
			},
		},
		{
			name: "written as sites write it",
			ld: "//<![CDATA[\n{\"@type\": \"http://schema.org/BlogPosting\", \"name\": \"A post\n title\"," +
				" \"dateCreated\": \"2023-07-05\", \"image\": [\"\", {\"contentUrl\": \"/b.png\"}], \"keywords\": [\"a\", \"b\"],}\n//]]>",
			want: &Item{Headline: "A post title", Published: "2023-07-05", Image: "/b.png", Keywords: []string{"a", "b"}},
		},
		{
			name: "a web page only gives dates and description",
			ld:   `[{"@type":"WebPage","headline":"Home","datePublished":"2023-01-02","description":"Site"}]`,
			want: &Item{Published: "2023-01-02", Description: "Site"},
		},
		{
			name: "the most specific type wins",
			ld:   `[{"@type":"Article","headline":"Generic"},{"@type":"ReportageNewsArticle","headline":"Specific","mainEntity":{"@type":"Thing"}}]`,
			want: &Item{Headline: "Specific"},
		},
		{
			name: "an organisation credited as author",
			ld: `{"@type":"NewsArticle","headline":"Wire story","author":{"@type":"NewsMediaOrganization","name":"Acme Wire"},
				"publisher":{"@type":"Organization","name":"The Daily Planet"}}`,
			want: &Item{Headline: "Wire story", OrgAuthors: []string{"Acme Wire"}, Publisher: "The Daily Planet"},
		},
		{name: "no article", ld: `{"@type":"Organization","name":"X"}`},
		{name: "broken", ld: `{"@type": "NewsArticle", "headline": `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Read(doc(t, `<html><head><script type="application/ld+json">`+tt.ld+`</script></head><body></body></html>`))
			if !reflect.DeepEqual(d.JSONLD, tt.want) {
				t.Errorf("JSONLD = %+v, want %+v", d.JSONLD, tt.want)
			}
		})
	}
}

func TestRead_microdata(t *testing.T) {
	page := `<html><body>
<div itemscope itemtype="https://schema.org/NewsArticle">
  <h1 itemprop="name">Rain floods the valley</h1>
  <span itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/jd" itemprop="name">Jane Doe</a></span>
  <span itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Planet News</span></span>
  <a itemprop="creator" href="/jr">John Roe</a>
  <time itemprop="datePublished" datetime="2023-07-05T11:20:00+02:00">5 July</time>
  <meta itemprop="dateModified" content="2023-07-06">
  <p itemprop="description">Hundreds of homes were evacuated.</p>
  <div itemprop="image" itemscope itemtype="https://schema.org/ImageObject"><meta itemprop="url" content="https://x.example/r.jpg"></div>
  <span itemprop="articleSection">Weather</span>
  <span itemprop="keywords">rain, flood</span><span itemprop="keywords">Flood, valley</span>
  <data itemprop="inLanguage" value="en-GB">English</data>
  <div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">A reader</span></div>
</div></body></html>`
	want := &Item{
		Headline: "Rain floods the valley", Authors: []string{"Jane Doe", "John Roe"}, OrgAuthors: []string{"Planet News"},
		Published: "2023-07-05T11:20:00+02:00", Modified: "2023-07-06", Description: "Hundreds of homes were evacuated.",
		Image: "https://x.example/r.jpg", Section: "Weather", Keywords: []string{"rain", "flood", "valley"}, Language: "en-GB",
	}
	if got := Read(doc(t, page)).Microdata; !reflect.DeepEqual(got, want) {
		t.Errorf("Microdata = %+v\nwant %+v", got, want)
	}
	if got := Read(doc(t, `<div itemscope itemtype="https://schema.org/Event"><span itemprop="name">X</span></div>`)).Microdata; got != nil {
		t.Errorf("Microdata of an Event = %+v, want nil", got)
	}
}

func TestItemValue(t *testing.T) {
	for page, want := range map[string]string{
		`<img itemprop="x" src=" /a.png ">`:             "/a.png",
		`<link itemprop="x" href="https://x.example/">`: "https://x.example/",
		`<span itemprop="x" content=" c ">text</span>`:  "c",
		`<time itemprop="x">5 July</time>`:              "5 July",
		`<meter itemprop="x" value="3">three</meter>`:   "3",
	} {
		s := doc(t, "<html><body>"+page+"</body></html>").Find("[itemprop]")
		if got := itemValue(s); got != want {
			t.Errorf("itemValue(%s) = %q, want %q", page, got, want)
		}
	}
}

func TestRead_meta(t *testing.T) {
	page := `<html><head>
<meta property="og:title" content=" Rain  floods ">
<meta name="Description" content="Homes evacuated">
<meta property="article:tag" content="rain"><meta property="article:tag" content="flood">
<meta http-equiv="content-language" content="en">
<meta name="empty" content="  ">
<meta itemprop="datePublished" content="2023-07-05">
</head><body></body></html>`
	m := Read(doc(t, page)).Meta
	want := Meta{"og:title": {"Rain floods"}, "description": {"Homes evacuated"}, "article:tag": {"rain", "flood"}, "content-language": {"en"}}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("Meta = %q, want %q", m, want)
	}
	if got := m.First("twitter:title", "og:title"); got != "Rain floods" {
		t.Errorf("First = %q", got)
	}
	if got := m.First("missing"); got != "" {
		t.Errorf("First of a missing key = %q", got)
	}
}

func TestSplitKeywords(t *testing.T) {
	got := SplitKeywords([]string{"ماء، سدود; Water", " water ,  , Dams", ""})
	if want := []string{"ماء", "سدود", "Water", "Dams"}; !reflect.DeepEqual(got, want) {
		t.Errorf("SplitKeywords = %q, want %q", got, want)
	}
}
