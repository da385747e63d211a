"""The class tables: classes, people, students' versions, submissions and sign-in sessions
(argmap.store.classes).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())

    def create_table(name: str, *columns: Any) -> None:
        if name not in existing:  # made by argmap before migrations: kept
            op.create_table(name, *columns)

    create_table(
        "argmap_classes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("start", sa.String(12), nullable=False),
        sa.Column("code", sa.String(16), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    create_table(
        "argmap_people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("class_id", sa.Integer, sa.ForeignKey("argmap_classes.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("external_id", sa.String(255), nullable=True),
        sa.UniqueConstraint("class_id", "name", name="argmap_person_once"),
        sa.UniqueConstraint("class_id", "external_id", name="argmap_external_once"),
    )
    create_table(
        "argmap_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("argmap_people.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("person_id", "number", name="argmap_version_once"),
    )
    create_table(
        "argmap_submissions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("argmap_people.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    )
    create_table(
        "argmap_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("argmap_people.id"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("argmap_sessions", "argmap_submissions", "argmap_versions", "argmap_people",
                  "argmap_classes"):  # fmt: skip
        op.drop_table(table)
