import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached strips and outlet lists are per process; each test starts from its own rows."""
    cache.clear()
    yield
    cache.clear()
