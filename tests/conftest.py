import pytest

from config.celery import app as celery_app


@pytest.fixture(autouse=True)
def eager_tasks():
    """Tasks run in-process unless a test asks for the real worker (see tests/worker.py)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous
