package discover

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestParseFeed(t *testing.T) {
	for _, tc := range []struct {
		file, base string
		want       []FeedItem
	}{
		{"rss-ar.xml", "https://www.example.ma/feed/", []FeedItem{
			{Link: article, Title: "تحليلية: ماذا يعني قانون المالية الجديد للأسر؟", Published: date("2023-06-28T09:15:00Z")},
			{Link: "https://www.example.ma/2023/06/27/%D8%A3%D9%85%D8%B7%D8%A7%D8%B1-%D8%B1%D8%B9%D8%AF%D9%8A%D8%A9-%D8%A8%D8%B9%D8%AF%D8%AF-%D9%85%D9%86-%D8%A7%D9%84%D9%85%D9%86%D8%A7%D8%B7%D9%82-1022.html",
				Title: "أمطار رعدية بعدد من المناطق", Published: date("2023-06-27T07:05:00Z")},
			{Link: "https://www.example.ma/2023/06/26/%D8%A7%D9%84%D9%85%D9%86%D8%AA%D8%AE%D8%A8-%D8%A7%D9%84%D9%85%D8%BA%D8%B1%D8%A8%D9%8A-%D9%8A%D8%AA%D8%A3%D9%87%D9%84-1020.html",
				Title: "المنتخب المغربي يتأهل", Published: date("2023-06-26T21:40:00+01:00")}, // from the permalink GUID
			// the fourth item repeats the first; the fifth has no link
		}},
		{"atom.xml", "https://www.example.ma/economie/atom.xml", []FeedItem{
			{Link: "https://www.example.ma/2023/06/26/le-maroc-accueille-la-conference-1021.html", Title: "Le Maroc accueille la conférence <COP>",
				Published: date("2023-06-26T17:30:00+01:00"), Updated: date("2023-06-27T08:00:00+01:00")},
			{Link: "https://www.example.ma/2023/06/25/bilan-du-semestre-1019.html", Title: "Bilan du semestre", Updated: date("2023-06-25T12:00:00Z")}, // xml:base
			{Link: "https://www.example.ma/2023/06/24/lien-relatif-1017.html", Title: "Lien relatif", Updated: date("2023-06-24T12:00:00Z")},
		}},
		{"rss-relative.xml", "https://www.lequotidien.example.fr/rss/une.xml", []FeedItem{
			{Link: "https://www.lequotidien.example.fr/economie/credit-les-taux-remontent-20230628.html", Title: "Crédit : les taux remontent", Published: date("2023-06-28T08:00:00Z")},
			{Link: "https://www.lequotidien.example.fr/sport/page-2.html", Title: "Page suivante", Published: date("2023-06-28T07:00:00Z")},
			{Link: "https://cdn.example.fr/video/42.html", Title: "Protocole relatif"}, // mailto: skipped before it
		}},
		{"rdf.xml", "https://www.example.org/rss", []FeedItem{
			{Link: "https://www.example.org/news/1.html", Title: "First story", Published: date("2023-06-28T10:00:00+02:00")},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := ParseFeed(openTestdata(t, tc.file), mustParseURL(t, tc.base))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d items, want %d: %+v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				if !sameItem(got[i], w) {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, got[i], w)
				}
			}
		})
	}
}

func TestParseFeed_errors(t *testing.T) {
	const name = "https://www.example.ma/feed/"
	for _, tc := range []struct {
		name string
		body io.Reader
		want string
		is   error
	}{
		{"html page", strings.NewReader("<!DOCTYPE html><html><body>Not found</body></html>"), "not an RSS, Atom or JSON feed", nil},
		{"empty", strings.NewReader(""), "not an RSS, Atom or JSON feed", nil},
		{"truncated", strings.NewReader(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>a</title><link>https://a.example/1</link></item><item><title>b</ti`), "unexpected EOF", nil},
		{"too large", io.MultiReader(strings.NewReader(`<rss version="2.0"><channel><description>`), io.LimitReader(filler('x'), 8<<10)), "input over 50 MB", ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items, err := parseFeed(tc.body, mustParseURL(t, name), 8<<10)
			if err == nil {
				t.Fatalf("no error, want %q (items %+v)", tc.want, items)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "feed "+name+": ") || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q: want it to name %s and say %q", msg, name, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
		})
	}
}

func TestParseFeed_guidNotPermalink(t *testing.T) {
	const feed = `<rss version="2.0"><channel>
		<item><title>a</title><guid isPermaLink="false">https://www.example.ma/?p=1</guid></item>
		<item><title>b</title><guid>https://www.example.ma/2023/06/28/b-2.html</guid><pubDate>Wed, 28 Jun 2023 09:15:00 +0000</pubDate></item>
	</channel></rss>`
	got, err := ParseFeed(strings.NewReader(feed), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := FeedItem{Link: "https://www.example.ma/2023/06/28/b-2.html", Title: "b", Published: time.Date(2023, 6, 28, 9, 15, 0, 0, time.UTC)}
	if len(got) != 1 || !sameItem(got[0], want) {
		t.Errorf("got %+v, want [%+v]", got, want)
	}
}

func sameItem(a, b FeedItem) bool {
	return a.Link == b.Link && a.Title == b.Title && a.Published.Equal(b.Published) && a.Updated.Equal(b.Updated)
}
