"""The ``report`` command: a period summary or a train arrival sheet as PDF, without a screen.

``main.py report`` hands its parsed arguments to :func:`report`. Rendering needs Qt (fonts,
QTextDocument, QPdfWriter), so the command starts a QGuiApplication on the offscreen platform;
everything else is the same render path as the window's preview and printer.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

from models import commands
from models.errors import UserError

KINDS = ("summary", "train")


def parse_day(text: str, option: str) -> date:
    """A date written YYYY-MM-DD.

    Raises:
        UserError: ``text`` is not such a date (or names a day that does not exist).
    """
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{option}: not a date (YYYY-MM-DD): {text!r}") from None


def report(
    db: str | None,
    out: str,
    first: str | None,
    last: str | None,
    *,
    lang: str = "en",
    kind: str = "summary",
    train: str | None = None,
) -> int:
    """Write the report to the PDF file ``out``; exit code 0, or 1 with a message on stderr.

    Nothing is left at ``out`` when the report cannot be made.
    """
    return commands._run(
        "report", db, lambda _url: _report(db, out, first, last, lang, kind, train)
    )


def _report(
    db: str | None,
    out: str,
    first_text: str | None,
    last_text: str | None,
    lang: str,
    kind: str,
    train: str | None,
) -> int:
    first = parse_day(first_text, "--from") if first_text else None
    last = parse_day(last_text, "--to") if last_text else None
    from models.services.reports import check_period, period_summary, train_report

    if first is not None and last is not None:
        check_period(first, last)
    target = Path(out).expanduser().absolute()
    if not target.parent.is_dir():
        raise UserError(f"cannot write {target}: the folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK):
        raise UserError(f"cannot write {target}: the folder is not writable")
    app = _application()
    from models.services.session import open_database
    from ui.reports.document import summary_document, train_document
    from ui.reports.printing import write_pdf
    from ui.settings import REPORT_COMPANY, REPORT_PAPER, Settings

    database = open_database(db, create=False)
    try:
        if kind == "train":
            assert train is not None  # main.py requires --train for this kind
            document = train_document(train_report(database, train, lang))
        else:
            assert first is not None and last is not None  # main.py requires both
            document = summary_document(period_summary(database, first, last, lang))
    finally:
        database.dispose()
    settings = Settings()
    pages = write_pdf(
        document,
        target,
        paper=settings.get(REPORT_PAPER),
        company=settings.get(REPORT_COMPANY),
        printed_at=datetime.now(),
    )
    del app
    print(f"Wrote {target}: {pages} page{'s' if pages != 1 else ''}")
    return 0


def _application() -> object:
    # No screen is needed to lay out and write a PDF; a developer can still choose another
    # platform through QT_QPA_PLATFORM.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    # The names ui.app gives the window's application, so QSettings finds the same settings
    # (ui.app itself is not imported: it loads the whole window).
    app.setApplicationName("Railgrain")
    app.setOrganizationName("Railgrain")
    return app
