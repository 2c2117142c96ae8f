"""Unmet needs („Bedarf anmelden“): anonymous records of needs that no offer met.

Revision ID: 0003
Revises: 0005 (chained after main's head at merge time; the number only names the file)
Create Date: 2026-11-28

Written out in full, like 0001, so it keeps creating the same table whatever schema.py
says later.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "unmet_needs",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("office_id", sa.String(), nullable=False),
        sa.Column("district_id", sa.String(), nullable=True),
        sa.Column("age_groups", sa.String(), nullable=False),
        sa.Column("needs", sa.String(), nullable=False),
        sa.Column("languages", sa.String(), nullable=False),
        sa.Column("missing", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_unmet_needs"),
    )
    op.create_index("ix_unmet_needs_reported_on", "unmet_needs", ["reported_on"])
    op.create_index("ix_unmet_needs_office_id", "unmet_needs", ["office_id"])


def downgrade() -> None:
    op.drop_table("unmet_needs")
