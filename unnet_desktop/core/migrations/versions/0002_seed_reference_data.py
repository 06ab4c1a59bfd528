"""seed reference data: GCM objectives, guiding principles, UNSDCF results groups, default lists

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

from alembic import op

from unnet_desktop.core.reference_data import seed_default_distribution_lists, seed_reference_data

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    seed_reference_data(conn)
    seed_default_distribution_lists(conn)


def downgrade() -> None:
    pass
