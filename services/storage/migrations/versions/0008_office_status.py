"""Archiving Quartiersbüros: a status per office, like offers have one.

Revision ID: 0008
Revises: 0007 (the chain is 0001 → 0005 → 0003 → 0002 → 0006 → 0007 → 0008)
Create Date: 2026-12-02

Every existing office stays active ("active"); archived ones are "inactive". Written out
in full, like 0001, so it keeps creating the same column whatever schema.py says later.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch:
        batch.add_column(
            sa.Column("status", sa.String(), nullable=False, server_default="active")
        )


def downgrade() -> None:
    with op.batch_alter_table("offices") as batch:
        batch.drop_column("status")
