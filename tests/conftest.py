import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from config.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def need(condition: bool, reason: str) -> None:
    """Skip on a developer's machine that lacks a service; in CI a missing service is a failure."""
    if not condition:
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Each run gets its own PostgreSQL test database, so two runs on one server never collide."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if "postgresql" in database["ENGINE"]:
        database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_{os.getpid()}"


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with no cached page or counter: the rows behind them were rolled back."""
    from django.core.cache import caches

    from ops.pagecache import forget_versions

    for alias in ("default", "pages"):
        caches[alias].clear()
    forget_versions()
    yield


@pytest.fixture(autouse=True)
def eager_tasks(request):
    """Tasks run in-process, unless the test uses the real worker."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = "celery_worker_process" not in request.fixturenames
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def celery_worker_process(transactional_db):
    """A real `celery worker` process over Redis, on the test database, on a queue of its own."""
    settings_dict = connection.settings_dict
    need(connection.vendor == "postgresql", "the worker test needs PostgreSQL: set DATABASE_URL (make test does)")
    need(bool(celery_app.conf.broker_url), "the worker test needs a broker: set CELERY_BROKER_URL (make test does)")
    broker_url = celery_app.conf.broker_url
    queue = celery_app.conf.task_default_queue
    # Nothing left over from an earlier, interrupted run may be taken for this test's work.
    celery_app.control.purge()
    env = dict(os.environ)
    env.update(
        DATABASE_URL=(
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:"
            f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
        ),
        CELERY_BROKER_URL=broker_url,
        CELERY_QUEUE=queue,
        LINIMASA_QUIET="1",
    )
    log_path = ROOT / "test-output" / f"worker-{os.getpid()}.log"
    log_path.parent.mkdir(exist_ok=True)
    with open(log_path, "w") as log:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "-Q",
                queue,
                "-c",
                "2",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_worker(log_path, worker)
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


def wait_for_worker(log_path: Path, worker: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError(f"the Celery worker exited early:\n{log_path.read_text()[-3000:]}")
        if " ready." in log_path.read_text():
            return
        time.sleep(0.2)
    raise RuntimeError(f"the Celery worker was not ready in {timeout}s:\n{log_path.read_text()[-3000:]}")


def wait_until(predicate, timeout: float = 60, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed_article() -> Path:
    """The Kompas seed article, read from ../shared (never copied into the repository)."""
    path = SHARED / "seed" / "kompas-2022-06-15-xi-putin-call.txt"
    need(path.exists(), f"the seed article is read from {path}, which is absent on this machine")
    return path
