package archive

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsarc/newsarc/selectors/article"
)

func TestWriteArticle(t *testing.T) {
	dir := t.TempDir()
	casablanca := time.FixedZone("+01", 3600)
	a := &article.Article{
		ID: article.ArticleID("https://www.example.ma/2023/07/01/x.html"), URL: "https://www.example.ma/2023/07/01/x.html",
		CanonicalURL: "https://www.example.ma/2023/07/01/x.html", Site: "nabae24",
		FetchedAt: time.Date(2026, 11, 28, 14, 0, 0, 0, time.UTC),
		Headline:  "عنوان", Published: time.Date(2023, 7, 1, 0, 0, 0, 0, casablanca),
		WARC: &article.WARCRef{File: "warc/nabae24/f.warc.gz", RecordID: "<urn:uuid:x>", Offset: 42, PayloadDigest: "sha1:ABC"},
	}
	rel, err := WriteArticle(dir, a)
	if err != nil {
		t.Fatal(err)
	}
	// The first of July in Casablanca is still July, though it is June in UTC.
	if want := filepath.Join("articles", "nabae24", "2023", "07", a.ID+".json"); rel != want {
		t.Errorf("path %s, want %s", rel, want)
	}
	b, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	var back article.Article
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Headline != a.Headline || !back.Published.Equal(a.Published) || *back.WARC != *a.WARC {
		t.Errorf("read back %+v", back)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "articles", "nabae24", "2023", "07", ".*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// No date: filed under the fetch month.
	a.Published = time.Time{}
	if rel := ArticlePath(a); rel != filepath.Join("articles", "nabae24", "2026", "11", a.ID+".json") {
		t.Errorf("undated article at %s", rel)
	}
}

func TestWriteArticle_unwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	_, err := WriteArticle(file, &article.Article{ID: "x", Site: "s", URL: "u"})
	if err == nil {
		t.Fatal("writing under a file succeeded")
	}
}
