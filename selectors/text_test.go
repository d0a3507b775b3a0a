package selectors

import "testing"

func TestWordCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"أعلنت الحكومة، اليوم الأربعاء، عن إطلاق برنامج", 7},
		{"l'article — 28 % du total", 4},
		{"first paragraph\n\nsecond paragraph", 4},
		{"٢٨ يونيو ٢٠٢٣", 3},
		{"« » — …", 0},
	}
	for _, tt := range tests {
		if got := wordCount(tt.in); got != tt.want {
			t.Errorf("wordCount(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestCutSiteName(t *testing.T) {
	tests := []struct {
		title string
		names []string
		want  string
	}{
		{"الحكومة تطلق برنامجا استعجاليا - نبأ 24", []string{"نبأ 24"}, "الحكومة تطلق برنامجا استعجاليا"},
		{"Le Quotidien | Inflation : la Banque centrale relève son taux", []string{"Le Quotidien"}, "Inflation : la Banque centrale relève son taux"},
		{"Headline about the council vote | Metro | The Daily Planet", []string{"The Daily Planet"}, "Headline about the council vote"},
		{"Council approves flood plan - Reuters", nil, "Council approves flood plan"},
		{"Paris - Saint-Germain wins the league title again", nil, "Paris - Saint-Germain wins the league title again"},
		{"Short - title", nil, "Short - title"},
		{"No separator here", []string{"Site"}, "No separator here"},
		// Blog hosts write "Post @ Blog".
		{"山中營地賞楓 (2) @ 史蒂文的家", []string{"史蒂文的家"}, "山中營地賞楓 (2)"},
		{"Dinner @ Home", nil, "Dinner @ Home"},
		// CJK titles join headline, channel and site without spaces.
		{"这个约会软件想帮你找对象_智能_好奇心日报", nil, "这个约会软件想帮你找对象"},
		{"지방선거 투표율 역대 최고ㅣ정치ㅣ한겨레", nil, "지방선거 투표율 역대 최고"},
		{"新幹線の新型車両が営業運転を開始｜鉄道ニュース", nil, "新幹線の新型車両が営業運転を開始"},
		{"新竹_美樹營地賞楓之旅的第二天", nil, "新竹_美樹營地賞楓之旅的第二天"},                         // the first part is not the longest
		{"snake_case names in Go code", nil, "snake_case names in Go code"}, // no CJK
		// A full-width colon also begins headlines: only a known name is cut.
		{"新区地铁明年动工：城市晚报", []string{"城市晚报"}, "新区地铁明年动工"},
		{"市长：新区地铁明年动工", []string{"城市晚报"}, "市长：新区地铁明年动工"},
		{"新区地铁明年动工－城市晚报", []string{"城市晚报"}, "新区地铁明年动工"},
	}
	for _, tt := range tests {
		if got := cutSiteName(tt.title, tt.names); got != tt.want {
			t.Errorf("cutSiteName(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// A structured headline loses only parts that name the site; a short last
// part that names nothing stays, as it is part of the headline.
func TestCutNamedSite(t *testing.T) {
	tests := []struct {
		title string
		names []string
		want  string
	}{
		{"Night buses reach the north - The Daily Planet", []string{"The Daily Planet"}, "Night buses reach the north"},
		{"The Daily Planet | Night buses reach the north", []string{"The Daily Planet"}, "Night buses reach the north"},
		{"Night buses reach the north - Daily Planet", []string{"dailyplanet"}, "Night buses reach the north"},
		{"Review: the new tram line - part two", []string{"The Daily Planet"}, "Review: the new tram line - part two"},
		{"Paris - Saint-Germain", []string{"The Daily Planet"}, "Paris - Saint-Germain"},
		{"市长：新区地铁明年动工", []string{"城市晚报"}, "市长：新区地铁明年动工"},
		{"新区地铁明年动工_城市晚报", []string{"城市晚报"}, "新区地铁明年动工"},
		{"planet_names in code", []string{"planet"}, "planet_names in code"},
		{"The Daily Planet", []string{"The Daily Planet"}, "The Daily Planet"},
	}
	for _, tt := range tests {
		if got := cutNamedSite(tt.title, tt.names); got != tt.want {
			t.Errorf("cutNamedSite(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestPrimaryLang(t *testing.T) {
	for in, want := range map[string]string{"ar-MA": "ar", "fr_FR": "fr", "EN": "en", "": "", "x": "", "arabic": "", "ar,fr": "ar", "zh-Hant-TW": "zh"} {
		if got := primaryLang(in); got != want {
			t.Errorf("primaryLang(%q) = %q, want %q", in, got, want)
		}
	}
}
