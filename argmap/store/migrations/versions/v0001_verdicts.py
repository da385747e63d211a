"""The verdicts table: one participant's verdict on one claim of a map, in a room.

A database that already has the table (made by argmap before migrations) keeps it.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("argmap_verdicts"):
        return
    op.create_table(
        "argmap_verdicts",
        sa.Column("room", sa.String(100), nullable=False),
        sa.Column("map_id", sa.String(200), nullable=False),
        sa.Column("claim_id", sa.String(80), nullable=False),
        sa.Column("participant", sa.String(100), nullable=False),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint(
            "room", "map_id", "claim_id", "participant", name="argmap_verdict_once"
        ),
    )


def downgrade() -> None:
    op.drop_table("argmap_verdicts")
