package warc

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

// generateWARCFilename generate a WARC file name following recommendations of the specs:
// Prefix-Timestamp-Serial-Crawlhost.warc.gz
//
// newsarc patch: the timestamp's milliseconds are zero-padded, so names
// sort by time (gowarc as served took the first three digits of the
// nanoseconds: "5" ms gave "500", and fewer than 100 ns panicked), and
// errors are returned instead of panicked.
func generateWARCFilename(prefix string, compression compressionType, serial *atomic.Uint64) (string, error) {
	var filename strings.Builder

	filename.WriteString(prefix)
	filename.WriteString("-")

	now := time.Now().UTC()
	filename.WriteString(now.Format("20060102150405"))
	filename.WriteString(fmt.Sprintf("%03d", now.Nanosecond()/int(time.Millisecond)))
	filename.WriteString("-")

	var newSerial uint64
	for {
		oldSerial := serial.Load()
		if oldSerial >= 99999 {
			if serial.CompareAndSwap(oldSerial, 1) {
				newSerial = 1
				break
			}
		} else {
			if serial.CompareAndSwap(oldSerial, oldSerial+1) {
				newSerial = oldSerial + 1
				break
			}
		}
	}
	filename.WriteString(formatSerial(newSerial, "5"))
	filename.WriteString("-")

	hostName, err := os.Hostname()
	if err != nil {
		return "", fmt.Errorf("warc file name: %w", err)
	}
	filename.WriteString(hostName)

	var fileExt string
	switch compression {
	case CompressionGzip:
		fileExt = ".warc.gz.open"
	case CompressionZstd:
		fileExt = ".warc.zst.open"
	case CompressionNone:
		fileExt = ".warc.open"
	default:
		return "", fmt.Errorf("invalid compression algorithm: %v", compression)
	}

	filename.WriteString(fileExt)

	return filename.String(), nil
}

// formatSerial add the correct padding to the serial
// E.g. with serial = 23 and format = 5:
// formatSerial return 00023
func formatSerial(serial uint64, format string) string {
	return fmt.Sprintf("%0"+format+"d", serial)
}
