package maintext

import "strings"

// mapped is one paragraph of go-trafilatura's output with the page blocks
// it was read from.
type mapped struct {
	text   string // go-trafilatura's text of the paragraph
	blocks []int  // indexes into the page's blocks; nil when not found
	whole  bool   // blocks hold exactly the paragraph's text, no more, no less
}

// maxSkip bounds the blocks passed over inside one paragraph: go-trafilatura
// drops elements (a caption, an ad) between two texts it glues together.
const maxSkip = 40

// align finds the page blocks of each paragraph: the blocks whose texts,
// one after the other, are the paragraph's (whole), else the block holding
// it (part). Search starts after the previous paragraph's blocks, since
// go-trafilatura keeps the page's order.
func align(src []srcBlock, paras []string) []mapped {
	byKey := map[string][]int{}
	for i, b := range src {
		byKey[b.key] = append(byKey[b.key], i)
	}
	out := make([]mapped, 0, len(paras))
	cur := 0
	for _, p := range paras {
		m := mapped{text: p}
		key := compactKey(p)
		switch {
		case key == "":
		case len(byKey[key]) > 0:
			j := nearest(byKey[key], cur)
			m.blocks, m.whole = []int{j}, true
		default:
			if bs := concatFrom(src, key, cur); bs != nil {
				m.blocks, m.whole = bs, true
			} else if j := containing(src, key, cur); j >= 0 {
				m.blocks = []int{j}
			} else if bs := spread(src, key); bs != nil {
				m.blocks, m.whole = bs, true
			}
		}
		if len(m.blocks) > 0 {
			cur = m.blocks[len(m.blocks)-1] + 1
		}
		out = append(out, m)
	}
	return out
}

// nearest returns the first index at or after cur, else the last before it.
func nearest(idx []int, cur int) int {
	for _, i := range idx {
		if i >= cur {
			return i
		}
	}
	return idx[len(idx)-1]
}

// concatFrom finds consecutive blocks (up to maxSkip blocks passed over
// between two of them) whose keys make up key, trying starts from cur on,
// then before it.
func concatFrom(src []srcBlock, key string, cur int) []int {
	try := func(j int) []int {
		if src[j].key == "" || !strings.HasPrefix(key, src[j].key) {
			return nil
		}
		bs := []int{j}
		pos := len(src[j].key)
		k := j + 1
		for pos < len(key) {
			rest := key[pos:]
			found := -1
			for s := k; s < len(src) && s <= k+maxSkip; s++ {
				if kk := src[s].key; strings.HasPrefix(rest, kk) && (len(kk) >= 8 || len(kk) == len(rest) || s == k) {
					found = s
					break
				}
			}
			if found < 0 {
				return nil
			}
			bs = append(bs, found)
			pos += len(src[found].key)
			k = found + 1
		}
		return bs
	}
	for j := cur; j < len(src); j++ {
		if bs := try(j); bs != nil {
			return bs
		}
	}
	for j := 0; j < cur && j < len(src); j++ {
		if bs := try(j); bs != nil {
			return bs
		}
	}
	return nil
}

// containing returns the first block from cur on (else before it) whose
// text holds key, or -1.
func containing(src []srcBlock, key string, cur int) int {
	for j := cur; j < len(src); j++ {
		if strings.Contains(src[j].key, key) {
			return j
		}
	}
	for j := 0; j < cur && j < len(src); j++ {
		if strings.Contains(src[j].key, key) {
			return j
		}
	}
	return -1
}

// minSpread is the length of a paragraph read as a dump of the page's text
// (go-trafilatura's last resort when it finds no article): its blocks are
// found one after the other, with the text of form controls and the like
// between them.
const minSpread = 1000

// spread finds, in order, the blocks whose text appears in a dump of the
// page's text; nil unless they cover most of it.
func spread(src []srcBlock, key string) []int {
	if len(key) < minSpread {
		return nil
	}
	var bs []int
	pos, covered := 0, 0
	for j := range src {
		k := src[j].all
		if len(k) < 4 {
			continue
		}
		window := key[pos:min(len(key), pos+len(k)+200)]
		if i := strings.Index(window, k); i >= 0 {
			bs = append(bs, j)
			pos += i + len(k)
			covered += len(k)
		}
	}
	if 10*covered < 8*len(key) {
		return nil
	}
	return bs
}
