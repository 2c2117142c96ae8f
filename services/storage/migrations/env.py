"""Alembic environment: runs the migrations on the connection the caller hands over.

There is no alembic.ini; `services.storage.repository.migrate` builds the configuration
in code and passes an open connection as `config.attributes["connection"]`, so the app,
the tests and the admin CLI all migrate the same way.
"""

from alembic import context

from services.storage.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
)
with context.begin_transaction():
    context.run_migrations()
