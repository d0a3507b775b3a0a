package warc

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"hash"
	"io"

	"github.com/zeebo/blake3"
)

type DigestAlgorithm int

const (
	SHA1 DigestAlgorithm = iota
	// According to IIPC, lowercase base 16 is the "popular" encoding for SHA256
	SHA256Base16
	SHA256Base32
	BLAKE3
)

var ErrUnknownDigestAlgorithm = errors.New("unknown digest algorithm")

func IsDigestSupported(algorithm string) bool {
	switch algorithm {
	case "sha1", "sha-1", "sha256", "sha-256", "blake3":
		return true
	default:
		return false
	}
}

func GetDigestFromPrefix(prefix string) DigestAlgorithm {
	switch prefix {
	case "sha1", "sha-1":
		return SHA1
	case "sha256", "sha-256":
		return SHA256Base16
	case "blake3":
		return BLAKE3
	default:
		return -1
	}
}

func GetDigest(r io.Reader, digestAlgorithm DigestAlgorithm) (string, error) {
	h, format, ok := digestFuncs(digestAlgorithm)
	if !ok {
		return "", ErrUnknownDigestAlgorithm
	}
	if _, err := pooledCopy(h, r); err != nil { // newsarc patch: pooled buffer
		return "", err
	}
	return format(h.Sum(nil)), nil
}

// digestFuncs returns a hash for the algorithm and the function that
// formats its sum as a labelled WARC digest ("sha1:…"). newsarc patch: split
// out of GetDigest so that frameResponse can hash a payload as it parses it.
func digestFuncs(digestAlgorithm DigestAlgorithm) (hash.Hash, func([]byte) string, bool) {
	label := func(prefix string, enc func([]byte) string) func([]byte) string {
		return func(b []byte) string { return prefix + enc(b) }
	}
	switch digestAlgorithm {
	case SHA1:
		return sha1.New(), label("sha1:", base32.StdEncoding.EncodeToString), true
	case SHA256Base16:
		return sha256.New(), label("sha256:", hex.EncodeToString), true
	case SHA256Base32:
		return sha256.New(), label("sha256:", base32.StdEncoding.EncodeToString), true
	case BLAKE3:
		return blake3.New(), label("blake3:", hex.EncodeToString), true
	}
	return nil, nil, false
}
