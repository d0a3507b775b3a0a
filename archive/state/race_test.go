//go:build race

package state

// raceEnabled scales down the tests that push many URLs: the race detector
// makes the transpiled SQLite about fifty times slower.
const raceEnabled = true
