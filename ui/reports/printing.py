"""The one render path: a report's HTML laid out by QTextDocument, painted page by page.

The same :func:`render` paints the print preview, the printer and the PDF (Qt's textedit
example connects ``paintRequested`` to its print function the same way). QTextDocument.print()
cannot draw a header and a footer, so pages are painted here: the document is laid out in the
body's size on the device, and each page draws its slice of it (``drawContents`` with a clip
rectangle) between the header (company, title, period) and the footer (printed at, page X of
Y). Table headers repeat on every page (``<thead>``). QTextDocument moves a table row whose
first lines do not fit to the next page whole, but splits a row of wrapped cells between its
lines; so no cell wraps (``white-space: nowrap``) and long texts come as continuation rows of
one line each (see ``ui/reports/document.py``).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from models.errors import UserError
from models.services.reports.labels import word
from ui.reports.formatting import ReportFormat
from ui.reports.pdf_text import fix_to_unicode

#: Paper sizes offered; A4 is the default.
PAPERS: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
#: Page margins (mm) and the bands the header and footer take inside them.
MARGIN_MM = 15.0
HEADER_MM = 16.0
FOOTER_MM = 9.0
#: The CJK font (Debian fonts-noto-cjk); its glyphs also serve Latin and Cyrillic.
CJK_FAMILY = "Noto Sans CJK SC"
#: The font of each report language. One family each: a list of fallbacks makes the layout
#: about twice as slow, and Qt falls back to an installed font for any other script anyway
#: (a Chinese company name in an English report).
FAMILIES: dict[str, list[str]] = {
    "zh": [CJK_FAMILY],
    "en": ["DejaVu Sans"],
    "ru": ["DejaVu Sans"],
}
BODY_POINT_SIZE = 8.5
#: Stand-ins in the HTML for the chart's size, known only once the page is.
CHART_WIDTH = "{{chart_width}}"
CHART_HEIGHT = "{{chart_height}}"
#: Width : height of the chart picture.
CHART_ASPECT = 2.6


@dataclass
class ReportDocument:
    """A report ready to print: its words, its HTML and the pictures the HTML names."""

    title: str
    period: str
    lang: str
    html: str
    #: "chart:name" → picture, referenced by <img src="chart:name"> in ``html``.
    images: dict[str, QImage] = field(default_factory=dict)


def stylesheet() -> str:
    """The report stylesheet (report.css next to this module)."""
    return (Path(__file__).with_name("report.css")).read_text(encoding="utf-8")


def report_font(lang: str, point_size: float = BODY_POINT_SIZE) -> QFont:
    """The font a report in ``lang`` is written in."""
    font = QFont()
    font.setFamilies(FAMILIES[lang])
    font.setPointSizeF(point_size)
    # No ligatures or contextual glyph variants: a PDF maps each glyph back to a character,
    # and "ﬂ" or an alternate digit would not come back as "fl" or "1" when text is copied.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


def page_layout(paper: str = "A4") -> QPageLayout:
    """Portrait ``paper`` ("A4" or "Letter") with the report's margins."""
    return QPageLayout(
        QPageSize(PAPERS[paper]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def build_document(report: ReportDocument, device: QPagedPaintDevice) -> tuple[QTextDocument, int]:
    """Lay ``report`` out for ``device``'s page; return the document and the body height."""
    dpi = device.logicalDpiY()
    paint_rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    mm = dpi / 25.4
    body_height = int(paint_rect.height() - (HEADER_MM + FOOTER_MM) * mm)
    width = paint_rect.width()
    doc = QTextDocument()
    # Laid out in the device's own pixels: fonts and table widths as they will print.
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(report_font(report.lang))
    doc.setDefaultStyleSheet(stylesheet())
    doc.setDocumentMargin(0)
    for name, image in report.images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    # QTextDocument scales pictures from screen pixels (96 per inch) to the device's.
    chart_width = int(width * 0.98 * 96 / device.logicalDpiX())
    html = report.html.replace(CHART_WIDTH, str(chart_width)).replace(
        CHART_HEIGHT, str(int(chart_width / CHART_ASPECT))
    )
    # The page size first: with a paint device set, setHtml() lays the document out at once,
    # and a page size set afterwards would lay it all out a second time.
    doc.setPageSize(QSizeF(width, body_height))
    doc.setHtml(html)
    return doc, body_height


def render(
    report: ReportDocument,
    device: QPagedPaintDevice,
    *,
    company: str = "",
    printed_at: datetime | None = None,
) -> int:
    """Paint ``report`` on ``device`` (printer, preview or PDF writer); return the page count.

    The device's page layout (paper, margins) must be set before.
    """
    printed_at = printed_at or datetime.now()
    doc, body_height = build_document(report, device)
    fmt = ReportFormat(report.lang)
    pages = doc.pageCount()
    width = doc.pageSize().width()
    mm = device.logicalDpiY() / 25.4
    header = HEADER_MM * mm
    printed = f"{word('printed', report.lang)}: {fmt.timestamp(printed_at)}"
    painter = QPainter()
    if not painter.begin(device):
        raise UserError("cannot start printing (the printer or file refused to open)")
    try:
        for page in range(pages):
            if page and not device.newPage():
                raise UserError("cannot start a new page (the printer or file refused)")
            _paint_header(painter, report, company, width, header, mm)
            painter.save()
            painter.translate(0, header - page * body_height)
            doc.drawContents(painter, QRectF(0, page * body_height, width, body_height))
            painter.restore()
            footer_top = header + body_height
            _paint_footer(
                painter,
                printed,
                word("page_of", report.lang, page + 1, pages),
                report.lang,
                QRectF(0, footer_top, width, FOOTER_MM * mm),
                mm,
            )
    finally:
        painter.end()
    return pages


def _paint_header(
    painter: QPainter,
    report: ReportDocument,
    company: str,
    width: float,
    height: float,
    mm: float,
) -> None:
    big = report_font(report.lang, 12)
    big.setBold(True)
    small = report_font(report.lang, 8.5)
    painter.setPen(QPen(Qt.GlobalColor.black))
    line = QFontMetricsF(small, painter.device()).height()
    top = QRectF(0, 0, width, line)
    painter.setFont(small)
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, company)
    painter.drawText(
        top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, report.period
    )
    painter.setFont(big)
    title_height = QFontMetricsF(big, painter.device()).height()
    painter.drawText(
        QRectF(0, line + 0.5 * mm, width, title_height),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        report.title,
    )
    rule = line + title_height + 1.5 * mm
    painter.setPen(QPen(Qt.GlobalColor.black, 0.3 * mm))
    painter.drawLine(0, int(rule), int(width), int(rule))


def _paint_footer(
    painter: QPainter, printed: str, page: str, lang: str, rect: QRectF, mm: float
) -> None:
    painter.setPen(QPen(Qt.GlobalColor.black, 0.2 * mm))
    top = rect.top() + 2 * mm
    painter.drawLine(0, int(top), int(rect.width()), int(top))
    painter.setFont(report_font(lang, 7.5))
    text_rect = QRectF(0, top + 1 * mm, rect.width(), rect.height() - 3 * mm)
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, printed)
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page)


def write_pdf(
    report: ReportDocument,
    path: str | os.PathLike[str],
    *,
    paper: str = "A4",
    company: str = "",
    printed_at: datetime | None = None,
) -> int:
    """Write ``report`` to the PDF file ``path``; return the page count.

    The PDF is written next to ``path`` under a temporary name and renamed at the end, so a
    failure never leaves a partial file behind.

    Raises:
        UserError: The folder does not exist or cannot be written.
    """
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise UserError(f"cannot write {target}: it is a folder")
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror}") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer = QPdfWriter(str(temp))
        writer.setPageLayout(page_layout(paper))
        writer.setResolution(600)
        writer.setTitle(report.title)
        writer.setCreator("Railgrain")
        pages = render(report, writer, company=company, printed_at=printed_at)
        del writer  # closes the file
        temp.write_bytes(fix_to_unicode(temp.read_bytes(), CJK_FAMILY))
        os.replace(temp, target)
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror}") from None
    finally:
        temp.unlink(missing_ok=True)
    return pages
