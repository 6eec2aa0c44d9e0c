"""PySide6 6.12.0 on Python 3.11 segfaults after a few thousand void calls or emissions.

pyproject.toml pins PySide6 below 6.12 on Python 3.11 (STYLE.md, "Known traps"); this test
fails, by crashing the test process, if a broken combination is installed anyway.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

CALLS = 50_000


class _Sender(QObject):
    ticked = Signal(int)


def test_many_signal_emissions_and_void_calls_do_not_crash(qtbot):
    sender = _Sender()
    widget = QWidget()
    qtbot.addWidget(widget)
    received: list[int] = []
    sender.ticked.connect(received.append)
    for i in range(CALLS):
        sender.ticked.emit(i)
        # Methods that return nothing: the calls whose reference counting broke.
        sender.setObjectName("tick")
        sender.blockSignals(False)
        widget.setEnabled(i % 2 == 0)
    assert len(received) == CALLS
    assert received[-1] == CALLS - 1
    assert sum(received) == CALLS * (CALLS - 1) // 2
