package main

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/pelletier/go-toml/v2"
)

// syntaxError says where in the file a TOML syntax error is, as compilers
// do (file:line:column), so an editor can jump there.
func syntaxError(path string, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return fmt.Errorf("config %s:%d:%d: %s", path, row, col, strings.TrimPrefix(de.Error(), "toml: "))
	}
	return fmt.Errorf("config %s: %s", path, oneLine(err))
}

// decodeErrors turns the errors of decoding the settings into fileConfig
// into one line per key, in the words of the config file:
// `crawl.concurrency: want an integer, got "eight"`, not strconv's.
func decodeErrors(err error, env func(string) string) string {
	var lines []string
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case *mapstructure.DecodeError:
			inner := e.Unwrap()
			var nested *mapstructure.DecodeError
			if errors.As(inner, &nested) {
				walk(inner)
				return
			}
			lines = append(lines, keyName(e.Name(), env)+": "+typeProblem(inner))
		case interface{ Unwrap() []error }:
			for _, x := range e.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		default:
			lines = append(lines, oneLine(err))
		}
	}
	walk(err)
	slices.Sort(lines)
	return strings.Join(slices.Compact(lines), "; ")
}

// keyName is a key as the user wrote it: the variable too when the value
// came from the environment.
func keyName(key string, env func(string) string) string {
	if key == "" {
		return "config"
	}
	if name := envName(key); env(name) != "" {
		return fmt.Sprintf("%s (%s)", key, name)
	}
	return key
}

func typeProblem(err error) string {
	var pe *mapstructure.ParseError
	var ue *mapstructure.UnconvertibleTypeError
	switch {
	case errors.As(err, &pe):
		return fmt.Sprintf("want %s, got %s", wantKind(pe.Expected.Type()), gotValue(pe.Value))
	case errors.As(err, &ue):
		return fmt.Sprintf("want %s, got %s", wantKind(ue.Expected.Type()), gotValue(ue.Value))
	}
	return oneLine(err)
}

func wantKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct {
			return "a list of tables"
		}
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(wantKind(t.Elem()), "a "), "an ") + "s"
	case reflect.Struct, reflect.Map:
		return "a table"
	}
	return t.String()
}

func gotValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	}
	return fmt.Sprint(v)
}

// strictTypes refuses what mapstructure would quietly round, convert or
// wrap: 1.5 or true for an integer, a table for a list (it would make a
// list of one), a value for a list of tables or for a table.
func strictTypes(_ reflect.Type, to reflect.Type, data any) (any, error) {
	wrong := func() (any, error) { return nil, fmt.Errorf("want %s, got %s", wantKind(to), gotValue(data)) }
	switch to.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		switch v := data.(type) {
		case bool:
			return wrong()
		case float64:
			if v != math.Trunc(v) {
				return wrong()
			}
		}
	case reflect.Slice:
		kind := reflect.ValueOf(data).Kind()
		if kind == reflect.Map || (to.Elem().Kind() == reflect.Struct && kind != reflect.Slice) {
			return wrong()
		}
	case reflect.Struct:
		if reflect.ValueOf(data).Kind() != reflect.Map {
			return wrong()
		}
	}
	return data, nil
}

// envName is the environment variable of a config key.
func envName(key string) string {
	return "NEWSARC_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// unknownEnv names each NEWSARC_* variable of environ that sets nothing,
// a typo most likely, with the closest known variable when one is near.
func unknownEnv(environ []string) []string {
	known := []string{"NEWSARC_CONFIG"}
	for k := range defaults {
		known = append(known, envName(k))
	}
	slices.Sort(known)
	var out []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "NEWSARC_") || slices.Contains(known, name) {
			continue
		}
		msg := name + " names no config key; ignored"
		if c := closest(name, known); c != "" {
			msg += " (did you mean " + c + "?)"
		}
		out = append(out, msg)
	}
	return out
}

// closest is the known name within two edits of name, or the one that ends
// as name does once the prefix is dropped (NEWSARC_TIMEOUT →
// NEWSARC_CRAWL_TIMEOUT); "" when none is obvious.
func closest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(name, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return best
	}
	leaf := strings.TrimPrefix(name, "NEWSARC_")
	var ends []string
	for _, k := range known {
		if strings.HasSuffix(k, "_"+leaf) {
			ends = append(ends, k)
		}
	}
	if len(ends) == 1 {
		return ends[0]
	}
	return ""
}

// editDistance is the Levenshtein distance of two ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
