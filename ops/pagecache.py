"""Whole-response cache for the public pages that anonymous readers load most.

The timeline, an event page and a shared timeline are the same HTML for every anonymous reader of
one address, language and htmx target, until the timeline (or a saved view) changes. Rendering
their shell through the whole middleware stack costs several milliseconds a request; replaying a
stored answer costs a fraction of one. The middleware sits early in the chain, so a hit skips
sessions, CSRF checks, auth, htmx, history and axes; the request log, the security headers and the
CSP still wrap every answer.

What a hit must still do per request:
- the CSRF token: the pages carry one (the share and language forms, htmx's X-CSRFToken header).
  A token is bound to the reader's CSRF cookie (and unmasks to its secret), so a stored page holds
  a placeholder instead, replaced on every answer by a fresh token for this reader, and the CSRF
  cookie is set as Django's CSRF middleware would set it.
- readers only: a request with any cookie but the CSRF and language ones (a session: maybe a
  signed-in curator) is never answered from, nor stored into, the cache.

Stored entries carry the versions of what they show (timeline.density's counters, bumped by the
timeline signals when events, evidence or saved timelines change) and are dropped when those move.

Where they live: in each web process (the "pages" cache, a bounded LocMem), while the counters live
in the shared cache (Redis when CACHE_URL is set). A hit then needs no round trip to Redis, which
under load cost more than the whole rest of the hit. Each process reads the counters again at most
VERSION_POLL_SECONDS after its last read, and at once after a change made in the process itself: a
change made elsewhere (another worker, a Celery task) reaches readers within that second.
"""

import hashlib
import os
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language_from_request

from timeline import density
from timeline.density import SHARED_VERSION_KEY, VERSION_KEY

# Bounded staleness for changes no signal reports (bulk updates), like the other read-side caches.
CACHE_SECONDS = 300
# The htmx headers the views read (request.htmx, its target, history restores): each its own entry.
HTMX_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_TARGET", "HTTP_HX_TRIGGER", "HTTP_HX_HISTORY_RESTORE_REQUEST")
# What a view's answer depends on: the counters that say its stored copy is out of date.
TIMELINE = (VERSION_KEY,)
TIMELINE_AND_SHARED = (VERSION_KEY, SHARED_VERSION_KEY)
COUNTERS = TIMELINE_AND_SHARED
VERSION_POLL_SECONDS = 1.0

# The counters as this process last read them, and when (time.monotonic()); one tuple, replaced whole,
# so the request threads of a worker never see half of an update.
_seen: tuple[float, dict] = (float("-inf"), {})


def forget_versions() -> None:
    """Read the counters again on the next request (tests empty the caches between cases)."""
    global _seen
    _seen = (float("-inf"), {})


def current_versions() -> dict:
    global _seen
    read_at, versions = _seen
    now = time.monotonic()
    if now - read_at > VERSION_POLL_SECONDS or read_at <= density.changed_here_at:
        versions = cache.get_many(COUNTERS)
        for name in COUNTERS:
            if name not in versions:  # a new or emptied cache: start the counter where nothing matches
                cache.add(name, density.fresh_version(), None)
                versions[name] = cache.get(name)
        _seen = (now, versions)
    return versions


def _placeholder() -> str:
    # Derived from SECRET_KEY, so no article URL or title can carry it and have a reader's token put in it.
    return salted_hmac("linimasa.pagecache", "csrf-placeholder", algorithm="sha256").hexdigest()


def _random_chars(count: int) -> str:
    """`count` characters drawn evenly from CSRF_ALLOWED_CHARS out of one os.urandom call. Django's
    get_random_string makes a system call a character: 64 of them were most of a cached answer's time."""
    alphabet = len(CSRF_ALLOWED_CHARS)
    fair = 256 - 256 % alphabet  # bytes from here up would favour the first characters: drawn again
    chars: list[str] = []
    while len(chars) < count:
        chars += [CSRF_ALLOWED_CHARS[byte % alphabet] for byte in os.urandom(2 * count) if byte < fair]
    return "".join(chars[:count])


def reader_token(request: HttpRequest) -> str:
    """What django.middleware.csrf.get_token gives (the reader's secret, or a new one, under a fresh mask:
    each mask character shifts the secret's character at its place along the alphabet), made cheaper.
    Django's CSRF check unmasks it the same way; tests post with it."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = request.META["CSRF_COOKIE"] = _random_chars(CSRF_SECRET_LENGTH)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # the cookie is (re)sent, as get_token asks
    mask = _random_chars(CSRF_SECRET_LENGTH)
    alphabet = len(CSRF_ALLOWED_CHARS)
    shifted = (
        CSRF_ALLOWED_CHARS[(CSRF_ALLOWED_CHARS.index(s) + CSRF_ALLOWED_CHARS.index(m)) % alphabet]
        for s, m in zip(secret, mask, strict=True)
    )
    return mask + "".join(shifted)


def cache_for_readers(versions: tuple[str, ...]):
    """Let anonymous readers' 200 answers of this view be stored whole until one of `versions` changes."""

    def mark(view):
        view.page_cache_versions = versions
        return view

    return mark


def csrf_placeholder(request: HttpRequest) -> dict:
    """Context processor: a page that will be stored gets the placeholder instead of this reader's token."""
    if getattr(request, "page_cache_versions", None) is not None:
        return {"csrf_token": _placeholder()}
    return {}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.pages = caches["pages"]
        # Django's own cookie reading and writing, for hits that skip the CSRF middleware.
        self.csrf = CsrfViewMiddleware(get_response)
        self.placeholder = _placeholder().encode()
        self.reader_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "GET" or not self.reader_cookies.issuperset(request.COOKIES):
            return self.get_response(request)
        key = self._key(request)
        found = current_versions()
        entry = self.pages.get(key)
        if entry is not None and all(found.get(name) == seen for name, seen in entry["versions"]):
            request.page_cache = "hit"
            return self._replay(request, entry)
        request.page_cache = "miss"
        request.page_cache_key = key
        response = self.get_response(request)
        versions = getattr(request, "page_cache_versions", None)
        if versions is None:
            return response
        if self._storable(request, response):
            entry = {
                # The counters as read before rendering: a change during it leaves a stale-marked entry.
                "versions": [(name, found.get(name)) for name in versions],
                "status": response.status_code,
                "headers": [(k, v) for k, v in response.items() if k.lower() != "content-length"],
                "content": response.content,
            }
            self.pages.set(key, entry, CACHE_SECONDS)
        return self._with_token(request, response, response.content, read_cookie=False)

    def process_view(self, request: HttpRequest, view, args, kwargs):
        # Only now is the view known: mark the request so the pages render the placeholder.
        versions = getattr(view, "page_cache_versions", None)
        if versions is not None and hasattr(request, "page_cache_key"):
            request.page_cache_versions = versions
        return None

    def _key(self, request: HttpRequest) -> str:
        language = get_language_from_request(request)
        htmx = "|".join(request.META.get(name, "") for name in HTMX_HEADERS)
        # Scheme and host too: the shared page prints absolute links to itself.
        raw = f"{request.scheme}|{request.get_host()}|{request.get_full_path()}|{language}|{htmx}"
        return "page:" + hashlib.sha256(raw.encode()).hexdigest()

    def _storable(self, request: HttpRequest, response: HttpResponse) -> bool:
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.streaming
            # A cookie set by the view or middleware (a session, a real CSRF token) belongs to this reader.
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
            and not (user is not None and user.is_authenticated)
        )

    def _replay(self, request: HttpRequest, entry: dict) -> HttpResponse:
        response = HttpResponse(status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        return self._with_token(request, response, entry["content"], read_cookie=True)

    def _with_token(self, request: HttpRequest, response: HttpResponse, content: bytes, *, read_cookie: bool):
        if self.placeholder in content:
            if read_cookie:
                self.csrf.process_request(request)  # the reader's secret from their cookie, or a new one
            content = content.replace(self.placeholder, reader_token(request).encode())
            self.csrf.process_response(request, response)  # sets the cookie, Vary: Cookie
        response.content = content
        response["Content-Length"] = str(len(content))
        return response
