package desktop

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// maxChartImage bounds what the UI may ask to write: a 365×24 heat map at 3× is a few MB.
const maxChartImage = 64 << 20

// chartFormats maps the media types a chart export may carry to the file extension.
var chartFormats = map[string]string{"image/png": ".png", "image/svg+xml": ".svg"}

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// decodeChartImage reads a data URL (base64 or percent-encoded) of a PNG or SVG image and
// returns the bytes and the extension; it checks that the bytes are what the URL says.
func decodeChartImage(dataURL string) ([]byte, string, error) {
	rest, ok := strings.CutPrefix(dataURL, "data:")
	if !ok {
		return nil, "", errors.New("chart image: not a data URL")
	}
	meta, payload, ok := strings.Cut(rest, ",")
	if !ok {
		return nil, "", errors.New("chart image: data URL without data")
	}
	params := strings.Split(meta, ";")
	ext, ok := chartFormats[strings.ToLower(params[0])]
	if !ok {
		return nil, "", fmt.Errorf("chart image: %q is neither PNG nor SVG", params[0])
	}
	if len(payload) > maxChartImage*4/3+4 {
		return nil, "", fmt.Errorf("chart image: larger than %d MB", maxChartImage>>20)
	}
	var data []byte
	var err error
	if strings.EqualFold(params[len(params)-1], "base64") {
		data, err = base64.StdEncoding.DecodeString(payload)
	} else {
		var s string
		s, err = url.PathUnescape(payload)
		data = []byte(s)
	}
	if err != nil {
		return nil, "", fmt.Errorf("chart image: %w", err)
	}
	switch ext {
	case ".png":
		if !bytes.HasPrefix(data, pngMagic) {
			return nil, "", errors.New("chart image: the data is not a PNG")
		}
	case ".svg":
		if !bytes.Contains(data[:min(len(data), 1024)], []byte("<svg")) {
			return nil, "", errors.New("chart image: the data is not an SVG")
		}
	}
	return data, ext, nil
}

// WriteChartImage writes a chart exported by the UI (a PNG or SVG data URL) to path, adding
// the format's extension when the path has another one. It returns the path written.
func WriteChartImage(path, dataURL string) (string, error) {
	data, ext, err := decodeChartImage(dataURL)
	if err != nil {
		return "", err
	}
	if !strings.EqualFold(filepath.Ext(path), ext) {
		path += ext
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", fmt.Errorf("save chart %s: %w", path, err)
	}
	return path, nil
}
