"""Planning scenarios: hypothetical offers in tables of their own.

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-28

Own tables, so a scenario can never be mistaken for a real offer (issue 9). Written out in
full rather than derived from schema.py, like 0001.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "scenarios",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_scenarios"),
    )
    op.create_table(
        "scenario_offers",
        sa.Column("scenario_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("needs", sa.String(), nullable=False),
        sa.Column("min_age", sa.Float(), nullable=True),
        sa.Column("max_age", sa.Float(), nullable=True),
        sa.Column("audience", sa.String(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenarios.id"],
            name="fk_scenario_offers_scenario_id_scenarios",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("scenario_id", "position", name="pk_scenario_offers"),
    )


def downgrade() -> None:
    op.drop_table("scenario_offers")
    op.drop_table("scenarios")
