package doc

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// page is an invented news page: article with chrome around it.
func page(head, article string) string {
	return `<!DOCTYPE html><html lang="en"><head>` + head + `</head><body>
<header><a href="/">The Daily</a></header>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>` + article + `</article></main>
<aside>Most read: celebrity gossip</aside>
<footer>© The Daily. Cookie settings.</footer>
<script>document.write("tracker")</script></body></html>`
}

// paras is invented article text, long enough for readability.
const paras = `<h1>Talks resume in Geneva</h1>
<p class="byline">By <span>Ann Reporter</span></p>
<p>The foreign minister said on Monday that negotiations would resume next week in Geneva, after a pause of several months that had worried diplomats across the region.</p>
<p>“We are ready to talk,” she told reporters outside the ministry. Officials from both delegations are expected to attend, although no date has been fixed for a first plenary session.</p>
<p>Critics were unconvinced. “Words are cheap,” an opposition lawmaker said, adding that previous rounds had produced little beyond photographs and communiqués.</p>`

func TestReadHTML(t *testing.T) {
	head := `<meta charset="utf-8"><title>Talks resume in Geneva – The Daily</title>
<meta property="og:site_name" content="The Daily"><meta property="og:url" content="https://daily.example/og">
<link rel="Canonical" href="https://daily.example/world/talks"><meta name="author" content="Ann Reporter">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00"><style>p{color:red}</style>`
	full := want{
		title: "Talks resume in Geneva", format: "html", outlet: "The Daily", byline: "Ann Reporter", published: "2024-03-05",
		url:      "https://daily.example/world/talks",
		contains: []string{"negotiations would resume next week in Geneva, after", "\n\n“We are ready to talk,” she told", "communiqués."},
		absent:   []string{"World", "Sport", "Cookie", "celebrity", "tracker", "color:red"},
	}
	latin1 := strings.ReplaceAll(page(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Caf`+"\xe9"+` talks</title>`, paras), "communiqués", "communiqu\xe9s")
	runReadCases(t, []readCase{
		{"article.html", []byte(page(head, paras)), full},
		{"og-url.htm", []byte(page(`<meta property="og:url" content="https://daily.example/og">`, paras)), want{url: "https://daily.example/og", contains: full.contains}},
		{"utf16.html", utf16(page(head, paras), false, true), want{outlet: "The Daily", contains: full.contains, notice: "UTF-16LE"}},
		{"latin1.html", []byte(latin1), want{title: "Café talks", contains: []string{"communiqués."}, notice: "windows-1252"}},
		{"sniffed.txt", []byte("<?xml version=\"1.0\"?>\n<!-- saved page -->\n" + page("<title>Sniffed</title>", paras)), want{format: "html", title: "Sniffed", contains: full.contains}},
		{"tiny.html", []byte(`<html><body><nav>Menu</nav><p>Only one short line.</p></body></html>`),
			want{text: "Only one short line.", title: "Only one short line."}},
		{"fragment.xhtml", []byte(`<div><p>First.</p><p hidden>Hidden.</p><p style="display: none">Gone.</p><p>Second.</p><script>x()</script></div>`),
			want{format: "html", text: "First.\n\nSecond."}},
	})
}

// failingTransport fails the test on any HTTP request.
type failingTransport struct{ t *testing.T }

func (f failingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	f.t.Errorf("an HTTP request was made: %s %s", r.Method, r.URL)
	return nil, fmt.Errorf("network access is not allowed in this test")
}

func TestHTMLFetchesNothing(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "<p>remote content</p>")
	}))
	defer srv.Close()
	saved := http.DefaultTransport
	http.DefaultTransport = failingTransport{t}
	defer func() { http.DefaultTransport = saved }()

	u := srv.URL
	head := `<title>Remote</title><link rel="stylesheet" href="` + u + `/s.css"><script src="` + u + `/a.js"></script>
<link rel="import" href="` + u + `/imp.html"><meta http-equiv="refresh" content="0; url=` + u + `/r">`
	body := paras + `<img src="` + u + `/p.png" srcset="` + u + `/p2.png 2x"><iframe src="` + u + `/frame"></iframe>
<video src="` + u + `/v.mp4" poster="` + u + `/poster.jpg"></video><object data="` + u + `/o.swf"></object>
<p style="background:url(` + u + `/bg.png)">Styled.</p><script src="//` + strings.TrimPrefix(u, "http://") + `/proto.js"></script>`
	res, err := Read("remote.html", []byte(page(head, body)))
	if err != nil {
		t.Fatal(err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the local server was hit %d times", n)
	}
	if strings.Contains(res.Doc.Text, "remote content") {
		t.Errorf("remote content was fetched into the text: %q", res.Doc.Text)
	}
	if !strings.Contains(res.Doc.Text, "We are ready to talk") {
		t.Errorf("article text missing: %q", res.Doc.Text)
	}
}
