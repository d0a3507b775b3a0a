package state

import (
	"database/sql"
	"slices"
	"testing"
	"time"
)

func TestDB_AddArticle(t *testing.T) {
	db, _ := openTest(t)
	ctx := t.Context()
	a := Article{
		ID: "3f2a9c0d1b7e4a55", URL: "https://www.example.ma/2023/06/28/slug-1024.html?utm_source=x",
		CanonicalURL: "https://www.example.ma/2023/06/28/slug-1024.html", Site: "nabae24",
		Headline:  "عنوان المقال",
		Published: time.Date(2023, 6, 28, 0, 0, 0, 0, time.FixedZone("", 3600)),
		FetchedAt: time.Date(2026, 11, 28, 14, 0, 0, 0, time.UTC),
		JSONPath:  "articles/nabae24/2023/06/3f2a9c0d1b7e4a55.json",
		WARCFile:  "warc/nabae24/nabae24-20261128140000-00001.warc.gz", WARCOffset: 48213,
		RecordID: "<urn:uuid:0a5d0b0e-1111-4222-8333-944455556666>", PayloadDigest: "sha1:AAAA",
		Version: 7, // ignored
	}
	for _, step := range []struct {
		digest  string
		version int
		changed bool
	}{
		{"sha1:AAAA", 1, true},
		{"sha1:AAAA", 1, false},
		{"sha1:BBBB", 2, true},
		{"sha1:BBBB", 2, false},
		{"sha1:AAAA", 3, true}, // back to the first text: still a new version
	} {
		a.PayloadDigest = step.digest
		v, changed, err := db.AddArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if v != step.version || changed != step.changed {
			t.Errorf("AddArticle(%s) = %d, %v; want %d, %v", step.digest, v, changed, step.version, step.changed)
		}
	}
	got, ok, err := db.LatestArticle(ctx, a.ID)
	if err != nil || !ok {
		t.Fatalf("LatestArticle = %v, %v", ok, err)
	}
	want := a
	want.Version = 3
	if got.Published.String() != want.Published.String() {
		t.Errorf("Published = %v, want %v (offset kept)", got.Published, want.Published)
	}
	if !got.FetchedAt.Equal(want.FetchedAt) {
		t.Errorf("FetchedAt = %v, want %v", got.FetchedAt, want.FetchedAt)
	}
	got.Published, got.FetchedAt = want.Published, want.FetchedAt
	if got != want {
		t.Errorf("LatestArticle =\n%+v, want\n%+v", got, want)
	}
	if _, ok, err := db.LatestArticle(ctx, "0000000000000000"); ok || err != nil {
		t.Errorf("LatestArticle(unknown) = %v, %v; want false, nil", ok, err)
	}
	if _, _, err := db.AddArticle(ctx, Article{URL: "x"}); err == nil {
		t.Error("AddArticle without id succeeded")
	}
}

func TestDB_AddArticle_Unknowns(t *testing.T) {
	db, clk := openTest(t)
	if _, _, err := db.AddArticle(t.Context(), Article{ID: "a", PayloadDigest: "sha1:A"}); err != nil {
		t.Fatal(err)
	}
	got, _, err := db.LatestArticle(t.Context(), "a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Headline != "" || !got.Published.IsZero() || !got.FetchedAt.Equal(clk.now()) {
		t.Errorf("LatestArticle = %+v; want no headline, no published, fetched now", got)
	}
	var headline, published any
	if err := db.r.QueryRow("SELECT headline, published FROM articles").Scan(&headline, &published); err != nil {
		t.Fatal(err)
	}
	if headline != nil || published != nil {
		t.Errorf("unknown headline and published stored as %v, %v; want NULL", headline, published)
	}
}

func TestDB_Runs(t *testing.T) {
	db, clk := openTest(t)
	ctx := t.Context()
	started := clk.now()
	if err := db.StartRun(ctx, "r1", started); err != nil {
		t.Fatal(err)
	}
	if err := db.StartRun(ctx, "r1", started); err == nil {
		t.Error("second StartRun of r1 succeeded")
	}
	clk.add(90 * time.Second)
	s := RunStats{Pages: 50, ArticlesNew: 30, ArticlesChanged: 2, ArticlesUnchanged: 5, Errors: 3, Bytes: 1 << 20}
	if err := db.FinishRun(ctx, "r1", s); err != nil {
		t.Fatal(err)
	}
	var row struct {
		started, finished, status                    string
		pages, artNew, artChanged, artSame, errs, by int64
	}
	err := db.r.QueryRow("SELECT started, finished, status, pages, articles_new, articles_changed, articles_unchanged, errors, bytes FROM runs WHERE id = 'r1'").
		Scan(&row.started, &row.finished, &row.status, &row.pages, &row.artNew, &row.artChanged, &row.artSame, &row.errs, &row.by)
	if err != nil {
		t.Fatal(err)
	}
	if row.started != "2026-11-28T14:00:00.000Z" || row.finished != "2026-11-28T14:01:30.000Z" || row.status != StatusDone ||
		row.pages != 50 || row.artNew != 30 || row.artChanged != 2 || row.artSame != 5 || row.errs != 3 || row.by != 1<<20 {
		t.Errorf("runs row = %+v", row)
	}
	if err := db.FinishRun(ctx, "nope", s); err == nil {
		t.Error("FinishRun of an unknown run succeeded")
	}
}

// A run recorded as running when the next one starts died: MarkKilled
// says so, and leaves finished runs as they were.
func TestDB_MarkKilled(t *testing.T) {
	db, _ := openTest(t)
	ctx := t.Context()
	for _, id := range []string{"dead", "done", "dead2"} {
		if err := db.StartRun(ctx, id, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.FinishRun(ctx, "done", RunStats{Status: StatusInterrupted}); err != nil {
		t.Fatal(err)
	}
	ids, err := db.MarkKilled(ctx)
	slices.Sort(ids)
	if err != nil || !slices.Equal(ids, []string{"dead", "dead2"}) {
		t.Fatalf("MarkKilled = %v, %v; want dead and dead2", ids, err)
	}
	for id, want := range map[string]string{"dead": StatusKilled, "dead2": StatusKilled, "done": StatusInterrupted} {
		var status string
		var finished sql.NullString
		if err := db.r.QueryRow("SELECT status, finished FROM runs WHERE id = ?", id).Scan(&status, &finished); err != nil {
			t.Fatal(err)
		}
		if status != want || finished.Valid != (id == "done") {
			t.Errorf("run %s: status %q, finished %v; want %q", id, status, finished, want)
		}
	}
	if ids, err := db.MarkKilled(ctx); err != nil || len(ids) != 0 {
		t.Errorf("second MarkKilled = %v, %v; want none", ids, err)
	}
}
