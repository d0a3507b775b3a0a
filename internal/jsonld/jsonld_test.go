package jsonld

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	want := map[string]any{"@type": "NewsArticle", "headline": "a b", "about": []any{"x"}}
	for _, in := range []string{
		`{"@type":"NewsArticle","headline":"a b","about":["x"]}`,
		"<![CDATA[{\"@type\":\"NewsArticle\",\"headline\":\"a b\",\"about\":[\"x\"]}]]>",
		"<!--{\"@type\":\"NewsArticle\",\"headline\":\"a b\",\"about\":[\"x\"]}-->",
		"//<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"a b\",\"about\":[\"x\",],}\n//]]>",
		"{\"@type\":\"NewsArticle\",\"headline\":\"a\nb\",\"about\":[\"x\"]}", // raw newline in a string
	} {
		got, ok := Parse(in)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := Parse(`{"@type": `); ok {
		t.Error("Parse accepted a cut script")
	}
}
