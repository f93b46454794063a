"""Production settings, checked the way an operator would: `check --deploy` in a fresh process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env_overrides: str) -> subprocess.CompletedProcess:
    # A deployment has none of the test run's settings (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    dropped = {"DATABASE_URL", "CELERY_BROKER_URL", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides, LINIMASA_QUIET="1")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


class TestDeployCheck:
    def test_production_variables_give_no_warnings(self):
        result = run_manage(
            "check", "--deploy", "--fail-level", "WARNING",
            DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="linimasa.example.org",
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        assert "no issues" in result.stdout

    def test_debug_off_without_a_secret_key_refuses_to_start(self):
        result = run_manage("check", DEBUG="0", ALLOWED_HOSTS="linimasa.example.org")
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr

    def test_development_defaults_are_flagged_by_the_deploy_check(self):
        result = run_manage("check", "--deploy", "--fail-level", "WARNING")
        assert result.returncode != 0
        assert "security.W018" in result.stderr + result.stdout  # DEBUG on


class TestErrorReporting:
    def test_sentry_reports_only_when_a_dsn_is_set(self):
        probe = "import sentry_sdk; print('active' if sentry_sdk.get_client().is_active() else 'off')"
        with_dsn = run_manage("shell", "-c", probe, SENTRY_DSN="https://public@sentry.example/1")
        without = run_manage("shell", "-c", probe)
        assert with_dsn.stdout.strip().endswith("active"), with_dsn.stderr
        assert without.stdout.strip().endswith("off"), without.stderr


class TestHashedStaticFiles:
    def test_production_serves_static_files_under_content_hashed_names(self, tmp_path):
        production = dict(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="testserver",
                          LINIMASA_VAR_DIR=str(tmp_path))  # fmt: skip
        collected = run_manage("collectstatic", "--noinput", "-v", "0", **production)
        assert collected.returncode == 0, collected.stderr
        probe = "from django.templatetags.static import static; print(static('css/linimasa.css'))"
        url = run_manage("shell", "-c", probe, **production).stdout.strip().splitlines()[-1]
        assert url.startswith("/static/css/linimasa.") and url.endswith(".css")
        assert url != "/static/css/linimasa.css"  # a hash in the name: cached for a year, safely
        assert (tmp_path / "static" / url.removeprefix("/static/")).exists()
