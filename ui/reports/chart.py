"""The monthly chart of the period summary, painted as a picture for the printed page.

Bars of tonnes arrived each month, stacked by commodity, with the same month of the previous
year as a hollow bar beside them. Painted with QPainter on a QImage, so it needs no screen and
looks the same in the preview, on paper and in the PDF.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen

from models.services.reports.labels import word
from models.services.reports.summary import MonthLine
from ui.reports.formatting import ReportFormat
from ui.reports.printing import CHART_ASPECT, report_font

#: Colours of the commodities, in order of tonnage; the rest share the last one.
PALETTE = ("#2f6fb0", "#e0902b", "#3c9a5f", "#c0504d", "#8064a2", "#4bacc6", "#9c9c9c")
#: Pixels of the picture's width (it is scaled down to the body width when printed).
WIDTH = 2400


def monthly_chart(months: tuple[MonthLine, ...], lang: str, title: str = "") -> QImage:
    """The chart of ``months`` with ``title`` above it, words and numbers in ``lang``."""
    fmt = ReportFormat(lang)
    image = QImage(WIDTH, int(WIDTH / CHART_ASPECT), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    by_month: dict[date, dict[str, int]] = defaultdict(dict)
    previous: dict[date, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for line in months:
        by_month[line.month][line.commodity] = line.net_kg
        previous[line.month] += line.previous_kg
        totals[line.commodity] += line.net_kg
    order = sorted(totals, key=lambda name: -totals[name])
    colours = {name: QColor(PALETTE[min(i, len(PALETTE) - 1)]) for i, name in enumerate(order)}
    keys = sorted(set(by_month) | set(previous))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint(painter, image, fmt, title, keys, by_month, previous, order, colours)
    finally:
        painter.end()
    return image


def _paint(
    painter: QPainter,
    image: QImage,
    fmt: ReportFormat,
    title: str,
    keys: list[date],
    by_month: dict[date, dict[str, int]],
    previous: dict[date, int],
    order: list[str],
    colours: dict[str, QColor],
) -> None:
    heading = report_font(fmt.lang, 40)  # pixels of a 2400-wide picture, about 10.5 pt printed
    heading.setBold(True)
    painter.setFont(heading)
    painter.setPen(QPen(QColor("black")))
    title_height = QFontMetricsF(heading, image).height() * 1.4 if title else 0.0
    painter.drawText(
        QRectF(0, 0, image.width(), title_height),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        title,
    )
    font = report_font(fmt.lang, 30)  # about 8 pt printed
    painter.setFont(font)
    metrics = QFontMetricsF(font, image)
    line = metrics.height()
    width, height = image.width(), image.height()
    legend_height = line * 2.8  # up to two lines
    left, right, bottom = metrics.horizontalAdvance("0" * 9), 20.0, line * 2.2
    top = title_height + line / 2
    plot = QRectF(left, top, width - left - right, height - top - bottom - legend_height)
    highest = max([sum(by_month[m].values()) for m in keys] + [previous[m] for m in keys] + [1000])
    step = _nice_step(highest / 1000 / 5)
    top_t = step * (int(highest / 1000 / step) + 1)
    painter.setPen(QPen(QColor("#cccccc"), 2))
    for i in range(int(top_t / step) + 1):
        y = plot.bottom() - plot.height() * i * step / top_t
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QPen(QColor("#333333")))
        label = fmt.number(int(i * step))
        painter.drawText(
            QRectF(0, y - line / 2, left - 12, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        painter.setPen(QPen(QColor("#cccccc"), 2))
    slot = plot.width() / max(len(keys), 1)
    bar = slot * 0.36
    for i, month in enumerate(keys):
        x = plot.left() + i * slot + slot * 0.1
        y = plot.bottom()
        for name in order:
            kg = by_month[month].get(name, 0)
            h = plot.height() * kg / 1000 / top_t
            painter.fillRect(QRectF(x, y - h, bar, h), colours[name])
            y -= h
        h = plot.height() * previous[month] / 1000 / top_t
        painter.setPen(QPen(QColor("#555555"), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x + bar + 4, plot.bottom() - h, bar, h))
        painter.setPen(QPen(QColor("#333333")))
        # The year only where it starts (and on the first bar): twelve labels must fit.
        label = fmt.month(month)
        if i == 0 or month.month == 1:
            label += f" {month.year}"
        painter.drawText(
            QRectF(plot.left() + i * slot, plot.bottom() + 4, slot, line * 1.2),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            label,
        )
    painter.setPen(QPen(QColor("#333333"), 2))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    _legend(painter, metrics, fmt, order, colours, plot.left(), height - legend_height, line)


def _legend(
    painter: QPainter,
    metrics: QFontMetricsF,
    fmt: ReportFormat,
    order: list[str],
    colours: dict[str, QColor],
    x: float,
    y: float,
    line: float,
) -> None:
    box = line * 0.7
    entries: list[tuple[str, QColor | None]] = [(n, colours[n]) for n in order[:6]]
    entries.append((word("last_year", fmt.lang), None))
    left = x
    for name, colour in entries:
        if x + box + 10 + metrics.horizontalAdvance(name) > painter.device().width():
            x, y = left, y + line * 1.2  # the next line of the legend
        rect = QRectF(x, y + (line - box) / 2, box, box)
        if colour is None:
            painter.setPen(QPen(QColor("#555555"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        else:
            painter.fillRect(rect, colour)
        painter.setPen(QPen(QColor("#333333")))
        painter.drawText(QPointF(x + box + 10, y + metrics.ascent() + 2), name)
        x += box + 30 + metrics.horizontalAdvance(name)


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw``."""
    magnitude = 1.0
    while magnitude * 10 <= raw:
        magnitude *= 10
    while magnitude > raw and magnitude > 0.001:
        magnitude /= 10
    for factor in (1, 2, 5, 10):
        if magnitude * factor >= raw:
            return magnitude * factor
    return magnitude * 10
