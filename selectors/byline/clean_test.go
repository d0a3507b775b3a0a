package byline

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

func TestClean(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"By Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}},
		{"BY JANE DOE", []string{"JANE DOE"}},
		{"Written by Jane Doe & John Roe", []string{"Jane Doe", "John Roe"}},
		{"By Jane Doe, John Roe and Ann Lee", []string{"Jane Doe", "John Roe", "Ann Lee"}},
		{"Par Jean-Marc Lefèvre et Aïcha Benali", []string{"Jean-Marc Lefèvre", "Aïcha Benali"}},
		{"Publié par : Claire Dubois", []string{"Claire Dubois"}},
		{"بقلم: محمد العلوي", []string{"محمد العلوي"}},
		{"بقلم : محمد العلوي و فاطمة الزهراء", []string{"محمد العلوي", "فاطمة الزهراء"}},
		{"كتب - أحمد محمود", []string{"أحمد محمود"}},
		{"كتبت: سارة علي", []string{"سارة علي"}},
		{"إعداد: رنا الخوري وسامر حداد", []string{"رنا الخوري", "سامر حداد"}},
		{"محمد علي وأحمد حسن", []string{"محمد علي", "أحمد حسن"}},
		{"محمد علي، أحمد حسن", []string{"محمد علي", "أحمد حسن"}},
		// A name that starts with waw is one person.
		{"أحمد وليد", []string{"أحمد وليد"}},
		{"سعيد وائل الخالدي", []string{"سعيد وائل الخالدي"}},
		{"Jane Doe:", []string{"Jane Doe"}},
		{"jane.doe@example.com", nil},
		{"Jane Doe (jane@example.com)", []string{"Jane Doe"}},
		{"https://www.facebook.com/janedoe", nil},
		{"@janedoe", nil},
		{"by Jane Doe@janedoe", []string{"Jane Doe"}},
		{"Jane Doe | Reuters | 5 min read", []string{"Jane Doe"}},
		{"June 29, 2023 | By Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe (Reuters)", []string{"Jane Doe"}},
		// Prefixes of other languages; a name that starts like one stays whole.
		{"Door Jan de Vries", []string{"Jan de Vries"}},
		{"Av Anna Svensson", []string{"Anna Svensson"}},
		{"Autor: Hans Müller", []string{"Hans Müller"}},
		{"Escrito por Ana Gómez", []string{"Ana Gómez"}},
		{"Avery Smith", []string{"Avery Smith"}},
		{"Doorn Janssen", []string{"Doorn Janssen"}},
		// A parenthesis between two words of a name holds more of it.
		{"Bruno (Henrique Zecchin) Rodrigues", []string{"Bruno Henrique Zecchin Rodrigues"}},
		{"Jane Doe (AP) and John Roe", []string{"Jane Doe", "John Roe"}},
		{"Jane Doe and jane doe", []string{"Jane Doe"}},
		{"By Matthew Digby & Minh Do on Monday", []string{"Matthew Digby", "Minh Do"}},
		{"Rachael Link, MS, RD", []string{"Rachael Link"}},
		{"Jill Disis, CNN Business Editor", []string{"Jill Disis"}},
		{"Analysis by Chris Cillizza", []string{"Chris Cillizza"}},
		{"Byron Smith", []string{"Byron Smith"}},
		// A dateline or an agency beside the name.
		{"دمشق - رنا الحلبي", []string{"رنا الحلبي"}},
		{"الرياض: فهد العتيبي", []string{"فهد العتيبي"}},
		{"Jane Doe - Reuters", []string{"Jane Doe", "Reuters"}},
		{"CAIRO – Nada Mahmoud", []string{"Nada Mahmoud"}},
		{"مغرب بريس - محمد الراجي", []string{"محمد الراجي", "مغرب بريس"}},
		{"Jane Doe - Reuters News", []string{"Jane Doe", "Reuters News"}},
		{"Paris Hilton", []string{"Paris Hilton"}},
		{"Publié le 5 juillet 2023", nil},
		{"OLJ / Par Philippe Abi-Akl, le", []string{"Philippe Abi-Akl"}},
		{"Par Le Figaro avec AFP", []string{"Le Figaro", "AFP"}},
		// A newsroom or an agency credited alone is the credit.
		{"Times News Service", []string{"Times News Service"}},
		{"AFP", []string{"AFP"}},
		{"Par La Rédaction", []string{"La Rédaction"}},
		{"By Staff Reporter", []string{"Staff Reporter"}},
		{"هيئة التحرير", []string{"هيئة التحرير"}},
		{"", nil},
		{"By", nil},
		{"Le ministre a déclaré hier devant les députés réunis en session extraordinaire que la réforme était nécessaire", nil},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in           string
		people, orgs []string
	}{
		// An agency beside a person is credited with them; degrees and
		// titles are not agencies.
		{"By Jane Doe, AP", []string{"Jane Doe"}, []string{"AP"}},
		{"By Jane Doe and The Associated Press", []string{"Jane Doe"}, []string{"The Associated Press"}},
		{"Rachael Link, MS, RD", []string{"Rachael Link"}, nil},
		{"Jane Doe, CEO", []string{"Jane Doe"}, nil},
		{"Jane Doe, RDN", []string{"Jane Doe"}, nil},
		{"Jane Doe, Acme News Fellow", []string{"Jane Doe"}, nil},
		{"Jane Doe, Staff Writer", []string{"Jane Doe"}, nil},
		// No person: the organisation the byline credits.
		{"By The Associated Press", nil, []string{"The Associated Press"}},
		{"By Acme Daily Staff", nil, []string{"Acme Daily Staff"}},
		{"Metro Desk", nil, []string{"Metro Desk"}},
		{"Redaktion", nil, []string{"Redaktion"}},
		{"Von Redacción Acme", nil, []string{"Redacción Acme"}},
		{"Agencias", nil, []string{"Agencias"}},
		{"By XYZ", nil, []string{"XYZ"}},
		// A part that names a person wins over one that names an
		// organisation.
		{"Acme Wire | By Jane Doe", []string{"Jane Doe"}, nil},
		{"Acme Wire | 5 min read", nil, []string{"Acme Wire"}},
		// A place as a dateline is not an organisation.
		{"CAIRO – Nada Mahmoud", []string{"Nada Mahmoud"}, nil},
		// A prefix glued to the name it introduces.
		{"ByJane Doe", []string{"Jane Doe"}, nil},
		{"VonMax Mustermann", []string{"Max Mustermann"}, nil},
		{"Byby JANE DOE", []string{"JANE DOE"}, nil},
		{"Byron Smith", []string{"Byron Smith"}, nil},
		{"BYRON SMITH", []string{"BYRON SMITH"}, nil},
		// A sentence that starts with a prefix word is prose.
		{"By the way", nil, nil},
		{"By definition of the Hermitian matrix", nil, nil},
		{"Text is available under the", nil, nil},
		{"by jane doe", []string{"jane doe"}, nil},
		{"by the way", nil, nil},
		{"of the article", nil, nil},
		{"By Lisa de Moraes", []string{"Lisa de Moraes"}, nil},
		{"على محمود", []string{"على محمود"}, nil},
		{"Posted by kovarex", []string{"kovarex"}, nil},
		// Labels printed beside a byline are not names.
		{"Jane Doe, Follow", []string{"Jane Doe"}, nil},
		{"Veröffentlicht", nil, nil},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		if !slices.Equal(got.People, tt.people) || !slices.Equal(got.Orgs, tt.orgs) {
			t.Errorf("Parse(%q) = %q, %q; want %q, %q", tt.in, got.People, got.Orgs, tt.people, tt.orgs)
		}
	}
}

func TestCredit_Add(t *testing.T) {
	// The name and the title in elements of their own: "<span>Jane
	// Doe</span><span>CEO</span>".
	c := Parse("Jane Doe").Add(Parse("CEO")).Add(Parse("Acme News Fellow")).Add(Parse("AP")).Add(Parse("jane doe"))
	if want := []string{"Jane Doe", "AP"}; !slices.Equal(c.Names(), want) {
		t.Errorf("Names = %q, want %q", c.Names(), want)
	}
	if c := Parse("CEO").Add(Parse("Metro Desk")); !slices.Equal(c.Orgs, []string{"CEO", "Metro Desk"}) {
		t.Errorf("without a person, Orgs = %q", c.Orgs)
	}
}

func TestOrganisation(t *testing.T) {
	for in, want := range map[string]string{
		" Acme  Sons News ":     "Acme Sons News",
		"Procter & Gamble":      "Procter & Gamble",
		"France 24":             "France 24",
		"https://acme.example/": "",
		"":                      "",
	} {
		if got := Organisation(in); got != want {
			t.Errorf("Organisation(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"By Jane Doe and John Roe", "بقلم: محمد العلوي", "Par Jean Dupont et Marie Curie",
		"كتب - أحمد محمود", "محمد علي وأحمد حسن", "Jane Doe | Reuters", "jane@example.com",
		"By Matthew Digby & Minh Do on Monday, October 13th, 2019", "(AFP)", "Écrit par : Zoé",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		names := Clean(s)
		seen := map[string]bool{}
		for _, n := range names {
			if n == "" || n != strings.TrimSpace(n) || strings.ContainsAny(n, "@|\n") {
				t.Errorf("Clean(%q) gave name %q", s, n)
			}
			k := pagetext.Fold(n)
			if seen[k] {
				t.Errorf("Clean(%q) gave %q twice", s, n)
			}
			seen[k] = true
		}
	})
}
