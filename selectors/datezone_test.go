package selectors

import (
	"testing"
	"time"
)

// TestExtractor_Extract_inPageZone checks that a UTC instant of structured
// data is written in the offset the page gives the same instant elsewhere,
// and left as it is otherwise.
func TestExtractor_Extract_inPageZone(t *testing.T) {
	ld := func(pub, mod string) string {
		return `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Night buses stay","datePublished":"` +
			pub + `","dateModified":"` + mod + `"}</script>`
	}
	body := `<body><article><h1>Night buses stay</h1><p>The council voted to keep the night buses running.</p></article></body>`
	tests := []struct {
		name, head, body    string
		timezone            string // Config.Timezone, "" for none
		published, modified string
	}{
		{
			// The story went out on the evening of the 23rd in California.
			name:      "meta tag with the local offset",
			head:      ld("2017-02-24T01:18:13Z", "2017-02-24T03:00:00Z") + `<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">`,
			body:      body,
			published: "2017-02-23T17:18:13-08:00", modified: "2017-02-24T03:00:00Z",
		},
		{
			name: "time element of the header with the local offset",
			head: ld("2020-04-07T10:19:34Z", "2020-04-07T18:45:00Z"),
			body: `<body><article><h1>Night buses stay</h1><p>Updated <time datetime="2020-04-08T00:15:00+05:30">8 April, 00:15</time></p>` +
				`<p>Published <time datetime="2020-04-07T15:49:34+05:30">7 April, 15:49</time></p></article></body>`,
			published: "2020-04-07T15:49:34+05:30", modified: "2020-04-08T00:15:00+05:30",
		},
		{
			name:      "another instant is another date",
			head:      ld("2017-02-24T01:18:13Z", "") + `<meta property="article:published_time" content="2017-02-23T09:00:00-08:00">`,
			body:      body,
			published: "2017-02-24T01:18:13Z",
		},
		{
			name:      "an offset of structured data is kept",
			head:      ld("2017-02-23T20:18:13-05:00", "") + `<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">`,
			body:      body,
			published: "2017-02-23T20:18:13-05:00",
		},
		{
			name:      "the configured time zone wins",
			head:      ld("2017-02-24T01:18:13Z", "") + `<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">`,
			body:      body,
			timezone:  "Europe/Paris",
			published: "2017-02-24T02:18:13+01:00",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cfg Config
			if tt.timezone != "" {
				tz, err := time.LoadLocation(tt.timezone)
				if err != nil {
					t.Fatal(err)
				}
				cfg.Timezone = tz
			}
			e, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			src := "<html><head>" + tt.head + "</head>" + tt.body + "</html>"
			a, _, err := e.Extract(Page{URL: "https://example.org/night-buses", Body: []byte(src), Date: fetchedAt})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct {
				field string
				got   time.Time
				want  string
			}{{"published", a.Published, tt.published}, {"modified", a.Modified, tt.modified}} {
				got := ""
				if !f.got.IsZero() {
					got = f.got.Format(time.RFC3339)
				}
				if got != f.want {
					t.Errorf("%s = %q, want %q", f.field, got, f.want)
				}
			}
		})
	}
}
