package selectors

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsarc/newsarc/selectors/article"
)

// TestCorpus extracts every page of the shared ScrapingHub corpus: none
// may fail, and each must give a body. With -corpus-out it also writes one
// prediction per page, for ../shared/tools/score-extraction:
//
//	go test ./selectors -run TestCorpus -corpus-out /tmp/pred
//	python3 ../shared/tools/score-extraction/score_extraction.py \
//	    --truth ../shared/corpus/scrapinghub/truth.json --pred /tmp/pred
var corpusOut = flag.String("corpus-out", "", "write body predictions for the shared corpus to this directory")

const corpusDir = "../../shared/corpus/scrapinghub"

func TestCorpus(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(corpusDir, "truth.json"))
	if err != nil {
		// A plain clone tests without ../shared; CI has it.
		msg := fmt.Sprintf("needs the shared extraction corpus (../shared/corpus, checked out beside the repository): %v", err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var truth []struct {
		ID       string `json:"id"`
		HTMLPath string `json:"html_path"`
		URL      string `json:"url"`
		Body     string `json:"body"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	if *corpusOut != "" {
		if err := os.MkdirAll(*corpusOut, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range truth {
		body, err := readGzip(filepath.Join(corpusDir, tr.HTMLPath))
		if err != nil {
			t.Fatal(err)
		}
		a, _, err := e.Extract(Page{URL: tr.URL, Body: body, ContentType: "text/html; charset=utf-8", Date: fetchedAt})
		if err != nil {
			t.Errorf("%s: %v", tr.ID, err)
			continue
		}
		if tr.Body != "" && a.Body == "" {
			t.Errorf("%s: no body extracted", tr.ID)
		}
		if *corpusOut == "" {
			continue
		}
		pred := struct {
			ID string `json:"id"`
			*article.Article
		}{tr.ID, a}
		out, err := json.Marshal(pred)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*corpusOut, tr.ID+".json"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
