package layout

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const mod = "github.com/newsarc/newsarc"

// pkg is one package of the module as go list sees it.
type pkg struct {
	imports []string // direct, non-test
	deps    []string // transitive, non-test
}

func list(t *testing.T) map[string]pkg {
	t.Helper()
	// go test puts the go command that runs it first on PATH.
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}}\t{{join .Imports \" \"}}\t{{join .Deps \" \"}}", mod+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]pkg{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			t.Fatalf("go list line %q", sc.Text())
		}
		pkgs[strings.TrimPrefix(f[0], mod)] = pkg{imports: strings.Fields(f[1]), deps: strings.Fields(f[2])}
	}
	return pkgs
}

func internal(path string) string {
	if path == mod {
		return "/"
	}
	if strings.HasPrefix(path, mod+"/") {
		return strings.TrimPrefix(path, mod)
	}
	return ""
}

func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func under(p, root string) bool { return p == root || strings.HasPrefix(p, root+"/") }

// TestImports checks the arrows: cmd → pipeline → {crawler, archive,
// archive/state, selectors}; archive → selectors/article; the leaf
// packages import the standard library only; nothing imports cmd.
func TestImports(t *testing.T) {
	pkgs := list(t)
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages", len(pkgs))
	}
	// forbidden[p] lists the module's packages (and their subpackages)
	// that p must not import directly; allowed exceptions follow a "+".
	forbidden := map[string][]string{
		"/crawler":          {"/archive", "/selectors", "/pipeline", "/cmd"},
		"/crawler/discover": {"/archive", "/selectors", "/pipeline", "/cmd", "/crawler"},
		"/crawler/frontier": {"/archive", "/selectors", "/pipeline", "/cmd", "/crawler"},
		"/crawler/pagekind": {"/archive", "/selectors", "/pipeline", "/cmd", "/crawler"},
		"/archive":          {"/crawler", "/selectors", "/pipeline", "/cmd", "+/selectors/article"},
		"/archive/state":    {"/crawler", "/selectors", "/pipeline", "/cmd", "/archive", "+/crawler/frontier", "+/archive/state"},
		"/selectors":        {"/crawler", "/archive", "/pipeline", "/cmd"},
		"/pipeline":         {"/cmd"},
	}
	for path, p := range pkgs {
		for _, imp := range p.imports {
			in := internal(imp)
			if in == "" {
				continue
			}
			if under(in, "/cmd") && !under(path, "/cmd") {
				t.Errorf("%s imports %s: nothing imports cmd", path, in)
			}
			if in == "/pipeline" && !under(path, "/cmd") && !under(path, "/bench") {
				t.Errorf("%s imports pipeline: only cmd runs the pipeline", path)
			}
			if root := ruleFor(path, forbidden); root != "" && breaks(in, forbidden[root]) && !under(in, path) {
				t.Errorf("%s imports %s (%s must not import %v)", path, in, root, forbidden[root])
			}
			// A room of selectors never imports the hall nor another room;
			// what rooms share is under selectors/internal.
			if under(path, "/selectors/") && under(in, "/selectors") && !under(in, "/selectors/internal") && !under(in, path) && !under(path, "/selectors/internal") {
				t.Errorf("%s imports %s: a room of selectors imports only selectors/internal", path, in)
			}
		}
	}
	for _, leaf := range []string{"/selectors/article", "/crawler/frontier"} {
		p, ok := pkgs[leaf]
		if !ok {
			t.Errorf("no package %s", leaf)
		}
		for _, imp := range p.imports {
			if !isStd(imp) {
				t.Errorf("%s imports %s: it takes the standard library only", leaf, imp)
			}
		}
	}
	for _, d := range pkgs["/archive"].deps {
		if strings.Contains(d, "trafilatura") || strings.Contains(d, "dateparser") || strings.HasPrefix(d, mod+"/selectors/") && d != mod+"/selectors/article" {
			t.Errorf("archive links %s: it must not link extraction code", d)
		}
	}
}

// ruleFor is the key of rules that path falls under, the longest one.
func ruleFor(path string, rules map[string][]string) string {
	best := ""
	for root := range rules {
		if under(path, root) && len(root) > len(best) {
			best = root
		}
	}
	return best
}

// breaks reports whether in falls under one of bans and under none of the
// "+" exceptions.
func breaks(in string, bans []string) bool {
	banned := false
	for _, b := range bans {
		if strings.HasPrefix(b, "+") {
			if under(in, b[1:]) {
				return false
			}
			continue
		}
		banned = banned || under(in, b)
	}
	return banned
}
