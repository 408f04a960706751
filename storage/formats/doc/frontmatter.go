package doc

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/saywho-app/saywho/storage"
	"gopkg.in/yaml.v3"
)

// frontMatter reads YAML front matter (between "---" lines at the very
// start) into d's title, byline and date, and returns src without it.
// Anything that does not parse as a YAML mapping is left as Markdown.
func frontMatter(src []byte, d *storage.Document) []byte {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return src
	}
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 || end > 64<<10 {
		return src
	}
	var meta map[string]any
	if err := yaml.Unmarshal(rest[:end+1], &meta); err != nil || meta == nil {
		return src
	}
	d.Title = scalar(meta["title"])
	d.Byline = scalar(first(meta, "author", "authors", "byline"))
	d.Published = scalar(first(meta, "date", "published"))
	d.Outlet = scalar(first(meta, "outlet", "publisher", "site_name"))
	d.URL = scalar(first(meta, "url", "canonical_url", "source"))
	return rest[end+len("\n---\n"):]
}

// first returns the value of the first key of meta that is set.
func first(meta map[string]any, keys ...string) any {
	for _, k := range keys {
		if v, ok := meta[k]; ok {
			return v
		}
	}
	return nil
}

// scalar renders a YAML value as text: lists joined with commas, dates as
// YYYY-MM-DD, mappings dropped.
func scalar(v any) string {
	switch v := v.(type) {
	case nil, map[string]any:
		return ""
	case string:
		return v
	case time.Time:
		return v.Format(time.DateOnly)
	case []any:
		parts := make([]string, 0, len(v))
		for _, x := range v {
			if s := scalar(x); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}
