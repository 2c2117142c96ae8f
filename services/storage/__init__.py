"""The app's database: its schema (migrated by Alembic) and the repository that uses it.

No Streamlit here: the importer CLI, the app and the tests share this code.
"""

from services.storage.repository import Repository, create_engine_for, migrate

__all__ = ["Repository", "create_engine_for", "migrate"]
