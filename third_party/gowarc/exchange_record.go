package warc

// newsarc patch: this whole file replaces writeWARCFromConnection,
// readRequest, readResponse and findEndOfHeadersOffset of dialer.go as
// served. Those dropped an exchange whole whenever it was not one clean
// HTTP message (a connection reset or timed out mid-body, a body cut at a
// size limit, garbage instead of a status line), dropped it too when the
// request's context was cancelled (every exchange in flight when a crawl
// is interrupted), and digested an interim 1xx response's empty body as the
// payload. Now every exchange that carried a request leaves its request
// record and whatever response bytes arrived, marked WARC-Truncated when
// cut, with digests of exactly what the records hold; and the writer
// reports where each record went (see Exchange).

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/newsarc/newsarc/third_party/gowarc/pkg/spooledtempfile"
)

// clientVerdictWait bounds how long a finished connection waits for its
// client to say whether it read the whole response (Exchange.ClientDone).
const clientVerdictWait = 30 * time.Second

func (d *customDialer) writeWARCFromConnection(ctx context.Context, reqPipe, respPipe *io.PipeReader, scheme string, conn net.Conn, proxied bool) {
	defer d.client.WaitGroup.Done()
	ex := exchangeFrom(ctx)

	// The feedback channel is closed unsignalled when no batch reaches the
	// writer, as gowarc as served did.
	feedbackChan, _ := ctx.Value(ContextKeyFeedback).(chan struct{})
	batchSent := false
	defer func() {
		if !batchSent && feedbackChan != nil {
			close(feedbackChan)
		}
	}()
	fail := func(err error) {
		if ex != nil {
			ex.Finish(nil, err)
		}
		d.client.ErrChan <- &Error{Err: err, Func: "writeWARCFromConnection"}
	}

	request := NewRecord(d.client.TempDir, d.client.FullOnDisk)
	response := NewRecord(d.client.TempDir, d.client.FullOnDisk)
	var reqErr, respErr error
	var wg sync.WaitGroup
	wg.Go(func() { _, reqErr = pooledCopy(request.Content, reqPipe) })
	wg.Go(func() { _, respErr = pooledCopy(response.Content, respPipe) })
	wg.Wait()
	// The client says whether it read the response to its end; until it
	// has, a connection it closed looks like one the server broke.
	if ex != nil {
		select {
		case <-ex.clientDone:
		case <-time.After(clientVerdictWait):
		}
	}

	target, err := parseRequestTargetURI(scheme, request.Content)
	if err != nil {
		request.Content.Close()
		response.Content.Close()
		if reqErr != nil {
			err = fmt.Errorf("%w (%v)", err, reqErr)
		}
		fail(fmt.Errorf("%w: %v", ErrNoRecord, err))
		return
	}
	request.Header.Set("WARC-Type", "request")
	request.Header.Set("Content-Type", "application/http; msgtype=request")
	head := requestMethod(request.Content) == http.MethodHead

	batch := NewRecordBatch(feedbackChan)
	var interim *Record
	if response.Content.Len() == 0 {
		// Nothing came back: the request alone says it was sent.
		response.Content.Close()
		response = nil
	} else {
		interim, err = d.buildResponse(response, respErr, head, ex, target)
		if err != nil {
			request.Content.Close()
			response.Content.Close()
			fail(err)
			return
		}
	}

	ids := map[*Record]string{request: uuid.NewString()}
	if response != nil {
		ids[response] = uuid.NewString()
		batch.Records = append(batch.Records, response)
	}
	batch.Records = append(batch.Records, request)
	if interim != nil {
		ids[interim] = uuid.NewString()
		batch.Records = append(batch.Records, interim)
	}
	for _, r := range batch.Records {
		if !proxied {
			if addr, ok := conn.RemoteAddr().(*net.TCPAddr); ok {
				r.Header.Set("WARC-IP-Address", addr.IP.String())
			}
		}
		r.Header.Set("WARC-Record-ID", "<urn:uuid:"+ids[r]+">")
		r.Header.Set("WARC-Target-URI", target)
		switch {
		case r == response:
			r.Header.Set("WARC-Concurrent-To", "<urn:uuid:"+ids[request]+">")
		case response != nil:
			r.Header.Set("WARC-Concurrent-To", "<urn:uuid:"+ids[response]+">")
		}
		if _, err := r.Content.Seek(0, io.SeekStart); err != nil {
			closeRecords(batch.Records)
			fail(fmt.Errorf("rewind record: %w", err))
			return
		}
		digest, err := GetDigest(r.Content, d.client.DigestAlgorithm)
		if err != nil {
			closeRecords(batch.Records)
			fail(fmt.Errorf("digest record: %w", err))
			return
		}
		r.Header.Set("WARC-Block-Digest", digest)
		r.Header.Set("Content-Length", strconv.FormatInt(r.Content.Len(), 10))
	}

	if response != nil && d.client.dedupeOptions.LocalDedupe && response.Header.Get("WARC-Type") == "response" &&
		response.Header.Get("WARC-Truncated") == "" && response.Header.Get("WARC-Payload-Digest") != "" &&
		!slices.Contains(emptyPayloadDigests, response.Header.Get("WARC-Payload-Digest")) {
		if captureTime, err := time.Parse(time.RFC3339Nano, batch.CaptureTime); err == nil {
			d.client.dedupeHashTable.Set(response.Header.Get("WARC-Payload-Digest"), revisitRecord{
				responseUUID: ids[response],
				size:         response.Content.Len(),
				targetURI:    target,
				date:         captureTime,
			})
		}
	}

	if ex != nil {
		batch.onWritten = ex.Finish
	}
	// Sent whatever the request's context says: an exchange in flight when
	// a crawl is interrupted is kept, not dropped. Close waits for it.
	d.client.WARCWriter <- batch
	batchSent = true
}

// buildResponse turns what came back on the connection into the response
// (or revisit) record, and returns a metadata record holding the interim
// 1xx responses that came before the final one, if any. It rewrites
// response.Content when the record keeps only part of what arrived.
func (d *customDialer) buildResponse(response *Record, respErr error, head bool, ex *Exchange, target string) (*Record, error) {
	content := response.Content
	total := content.Len()
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("rewind response: %w", err)
	}
	fr := frameResponse(content, total, head, d.client.DigestAlgorithm)

	truncated := ""
	if ex != nil {
		truncated = ex.truncation()
	}
	if truncated == "" && (!fr.complete || (ex == nil && respErr != nil && !errors.Is(respErr, io.EOF))) {
		truncated = TruncatedDisconnect
		var ne net.Error
		if errors.As(respErr, &ne) && ne.Timeout() {
			truncated = TruncatedTime
		}
	}
	if !fr.parsed {
		// Not an HTTP response: kept as it came, with nothing to digest.
		fr.finalStart, fr.end, fr.digest = 0, total, ""
	} else if d.client.DiscardHook != nil {
		// newsarc patch 6: the hook sees the final response, as it did in
		// readResponse; a discarded exchange leaves no record.
		msg := bufio.NewReader(io.NewSectionReader(content, fr.finalStart, fr.end-fr.finalStart))
		if resp, err := http.ReadResponse(msg, nil); err == nil {
			discarded, reason := d.client.DiscardHook(resp)
			resp.Body.Close()
			if discarded {
				return nil, &DiscardHookError{URL: target, Reason: reason}
			}
		}
	}

	var interim *Record
	if fr.finalStart > 0 {
		interim = NewRecord(d.client.TempDir, d.client.FullOnDisk)
		interim.Header.Set("WARC-Type", "metadata")
		interim.Header.Set("Content-Type", "application/http; msgtype=response")
		interim.Header.Set("WARC-Newsarc-Interim", "interim 1xx responses received before the final response")
		if _, err := io.Copy(interim.Content, io.NewSectionReader(content, 0, fr.finalStart)); err != nil {
			interim.Content.Close()
			return nil, fmt.Errorf("copy interim responses: %w", err)
		}
	}
	// Bytes past the end of the message (a body longer than its
	// Content-Length) are not part of this response: they are dropped.
	if fr.finalStart > 0 || fr.end < total {
		kept := spooledtempfile.NewSpooledTempFile("warc", d.client.TempDir, -1, d.client.FullOnDisk, d.client.MaxRAMUsageFraction)
		if _, err := io.Copy(kept, io.NewSectionReader(content, fr.finalStart, fr.end-fr.finalStart)); err != nil {
			kept.Close()
			closeInterim(interim)
			return nil, fmt.Errorf("copy response: %w", err)
		}
		content.Close()
		content = kept
		response.Content = kept
		fr.bodyStart -= fr.finalStart
		fr.end -= fr.finalStart
	}

	response.Header.Set("WARC-Type", "response")
	response.Header.Set("Content-Type", "application/http; msgtype=response")
	if fr.digest != "" {
		response.Header.Set("WARC-Payload-Digest", fr.digest)
	}
	if truncated != "" {
		response.Header.Set("WARC-Truncated", truncated)
		return interim, nil // never a revisit, never a dedupe candidate
	}

	var revisit revisitRecord
	if fr.digest != "" && fr.end-fr.bodyStart >= int64(d.client.dedupeOptions.SizeThreshold) && !slices.Contains(emptyPayloadDigests, fr.digest) {
		if d.client.dedupeOptions.LocalDedupe {
			revisit = d.checkLocalRevisit(fr.digest)
			if revisit.targetURI != "" {
				LocalDedupeTotalBytes.Add(revisit.size)
				LocalDedupeTotal.Add(1)
			}
		}
		// The totals count what came on the connection, as readResponse's
		// bytesCopied did.
		if d.client.dedupeOptions.DoppelgangerDedupe && d.client.DigestAlgorithm == SHA1 && revisit.targetURI == "" {
			revisit, _ = checkDoppelgangerRevisit(d.client.dedupeOptions.DoppelgangerHost, fr.digest, target)
			if revisit.targetURI != "" {
				DoppelgangerDedupeTotalBytes.Add(total)
				DoppelgangerDedupeTotal.Add(1)
			}
		}
		if d.client.dedupeOptions.CDXDedupe && d.client.DigestAlgorithm == SHA1 && revisit.targetURI == "" {
			revisit, _ = checkCDXRevisit(d.client.dedupeOptions.CDXURL, fr.digest, target, d.client.dedupeOptions.CDXCookie)
			if revisit.targetURI != "" {
				CDXDedupeTotalBytes.Add(total)
				CDXDedupeTotal.Add(1)
			}
		}
	}
	if revisit.targetURI == "" {
		return interim, nil
	}
	response.Header.Set("WARC-Type", "revisit")
	response.Header.Set("WARC-Refers-To-Target-URI", revisit.targetURI)
	response.Header.Set("WARC-Refers-To-Date", revisit.date.Format(time.RFC3339Nano))
	if revisit.responseUUID != "" {
		response.Header.Set("WARC-Refers-To", "<urn:uuid:"+revisit.responseUUID+">")
	}
	response.Header.Set("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")
	response.Header.Set("WARC-Truncated", "length")
	// A revisit keeps the status line and headers only.
	headers := spooledtempfile.NewSpooledTempFile("warc", d.client.TempDir, -1, d.client.FullOnDisk, d.client.MaxRAMUsageFraction)
	if _, err := io.Copy(headers, io.NewSectionReader(content, 0, fr.bodyStart)); err != nil {
		headers.Close()
		closeInterim(interim)
		return nil, fmt.Errorf("copy revisit headers: %w", err)
	}
	content.Close()
	response.Content = headers
	return interim, nil
}

func closeInterim(r *Record) {
	if r != nil {
		r.Content.Close()
	}
}

func closeRecords(records []*Record) {
	for _, r := range records {
		r.Content.Close()
	}
}

// requestMethod reads the method from a recorded request's first line.
func requestMethod(content io.ReadSeeker) string {
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	var b [16]byte
	n, _ := io.ReadFull(content, b[:])
	method, _, _ := strings.Cut(string(b[:n]), " ")
	return method
}
