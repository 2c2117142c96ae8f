"""Initial schema: districts, indicator values, offers with their code lists, offices, meta.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Written out in full rather than derived from schema.py: a migration must keep creating
the schema it created on the day it was written, whatever schema.py says later.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

CODE_TABLES = (
    ("offer_needs", "need_code"),
    ("offer_audiences", "audience_code"),
    ("offer_languages", "language_code"),
)


def _string(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=nullable)


def upgrade() -> None:
    """Create all tables and start the data version at 0."""
    op.create_table(
        "districts",
        _string("id"),
        _string("name"),
        _string("stadtbezirk"),
        sa.Column("geometry_wkb", sa.LargeBinary(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_districts"),
    )
    op.create_table(
        "indicator_values",
        _string("district_id"),
        _string("indicator_key"),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        _string("source"),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint(
            "district_id", "indicator_key", "year", name="pk_indicator_values"
        ),
    )
    _create_offers()
    for table, code_column in CODE_TABLES:
        _create_code_table(table, code_column)
    _create_offices()
    meta = op.create_table(
        "meta",
        _string("key"),
        _string("value"),
        sa.PrimaryKeyConstraint("key", name="pk_meta"),
    )
    op.bulk_insert(meta, [{"key": "data_version", "value": "0"}])


def _create_offers() -> None:
    op.create_table(
        "offers",
        _string("id"),
        _string("name"),
        _string("provider"),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("min_age", sa.Float(), nullable=True),
        sa.Column("max_age", sa.Float(), nullable=True),
        _string("address"),
        _string("postcode"),
        _string("city"),
        _string("position_precision"),
        _string("district_id", nullable=True),
        sa.Column("opening_hours", sa.Text(), nullable=False),
        _string("hours_note"),
        sa.Column("free_of_charge", sa.Boolean(), nullable=True),
        _string("fee_text"),
        sa.Column("barrier_free", sa.Boolean(), nullable=True),
        _string("phone"),
        _string("email"),
        _string("website"),
        _string("status"),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("last_verified", sa.Date(), nullable=True),
        _string("source"),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_offers"),
    )
    op.create_index("ix_offers_district_id", "offers", ["district_id"])
    op.create_index("ix_offers_status", "offers", ["status"])


def _create_code_table(table: str, code_column: str) -> None:
    op.create_table(
        table,
        _string("offer_id"),
        _string(code_column),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=f"fk_{table}_offer_id_offers",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("offer_id", code_column, name=f"pk_{table}"),
    )


def _create_offices() -> None:
    op.create_table(
        "offices",
        _string("id"),
        _string("name"),
        _string("operator"),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        _string("address"),
        _string("postcode"),
        _string("city"),
        _string("position_precision"),
        _string("district_id", nullable=True),
        sa.Column("opening_hours", sa.Text(), nullable=False),
        _string("hours_note"),
        _string("phone"),
        _string("email"),
        _string("contact"),
        _string("staff_role"),
        _string("programme"),
        _string("source"),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_offices"),
    )


def downgrade() -> None:
    """Drop everything, the code lists before the offers they point to."""
    for table, _ in CODE_TABLES:
        op.drop_table(table)
    for table in ("offers", "offices", "meta", "indicator_values", "districts"):
        op.drop_table(table)
