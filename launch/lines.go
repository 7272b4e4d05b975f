package launch

import (
	"bufio"
	"io"
)

// MaxLineBytes bounds one output line: a runaway program printing without newlines must not
// grow the app's memory. Longer lines are cut; the rest of the line is read and dropped.
const MaxLineBytes = 64 * 1024

// readLines calls onLine for every line of r (without its line ending), cut at MaxLineBytes.
// With no onLine it only drains r.
func readLines(r io.Reader, onLine func(string)) {
	if onLine == nil {
		io.Copy(io.Discard, r)
		return
	}
	br := bufio.NewReaderSize(r, MaxLineBytes)
	var buf []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(chunk) > 0 && len(buf) < MaxLineBytes {
			buf = append(buf, chunk[:min(len(chunk), MaxLineBytes-len(buf))]...)
		}
		if err != nil {
			if len(buf) > 0 {
				onLine(string(buf))
			}
			return
		}
		if !isPrefix {
			onLine(string(buf))
			buf = buf[:0]
		}
	}
}

// limitedBuffer keeps the first limit bytes written to it and accepts (drops) the rest.
type limitedBuffer struct {
	data  []byte
	limit int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.limit - len(b.data); room > 0 {
		b.data = append(b.data, p[:min(room, len(p))]...)
	}
	return len(p), nil
}
