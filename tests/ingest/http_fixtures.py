"""A small web site on 127.0.0.1 for the fetching, feed and page tests, and a guard on sockets.

Every page is written here; nothing is fetched from the internet. Tests that need another host
name use a stub resolver that maps it to 127.0.0.1 (or to a private address that must be refused
before any connection is made).
"""

import gzip
import http.server
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field

import pytest

ARTICLE_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Xi and Putin speak by phone | Example News</title>
<link rel="canonical" href="{base}/news/2022/06/15/xi-putin-call?utm_source=feed">
<meta property="article:published_time" content="2022-06-15T21:01:00+07:00">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Xi and Putin speak by phone",
  "datePublished": "2022-06-15T21:01:00+07:00", "dateModified": "2022-06-17T08:00:00+07:00"}}
</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Xi and Putin speak by phone</h1>
<p>Chinese President Xi Jinping and Russian President Vladimir Putin held a telephone call on Wednesday,
the Chinese foreign ministry said in a statement released in Beijing later that evening.</p>
<p>The two leaders discussed trade between their countries, which has grown this year, and the
situation in Ukraine, according to the statement. It was their second known call this year.</p>
<p>The last time the two presidents met in person was in February in Beijing, shortly before the
opening of the Winter Olympics, when they declared a partnership with no limits.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body>
</html>
"""

PATROL_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Joint bomber patrol | Example News</title>
<meta property="article:published_time" content="2022-05-24T16:30:00+07:00"></head>
<body><article><h1>Joint bomber patrol over the Sea of Japan</h1>
<p>Chinese and Russian strategic bombers flew a joint patrol over the Sea of Japan and the East China Sea
on Tuesday, the defence ministries of both countries said, as the Quad leaders met in Tokyo.</p>
<p>Japan scrambled fighter jets in response and its defence minister called the flight a provocation,
adding that Tokyo had conveyed its serious concerns to both governments through diplomatic channels.</p>
</article></body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>Example News: World</title>
<link>{base}/world</link>
<description>World news from Example News</description>
<item>
  <title>Xi and Putin speak by phone</title>
  <link>{base}/news/2022/06/15/xi-putin-call</link>
  <guid isPermaLink="false">example-1001</guid>
  <pubDate>Wed, 15 Jun 2022 14:01:00 GMT</pubDate>
  <description>&lt;p&gt;The two leaders &lt;b&gt;discussed&lt;/b&gt; trade.&lt;/p&gt;</description>
</item>
<item>
  <title>Joint bomber patrol over the Sea of Japan</title>
  <link>/news/2022/05/24/joint-patrol</link>
  <guid>{base}/news/2022/05/24/joint-patrol</guid>
  <pubDate>Tue, 24 May 2022 09:30:00 +0700</pubDate>
  <description>Bombers of both air forces flew a joint route.</description>
</item>
<item>
  <title>An item with no link is of no use to us</title>
  <description>Nothing to fetch here.</description>
</item>
</channel>
</rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:example:wire</id>
  <updated>2023-03-21T12:00:00Z</updated>
  <entry>
    <title>Talks in the Kremlin</title>
    <id>urn:example:wire:77</id>
    <link rel="alternate" href="https://wire.example/2023/03/21/kremlin-talks"/>
    <published>2023-03-21T10:15:00+03:00</published>
    <updated>2023-03-21T12:00:00Z</updated>
    <summary type="html">&lt;p&gt;The two leaders met for talks.&lt;/p&gt;</summary>
  </entry>
</feed>
"""

MALFORMED_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Broken</title>
<item><title>Never closed <link>http://broken.example/1</item>
</chan"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>laughs</title><link>http://laughs.example/1</link></item>
</channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&secret;</title>
<item><title>x</title><link>http://xxe.example/1</link></item>
</channel></rss>
"""

BOMB_SIZE = 200 * 1024 * 1024  # decoded; about 200 kB on the wire


def make_gzip_bomb(size: int = BOMB_SIZE) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b"\0" * (1024 * 1024)
    parts = [compressor.compress(block) for _ in range(size // len(block))]
    parts.append(compressor.flush())
    return b"".join(parts)


@dataclass
class LocalSite:
    """The running site: its base URL and the requests it has seen."""

    base: str
    port: int
    requests: list[dict] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: LocalSite
    bomb: bytes

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def do_GET(self):
        self.site.requests.append({"path": self.path, "headers": dict(self.headers)})
        route = self.path.split("?", 1)[0]
        if route.startswith("/redirect/"):
            return self.redirect_chain(int(route.rsplit("/", 1)[1]))
        handler = ROUTES.get(route)
        if handler is None:
            return self.send_body(404, "text/html", b"<h1>Not found</h1>")
        return handler(self)

    def send_body(self, status: int, content_type: str, body: bytes, extra: dict | None = None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def base(self) -> str:
        return self.site.base

    def redirect_chain(self, remaining: int):
        target = "/article.html" if remaining <= 0 else f"/redirect/{remaining - 1}"
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def article(self):
        self.send_body(200, "text/html; charset=utf-8", ARTICLE_HTML.format(base=self.base()).encode())

    def patrol(self):
        self.send_body(200, "text/html; charset=utf-8", PATROL_HTML.encode())

    def article_gzip(self):
        body = gzip.compress(ARTICLE_HTML.format(base=self.base()).encode())
        self.send_body(200, "text/html; charset=utf-8", body, {"Content-Encoding": "gzip"})

    def latin1(self):
        body = "<html><body><p>Kunjungan ke Moskwa: café, déjà vu</p></body></html>".encode("iso-8859-1")
        self.send_body(200, "text/html; charset=iso-8859-1", body)

    def echo(self):
        text = f"host={self.headers.get('Host')}\nagent={self.headers.get('User-Agent')}\n"
        self.send_body(200, "text/plain; charset=utf-8", text.encode())

    def feed(self):
        etag = '"feed-v1"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = RSS_FEED.format(base=self.base()).encode()
        extra = {"ETag": etag, "Last-Modified": "Wed, 15 Jun 2022 14:05:00 GMT"}
        self.send_body(200, "application/rss+xml; charset=utf-8", body, extra)

    def atom(self):
        self.send_body(200, "application/atom+xml", ATOM_FEED.encode())

    def malformed_feed(self):
        self.send_body(200, "application/rss+xml", MALFORMED_FEED.encode())

    def laughs(self):
        self.send_body(200, "application/rss+xml", BILLION_LAUGHS.encode())

    def slow(self):
        time.sleep(3)
        self.send_body(200, "text/html", b"<p>too late</p>")

    def slow_article(self):
        # Long enough for a test to kill the worker that is waiting for it.
        time.sleep(2)
        self.article()

    def trickle(self):
        # Answers at once, then sends a byte at a time: never idle long enough for a read timeout.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass
        self.close_connection = True

    def endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<p>" + b"and on " * 2000 + b"</p>\n"
        try:
            while True:
                self.wfile.write(chunk)
        except OSError:  # the client hung up: what we wanted
            pass
        self.close_connection = True

    def huge(self):
        # Says how big it is up front: refused before the body is read.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(500 * 1024 * 1024))
        self.end_headers()
        try:
            self.wfile.write(b"<p>" * 1000)
        except OSError:
            pass
        self.close_connection = True

    def bomb_page(self):
        self.send_body(200, "text/html", self.bomb, {"Content-Encoding": "gzip"})

    def image(self):
        self.send_body(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)

    def no_type(self):
        self.send_body(200, "", b"<p>what am I?</p>")

    def unavailable(self):
        self.send_body(503, "text/html", b"<p>try later</p>")

    def to_private(self):
        self.send_response(302)
        self.send_header("Location", "http://intranet.example/admin")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def to_metadata(self):
        self.send_response(301)
        self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def to_file(self):
        self.send_response(302)
        self.send_header("Location", "file:///etc/passwd")
        self.send_header("Content-Length", "0")
        self.end_headers()


ROUTES = {
    "/article.html": Handler.article,
    "/article-gzip.html": Handler.article_gzip,
    "/news/2022/06/15/xi-putin-call": Handler.article,
    "/news/2022/05/24/joint-patrol": Handler.patrol,
    "/latin1.html": Handler.latin1,
    "/echo": Handler.echo,
    "/feed.xml": Handler.feed,
    "/atom.xml": Handler.atom,
    "/malformed.xml": Handler.malformed_feed,
    "/laughs.xml": Handler.laughs,
    "/slow": Handler.slow,
    "/slow-article": Handler.slow_article,
    "/trickle": Handler.trickle,
    "/endless": Handler.endless,
    "/huge": Handler.huge,
    "/bomb": Handler.bomb_page,
    "/image.png": Handler.image,
    "/no-type": Handler.no_type,
    "/unavailable": Handler.unavailable,
    "/to-private": Handler.to_private,
    "/to-metadata": Handler.to_metadata,
    "/to-file": Handler.to_file,
}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients hanging up on the slow and endless pages is what those pages are for.
        pass


@pytest.fixture(scope="session")
def local_site():
    """The fixture site on 127.0.0.1, on a free port, for the whole test session."""
    site = LocalSite(base="", port=0)
    handler = type("SiteHandler", (Handler,), {"site": site, "bomb": make_gzip_bomb()})
    server = Server(("127.0.0.1", 0), handler)
    site.port = server.server_address[1]
    site.base = f"http://127.0.0.1:{site.port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def only_localhost(monkeypatch):
    """Fail any test that opens a connection to anything but 127.0.0.1; list what was attempted."""
    attempted: list = []
    original = socket.socket.connect

    def guarded_connect(sock, address):
        attempted.append(address)
        host = address[0] if isinstance(address, tuple) else address
        if host != "127.0.0.1":
            raise AssertionError(f"a test tried to connect to {address}")
        return original(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    return attempted


def stub_resolver(table: dict[str, list[str]]):
    """A resolver that knows only the given names and records what it was asked."""
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        if host not in table:
            raise AssertionError(f"the stub resolver was asked about {host!r}")
        return table[host]

    resolve.asked = asked
    return resolve


@pytest.fixture(scope="session")
def tls_site(tmp_path_factory):
    """The same site over HTTPS on 127.0.0.1, with a self-signed certificate for secure.example only."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("the TLS test makes its certificate with the openssl command, which is absent")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=secure.example",
         "-addext", "subjectAltName=DNS:secure.example", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = LocalSite(base="", port=0)
    handler = type("TlsHandler", (Handler,), {"site": site, "bomb": b""})
    server = Server(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    site.port = server.server_address[1]
    site.base = f"https://secure.example:{site.port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, ssl.create_default_context(cafile=str(cert))
    server.shutdown()
    server.server_close()
