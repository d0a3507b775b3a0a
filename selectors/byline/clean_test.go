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
		{"Jane Doe | Reuters | 5 min read", []string{"Jane Doe"}},
		{"June 29, 2023 | By Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe (Reuters)", []string{"Jane Doe"}},
		{"Jane Doe and jane doe", []string{"Jane Doe"}},
		{"By Matthew Digby & Minh Do on Monday", []string{"Matthew Digby", "Minh Do"}},
		{"Rachael Link, MS, RD", []string{"Rachael Link"}},
		{"Jill Disis, CNN Business Editor", []string{"Jill Disis"}},
		{"Analysis by Chris Cillizza", []string{"Chris Cillizza"}},
		{"Byron Smith", []string{"Byron Smith"}},
		// A dateline or an agency beside the name.
		{"دمشق - رنا الحلبي", []string{"رنا الحلبي"}},
		{"الرياض: فهد العتيبي", []string{"فهد العتيبي"}},
		{"Jane Doe - Reuters", []string{"Jane Doe"}},
		{"CAIRO – Nada Mahmoud", []string{"Nada Mahmoud"}},
		{"مغرب بريس - محمد الراجي", []string{"محمد الراجي"}},
		{"Jane Doe - Reuters News", []string{"Jane Doe"}},
		{"Paris Hilton", []string{"Paris Hilton"}},
		{"Publié le 5 juillet 2023", nil},
		{"OLJ / Par Philippe Abi-Akl, le", []string{"Philippe Abi-Akl"}},
		{"Par Le Figaro avec AFP", []string{"Le Figaro"}},
		// A newsroom or an agency is not a person.
		{"Times News Service", nil},
		{"AFP", nil},
		{"Par La Rédaction", nil},
		{"By Staff Reporter", nil},
		{"هيئة التحرير", nil},
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
