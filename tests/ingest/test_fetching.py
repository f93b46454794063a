"""Fetching untrusted URLs: the SSRF guard, limits and redirects, against a site on 127.0.0.1 only."""

import socket
import time
import tracemalloc

import pytest

from ingest.fetching import (
    USER_AGENT,
    FetchFailed,
    FetchLimits,
    FetchRefused,
    check_url,
    decode_text,
    fetch_url,
)
from tests.ingest.http_fixtures import stub_resolver

FAST = FetchLimits(connect_timeout=1, read_timeout=0.5, total_timeout=5, max_bytes=1_000_000)


def no_dns(host, port):
    raise AssertionError(f"an address literal must not be looked up ({host})")


class TestCheckUrl:
    @pytest.mark.parametrize(
        "url",
        [
            "http://127.0.0.1/",
            "http://127.1/",
            "http://0x7f.1/",
            "http://0x7f000001/",
            "http://2130706433/",
            "http://017700000001/",
            "http://0177.0.0.1/",
            "http://127.255.255.254:8080/",
            "http://[::1]/",
            "http://[0:0:0:0:0:0:0:1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/",
            "http://[2002:7f00:1::]/",
            "http://[64:ff9b::7f00:1]/",
        ],
    )
    def test_it_refuses_loopback_in_every_spelling(self, url):
        with pytest.raises(FetchRefused, match="loopback"):
            check_url(url, resolver=no_dns)

    @pytest.mark.parametrize(
        "url",
        [
            "http://10.0.0.1/",
            "http://172.16.5.4/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://100.127.255.254/",
            "http://224.0.0.1/",
            "http://239.255.255.250/",
            "http://240.0.0.1/",
            "http://255.255.255.255/",
            "http://0.0.0.0/",
            "http://0/",
            "http://198.18.0.1/",
            "http://192.0.0.8/",
            "http://[::]/",
            "http://[fe80::1]/",
            "http://[fc00::1]/",
            "http://[fd12:3456::1]/",
            "http://[ff02::1]/",
            "http://[::ffff:10.0.0.1]/",
            "http://[::ffff:169.254.169.254]/",
            "http://[2002:a00:1::]/",
            "http://[2002:c0a8:101::1]/",
            "http://[64:ff9b::a00:1]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "http://[2001:db8::1]/",
        ],
    )
    def test_it_refuses_addresses_that_are_not_public(self, url):
        with pytest.raises(FetchRefused, match="not fetched"):
            check_url(url, resolver=no_dns)

    @pytest.mark.parametrize(
        "url",
        [
            "http://93.184.216.34/",
            "https://[2606:4700::1111]/x",
            "http://[64:ff9b::808:808]/",
            "http://[2002:808:808::]/",
        ],
    )
    def test_it_lets_public_addresses_through(self, url):
        assert check_url(url, resolver=no_dns).address

    @pytest.mark.parametrize(
        "url", ["ftp://example.com/a", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)", "//x.com/"]
    )
    def test_it_refuses_schemes_other_than_http(self, url):
        with pytest.raises(FetchRefused, match="only http and https"):
            check_url(url, resolver=no_dns)

    @pytest.mark.parametrize("url", ["http://user:secret@example.com/", "https://token@example.com/a"])
    def test_it_refuses_credentials_and_keeps_them_out_of_the_message(self, url):
        with pytest.raises(FetchRefused, match="user name or password") as caught:
            check_url(url, resolver=no_dns)
        assert "secret" not in str(caught.value) and "token" not in str(caught.value)

    @pytest.mark.parametrize("url", ["", "   ", "http://", "http:///path", "http://exa mple.com/", "http://a\nb/"])
    def test_it_refuses_unreadable_urls_with_a_message(self, url):
        with pytest.raises(FetchRefused):
            check_url(url, resolver=no_dns)

    def test_it_refuses_a_name_when_any_of_its_addresses_is_private(self):
        resolver = stub_resolver({"news.example": ["93.184.216.34", "10.1.2.3"]})

        with pytest.raises(FetchRefused, match="10.1.2.3"):
            check_url("https://news.example/a", resolver=resolver)

    def test_it_connects_to_the_address_it_checked(self):
        resolver = stub_resolver({"news.example": ["93.184.216.34"]})

        target = check_url("https://News.Example/a?b=1", resolver=resolver)

        assert (target.address, target.hostname, target.port) == ("93.184.216.34", "news.example", 443)
        assert target.path == "/a?b=1"
        assert resolver.asked == ["news.example"]

    def test_loopback_is_allowed_only_when_asked_and_private_never(self):
        assert check_url("http://127.1:8000/", allow_loopback=True, resolver=no_dns).address == "127.0.0.1"
        assert check_url("http://[::1]/", allow_loopback=True, resolver=no_dns).address == "::1"
        with pytest.raises(FetchRefused, match="private"):
            check_url("http://192.168.0.1/", allow_loopback=True, resolver=no_dns)

    def test_an_unresolvable_name_is_a_network_failure(self):
        def failing(host, port):
            raise FetchFailed(f"the host name {host!r} could not be resolved")

        with pytest.raises(FetchFailed, match="could not be resolved"):
            check_url("http://nowhere.example/", resolver=failing)


class TestFetchUrl:
    def test_it_fetches_a_page_with_its_metadata(self, local_site, only_localhost):
        result = fetch_url(local_site.url("/article.html"), allow_loopback=True, limits=FAST)

        assert result.status == 200
        assert result.content_type == "text/html"
        assert "Xi Jinping" in result.text
        assert result.final_url == local_site.url("/article.html")
        assert local_site.requests[-1]["headers"]["User-Agent"] == USER_AGENT

    def test_it_sends_the_hostname_while_connecting_to_the_checked_address(self, local_site, only_localhost):
        resolver = stub_resolver({"news.example": ["127.0.0.1"]})

        result = fetch_url(f"http://news.example:{local_site.port}/echo", allow_loopback=True, resolver=resolver)

        assert f"host=news.example:{local_site.port}" in result.text
        assert only_localhost and all(address[0] == "127.0.0.1" for address in only_localhost)

    def test_it_refuses_the_local_site_without_the_loopback_setting_before_connecting(self, local_site, only_localhost):
        with pytest.raises(FetchRefused, match="loopback"):
            fetch_url(local_site.url("/article.html"), limits=FAST)
        assert only_localhost == []

    def test_it_decodes_gzip_and_declared_charsets(self, local_site, only_localhost):
        gzipped = fetch_url(local_site.url("/article-gzip.html"), allow_loopback=True, limits=FAST)
        latin = fetch_url(local_site.url("/latin1.html"), allow_loopback=True, limits=FAST)

        assert "Vladimir Putin" in gzipped.text
        assert "café, déjà vu" in latin.text

    def test_a_slow_server_times_out_as_a_retryable_failure(self, local_site, only_localhost):
        started = time.monotonic()
        with pytest.raises(FetchFailed, match="did not answer in time"):
            fetch_url(local_site.url("/slow"), allow_loopback=True, limits=FAST)
        assert time.monotonic() - started < 2.5

    def test_a_trickling_server_is_cut_off_by_the_overall_limit(self, local_site, only_localhost):
        limits = FetchLimits(read_timeout=0.5, total_timeout=1)
        started = time.monotonic()
        with pytest.raises(FetchFailed, match="longer than 1 s"):
            fetch_url(local_site.url("/trickle"), allow_loopback=True, limits=limits)
        assert time.monotonic() - started < 3

    def test_an_endless_body_is_refused_at_the_size_cap(self, local_site, only_localhost):
        with pytest.raises(FetchRefused, match="larger than the 1,000,000 bytes"):
            fetch_url(local_site.url("/endless"), allow_loopback=True, limits=FAST)

    def test_a_huge_declared_body_is_refused_before_reading_it(self, local_site, only_localhost):
        with pytest.raises(FetchRefused, match="524,288,000 bytes"):
            fetch_url(local_site.url("/huge"), allow_loopback=True, limits=FAST)

    def test_a_gzip_bomb_is_refused_at_the_cap_without_inflating_it(self, local_site, only_localhost):
        tracemalloc.start()
        try:
            with pytest.raises(FetchRefused, match="larger than"):
                fetch_url(local_site.url("/bomb"), allow_loopback=True, limits=FAST)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        # The bomb inflates to 200 MB; we never hold much more than the 1 MB cap.
        assert peak < 8_000_000

    def test_it_follows_five_redirects(self, local_site, only_localhost):
        result = fetch_url(local_site.url("/redirect/4"), allow_loopback=True, limits=FAST)

        assert result.final_url == local_site.url("/article.html")
        assert len(result.redirects) == 5

    def test_it_refuses_a_sixth_redirect(self, local_site, only_localhost):
        with pytest.raises(FetchRefused, match="more than 5 redirects"):
            fetch_url(local_site.url("/redirect/5"), allow_loopback=True, limits=FAST)

    def test_a_redirect_to_a_private_address_is_refused_before_any_socket_opens(self, local_site, only_localhost):
        resolver = stub_resolver({"intranet.example": ["10.0.0.5"]})

        with pytest.raises(FetchRefused, match="10.0.0.5, a private address"):
            fetch_url(local_site.url("/to-private"), allow_loopback=True, resolver=resolver, limits=FAST)
        assert resolver.asked == ["intranet.example"]
        assert {address[0] for address in only_localhost} == {"127.0.0.1"}

    @pytest.mark.parametrize("path,reason", [("/to-metadata", "link-local"), ("/to-file", "only http and https")])
    def test_every_redirect_hop_is_checked_again(self, local_site, only_localhost, path, reason):
        with pytest.raises(FetchRefused, match=reason):
            fetch_url(local_site.url(path), allow_loopback=True, resolver=no_dns, limits=FAST)

    @pytest.mark.parametrize("path,message", [("/image.png", "sends image/png"), ("/no-type", "no Content-Type")])
    def test_it_refuses_content_that_is_not_a_page_text_or_feed(self, local_site, only_localhost, path, message):
        with pytest.raises(FetchRefused, match=message):
            fetch_url(local_site.url(path), allow_loopback=True, limits=FAST)

    def test_a_missing_page_is_final_and_a_server_error_is_retryable(self, local_site, only_localhost):
        with pytest.raises(FetchRefused, match="404"):
            fetch_url(local_site.url("/nothing-here"), allow_loopback=True, limits=FAST)
        with pytest.raises(FetchFailed, match="503"):
            fetch_url(local_site.url("/unavailable"), allow_loopback=True, limits=FAST)

    def test_a_conditional_get_gives_not_modified(self, local_site, only_localhost):
        first = fetch_url(local_site.url("/feed.xml"), allow_loopback=True, limits=FAST)

        again = fetch_url(local_site.url("/feed.xml"), allow_loopback=True, limits=FAST, etag=first.etag)

        assert first.etag == '"feed-v1"' and first.last_modified
        assert again.not_modified and again.content == b""

    def test_a_closed_port_is_a_retryable_failure(self, only_localhost):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with pytest.raises(FetchFailed, match="could not be reached"):
            fetch_url(f"http://127.0.0.1:{port}/", allow_loopback=True, limits=FAST)


class TestFetchOverTls:
    def test_it_connects_to_the_checked_address_with_the_hostname_for_sni_and_verification(
        self, tls_site, only_localhost
    ):
        site, trust = tls_site
        resolver = stub_resolver({"secure.example": ["127.0.0.1"]})

        result = fetch_url(site.url("/echo"), allow_loopback=True, resolver=resolver, verify=trust, limits=FAST)

        assert f"host=secure.example:{site.port}" in result.text
        assert {address[0] for address in only_localhost} == {"127.0.0.1"}

    def test_a_certificate_for_another_name_is_refused(self, tls_site, only_localhost):
        site, trust = tls_site
        resolver = stub_resolver({"impostor.example": ["127.0.0.1"]})

        with pytest.raises(FetchFailed, match="could not be reached"):
            fetch_url(f"https://impostor.example:{site.port}/echo", allow_loopback=True, resolver=resolver,
                      verify=trust, limits=FAST)  # fmt: skip


class TestDecodeText:
    def test_it_reads_the_charset_the_page_declares(self):
        assert decode_text('<meta charset="windows-1251"><p>Китай</p>'.encode("cp1251"), None).endswith("Китай</p>")

    def test_it_falls_back_to_windows_1252_for_undeclared_bytes(self):
        assert decode_text(b"caf\xe9", None) == "café"

    def test_a_wrong_declared_charset_does_not_crash(self):
        assert decode_text("日本".encode(), "no-such-charset") == "日本"
