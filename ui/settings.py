"""Every setting Railgrain keeps, declared once with its type and default, over QSettings.

Nothing else reads or writes QSettings with a raw key string: code asks ``Settings`` for a
declared ``Key``. A renamed key lists its old names, and the first read moves the value over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    """A declared setting: where it is stored, its type, its default and its former names."""

    name: str
    type: type[T]
    default: T
    old_names: tuple[str, ...] = ()


#: The main window's geometry (QWidget.saveGeometry).
MAIN_WINDOW_GEOMETRY: Key[QByteArray] = Key("main_window/geometry", QByteArray, QByteArray())
#: The main window's toolbars and docks (QMainWindow.saveState).
MAIN_WINDOW_STATE: Key[QByteArray] = Key("main_window/state", QByteArray, QByteArray())
#: The shipments table's column widths, order, hidden columns and sort (QHeaderView.saveState).
SHIPMENTS_HEADER_STATE: Key[QByteArray] = Key("shipments/header_state", QByteArray, QByteArray())
#: The column keys the saved header state was made for; a different set discards the state.
SHIPMENTS_HEADER_COLUMNS: Key[str] = Key("shipments/header_columns", str, "")
#: The filter bar's controls when the app was last closed (JSON of FilterBar.state()).
SHIPMENTS_LAST_FILTER: Key[str] = Key("shipments/last_filter", str, "")
#: Named views: JSON {name: {"filter": state, "header": base64 header state, "columns": keys}}.
SHIPMENTS_SAVED_VIEWS: Key[str] = Key("shipments/saved_views", str, "")

#: Import column mappings the user chose, as JSON: {header-set key: {column index: field}}.
IMPORT_MAPPINGS: Key[str] = Key("import/mappings", str, "")
#: The folder of the last imported or exported file.
IMPORT_EXPORT_FOLDER: Key[str] = Key("import/folder", str, "")

ALL_KEYS: tuple[Key[object], ...] = cast(
    "tuple[Key[object], ...]",
    (
        MAIN_WINDOW_GEOMETRY,
        MAIN_WINDOW_STATE,
        SHIPMENTS_HEADER_STATE,
        SHIPMENTS_HEADER_COLUMNS,
        SHIPMENTS_LAST_FILTER,
        SHIPMENTS_SAVED_VIEWS,
    ),
)


class Settings:
    """Typed access to the user's settings.

    Created when needed, never at import: ``QSettings()`` reads the organization and
    application names that ``ui.app`` sets on the QApplication.
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def get(self, key: Key[T]) -> T:
        """The stored value of ``key``, or its default when unset or unreadable."""
        self._migrate(key)
        if not self._store.contains(key.name):
            return key.default
        value = self._store.value(key.name, key.default, type=key.type)
        return cast("T", value) if isinstance(value, key.type) else key.default

    def set(self, key: Key[T], value: T) -> None:
        """Store ``value`` under ``key``."""
        self._store.setValue(key.name, value)

    def reset(self, key: Key[T]) -> None:
        """Forget the stored value, so the default applies again."""
        self._store.remove(key.name)

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._store.sync()

    def _migrate(self, key: Key[T]) -> None:
        # A declared rename: carry the newest old value over once, then drop the old names.
        if self._store.contains(key.name):
            return
        for old in key.old_names:
            if self._store.contains(old):
                self._store.setValue(key.name, self._store.value(old))
                break
        for old in key.old_names:
            self._store.remove(old)
