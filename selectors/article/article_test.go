package article

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestArticleID(t *testing.T) {
	// sha256("https://www.example.ma/2023/06/28/slug-1024.html"), first 16 hex digits.
	if got := ArticleID("https://www.example.ma/2023/06/28/slug-1024.html"); got != "b6a010858fce5bc3" {
		t.Errorf("ArticleID = %s", got)
	}
}

func TestArticle_MarshalJSON_absent(t *testing.T) {
	a := Article{ID: "3f2a9c0d1b7e4a55", URL: "https://x.example/a", CanonicalURL: "https://x.example/a"}
	got, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"3f2a9c0d1b7e4a55","url":"https://x.example/a","canonical_url":"https://x.example/a",` +
		`"site":null,"fetched_at":null,"headline":null,"byline":[],"published":null,"modified":null,` +
		`"language":null,"description":null,"image":null,"section":null,"tags":[],"body":null,` +
		`"word_count":0,"provenance":{},"warc":null}`
	if string(got) != want {
		t.Errorf("MarshalJSON =\n%s\nwant\n%s", got, want)
	}
}

func TestArticle_MarshalJSON_full(t *testing.T) {
	casablanca, err := time.LoadLocation("Africa/Casablanca")
	if err != nil {
		t.Fatal(err)
	}
	a := Article{
		ID:           "3f2a9c0d1b7e4a55",
		URL:          "https://www.example.ma/2023/06/28/slug-1024.html",
		CanonicalURL: "https://www.example.ma/2023/06/28/slug-1024.html",
		Site:         "nabae24",
		FetchedAt:    time.Date(2026, 11, 28, 14, 0, 0, 123, time.UTC),
		Headline:     "عنوان & <مقال>",
		Byline:       []string{"hassan faqir"},
		Published:    time.Date(2023, 6, 28, 0, 0, 0, 0, casablanca),
		Language:     "ar",
		Tags:         []string{"ماء"},
		Body:         "first paragraph\n\nsecond paragraph",
		WordCount:    4,
		Provenance:   Provenance{FieldBody: SourceGeneric, FieldPublished: SourceText, FieldHeadline: SourceSelector, FieldByline: SourceJSONLD, "zz": "x"},
		WARC:         &WARCRef{File: "warc/nabae24/nabae24-20261128140000-00001.warc.gz", RecordID: "<urn:uuid:1>", Offset: 48213, PayloadDigest: "sha1:ABC"},
	}
	got, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"fetched_at":"2026-11-28T14:00:00Z"`,
		`"published":"2023-06-28T00:00:00+01:00"`,
		`"provenance":{"headline":"selector","byline":"json-ld","published":"text","body":"generic","zz":"x"}`,
		`"warc":{"file":"warc/nabae24/nabae24-20261128140000-00001.warc.gz","record_id":"\u003curn:uuid:1\u003e","offset":48213,"payload_digest":"sha1:ABC"}`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("MarshalJSON lacks %s:\n%s", want, got)
		}
	}
	if !strings.Contains(string(got), `"headline":"عنوان \u0026 \u003cمقال\u003e"`) {
		t.Errorf("json.Marshal does not escape HTML characters:\n%s", got)
	}
	var raw strings.Builder
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(raw.String(), `"headline":"عنوان & <مقال>"`) {
		t.Errorf("an encoder without HTML escaping escapes:\n%s", raw.String())
	}
	var back Article
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(got) {
		t.Errorf("round trip changed the article:\n%s\n%s", got, again)
	}
	if !back.Published.Equal(a.Published) || back.Headline != a.Headline || back.WARC.Offset != 48213 {
		t.Errorf("round trip lost fields: %+v", back)
	}
}

func TestArticle_UnmarshalJSON_badTime(t *testing.T) {
	var a Article
	err := json.Unmarshal([]byte(`{"id":"x","published":"28/06/2023"}`), &a)
	if err == nil || !strings.Contains(err.Error(), "28/06/2023") {
		t.Errorf("Unmarshal error = %v, want one naming the bad time", err)
	}
}

// TestIndent: newsarc's JSON keeps <, > and & as the page has them, indented
// or not, reads back to the same article, and has null for an absent URL.
func TestIndent(t *testing.T) {
	a := &Article{ID: "3f2a9c0d1b7e4a55", Headline: "R&D <rises>", Body: "3 < 4 & 5 > 2"}
	for _, indent := range []string{"", "  "} {
		got, err := Indent(a, indent)
		if err != nil {
			t.Fatal(err)
		}
		s := string(got)
		if !strings.Contains(s, `"R&D <rises>"`) || strings.Contains(s, `\u00`) || strings.HasSuffix(s, "\n") {
			t.Errorf("indent %q: %s", indent, s)
		}
		sep := ""
		if indent != "" {
			sep = " "
		}
		if strings.Contains(s, "\n") != (indent != "") || !strings.Contains(s, `"url":`+sep+`null`) {
			t.Errorf("indent %q: layout or url wrong: %s", indent, s)
		}
		var back Article
		if err := json.Unmarshal(got, &back); err != nil || back.Headline != a.Headline || back.Body != a.Body || back.URL != "" {
			t.Errorf("indent %q: read back %+v (%v)", indent, back, err)
		}
	}
}
