"""Preferences (Edit → Preferences…): the interface language, applied at the next start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import LANGUAGES
from ui.settings import LANGUAGE, Settings


class SettingsDialog(QDialog):
    """The user's preferences, saved in ``Settings`` when the dialog is accepted."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Preferences"))

        self._language = QComboBox(self)
        self._language.setObjectName("languageCombo")
        # Each language in its own script, so a user who cannot read the current one finds it.
        self._language.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGES.items():
            self._language.addItem(name, code)
        current = self._language.findData(settings.get(LANGUAGE))
        self._language.setCurrentIndex(max(current, 0))

        note = QLabel(
            self.tr(
                "The new language takes effect the next time Railgrain starts. It also sets "
                "how numbers, tonnes and dates are written, and the names of stations and goods."
            ),
            self,
        )
        note.setObjectName("languageNote")
        note.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        label = QLabel(self.tr("&Language:"), self)
        label.setBuddy(self._language)
        form.addRow(label, self._language)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def language(self) -> str:
        """The language chosen in the dialog ("" for the system's)."""
        return str(self._language.currentData())

    def set_language(self, code: str) -> None:
        """Choose a language ("" for the system's), as the user would in the list."""
        index = self._language.findData(code)
        if index < 0:
            raise ValueError(f"unknown language {code!r}")
        self._language.setCurrentIndex(index)

    def accept(self) -> None:
        self._settings.set(LANGUAGE, self.language())
        self._settings.sync()
        super().accept()
