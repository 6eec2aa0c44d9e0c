"""Named views of the shipments page: a filter, a sort and a column layout under a name.

Kept as one JSON object in the settings (``SHIPMENTS_SAVED_VIEWS``); the header state (sort,
order, widths, hidden columns) is stored as base64 with the column keys it was made for.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray

from ui import settings as keys
from ui.item_models.columns import COLUMNS
from ui.settings import Settings

#: The column set a header state belongs to; a state for other columns is not applied.
COLUMN_KEYS = ",".join(c.key for c in COLUMNS)


def _load(settings: Settings) -> dict[str, dict[str, Any]]:
    try:
        views = json.loads(settings.get(keys.SHIPMENTS_SAVED_VIEWS) or "{}")
    except ValueError:
        return {}  # an unreadable entry (hand-edited file) is treated as no views
    return views if isinstance(views, dict) else {}


def view_names(settings: Settings) -> list[str]:
    """The saved views' names, sorted case-insensitively."""
    return sorted(_load(settings), key=str.casefold)


def save_view(
    settings: Settings, name: str, filter_state: dict[str, Any], header: QByteArray
) -> None:
    """Store (or replace) a view."""
    views = _load(settings)
    views[name] = {
        "filter": filter_state,
        "header": bytes(header.toBase64().data()).decode("ascii"),
        "columns": COLUMN_KEYS,
    }
    settings.set(keys.SHIPMENTS_SAVED_VIEWS, json.dumps(views, ensure_ascii=False))


def load_view(settings: Settings, name: str) -> tuple[dict[str, Any], QByteArray] | None:
    """A view's filter state and header state (empty when made for other columns)."""
    view = _load(settings).get(name)
    if not isinstance(view, dict):
        return None
    header = QByteArray()
    if view.get("columns") == COLUMN_KEYS:
        header = QByteArray.fromBase64(QByteArray(str(view.get("header", "")).encode("ascii")))
    return dict(view.get("filter") or {}), header


def delete_view(settings: Settings, name: str) -> None:
    """Forget a view."""
    views = _load(settings)
    views.pop(name, None)
    settings.set(keys.SHIPMENTS_SAVED_VIEWS, json.dumps(views, ensure_ascii=False))
