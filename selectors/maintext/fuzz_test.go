package maintext

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsarc/newsarc/third_party/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// FuzzCorrect feeds mutated pages and paragraphs to Correct. The seeds are
// the synthetic pages of TestCorrect, each with its paragraphs one a line.
// Correct must not change the page, must give the same answer twice, and
// may only write paragraphs it was given or the text of the page's blocks.
func FuzzCorrect(f *testing.F) {
	for _, c := range correctCases {
		f.Add(c.page, strings.Join(c.paras, "\n"))
	}
	f.Add(`<table><tr><td class="x"><h1>t</h1><p>a <a>b</a></p><td><ul><li><a>c d</a></ul>`, "t\nab\ncd")
	f.Fuzz(func(t *testing.T, page, lines string) {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		// Like go-trafilatura's paragraphs (pagetext.Paragraphs): cleaned,
		// none empty.
		var paras []string
		for l := range strings.SplitSeq(lines, "\n") {
			if p := pagetext.Clean(l); p != "" {
				paras = append(paras, p)
			}
		}
		headline := markup.FindElement(root, atom.H1)
		before := render(t, root)
		got := Correct(root, headline, paras)
		if render(t, root) != before {
			t.Fatal("Correct changed the page")
		}
		if again := Correct(root, headline, paras); !slices.Equal(again, got) {
			t.Fatalf("Correct gave %q, then %q", got, again)
		}
		known := map[string]bool{}
		for _, p := range paras {
			known[p] = true
		}
		for _, b := range sourceBlocks(root) {
			known[b.text] = true
		}
		for _, p := range got {
			if p == "" || !known[p] {
				t.Errorf("Correct wrote %q, neither a paragraph given nor a block of the page", p)
			}
		}
	})
}

// correctInput is what Extract hands Correct for one page.
type correctInput struct {
	root, headline *html.Node
	paras          []string
	size           int
}

// goldenInputs reads the pages of package selectors' golden tests and runs
// go-trafilatura on each as Extract does (its content copied, junk
// removed, cut into paragraphs). The headline is the page's first h1.
func goldenInputs(tb testing.TB) []correctInput {
	tb.Helper()
	files, err := filepath.Glob("../testdata/*/*.html")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no golden pages: %v", err)
	}
	var out []correctInput
	for _, file := range files {
		body, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		root, err := html.Parse(strings.NewReader(string(body)))
		if err != nil {
			tb.Fatal(err)
		}
		res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
			ExcludeComments: true,
			HtmlDateMode:    trafilatura.Disabled,
		})
		if err != nil || res == nil || res.ContentNode == nil {
			continue
		}
		c := markup.Clone(res.ContentNode)
		markup.RemoveJunk(c, nil)
		out = append(out, correctInput{
			root:     root,
			headline: markup.FindElement(root, atom.H1),
			paras:    pagetext.Paragraphs(c),
			size:     len(body),
		})
	}
	return out
}

// BenchmarkCorrect corrects go-trafilatura's text of the golden pages of
// package selectors (../testdata); the inputs are made once, outside the
// loop, which runs Correct alone. Bytes are those of the pages' HTML.
func BenchmarkCorrect(b *testing.B) {
	inputs := goldenInputs(b)
	size := 0
	for _, in := range inputs {
		size += in.size
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, in := range inputs {
			Correct(in.root, in.headline, in.paras)
		}
	}
}

// TestCorrect_goldenPages checks the invariants of FuzzCorrect on the real
// pages of the benchmark.
func TestCorrect_goldenPages(t *testing.T) {
	for _, in := range goldenInputs(t) {
		before := render(t, in.root)
		got := Correct(in.root, in.headline, in.paras)
		if len(in.paras) > 0 && len(got) == 0 {
			t.Errorf("Correct dropped all %d paragraphs of a page", len(in.paras))
		}
		if render(t, in.root) != before {
			t.Error("Correct changed the page")
		}
	}
}
