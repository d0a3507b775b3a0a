package selectors

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusRoot holds the shared extraction sets; a plain clone has none.
const corpusRoot = "../../shared/corpus"

type corpusPage struct {
	Set, ID, Path, URL string
}

// corpusPages lists every page of every set in corpusRoot, or skips the
// test when the corpus is absent outside CI.
func corpusPages(t testing.TB) []corpusPage {
	t.Helper()
	pages, err := listCorpus()
	if errors.Is(err, fs.ErrNotExist) {
		msg := fmt.Sprintf("needs the shared extraction corpus (../shared/corpus, checked out beside the repository; CI has it): %v", err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func listCorpus() ([]corpusPage, error) {
	var pages []corpusPage
	for _, set := range []string{"scrapinghub", "readability", "postlight"} {
		raw, err := os.ReadFile(filepath.Join(corpusRoot, set, "truth.json"))
		if err != nil {
			return nil, err
		}
		var truth []struct {
			ID       string  `json:"id"`
			HTMLPath string  `json:"html_path"`
			URL      *string `json:"url"`
		}
		if err := json.Unmarshal(raw, &truth); err != nil {
			return nil, fmt.Errorf("%s: %w", set, err)
		}
		for _, tr := range truth {
			p := corpusPage{Set: set, ID: tr.ID, Path: filepath.Join(corpusRoot, set, tr.HTMLPath)}
			if tr.URL != nil {
				p.URL = *tr.URL
			}
			pages = append(pages, p)
		}
	}
	return pages, nil
}

// extractJSON extracts one corpus page as the CLI does and returns the
// article JSON.
func extractJSON(e *Extractor, p corpusPage) ([]byte, error) {
	body, err := readGzip(p.Path)
	if err != nil {
		return nil, err
	}
	u := p.URL
	if u == "" {
		u = "http://localhost/" + p.ID + ".html"
	}
	a, _, err := e.Extract(Page{URL: u, Body: body, ContentType: "text/html", Date: fetchedAt})
	if err != nil {
		return nil, err
	}
	return json.Marshal(a)
}

// digests extracts every page once and returns set/id → SHA-256 of its JSON.
func digests(e *Extractor, pages []corpusPage) (map[string]string, error) {
	out := make(map[string]string, len(pages))
	for _, p := range pages {
		js, err := extractJSON(e, p)
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", p.Set, p.ID, err)
		}
		sum := sha256.Sum256(js)
		out[p.Set+"/"+p.ID] = hex.EncodeToString(sum[:])
	}
	return out, nil
}

// TestMain lets this test binary act as TestDeterministic's second
// process: with NEWSARC_DETERMINISM_CHILD set it prints one digest per
// corpus page instead of running the tests.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSARC_DETERMINISM_CHILD") != "" {
		os.Exit(printDigests())
	}
	os.Exit(m.Run())
}

// printDigests writes "set/id sha256:HEX" for every corpus page, sorted.
func printDigests() int {
	var lines []string
	e, err := New(Config{})
	var pages []corpusPage
	if err == nil {
		pages, err = listCorpus()
	}
	var sums map[string]string
	if err == nil {
		sums, err = digests(e, pages)
	}
	for k, v := range sums {
		lines = append(lines, k+" sha256:"+v)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "digests:", err)
		return 1
	}
	sort.Strings(lines)
	fmt.Println(strings.Join(lines, "\n"))
	return 0
}

// TestDeterministic extracts every page of ../shared/corpus twice in this
// process (the second time with an extractor that has seen every page)
// and once in a second process, and wants the same JSON byte for byte
// each time: re-extraction from the archive must rewrite nothing when
// nothing changed, and a before/after score must measure the code, not
// the scheduler or map order.
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the whole corpus three times")
	}
	pages := corpusPages(t)
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	first, err := digests(e, pages)
	if err != nil {
		t.Fatal(err)
	}
	second, err := digests(e, pages)
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "NEWSARC_DETERMINISM_CHILD=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, stderr.String())
	}
	third := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), " sha256:"); ok {
			third[k] = v
		}
	}
	if len(third) != len(first) {
		t.Fatalf("child extracted %d pages, this process %d", len(third), len(first))
	}
	for _, p := range pages {
		k := p.Set + "/" + p.ID
		if first[k] != second[k] {
			t.Errorf("%s: two extractions in one process differ", k)
		}
		if first[k] != third[k] {
			t.Errorf("%s: extraction in another process differs", k)
		}
	}
}
