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
#: The page shown when the app was last closed: "dashboard", "shipments" or "charts".
MAIN_WINDOW_PAGE: Key[str] = Key("main_window/page", str, "shipments")

#: Import column mappings the user chose, as JSON: {header-set key: {column index: field}}.
IMPORT_MAPPINGS: Key[str] = Key("import/mappings", str, "")
#: The folder of the last imported or exported file.
IMPORT_EXPORT_FOLDER: Key[str] = Key("import/folder", str, "")

#: Daily automatic backups of a SQLite database kept per database (0: no automatic backup).
AUTO_BACKUP_KEEP: Key[int] = Key("backup/auto_keep", int, 7)
#: Where automatic backups go; empty: "backups" in the user data folder, next to the data.
AUTO_BACKUP_FOLDER: Key[str] = Key("backup/auto_folder", str, "")
#: The folder of the last backup made or restored through File → Backup / Restore.
BACKUP_FOLDER: Key[str] = Key("backup/folder", str, "")

#: The interface language: "" follows the system, else a key of ``ui.i18n.LANGUAGES``
#: ("en", "zh_CN", "ru"). Read at start: a change applies when Railgrain starts again.
LANGUAGE: Key[str] = Key("general/language", str, "")

#: The company name printed at the top of every report page.
REPORT_COMPANY: Key[str] = Key("reports/company", str, "")
#: The reports' paper: "A4" or "Letter".
REPORT_PAPER: Key[str] = Key("reports/paper", str, "A4")
#: The language of the last report printed ("en", "zh" or "ru").
REPORT_LANGUAGE: Key[str] = Key("reports/language", str, "en")

ALL_KEYS: tuple[Key[object], ...] = cast(
    "tuple[Key[object], ...]",
    (
        MAIN_WINDOW_GEOMETRY,
        MAIN_WINDOW_STATE,
        SHIPMENTS_HEADER_STATE,
        SHIPMENTS_HEADER_COLUMNS,
        SHIPMENTS_LAST_FILTER,
        SHIPMENTS_SAVED_VIEWS,
        MAIN_WINDOW_PAGE,
        LANGUAGE,
        AUTO_BACKUP_KEEP,
        AUTO_BACKUP_FOLDER,
        BACKUP_FOLDER,
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
