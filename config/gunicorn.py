"""gunicorn settings for Linimasa (`gunicorn -c config/gunicorn.py config.wsgi`).

Values come from the environment, like the Django settings; defaults suit one small machine.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# One process per core, with threads for the time pages wait on PostgreSQL. Rendered pages are cached per
# process, so fewer, busier processes hit their cache more: on 2 cores, bench/load.py (50 clients) measured
# 2 workers x 4 threads at p95 151 ms where 5 x 2 gave 531 ms and 2 x 8 gave 224 ms (and 5 x 100 MiB of RAM).
workers = int(os.environ.get("WEB_WORKERS", max(2, os.cpu_count() or 1)))
threads = int(os.environ.get("WEB_THREADS", 4))
worker_class = "gthread"
# Load Django once in the master: workers share its memory pages and start faster.
preload_app = True
# A worker stuck this long is killed and replaced; SIGTERM lets running requests finish first.
timeout = int(os.environ.get("WEB_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak can never grow without bound. Most of a worker's growth is
# its page cache filling (bounded by the cache's entry limit), not a leak; the jitter keeps the workers
# from restarting (and starting cold) at the same moment.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
# Our middleware writes one structured line per request (ops.middleware); gunicorn logs only its own errors.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Trust X-Forwarded-* only from the proxy in front (comma-separated addresses).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Refuse absurd request lines and headers early.
limit_request_line = 8190
limit_request_fields = 100
