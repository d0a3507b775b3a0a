// Package frontier holds the two records a crawler and the store of its
// frontier and history exchange: Entry, a URL waiting to be fetched, and
// Visit, the outcome of fetching one. The crawler (package crawler) and
// each store (crawler.MemoryFrontier, archive/state's SQLite database)
// use these types as they are, so a new field is added here once.
//
// It imports the standard library only, and nothing of newsarc.
package frontier
