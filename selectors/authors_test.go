package selectors

import (
	"slices"
	"testing"

	"github.com/newsarc/newsarc/selectors/article"
)

// TestExtractor_Extract_byline checks the byline chain on small pages: the
// people credited first, the organisation credited when there is none,
// and bylines found where the markup makes them look like junk.
func TestExtractor_Extract_byline(t *testing.T) {
	const (
		head     = `<html><head><meta property="og:site_name" content="Daily Planet">`
		headline = `<h1>Council approves the new flood plan</h1>`
		text     = `<p>The council voted on Monday to approve a flood plan that will cost the city more than it hoped, officials said after a long meeting.</p>`
	)
	ld := func(v string) string { return `<script type="application/ld+json">` + v + `</script>` }
	tests := []struct {
		name   string
		page   string
		want   []string
		source string
	}{
		{
			name: "prefix alone in its element, the name in the next one",
			page: head + `</head><body><div class="header"><a href="/series/1"><h2>The Long Road</h2></a> <span>by</span>
				<h3><a href="/profile/7">Jane Doe</a></h3>` + headline + `</div>` + text + `</body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name:   "agency alone in the byline",
			page:   head + `</head><body><article>` + headline + `<div class="byline">By Acme Wire Service</div>` + text + `</article></body></html>`,
			want:   []string{"Acme Wire Service"},
			source: article.SourceText,
		},
		{
			name: "json-ld organisation author",
			page: head + ld(`{"@type":"NewsArticle","headline":"Council approves the new flood plan",
				"author":{"@type":"Organization","name":"Acme Wire"},"publisher":{"@type":"Organization","name":"Daily Planet"}}`) +
				`</head><body>` + headline + text + `</body></html>`,
			want:   []string{"Acme Wire"},
			source: article.SourceJSONLD,
		},
		{
			name: "json-ld organisation author that is the publisher, no person",
			page: head + ld(`{"@type":"NewsArticle","headline":"Council approves the new flood plan",
				"author":{"@type":"Organization","name":"Daily Planet"},"publisher":{"@type":"Organization","name":"Daily Planet"}}`) +
				`</head><body>` + headline + text + `</body></html>`,
			want:   []string{"Daily Planet"},
			source: article.SourceJSONLD,
		},
		{
			name: "the publisher alone is no credit",
			page: head + ld(`{"@type":"NewsArticle","headline":"Council approves the new flood plan",
				"publisher":{"@type":"Organization","name":"Daily Planet"}}`) +
				`</head><body>` + headline + text + `</body></html>`,
		},
		{
			name: "a person in the text before an organisation in json-ld",
			page: head + ld(`{"@type":"NewsArticle","headline":"Council approves the new flood plan",
				"author":{"@type":"Organization","name":"Daily Planet"}}`) +
				`</head><body>` + headline + `<p class="byline">By Jane Doe</p>` + text + `</body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name: "mixed credit in json-ld, without the publisher",
			page: head + ld(`{"@type":"NewsArticle","headline":"Council approves the new flood plan",
				"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Organization","name":"Acme Wire"},{"@id":"#pub"}],
				"publisher":{"@type":"Organization","@id":"#pub","name":"Daily Planet"}}`) +
				`</head><body>` + headline + text + `</body></html>`,
			want:   []string{"Jane Doe", "Acme Wire"},
			source: article.SourceJSONLD,
		},
		{
			name:   "mixed credit in the text",
			page:   head + `</head><body>` + headline + `<div class="byline">By Jane Doe, AP</div>` + text + `</body></html>`,
			want:   []string{"Jane Doe", "AP"},
			source: article.SourceText,
		},
		{
			name:   "the site's name beside a person is not a credit",
			page:   head + `</head><body>` + headline + `<div class="byline">By Jane Doe, Daily Planet</div>` + text + `</body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name: "an agency before the site's own name",
			page: head + `<meta name="author" content="Daily Planet"></head><body>` + headline +
				`<div class="byline">By Acme Wire</div>` + text + `</body></html>`,
			want:   []string{"Acme Wire"},
			source: article.SourceText,
		},
		{
			name:   "the site's own name when nothing else is credited",
			page:   head + `<meta name="author" content="Daily Planet"></head><body>` + headline + text + `</body></html>`,
			want:   []string{"Daily Planet"},
			source: article.SourceMeta,
		},
		{
			name:   "microdata organisation author",
			page:   head + `</head><body><div itemscope itemtype="https://schema.org/NewsArticle">` + headline + `<span itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Metro Desk</span></span>` + text + `</div></body></html>`,
			want:   []string{"Metro Desk"},
			source: article.SourceMicrodata,
		},
		{
			name: "byline in a bar with share buttons",
			page: head + `</head><body>` + headline + `<div class="share-byline-timestamp"><span class="author">Jane Doe</span>` +
				`<a class="share-twitter" href="#">Tweet</a></div>` + text + `</body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name:   "byline box with social tools",
			page:   head + `</head><body>` + headline + `<div class="story-authors has-social-tools social-bar"><p>By Jane Doe</p></div>` + text + `</body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name: "a comment's author is still junk",
			page: head + `</head><body>` + headline + text + `<div class="comment-list"><span class="comment-author">Joe Reader</span></div>` +
				`<span class="comment-author">Ann Reader</span></body></html>`,
		},
		{
			name:   "body class about the page's layout",
			page:   head + `</head><body class="layout-sidebar ads-on"><div><span class="author">Jane Doe</span>` + text + `</div></body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name:   "main content whose class mentions an ad slot",
			page:   head + `</head><body><div role="main" class="wrapper-with-ad"><span class="author">Jane Doe</span>` + text + `</div></body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name:   "prefix alone in its element",
			page:   head + `</head><body>` + headline + `<div class="meta"><span>By </span><a href="/people/jd">Jane Doe</a> <time>June 3, 2023</time></div>` + text + `</body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name:   "prefix glued to the name",
			page:   head + `</head><body>` + headline + `<div class="meta"><span>By</span><a href="/people/jd">Jane Doe</a></div>` + text + `</body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
		{
			name: "a sentence that starts like a byline",
			page: head + `</head><body>` + headline + `<div><p>By the way, the vote was close.</p></div>` + text + `</body></html>`,
		},
		{
			name: "a sentence that starts like a byline, before a link",
			page: head + `</head><body>` + headline + `<div><p>Text is available under the <a href="/l">licence</a></p></div>` + text + `</body></html>`,
		},
		{
			name: "a prefix word after other words",
			page: head + `</head><body>` + headline + `<div><p><i>Proof:</i> by definition of the <b>matrix</b></p></div>` + text + `</body></html>`,
		},
		{
			name: "the lowest author element that names a person",
			page: head + `</head><body>` + headline + `<div class="author-box"><a class="author-name" href="/p/jd"><span class="author-underline"></span>Jane Doe</a>` +
				` <span>Watch live</span></div>` + text + `</body></html>`,
			want:   []string{"Jane Doe"},
			source: article.SourceText,
		},
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := e.Extract(Page{URL: "https://www.dailyplanet.example/2023/06/28/flood-plan.html", Body: []byte(tt.page), ContentType: "text/html", Date: fetchedAt})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Byline, tt.want) || a.Provenance[article.FieldByline] != tt.source {
				t.Errorf("byline = %q from %q, want %q from %q", a.Byline, a.Provenance[article.FieldByline], tt.want, tt.source)
			}
		})
	}
}
