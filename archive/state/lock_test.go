package state

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler/frontier"
)

// The helper process is this test binary run again with helperEnv set to
// a mode; helperDirEnv names the archive dir.
const (
	helperEnv    = "NEWSARC_STATE_TEST_HELPER"
	helperDirEnv = "NEWSARC_STATE_TEST_DIR"
)

// TestMain runs the helper in place of the tests when the binary is run
// again as one (so no test reports a skip for it).
func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		helperProcess(mode)
	}
	os.Exit(m.Run())
}

// helperProcess is what the helper process runs.
func helperProcess(mode string) {
	dir := os.Getenv(helperDirEnv)
	switch mode {
	case "lock-hold": // lock, say so, hold until stdin closes
		unlock, err := Lock(dir)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println("locked")
		io.Copy(io.Discard, os.Stdin)
		unlock()
	case "lock-try": // exit 75 if locked, like newsarc crawl
		unlock, err := Lock(dir)
		if errors.Is(err, ErrLocked) {
			fmt.Println(err)
			os.Exit(75)
		}
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		unlock()
	case "crash": // claim, say so, then write until killed
		crashWriter(dir)
	}
	os.Exit(0)
}

// startHelper runs the helper in mode and waits for its first line.
func startHelper(t *testing.T, mode, dir string) (*exec.Cmd, io.WriteCloser, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperDirEnv+"="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("helper %s: %v", mode, err)
	}
	return cmd, stdin, strings.TrimSpace(line)
}

func TestLock_SameProcess(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Lock(dir)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock: %v, want ErrLocked", err)
	}
	if msg := err.Error(); !strings.Contains(msg, dir) || !strings.Contains(msg, "pid "+strconv.Itoa(os.Getpid())) {
		t.Errorf("error %q does not name the dir and pid %d", msg, os.Getpid())
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	if err := unlock(); err != nil {
		t.Errorf("second unlock: %v", err)
	}
	unlock, err = Lock(dir)
	if err != nil {
		t.Fatalf("Lock after unlock: %v", err)
	}
	unlock()
}

func TestLock_OtherProcessHolds(t *testing.T) {
	dir := t.TempDir()
	cmd, stdin, line := startHelper(t, "lock-hold", dir)
	if line != "locked" {
		t.Fatalf("helper: %s", line)
	}
	_, err := Lock(dir)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Lock while another process holds it: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "pid "+strconv.Itoa(cmd.Process.Pid)) {
		t.Errorf("error %q does not name the holder's pid %d", err, cmd.Process.Pid)
	}
	stdin.Close() // the helper unlocks and exits
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatalf("Lock after the holder unlocked: %v", err)
	}
	unlock()
}

func TestLock_HolderKilled(t *testing.T) {
	dir := t.TempDir()
	cmd, _, line := startHelper(t, "lock-hold", dir)
	if line != "locked" {
		t.Fatalf("helper: %s", line)
	}
	cmd.Process.Kill() // SIGKILL: no unlock runs
	cmd.Wait()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatalf("Lock after the holder was killed: %v", err)
	}
	unlock()
}

func TestLock_OtherProcessTries(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	cmd, _, line := startHelper(t, "lock-try", dir)
	if err := cmd.Wait(); cmd.ProcessState.ExitCode() != 75 {
		t.Fatalf("helper's Lock while we hold it: %v (%s), want exit 75", err, line)
	}
	if !strings.Contains(line, strconv.Itoa(os.Getpid())) {
		t.Errorf("helper's error %q does not name our pid", line)
	}
	unlock()
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=lock-try", helperDirEnv+"="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("helper's Lock after we unlocked: %v: %s", err, out)
	}
}

// crashWriter claims ten entries for worker "crashed", then pushes and
// finishes until the test kills it.
func crashWriter(dir string) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(dir, "state.db"))
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	batch := make([]frontier.Entry, 100)
	for i := range batch {
		batch[i] = frontier.Entry{URL: fmt.Sprintf("https://a.example/first/%d", i), Site: "a"}
	}
	if _, err := db.Push(ctx, "r1", batch); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if _, err := db.Claim(ctx, "a", "crashed", 10, time.Hour); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("claimed")
	for round := 0; ; round++ {
		for i := range batch {
			batch[i].URL = fmt.Sprintf("https://a.example/%d/%d", round, i)
		}
		db.Push(ctx, "r1", batch)
		got, _ := db.Claim(ctx, "a", "busy", 50, time.Hour)
		for _, e := range got {
			db.Finish(ctx, frontier.Visit{URL: e.URL, Site: "a", Status: 200, Run: "r1"})
		}
	}
}

// TestOpen_AfterKill kills a process in the middle of writing and checks
// that the state opens, is intact, and gives the dead worker's claims back
// once their lease has run out.
func TestOpen_AfterKill(t *testing.T) {
	dir := t.TempDir()
	cmd, _, line := startHelper(t, "crash", dir)
	if line != "claimed" {
		t.Fatalf("helper: %s", line)
	}
	time.Sleep(300 * time.Millisecond) // let it write
	cmd.Process.Kill()
	cmd.Wait()

	db, err := Open(t.Context(), filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.r.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	dead := make(map[string]bool) // what the helper claimed before it died
	for i := range 10 {
		dead[fmt.Sprintf("https://a.example/first/%d", i)] = true
	}
	now := time.Now()
	got, err := db.Claim(t.Context(), "a", "next", 1e6, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range got {
		if dead[e.URL] {
			t.Errorf("%s claimed while the dead worker's lease runs", e.URL)
		}
	}
	db.now = func() time.Time { return now.Add(3 * time.Hour) } // all leases over
	got, err = db.Claim(t.Context(), "a", "later", 1e6, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	back := 0
	for _, e := range got {
		if dead[e.URL] {
			back++
		}
	}
	if back != len(dead) {
		t.Errorf("%d of the dead worker's %d claims came back after its lease", back, len(dead))
	}
	t.Logf("after kill -9: %d entries in the frontier", len(got))
}
