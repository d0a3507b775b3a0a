// Package layout holds no code: its test checks that the packages import
// one another only along the arrows the README's "Where things are"
// section draws, so the folders keep telling the architecture.
package layout
