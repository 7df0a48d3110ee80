"""their data: workouts imported from other apps' exports, and exercises of an athlete's own

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-04 23:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0030"
down_revision: str | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "workout_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("app", sa.String(length=8), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("file_id", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("workouts", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("app IN ('strong', 'hevy')", name=op.f("ck_workout_imports_app")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.telegram_id"],
            name=op.f("fk_workout_imports_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workout_imports")),
        sa.UniqueConstraint("user_id", "content_hash", name=op.f("uq_workout_imports_user_id")),
    )
    with op.batch_alter_table("workouts") as batch_op:
        batch_op.add_column(sa.Column("import_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_workouts_import_id"), ["import_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_workouts_import_id_workout_imports"),
            "workout_imports",
            ["import_id"],
            ["id"],
            ondelete="CASCADE",
        )
    with op.batch_alter_table("exercises") as batch_op:
        batch_op.add_column(sa.Column("owner_id", sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f("ix_exercises_owner_id"), ["owner_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_exercises_owner_id_users"),
            "users",
            ["owner_id"],
            ["telegram_id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("exercises") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_exercises_owner_id_users"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_exercises_owner_id"))
        batch_op.drop_column("owner_id")
    with op.batch_alter_table("workouts") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_workouts_import_id_workout_imports"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_workouts_import_id"))
        batch_op.drop_column("import_id")
    op.drop_table("workout_imports")
