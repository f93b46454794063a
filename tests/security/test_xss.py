"""The XSS matrix: hostile text in every field a reader or curator sees, rendered by every view.

Titles, evidence sentences, actor, outlet and saved-timeline names carry script tags, event
handlers, javascript: URLs and SVG payloads. Server side, no HTML response may carry a payload
as live markup; in Chromium (tests/security/test_xss_browser.py) none executes.
"""

import datetime
import re

import pytest
from django.urls import reverse

from sharing.states import share_state
from tests.factories import make_actor, make_article, make_event, make_outlet

MARK = "xss_fired"
PAYLOADS = [
    f"<script>window.{MARK}=1</script>",
    f'"><img src=x onerror="window.{MARK}=1">',
    f"<svg onload=window.{MARK}=1>",
    f"javascript:window.{MARK}=1",
    f"'--></style></script><script>window.{MARK}=1</script>",
    f"<a href=\"javascript:window.{MARK}=1\">click</a>",
]
# Markup that would run if it reached the page unescaped (the javascript: text alone is harmless
# as text; as an href it is not, so any href/src starting with it counts).
LIVE = re.compile(
    rf"<script>window\.{MARK}|<img src=x onerror|<svg onload|(?:href|src|action)\s*=\s*[\"']?\s*javascript:", re.I
)


def hostile(field: str, n: int) -> str:
    return f"{field} {PAYLOADS[n % len(PAYLOADS)]} {PAYLOADS[(n + 1) % len(PAYLOADS)]}"


@pytest.fixture
def hostile_world(db, django_user_model):
    """Events, sources, actors, outlets and a shared timeline, every name and text hostile."""
    outlet = make_outlet(hostile("Outlet", 0), domain="evil.example")
    china = make_actor(hostile("China", 1))
    russia = make_actor(hostile("Russia", 2))
    make_actor(hostile("Putin", 3), kind="person", country=russia)
    events = []
    for n in range(len(PAYLOADS)):
        article = make_article(
            title=hostile("Article", n), outlet=outlet, url=f"https://evil.example/{n}?q=<script>",
            text=hostile("Text", n),
        )  # fmt: skip
        events.append(
            make_event(
                title=hostile("Event", n), kind="call", actors=(china.name, russia.name),
                sentence=hostile("Sentence", n), article=article, date_start=datetime.date(2022, 6, 1 + n),
            )  # fmt: skip
        )
    timeline, snapshot = share_state("kind=call", title=hostile("Timeline", 4))
    staff = django_user_model.objects.create_superuser("root", password="not-a-real-password")
    return {"events": events, "timeline": timeline, "snapshot": snapshot, "staff": staff,
            "china": china, "outlet": outlet, "article": events[0].evidence.first().article}  # fmt: skip


def reader_urls(world) -> list[str]:
    event, timeline, snapshot = world["events"][0], world["timeline"], world["snapshot"]
    urls = [
        "/", "/?q=Event", "/?kind=call", f"/?event={event.pk}", f"/events/{event.pk}/",
        f"/actors/?actor={world['china'].name[:5]}",
        timeline.get_absolute_url(), reverse("sharing:embed", args=[timeline.slug]),
        reverse("sharing:snapshot", args=[timeline.slug, snapshot.key]), "/feeds/events.atom",
        reverse("sharing:feed-saved", args=[timeline.slug]),
        f"/oembed?url=http://testserver{timeline.get_absolute_url()}",
    ]  # fmt: skip
    for fmt in ["timelinejs.json", "plover.json", "events.csv", "events.ics"]:
        urls += [f"/export/{fmt}?kind=call", reverse("sharing:export-saved", args=[timeline.slug, fmt])]
    return urls


def staff_urls(world) -> list[str]:
    event, article, timeline = world["events"][0], world["article"], world["timeline"]
    urls = ["/admin/", "/ingest/"]
    for model, obj in [
        ("timeline/event", event), ("timeline/actor", world["china"]), ("ingest/article", article),
        ("ingest/outlet", world["outlet"]), ("sharing/timeline", timeline),
    ]:  # fmt: skip
        urls += [f"/admin/{model}/", f"/admin/{model}/{obj.pk}/change/", f"/admin/{model}/{obj.pk}/history/"]
    urls += ["/admin/timeline/evidence/", f"/admin/timeline/event/?q={MARK}"]
    return urls


def assert_inert(response, url: str) -> None:
    assert response.status_code in {200, 302, 404}, f"{url} answered {response.status_code}"
    content_type = response.get("Content-Type", "")
    body = response.content.decode("utf-8", "replace")
    if "html" in content_type:
        live = LIVE.search(body)
        assert live is None, f"{url} renders a live payload: ...{body[max(0, live.start() - 80):live.end() + 40]}..."
    else:
        # Data formats carry the text as data; the browser must never sniff them into HTML.
        assert response["X-Content-Type-Options"] == "nosniff", url


class TestXssMatrix:
    def test_reader_pages_partials_exports_and_embeds_render_payloads_as_text(self, client, hostile_world):
        seen = 0
        for url in reader_urls(hostile_world):
            for headers in ({}, {"HX-Request": "true"}):
                response = client.get(url, headers=headers)
                assert_inert(response, url)
                seen += response.status_code == 200
        assert seen >= 20  # the pages answered: the matrix was really rendered
        # and the hostile text is shown, escaped, where a reader expects it
        page = client.get(f"/events/{hostile_world['events'][0].pk}/").content.decode()
        assert f"&lt;script&gt;window.{MARK}=1&lt;/script&gt;" in page

    def test_admin_and_curation_views_render_payloads_as_text(self, client, hostile_world):
        client.force_login(hostile_world["staff"])
        answered = 0
        for url in staff_urls(hostile_world):
            response = client.get(url)
            assert_inert(response, url)
            answered += response.status_code == 200
        assert answered >= 12

    def test_a_javascript_url_never_becomes_a_link(self, client, hostile_world):
        article = hostile_world["article"]
        article.url = f"javascript:window.{MARK}=1"
        article.save(update_fields=["url"])
        for url in [f"/events/{hostile_world['events'][0].pk}/", hostile_world["timeline"].get_absolute_url()]:
            assert_inert(client.get(url), url)
