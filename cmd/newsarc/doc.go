// Command newsarc archives news articles twice: the raw HTTP exchange as
// WARC and a cleaned JSON document. See README.md.
//
// This package is the command line only: one file per command (cobra),
// the configuration (config.toml and the environment → Validate → the
// typed pipeline.Config, no run state), the summaries printed at the end
// of a run, the exit codes, and demosite/, the built-in site of `newsarc
// demo`. What a run does is in package pipeline; nothing imports this
// package.
package main
