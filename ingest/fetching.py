"""Fetch one web page or feed, safely, for a URL a user gave us.

The URL is untrusted: it may point at the machine itself, at the cloud metadata service or at
a host on the private network (SSRF), answer slowly, send an endless body or a gzip bomb. So:

* only http and https, no credentials in the URL;
* each hop's host is resolved once, every address checked, and the connection goes to the
  checked address (the Host header, TLS SNI and certificate check keep the hostname), so DNS
  cannot answer differently between the check and the connection;
* redirects are followed by hand, at most five, each hop checked again;
* the body is decoded here, chunk by chunk, and refused as soon as it passes the size cap;
* connect, read and overall time limits; only HTML, plain text and XML feeds are accepted.

FetchRefused means the URL or its answer breaks a rule or is final (never retried);
FetchFailed means the network or the server let us down (worth retrying later).
"""

import codecs
import ipaddress
import re
import socket
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

USER_AGENT = "Linimasa/0.1 (+https://github.com/linimasa)"

# What we know how to read: web pages, plain text and RSS/Atom feeds.
ACCEPTED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Answers that may be different a little later; any other 4xx is the server's final word.
RETRYABLE_STATUSES = frozenset({408, 425, 429})

Resolver = Callable[[str, int], Iterable[str]]


class FetchError(Exception):
    """A URL could not be fetched; the message is meant for a curator."""


class FetchRefused(FetchError):
    """The URL or the answer breaks a rule, or the answer is final: do not retry."""


class FetchFailed(FetchError):
    """A network fault or a server error: retrying later may work."""


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    # Over the whole fetch, redirects included: a server trickling one byte every few seconds
    # never trips the read timeout.
    total_timeout: float = 45.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5


@dataclass(frozen=True)
class FetchResult:
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    text: str
    content_type: str
    etag: str | None = None
    last_modified: str | None = None
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def resolve_host(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for a host name."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed(f"the host name {host!r} could not be resolved ({exc})") from exc
    return list(dict.fromkeys(info[4][0] for info in infos))


def fetch_url(
    url: str,
    *,
    allow_loopback: bool = False,
    resolver: Resolver | None = None,
    limits: FetchLimits | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    accepted_types: frozenset[str] = ACCEPTED_TYPES,
    verify: object = True,
) -> FetchResult:
    """GET a URL under the rules above; a conditional GET when etag or last_modified is given."""
    limits = limits or FetchLimits()
    resolver = resolver or resolve_host
    deadline = time.monotonic() + limits.total_timeout
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
        "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
        # Only encodings we decode ourselves, under the size cap.
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    redirects: list[str] = []
    # trust_env=False: a proxy from the environment would connect to the hostname, not the checked address.
    with httpx.Client(timeout=timeout, trust_env=False, follow_redirects=False, verify=verify) as client:
        current = url
        while True:
            target = check_url(current, allow_loopback=allow_loopback, resolver=resolver)
            response = send_pinned(client, target, headers, deadline, limits)
            if response.status in REDIRECT_STATUSES and response.location is not None:
                if len(redirects) >= limits.max_redirects:
                    raise FetchRefused(f"more than {limits.max_redirects} redirects, starting at {url}")
                redirects.append(current)
                current = urljoin(current, response.location)
                continue
            break
    return finish(current, response, accepted_types, redirects)


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (address) and what to ask for (hostname, path)."""

    url: str
    scheme: str
    hostname: str
    port: int
    address: str
    path: str


def check_url(url: str, *, allow_loopback: bool = False, resolver: Resolver | None = None) -> Target:
    """Refuse a URL we must not fetch; otherwise the one public address to connect to."""
    if not isinstance(url, str) or not url.strip():
        raise FetchRefused("the URL is empty")
    url = url.strip()
    if any(ord(c) < 33 for c in url):
        raise FetchRefused(f"the URL contains spaces or control characters: {url!r}")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(f"the URL cannot be read: {url!r} ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not {scheme or 'a URL without a scheme'}: {url}")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise FetchRefused(f"URLs with a user name or password are not fetched: {redact(url)}")
    hostname = (parts.hostname or "").rstrip(".")
    if not hostname:
        raise FetchRefused(f"the URL has no host: {url}")
    port = port or (443 if scheme == "https" else 80)
    literal = parse_ip_literal(hostname)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            hostname = hostname.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise FetchRefused(f"the host name {hostname!r} is not valid") from exc
        addresses = [ip_or_none(a) for a in (resolver or resolve_host)(hostname, port)]
        if not addresses:
            raise FetchFailed(f"the host name {hostname!r} has no address")
        if None in addresses:
            raise FetchRefused(f"the resolver gave something that is not an address for {hostname!r}")
    # Every address must be allowed: a name that also points inside would be a way in.
    for address in addresses:
        reason = refusal_reason(address, allow_loopback=allow_loopback)
        if reason:
            raise FetchRefused(f"{hostname} resolves to {address}, {reason}; it is not fetched")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(url=url, scheme=scheme, hostname=hostname, port=port, address=str(addresses[0]), path=path)


_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$", re.IGNORECASE)


def parse_ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address written in the URL, in any spelling the C library would accept (127.1, 0x7f.1, 2130706433)."""
    host = host.strip("[]")
    address = ip_or_none(host)
    if address is not None:
        return address
    if _NUMERIC_HOST.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            # Not a valid address (e.g. 999.1): no resolver would give it one either.
            raise FetchRefused(f"the host {host!r} looks like a number but is not a valid address") from None
    return None


def ip_or_none(text) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(str(text).split("%", 1)[0])
    except ValueError:
        return None


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Special-purpose ranges (IANA registries), named here too: the ipaddress module's view of them
# changes between Python releases.
_NOT_PUBLIC = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "100.64.0.0/10",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "240.0.0.0/4",
        "100::/64",
        "2001::/23",
        "2001:db8::/32",
        "64:ff9b:1::/48",
        "fc00::/7",
        "fec0::/10",
    )
)


def refusal_reason(address, *, allow_loopback: bool = False) -> str | None:
    """Why an address is not public (None when it is)."""
    if isinstance(address, ipaddress.IPv6Address):
        # Forms that carry an IPv4 address inside: judge the address they lead to.
        embedded = (
            address.ipv4_mapped
            or address.sixtofour
            or (ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in _NAT64 else None)
        )
        if embedded is not None:
            inner = refusal_reason(embedded, allow_loopback=allow_loopback)
            return f"which carries {embedded}, {inner}" if inner else None
        if address.teredo:
            return "a Teredo tunnel address"
    if address.is_loopback:
        return None if allow_loopback else "a loopback address"
    if address.is_unspecified:
        return "the unspecified address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_private:
        return "a private address"
    if address.is_reserved:
        return "a reserved address"
    if not address.is_global or any(address in network for network in _NOT_PUBLIC):
        return "not a public address"
    return None


@dataclass
class RawResponse:
    status: int
    reason: str
    headers: httpx.Headers
    body: bytes
    location: str | None


def send_pinned(
    client: httpx.Client, target: Target, headers: dict[str, str], deadline: float, limits: FetchLimits
) -> RawResponse:
    """One GET to the checked address, as if to the hostname."""
    host_in_url = f"[{target.address}]" if ":" in target.address else target.address
    default_port = 443 if target.scheme == "https" else 80
    pinned_url = f"{target.scheme}://{host_in_url}:{target.port}{target.path}"
    host_header = target.hostname if target.port == default_port else f"{target.hostname}:{target.port}"
    if ":" in target.hostname:  # an IPv6 literal keeps its brackets in the Host header
        host_header = host_header.replace(target.hostname, f"[{target.hostname}]", 1)
    extensions = {"sni_hostname": target.hostname} if target.scheme == "https" else {}
    request = client.build_request("GET", pinned_url, headers={**headers, "Host": host_header}, extensions=extensions)
    if time.monotonic() > deadline:
        raise FetchFailed(f"{target.url} took longer than {limits.total_timeout:g} s")
    try:
        response = client.send(request, stream=True)
    except httpx.TimeoutException as exc:
        raise FetchFailed(f"{target.url} did not answer in time ({type(exc).__name__})") from exc
    except httpx.HTTPError as exc:
        raise FetchFailed(f"{target.url} could not be reached: {exc or type(exc).__name__}") from exc
    try:
        if response.status_code in REDIRECT_STATUSES:
            return RawResponse(
                response.status_code, response.reason_phrase, response.headers, b"", response.headers.get("location")
            )
        check_declared_size(response, target, limits)
        body = read_body(response, target, deadline, limits)
    finally:
        response.close()
    return RawResponse(response.status_code, response.reason_phrase, response.headers, body, None)


def check_declared_size(response: httpx.Response, target: Target, limits: FetchLimits) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes and not content_encoding(response):
        raise FetchRefused(f"{target.url} is {int(declared):,} bytes, more than the {limits.max_bytes:,} allowed")


def content_encoding(response: httpx.Response) -> str:
    return response.headers.get("content-encoding", "").strip().lower()


def read_body(response: httpx.Response, target: Target, deadline: float, limits: FetchLimits) -> bytes:
    """The decoded body, refused the moment it passes the cap (a 10 kB gzip bomb never reaches memory whole)."""
    encoding = content_encoding(response)
    if encoding in ("", "identity"):
        decoder = None
    elif encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
    elif encoding == "deflate":
        decoder = DeflateDecoder()
    else:
        raise FetchRefused(f"{target.url} is sent with the encoding {encoding!r}, which is not read")
    too_big = f"{target.url} is larger than the {limits.max_bytes:,} bytes allowed"
    chunks: list[bytes] = []
    size = 0
    try:
        # No chunk_size: httpx would gather 16 kB before yielding, and a trickle would escape the deadline.
        for raw in response.iter_raw():
            if time.monotonic() > deadline:
                raise FetchFailed(f"{target.url} took longer than {limits.total_timeout:g} s to send")
            if decoder is None:
                pieces = [raw]
            else:
                pieces = inflate(decoder, raw, limits.max_bytes - size + 1)
            for piece in pieces:
                size += len(piece)
                if size > limits.max_bytes:
                    raise FetchRefused(too_big)
                chunks.append(piece)
    except httpx.TimeoutException as exc:
        raise FetchFailed(f"{target.url} stopped sending ({type(exc).__name__})") from exc
    except httpx.HTTPError as exc:
        raise FetchFailed(f"{target.url} broke off: {exc or type(exc).__name__}") from exc
    except zlib.error as exc:
        raise FetchFailed(f"{target.url} sent a corrupt {encoding} body ({exc})") from exc
    return b"".join(chunks)


def inflate(decoder, data: bytes, budget: int) -> list[bytes]:
    """Decompress without ever producing more than the budget at once."""
    pieces = []
    while data and budget > 0:
        piece = decoder.decompress(data, budget)
        pieces.append(piece)
        budget -= len(piece)
        # Input is left over only when the budget was spent: the caller then sees the overflow.
        data = decoder.unconsumed_tail
    return pieces


class DeflateDecoder:
    """HTTP 'deflate' is zlib-wrapped by the standard and raw deflate by some servers."""

    def __init__(self):
        self.decoder = zlib.decompressobj()
        self.started = False

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if not self.started:
            self.started = True
            try:
                return self.decoder.decompress(data, max_length)
            except zlib.error:
                self.decoder = zlib.decompressobj(-zlib.MAX_WBITS)
        return self.decoder.decompress(data, max_length)

    @property
    def unconsumed_tail(self) -> bytes:
        return self.decoder.unconsumed_tail


def finish(url: str, response: RawResponse, accepted_types: frozenset[str], redirects: list[str]) -> FetchResult:
    status = response.status
    if status in REDIRECT_STATUSES:
        raise FetchRefused(f"{url} redirects without saying where (status {status})")
    if status >= 500 or status in RETRYABLE_STATUSES:
        raise FetchFailed(f"{url} answered {status} {response.reason}".rstrip())
    if status >= 400:
        raise FetchRefused(f"{url} answered {status} {response.reason}".rstrip())
    headers = dict(response.headers)
    content_type, charset = split_content_type(response.headers.get("content-type", ""))
    if status != 304:
        if not content_type:
            raise FetchRefused(f"{url} does not say what it sends (no Content-Type)")
        if content_type not in accepted_types:
            raise FetchRefused(f"{url} sends {content_type}, not a web page, text or feed")
    return FetchResult(
        final_url=url,
        status=status,
        headers=headers,
        content=response.body,
        text=decode_text(response.body, charset, content_type),
        content_type=content_type,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        redirects=redirects,
    )


def split_content_type(value: str) -> tuple[str, str | None]:
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower(), charset


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def decode_text(content: bytes, charset: str | None, content_type: str = "") -> str:
    """Text by the declared charset, else the page's own declaration, else UTF-8 or Windows-1252."""
    if not content:
        return ""
    candidates = []
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            candidates.append(name)
    if charset:
        candidates.append(charset)
    head = content[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found:
            candidates.append(found.group(1).decode("ascii"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            codec = codecs.lookup(name)
        except LookupError:
            continue
        try:
            return content.decode(codec.name)
        except UnicodeDecodeError:
            continue
    # Web pages that say nothing and are not UTF-8 are nearly always Windows-1252.
    return content.decode("cp1252", errors="replace")


def redact(url: str) -> str:
    """The URL without its user name and password, for messages."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return parts._replace(netloc=netloc).geturl()
