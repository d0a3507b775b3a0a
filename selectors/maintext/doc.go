// Package maintext corrects go-trafilatura's choice of an article's text by
// the page's own markup, behind one function, Correct.
//
// go-trafilatura returns a rebuilt tree that has lost the page's classes
// and sometimes the spaces around links. Its paragraphs are matched back
// to the page's blocks (blocks.go, align.go), so that the text written is
// the page's, and the classes, links and position of each block decide
// what is article text (layout.go, maintext.go, filter.go, trim.go):
// boxes of related links, newsletters and captions, lists and cards of
// other articles, standfirsts, bylines and closing lines are dropped;
// chunks of a body split between ads and long paragraphs go-trafilatura
// left out are added. The rules are generic (class and id vocabularies in
// several languages, link density, position against the headline and the
// body's container); none names a site.
//
// A Page lays the page out once for several candidate texts (Page.Correct
// measures each one's prose, its text outside links, so that a caller can
// weigh a second extractor's text against go-trafilatura's).
//
// Correct needs only the parsed page, the headline's element and
// go-trafilatura's paragraphs, and changes nothing in the tree. The package
// imports golang.org/x/net/html and the shared selectors/internal packages
// (pagetext, markup, lines) only; never package selectors nor its other
// rooms (structured, byline, dates), and not go-trafilatura: its caller
// runs that (the tests do, to benchmark Correct on real pages).
// BenchmarkCorrect and FuzzCorrect exercise it alone. Standfirst returns
// the standfirst that Correct leaves out of the body, for the description.
package maintext
