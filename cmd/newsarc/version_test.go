package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersion: `version` and `--version` print one line, and the version in
// it is the one the default User-Agent and the warcinfo record name.
func TestVersion(t *testing.T) {
	v := buildVersion()
	if v == "" || strings.ContainsAny(v, " /") {
		t.Fatalf("buildVersion() = %q: want one token", v)
	}
	_, out1, _ := runCLI(t, context.Background(), "version")
	_, out2, _ := runCLI(t, context.Background(), "--version")
	if out1 != out2 || !strings.HasPrefix(out1, "newsarc "+v+" ") || strings.Count(out1, "\n") != 1 {
		t.Fatalf("version printed %q, --version %q; want one line naming %s", out1, out2, v)
	}
	if ua := defaults["crawl.user_agent"].(string); !strings.HasPrefix(ua, "newsarc/"+v+" (+") {
		t.Errorf("default User-Agent %q does not name version %s", ua, v)
	}

	srv, _ := testSite(t)
	out := t.TempDir()
	if code, _, stderr := runCLI(t, context.Background(), "--config", writeConfig(t, srv.URL), "--out", out,
		"--log-level", "error", "archive", srv.URL+"/2023/07/05/tramway-t3.html"); code != exitOK {
		t.Fatalf("archive: exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join(out, "warc", "*.warc.gz"))
	}
	if len(files) == 0 {
		t.Fatal("no WARC written")
	}
	rel, err := filepath.Rel(out, files[0])
	if err != nil {
		t.Fatal(err)
	}
	rec := recordAt(t, out, map[string]any{"file": rel, "offset": float64(0)})
	body, _ := io.ReadAll(rec.Content)
	if rec.Header.Get("WARC-Type") != "warcinfo" || !strings.Contains(string(body), "software: newsarc/"+v+"\r\n") {
		t.Fatalf("first record %s does not name newsarc/%s:\n%s", rec.Header.Get("WARC-Type"), v, body)
	}
}

// TestHelp_profilingHidden: the profiling flags work but are not in the
// help a user reads.
func TestHelp_profilingHidden(t *testing.T) {
	_, help, _ := runCLI(t, context.Background(), "crawl", "--help")
	if !strings.Contains(help, "--config") {
		t.Fatalf("crawl --help lacks --config:\n%s", help)
	}
	for _, flag := range []string{"cpuprofile", "memprofile", "--trace"} {
		if strings.Contains(help, flag) {
			t.Errorf("crawl --help shows %s", flag)
		}
	}
	prof := filepath.Join(t.TempDir(), "cpu.out")
	if code, _, stderr := runCLI(t, context.Background(), "--cpuprofile", prof, "version"); code != exitOK {
		t.Fatalf("--cpuprofile: exit %d: %s", code, stderr)
	}
	if st, err := os.Stat(prof); err != nil || st.Size() == 0 {
		t.Fatalf("--cpuprofile wrote no profile: %v", err)
	}
}
