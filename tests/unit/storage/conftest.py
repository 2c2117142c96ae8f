"""Storage tests run on SQLite and PostgreSQL; the fixtures live in tests/db_fixtures.py."""

from tests.db_fixtures import engine, postgres_url  # noqa: F401  (pytest finds them here)
