package markup

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page parses src and returns the element of each id.
func page(t *testing.T, src string) (*html.Node, map[string]*html.Node) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]*html.Node{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if id := Attr(n, "id"); id != "" {
			ids[id] = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return root, ids
}

func TestIsJunk(t *testing.T) {
	_, ids := page(t, `<html><body>
<aside id="aside">a</aside>
<div id="share" class="share-box">s</div>
<div id="related" class="related_posts">r</div>
<div id="glued" class="relatedPosts">r</div>
<div id="readmore" class="read-more">r</div>
<div id="nav" role="navigation">n</div>
<div id="hidden-aria" aria-hidden="true">h</div>
<div id="hidden" hidden>h</div>
<div id="role-main" role="main">m</div>
<div id="content" class="entry-content post">c</div>
<span id="name" class="rollover-link"><a href="/jd">Jane Doe</a><span id="card" class="rollover-block"><img src="x.jpg"><a href="/a">A</a></span></span>
<span id="label" class="tooltip">label only</span>
</body></html>`)
	for id, want := range map[string]bool{
		"aside": true, "share": true, "related": true, "glued": true, "readmore": true, "nav": true,
		"hidden-aria": true, "hidden": true, "role-main": false, "content": false,
		"name": false, "card": true, "label": false,
	} {
		if got := IsJunk(ids[id]); got != want {
			t.Errorf("IsJunk(#%s) = %v, want %v", id, got, want)
		}
	}
	if IsJunk(&html.Node{Type: html.TextNode, Data: "share"}) {
		t.Error("IsJunk of a text node")
	}
}

func TestIsBylineJunk(t *testing.T) {
	_, ids := page(t, `<html id="html" class="ads"><body id="body" class="has-sidebar sidebar-left single-author">
<div id="bar" class="share-byline-timestamp">b</div>
<div id="social" class="byline-social">s</div>
<div id="box" class="story-authors social-tools">x</div>
<div id="state" class="post has-social-tools">x</div>
<div id="share" class="share-tools">s</div>
<div id="comment" class="comment-author">c</div>
<div id="comments" class="comments post-author">c</div>
<div id="main" role="main" class="wrapper-with-ad">m</div>
<main id="main-elem" class="ad-slot-top">m</main>
</body></html>`)
	for id, want := range map[string][2]bool{ // IsJunk, IsBylineJunk
		"html": {false, false}, "body": {false, false},
		"bar": {true, false}, "social": {true, false}, "box": {true, false},
		"state": {false, false}, "share": {true, true},
		"comment": {true, true}, "comments": {true, true},
		"main": {false, false}, "main-elem": {false, false},
	} {
		if got := [2]bool{IsJunk(ids[id]), IsBylineJunk(ids[id])}; got != want {
			t.Errorf("IsJunk, IsBylineJunk(#%s) = %v, want %v", id, got, want)
		}
	}
	if HasAuthorClass(ids["body"]) || !HasAuthorClass(ids["box"]) {
		t.Error("HasAuthorClass reads the body's class or misses an author box")
	}
}

func TestInsideJunk(t *testing.T) {
	_, ids := page(t, `<html><body><div class="menu" id="menu"><h1 id="h1">Headline</h1><p id="p">text</p></div>
<div class="comments"><p id="comment">a comment</p></div><p id="body">body</p></body></html>`)
	if InsideJunk(ids["comment"], ids["h1"]) != true {
		t.Error("a comment is not inside junk")
	}
	if InsideJunk(ids["body"], ids["h1"]) {
		t.Error("the body is inside junk")
	}
	// The menu holds the headline: it is the article's container.
	if InsideJunk(ids["p"], ids["h1"]) {
		t.Error("a paragraph beside the headline is inside junk")
	}
	if !InsideJunk(ids["p"], nil) {
		t.Error("without a headline, the menu is not junk")
	}
}

// Boxes remembers each element's answer; asked in any order, with or
// without an anchor, on a page where no junk element holds half of the
// prose, it answers as InsideJunk and InsideBylineJunk.
func TestBoxes_asInsideJunk(t *testing.T) {
	root, ids := page(t, `<html><body><div class="menu" id="menu"><h1 id="h1">Headline</h1>
<p id="p">By <a id="a">Jane</a></p></div><div class="comments"><div id="c"><p id="cp">a comment</p></div></div>
<div class="share-byline"><span id="bar">By Joe</span></div><p id="body">body</p></body></html>`)
	var all []*html.Node
	for n := range root.Descendants() {
		all = append(all, n)
	}
	for _, anchor := range []*html.Node{nil, ids["h1"], ids["cp"]} {
		for _, order := range [][]*html.Node{all, {ids["cp"], ids["c"], ids["a"], ids["bar"], ids["body"]}} {
			b := NewBoxes(root)
			for _, n := range order {
				if got, want := b.InsideByline(n, anchor), InsideBylineJunk(n, anchor); got != want {
					t.Errorf("anchor %v: InsideByline(%s %v) = %v, want %v", anchor != nil, n.Data, n.Attr, got, want)
				}
				if got, want := b.Inside(n, anchor), InsideJunk(n, anchor); got != want {
					t.Errorf("anchor %v: Inside(%s %v) = %v, want %v", anchor != nil, n.Data, n.Attr, got, want)
				}
			}
		}
	}
}

// A junk class on an element that holds most of the page's prose names
// the page's template or the article's wrapper, not a box: for the
// metadata rules, as for the body, what is under it is not junk; a box
// inside it still is.
func TestBoxes_wrapper(t *testing.T) {
	root, ids := page(t, `<html><body><nav><a href="/">Home</a></nav>
<div class="page-wrapper below-header-ad" id="wrap"><h1 id="h1">The council votes</h1>
<p id="by">By Jane Doe</p><p>The city council voted on Tuesday to extend the night bus network to the north.</p>
<div class="related" id="rel"><p id="rp">Other stories</p></div></div>
<div class="ad" id="ad"><p id="ap">Buy now</p></div></body></html>`)
	b := NewBoxes(root)
	for _, tt := range []struct {
		id   string
		want bool
	}{{"h1", false}, {"by", false}, {"rp", true}, {"ap", true}} {
		if got := b.Inside(ids[tt.id], nil); got != tt.want {
			t.Errorf("Inside(#%s) = %v, want %v", tt.id, got, tt.want)
		}
		if got := b.InsideByline(ids[tt.id], nil); got != tt.want {
			t.Errorf("InsideByline(#%s) = %v, want %v", tt.id, got, tt.want)
		}
	}
	if !InsideJunk(ids["by"], nil) {
		t.Error("InsideJunk: the wrapper's class is junk without the share rule")
	}
}

func TestRemoveJunk(t *testing.T) {
	root, ids := page(t, `<html><body><div id="c" class="share"><!-- c --><p>keep</p><div class="ad">ad</div>
<p class="drop">extra</p><p>also <button>b</button> kept</p></div></body></html>`)
	c := ids["c"]
	RemoveJunk(c, func(n *html.Node) bool { return Attr(n, "class") == "drop" })
	var b strings.Builder
	if err := html.Render(&b, FindElement(root, atom.Body)); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), `<body><div id="c" class="share"><p>keep</p>`+"\n"+`<p>also  kept</p></div></body>`; got != want {
		t.Errorf("RemoveJunk left\n%s\nwant\n%s", got, want)
	}
}

func TestClassWords(t *testing.T) {
	_, ids := page(t, `<div id="x" class="entry-date published" itemprop="datePublished" data-x="share"></div>`)
	got := strings.Join(ClassWords(ids["x"]), " ")
	if want := "x entry date entrydate published date published datepublished"; got != want {
		t.Errorf("ClassWords = %q, want %q", got, want)
	}
}

func TestDateAndAuthorElements(t *testing.T) {
	_, ids := page(t, `<html><body>
<span id="date" class="post-date">d</span><span id="glued" class="createdate">d</span>
<span id="today" class="date today">d</span><span id="plain" class="title">t</span>
<a id="rel" rel="nofollow author" href="/a">A</a><span id="byline" class="td-post-author-name">B</span>
</body></html>`)
	for id, want := range map[string]bool{"date": true, "glued": true, "today": false, "plain": false} {
		if got := HasDateClass(ids[id]); got != want {
			t.Errorf("HasDateClass(#%s) = %v, want %v", id, got, want)
		}
	}
	for id, want := range map[string]bool{"rel": true, "byline": true, "date": false} {
		if got := IsAuthorElement(ids[id]); got != want {
			t.Errorf("IsAuthorElement(#%s) = %v, want %v", id, got, want)
		}
	}
	if HasAuthorClass(ids["rel"]) {
		t.Error("HasAuthorClass of a rel=author link without class")
	}
}

func TestTree(t *testing.T) {
	root, ids := page(t, `<html><body><div id="a"><p id="b">x</p></div><p id="c">y</p></body></html>`)
	a, b, c := ids["a"], ids["b"], ids["c"]
	if !Inside(b, a) || !Inside(a, a) || Inside(c, a) || Inside(nil, a) {
		t.Error("Inside")
	}
	for _, tt := range []struct {
		x, y *html.Node
		want bool
	}{{a, b, true}, {b, a, false}, {b, c, true}, {c, b, false}, {a, a, false}} {
		if got := Precedes(tt.x, tt.y); got != tt.want {
			t.Errorf("Precedes(#%s, #%s) = %v", Attr(tt.x, "id"), Attr(tt.y, "id"), got)
		}
	}
	if Attr(a, "class") != "" || FindElement(root, atom.P) != b || FindElement(root, atom.Table) != nil {
		t.Error("Attr or FindElement")
	}
}

func TestClone(t *testing.T) {
	root, _ := page(t, `<html><body><div class="x"><p>a <b>b</b></p></div></body></html>`)
	c := Clone(root)
	var want, got strings.Builder
	if err := html.Render(&want, root); err != nil {
		t.Fatal(err)
	}
	if err := html.Render(&got, c); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("Clone = %s, want %s", got.String(), want.String())
	}
	c.FirstChild.Attr = append(c.FirstChild.Attr, html.Attribute{Key: "lang", Val: "ar"})
	if Attr(root.FirstChild, "lang") != "" {
		t.Error("the copy shares attributes with the page")
	}
	// Elements built by go-trafilatura carry only their tag name.
	if n := CloneNode(&html.Node{Type: html.ElementNode, Data: "p"}); n.DataAtom != atom.P {
		t.Errorf("CloneNode gave atom %v, want p", n.DataAtom)
	}
}
