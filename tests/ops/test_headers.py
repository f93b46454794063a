"""Every response carries the security headers; framing is refused unless a view opts in."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


class TestSecurityHeaders:
    def test_the_timeline_forbids_inline_script_and_framing(self, client):
        response = client.get("/")
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "'unsafe-inline'" not in policy
        assert "'unsafe-eval'" not in policy
        assert "frame-ancestors 'none'" in policy
        assert response["X-Frame-Options"] == "DENY"

    def test_responses_say_how_much_referrer_to_send_and_not_to_sniff(self, client):
        response = client.get("/")
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Content-Type-Options"] == "nosniff"

    @override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_SSL_REDIRECT=True)
    def test_https_requests_get_hsts_and_plain_http_is_redirected(self, client):
        assert "max-age=31536000" in client.get("/", secure=True)["Strict-Transport-Security"]
        redirect = client.get("/events/1/")
        assert redirect.status_code == 301
        assert redirect["Location"].startswith("https://")

    @override_settings(SECURE_SSL_REDIRECT=True)
    def test_the_health_check_answers_over_plain_http(self, client):
        assert client.get("/healthz").status_code == 200

    def test_the_page_loads_htmx_from_our_own_static_files(self, client):
        html = client.get("/").content.decode()
        assert 'src="/static/django_htmx/htmx' in html
        assert '"includeIndicatorStyles": false' in html


class TestEmbedFraming:
    def test_only_the_embed_page_may_be_framed_and_keeps_the_rest_of_the_policy(self, client):
        from sharing.states import share_state
        from tests.factories import make_event

        make_event()
        timeline, _ = share_state("kind=call", title="Calls")
        embed = client.get(f"/t/{timeline.slug}/embed")
        assert embed.status_code == 200
        assert "X-Frame-Options" not in embed
        assert "frame-ancestors *" in embed["Content-Security-Policy"]
        assert "script-src 'self'" in embed["Content-Security-Policy"]
        page = client.get(timeline.get_absolute_url())
        assert page["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
