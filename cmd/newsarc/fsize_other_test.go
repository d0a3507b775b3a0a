//go:build !linux

package main

// limitFileSize is only needed by Linux-only tests.
func limitFileSize(uint64) {}
