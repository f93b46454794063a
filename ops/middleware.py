"""One structured log line per request: id, method, path, status, duration, user."""

import logging
import re
import time
import uuid

from django.http import HttpRequest, HttpResponse

log = logging.getLogger("linimasa.request")

# A request id from the proxy is kept when it looks like one; anything else is replaced.
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def read_request_id(request: HttpRequest) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if VALID_REQUEST_ID.match(given) else uuid.uuid4().hex


class RequestLogMiddleware:
    """First in the chain, so the duration covers every other middleware too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = read_request_id(request)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request.request_id
            return response
        finally:
            user = getattr(request, "user", None)
            fields = {
                "request_id": request.request_id,
                "method": request.method,
                "path": request.path,
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            }
            if hasattr(request, "page_cache"):  # "hit" or "miss" (ops.pagecache), for reading load figures
                fields["page_cache"] = request.page_cache
            log.info("request", extra=fields)
