"""observation doubtful

A stance that rests on an inference (a pronoun's antecedent, a condition read from a linking clause, a sentence
that says both for and against) is stored as doubtful: it is shown, never part of the history that alerts compare
with. Existing rows are certain, as they were read.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 04:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('doubtful', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.drop_column('doubtful')
