"""Russian names of the Chinese destination stations (Qingtongxia, Xi'an, Lanzhou).

The reference data had none, so a register from a Kazakh or Russian supplier ("ст. Цинтунся")
was refused and Russian reports showed these stations in English. Only a name still empty
is filled: a name a user gave is kept.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: English name → Russian name, frozen here as a migration must be (see stations.csv).
NAMES_RU = {
    "Qingtongxia": "Цинтунся",
    "Xi'an International Port": "Сиань, международный порт",
    "Lanzhou Zhongchuan North": "Ланьчжоу Чжунчуань Северный",
}

_stations = sa.table("stations", sa.column("name", sa.String), sa.column("name_ru", sa.String))


def upgrade() -> None:
    """Fill the empty Russian names."""
    for name, name_ru in NAMES_RU.items():
        op.execute(
            _stations.update()
            .where(_stations.c.name == name)
            .where(sa.or_(_stations.c.name_ru.is_(None), _stations.c.name_ru == ""))
            .values(name_ru=name_ru)
        )


def downgrade() -> None:
    """Empty the Russian names this revision gave (unless a user changed them since)."""
    for name, name_ru in NAMES_RU.items():
        op.execute(
            _stations.update()
            .where(_stations.c.name == name, _stations.c.name_ru == name_ru)
            .values(name_ru=None)
        )
