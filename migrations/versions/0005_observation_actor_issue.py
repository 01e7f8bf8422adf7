"""observation actor and issue

A position's actor and issue get columns of their own, so that change detection reads them as stored rather
than splitting the "actor/issue" subject key. Existing rows are filled from that key.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 01:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('actor', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('issue', sa.String(length=100), nullable=True))
    observations = sa.table('observations', sa.column('id', sa.Integer), sa.column('kind', sa.String),
                            sa.column('subject', sa.String), sa.column('actor', sa.String),
                            sa.column('issue', sa.String))
    conn = op.get_bind()
    rows = conn.execute(sa.select(observations.c.id, observations.c.subject)
                        .where(observations.c.kind == 'position')).all()
    for row_id, subject in rows:
        actor, _, issue = subject.partition('/')
        conn.execute(observations.update().where(observations.c.id == row_id).values(actor=actor, issue=issue))


def downgrade() -> None:
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.drop_column('issue')
        batch_op.drop_column('actor')
