package archive

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	warc "github.com/newsarc/newsarc/third_party/gowarc"
)

// scanPlain reads uncompressed records, calling add with each one's header and offset, and returns the offset after the last complete record.
func scanPlain(f io.Reader, off int64, add func(warc.Header, int64)) int64 {
	br := bufio.NewReader(f)
	for {
		start := off
		pos := off
		line, err := br.ReadString('\n')
		if err != nil || !strings.HasPrefix(line, "WARC/") {
			return start
		}
		pos += int64(len(line))
		h := warc.NewHeader()
		for {
			line, err = br.ReadString('\n')
			if err != nil {
				return start
			}
			pos += int64(len(line))
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if k, v, ok := strings.Cut(line, ":"); ok {
				h.Set(strings.TrimSpace(k), strings.TrimSpace(v))
			}
		}
		n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
		if err != nil {
			return start
		}
		if _, err := br.Discard(int(n) + 4); err != nil {
			return start
		}
		pos += n + 4
		add(h, start)
		off = pos
	}
}
