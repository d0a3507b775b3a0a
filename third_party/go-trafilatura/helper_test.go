// This file is part of go-trafilatura, Go package for extracting readable
// content, comments and metadata from a web page. Source available in
// <https://github.com/markusmobius/go-trafilatura>.
//
// Copyright (C) 2021 Markus Mobius
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

// Code in this file is ported from <https://github.com/adbar/trafilatura>
// which available under Apache 2.0 license.

package trafilatura

import (
	"encoding/json"
	"fmt"
	"io"
	nurl "net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// mockCorpusEnv names the folder of upstream's test-files/mock, the 113
// pages (15 MB) of its real-world tests. newsarc does not copy them: only
// exotic_tags.html, which Test_ExoticTags needs, is in testdata/mock.
// Without mockCorpusEnv the tests take test-files/mock of the module as
// served (upstreamModule, fetched into the module cache by `go mod
// download` through the Go module proxy).
const (
	mockCorpusEnv  = "TRAFILATURA_MOCK_FILES"
	upstreamModule = "github.com/markusmobius/go-trafilatura@v1.12.2" // the version copied, see NEWSARC.md
)

var (
	mockOnce sync.Once
	mockDir  string // the corpus folder, once found
	mockErr  error  // why it was not found
)

// requireMockCorpus fails t, or skips it outside CI (CI=true), when the
// corpus is neither named by mockCorpusEnv nor downloadable.
func requireMockCorpus(t *testing.T) {
	t.Helper()
	mockOnce.Do(func() { mockDir, mockErr = findMockCorpus() })
	if mockErr == nil {
		return
	}
	msg := fmt.Sprintf("newsarc: the real-world tests need upstream's test-files/mock: %v; "+
		"set %s to that folder, or let `go mod download %s` reach the Go module proxy", mockErr, mockCorpusEnv, upstreamModule)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func findMockCorpus() (string, error) {
	dir := os.Getenv(mockCorpusEnv)
	if dir == "" {
		// Outside any module, so that go.mod is neither read nor changed.
		cmd := exec.Command("go", "mod", "download", "-json", upstreamModule)
		cmd.Dir = os.TempDir()
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.Output()
		var mod struct{ Dir, Error string }
		if jerr := json.Unmarshal(out, &mod); jerr == nil && mod.Error != "" {
			return "", fmt.Errorf("go mod download %s: %s", upstreamModule, mod.Error)
		}
		if err != nil {
			return "", fmt.Errorf("go mod download %s: %w", upstreamModule, err)
		}
		dir = filepath.Join(mod.Dir, "test-files", "mock")
	}
	if _, err := os.Stat(filepath.Join(dir, "die-partei.net.luebeck.html")); err != nil {
		return "", fmt.Errorf("%s is not upstream's test-files/mock: %w", dir, err)
	}
	return dir, nil
}

// openMockFile is used to open HTML document from specified mock file.
// Make sure to close the reader later.
func openMockFile(mockFiles map[string]string, url string) io.ReadCloser {
	// Open file
	path := mockFiles[url]
	// newsarc: from testdata/mock, else from the corpus mockCorpusEnv
	// names (see requireMockCorpus).
	if _, err := os.Stat(filepath.Join("testdata", "mock", path)); err == nil {
		path = filepath.Join("testdata", "mock", path)
	} else {
		path = filepath.Join(mockDir, path)
	}

	f, err := os.Open(path)
	if err != nil {
		log.Panic().Err(err)
	}

	return f
}

// parseMockFile open then convert a mock file into html.Node.
func parseMockFile(mockFiles map[string]string, url string) *html.Node {
	f := openMockFile(mockFiles, url)
	defer f.Close()

	doc, err := dom.Parse(f)
	if err != nil {
		log.Panic().Err(err)
	}

	return doc
}

// extractMockFile open then extract content from a mock file.
func extractMockFile(mockFiles map[string]string, url string, enableLink ...bool) *ExtractResult {
	// Open mock file
	f := openMockFile(mockFiles, url)
	defer f.Close()

	// Parse URL
	parsedURL, err := nurl.ParseRequestURI(url)
	if err != nil {
		log.Panic().Err(err)
	}

	// Extract
	var includeLinks bool
	if len(enableLink) > 0 {
		includeLinks = enableLink[0]
	}

	opts := Options{
		OriginalURL:    parsedURL,
		EnableFallback: true,
		IncludeLinks:   includeLinks}
	result, err := Extract(f, opts)
	if err != nil {
		log.Panic().Err(err)
	}

	return result
}

// docFromStr create document from raw HTML string. Used in tests.
func docFromStr(str string) *html.Node {
	doc, _ := html.Parse(strings.NewReader(str))
	return doc
}

func noSpace(s string) string {
	s = strings.Join(strings.Fields(s), "")
	return strings.TrimSpace(s)
}
