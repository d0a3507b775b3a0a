# Sourced by run.sh and memory.sh: the newsarc config both benchmarks crawl
# with, so that their numbers compare.
#
# newsarc_config FILE DIR ARTICLE_REGEX BASE_URL: write a config that crawls
# BASE_URL into DIR with politeness off, 8 requests at once, no depth or
# page limit; ARTICLE_REGEX '^$' makes it archive-only.
newsarc_config() {
	cat >"$1" <<EOF2
[archive]
dir = "$2"
[crawl]
concurrency = 8
per_host_delay = "0s"
respect_robots = true
max_depth = 1000000
max_pages = 0
[[sites]]
name = "bench"
start_urls = ["$4"]
article_urls = ['$3']
EOF2
}
