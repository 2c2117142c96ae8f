"""Addresses: the building addresses of the Lotse's offline address search.

Revision ID: 0002
Revises: 0003 (chained after the migrations merged before it: 0001 -> 0005 -> 0003)
Create Date: 2026-11-28

Written out in full (not derived from schema.py), like 0001.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "addresses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("street", sa.String(), nullable=False),
        sa.Column("house_number", sa.Integer(), nullable=False),
        sa.Column("suffix", sa.String(), nullable=False),
        sa.Column("postcode", sa.String(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_addresses"),
    )


def downgrade() -> None:
    op.drop_table("addresses")
