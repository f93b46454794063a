"""Linimasa settings: one module, driven by environment variables.

Every deploy-time value comes from the environment with a development default, so a
fresh clone runs with nothing configured: SQLite under var/ and Celery tasks run
in-process. Set DATABASE_URL and CELERY_BROKER_URL for PostgreSQL and Redis.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("LINIMASA_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false, yes/no)")


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# Development defaults apply only when nothing is configured, and say so loudly.
_DEV_SECRET = "linimasa-development-only-not-a-secret"
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if env("DEBUG") is not None and not env_bool("DEBUG", True):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = _DEV_SECRET
DEBUG = env_bool("DEBUG", SECRET_KEY == _DEV_SECRET)
if SECRET_KEY == _DEV_SECRET and "pytest" not in sys.modules and not env("LINIMASA_QUIET"):
    sys.stderr.write(
        "WARNING: Linimasa runs with development settings (SECRET_KEY unset, DEBUG on). "
        "Set SECRET_KEY, DEBUG=0 and ALLOWED_HOSTS before serving the public.\n"
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials.apps.SimpleAppConfig",
    "simple_history",
    "axes",
    "csp",
    "ingest",
    "timeline",
    "ops",
    "sharing",
    "ninja",  # the API docs page then serves Swagger UI from our static files, as the CSP requires
]

MIDDLEWARE = [
    "ops.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Whole pages for anonymous readers: a hit skips everything below (ops/pagecache.py says what it keeps).
    "ops.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Who made each change, for the curation history; axes last, as its docs ask.
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Login guessing: after a few failures from one address and name, wait out a cool-off (never a lasting lock).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_float("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = env_float("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # After Django's own csrf processor: pages stored for readers carry a placeholder token.
                "ops.pagecache.csrf_placeholder",
            ],
            # django-template-partials as a builtin, as Django 6 will have it natively.
            "builtins": ["template_partials.templatetags.partials"],
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [
                        # Parse each template once per process (Django reloads it on change in DEBUG).
                        (
                            "django.template.loaders.cached.Loader",
                            [
                                "django.template.loaders.filesystem.Loader",
                                "django.template.loaders.app_directories.Loader",
                            ],
                        )
                    ],
                )
            ],
        },
    }
]

# One variable switches the database: SQLite under var/ unless DATABASE_URL is set.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "linimasa.sqlite3",
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The reader's interface: English by default, Indonesian by choice (the switcher sets a cookie).
LANGUAGES = [("en", "English"), ("id", "Indonesian")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise serves static files with content-hashed names (cached for a year) once collectstatic has run;
# with DEBUG on (make demo, the tests) files are found in place, so no collectstatic is needed there.
LINIMASA_HASHED_STATIC = env_bool("LINIMASA_HASHED_STATIC", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if LINIMASA_HASHED_STATIC
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Production security (docs: SECURITY.md). Each value follows DEBUG unless set explicitly, so
# `check --deploy` is clean with DEBUG=0 and a development server still speaks plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    # Only behind a proxy that sets X-Forwarded-Proto itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env_float("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# Framing is refused everywhere but on embed pages (sharing.views.embed opts out of both headers).
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4): only our own scripts, styles and images; no inline script,
# no eval, no plugins, no framing. htmx is served from static and told not to inject its <style>.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Cached pages and counters must be shared by every web worker and the Celery workers that change
# events, or a worker serves a stale page: use Redis in production (CACHE_URL=redis://...).
CACHE_URL = env("CACHE_URL")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}
# Whole pages for anonymous readers stay in each web process (a hit then costs no round trip); their
# freshness is checked against the counters in the cache above (ops/pagecache.py). Pages weigh 6-45 KB.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": int(env_float("LINIMASA_PAGE_CACHE_ENTRIES", 400))},
}

# Celery: without a broker, tasks run eagerly in this process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", "linimasa")
# Celery's Django fixup closes the connection after every task unless told to reuse it (~9 ms a reconnect).
CELERY_DB_REUSE_MAX = 1000

# Extraction results at or above this confidence are published without review
# when LINIMASA_AUTO_PUBLISH is on (make demo turns it on; off by default).
LINIMASA_AUTO_PUBLISH = env_bool("LINIMASA_AUTO_PUBLISH", False)
LINIMASA_AUTO_PUBLISH_MIN_CONFIDENCE = env_float("LINIMASA_AUTO_PUBLISH_MIN_CONFIDENCE", 0.6)

# Fetching URLs and feeds (ingest.fetching). Loopback addresses are refused unless this is on:
# tests and local development serve fixture pages on 127.0.0.1. Private addresses are always refused.
LINIMASA_FETCH_ALLOW_LOOPBACK = env_bool("LINIMASA_FETCH_ALLOW_LOOPBACK", False)
LINIMASA_FETCH_MAX_ATTEMPTS = int(env_float("LINIMASA_FETCH_MAX_ATTEMPTS", 4))
LINIMASA_FETCH_RETRY_BASE_SECONDS = env_float("LINIMASA_FETCH_RETRY_BASE_SECONDS", 30)
# Work untouched this long is re-queued by the sweeper (its task was lost).
LINIMASA_STUCK_AFTER_SECONDS = env_float("LINIMASA_STUCK_AFTER_SECONDS", 900)
# Celery beat: feeds are polled when due (each at its own interval), stuck work swept.
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {"task": "ingest.poll_due_feeds", "schedule": 60.0},
    "sweep-stuck-articles": {"task": "ingest.sweep_stuck", "schedule": 300.0},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "ops.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "structured": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One JSON line per request and per task (ops.middleware, ops.tasklog), for log shippers.
        "linimasa.request": {"handlers": ["structured"], "level": "INFO", "propagate": False},
        "linimasa.task": {"handlers": ["structured"], "level": "INFO", "propagate": False},
    },
}

# Error reporting is optional: set SENTRY_DSN to send exceptions (no personal data) to Sentry.
SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
        send_default_pii=False,
    )
