# The local web site on 127.0.0.1 and the socket guard, for every test under tests/ingest.
from tests.ingest.http_fixtures import local_site, only_localhost, tls_site  # noqa: F401
