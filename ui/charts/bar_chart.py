"""A bar chart over pyqtgraph: grouped or stacked bars, a legend, tooltips, click to drill down.

Pages give it plain ``Bar`` values built from the figures API (``models.services.figures``);
each bar may carry the ``Filter`` of the shipments it stands for, and a click on it emits
``bar_clicked`` with that bar, so the page can open the workspace filtered to exactly those
shipments. The value axis formats its numbers with QLocale; the category axis takes
ready-made labels (months, routes, suppliers). ``save`` writes PNG or SVG through
pyqtgraph's exporters.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from models.services.queries import Filter
from ui.charts.palette import background, brush, faded, foreground


@dataclass(frozen=True)
class Series:
    """One legend entry: a name and a colour; ``comparison`` draws it see-through."""

    name: str
    colour: QColor
    comparison: bool = False
    #: A texture besides the colour (the palette repeats after eight series).
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern


@dataclass(frozen=True)
class Bar:
    """One rectangle: where it stands on the category axis and how far it reaches.

    ``value`` is the bar's length in value-axis units (tonnes, days, shipments); it starts at
    ``base`` (stacked bars start where the one below ends).
    """

    series: int
    position: float
    value: float
    base: float = 0.0
    thickness: float = 0.8
    #: Rich text for the hover tooltip (exact figures).
    tooltip: str = ""
    #: The shipments behind the bar; None: the bar is not clickable.
    filter: Filter | None = None
    #: A short description for "from chart: …" in the workspace.
    label: str = ""
    #: This bar's own fill, where a series mixes colours (the previous year by commodity).
    colour: QColor | None = None
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern


def locale_number(value: float, decimals: int) -> str:
    """A number in the user's locale (grouping, decimal separator)."""
    return QLocale().toString(float(value), "f", max(0, decimals))


class ValueAxis(pg.AxisItem):
    """Tick labels with the locale's grouping and decimal separator (1,250.5 or 1 250,5)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        decimals = 0 if spacing >= 1 else max(0, -math.floor(math.log10(spacing * scale)))
        return [locale_number(v * scale, decimals) for v in values]


class BarChart(QWidget):
    """Bars with a legend above, locale-formatted value axis, tooltips and clickable bars."""

    #: A clickable bar was clicked; the argument is the ``Bar`` (its ``filter`` is set).
    bar_clicked = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        horizontal: bool = False,
        value_label: str = "",
        category_label: str = "",
    ) -> None:
        super().__init__(parent)
        self._horizontal = horizontal
        self._series: list[Series] = []
        self._bars: list[Bar] = []
        self._items: list[pg.BarGraphItem] = []
        self._markers: list[pg.InfiniteLine] = []
        self._message: pg.TextItem | None = None
        self._hovered: Bar | None = None
        self._ticks: list[tuple[float, str]] = []
        self._empty_text = ""
        self._marker_specs: list[tuple[float, QColor, str]] = []
        self._legend_key: object = None

        self._graphics = pg.GraphicsLayoutWidget(self)
        self._graphics.setObjectName("chartView")
        value_side = "bottom" if horizontal else "left"
        self._value_axis = ValueAxis(value_side)
        self._legend = pg.LegendItem(colCount=4, labelTextSize="9pt", frame=False)
        self._graphics.addItem(self._legend, row=0, col=0)
        self._plot: pg.PlotItem = self._graphics.addPlot(
            row=1, col=0, axisItems={value_side: self._value_axis}
        )
        self._plot.setMouseEnabled(x=False, y=False)
        self._plot.setMenuEnabled(False)
        self._plot.hideButtons()
        self._plot.showGrid(x=horizontal, y=not horizontal, alpha=0.25)
        self._value_axis.setLabel(value_label)
        if category_label:
            self._plot.getAxis("left" if horizontal else "bottom").setLabel(category_label)
        self._graphics.ci.layout.setRowStretchFactor(1, 10)

        scene = self._graphics.scene()
        scene.sigMouseMoved.connect(self._on_scene_mouse_moved)
        scene.sigMouseClicked.connect(self._on_scene_mouse_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._graphics)
        self._apply_palette()

    # -- public -----------------------------------------------------------------------------

    def set_data(
        self,
        series: Sequence[Series],
        bars: Sequence[Bar],
        ticks: Sequence[tuple[float, str]],
        *,
        empty_text: str = "",
    ) -> None:
        """Replace the chart's bars, legend and category labels (markers are removed)."""
        self._series = list(series)
        self._bars = list(bars)
        self._ticks = list(ticks)
        self._empty_text = empty_text
        self._marker_specs = []
        self._redraw()

    def _redraw(self) -> None:
        for marker in self._markers:
            self._plot.removeItem(marker)
        self._markers = []
        key = (
            tuple((s.name, s.colour.name(), s.comparison, s.pattern) for s in self._series),
            self.palette().cacheKey(),
        )
        if key == self._legend_key:
            # The same series (a refresh after a change): new geometry on the same items is
            # much cheaper than new items and a new legend.
            for index, (one, item) in enumerate(zip(self._series, self._items, strict=True)):
                item.setOpts(**self._bar_opts(one, [b for b in self._bars if b.series == index]))
        else:
            for item in self._items:
                self._plot.removeItem(item)
            self._items = []
            self._legend.clear()
            for index, one in enumerate(self._series):
                mine = [b for b in self._bars if b.series == index]
                item = pg.BarGraphItem(**self._bar_opts(one, mine), name=one.name)
                item.setOpts(brush=brush(self._fill(one), one.pattern))  # the legend's sample
                self._plot.addItem(item)
                self._items.append(item)
                self._legend.addItem(item, one.name)
            self._legend_key = key
        category_axis = self._plot.getAxis("left" if self._horizontal else "bottom")
        category_axis.setTicks([self._ticks])
        if self._horizontal:
            metrics = QFontMetrics(category_axis.font() or QFont())
            labels = [label for _pos, label in self._ticks]
            widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
            category_axis.setWidth(min(320, widest + 16))
        self._show_message(self._empty_text if not self._bars else "")
        self._plot.enableAutoRange()
        # now, not at the next paint: positions (tooltips, tests' clicks) are right at once
        self._plot.vb.updateAutoRange()
        for index, (position, colour, text) in enumerate(self._marker_specs):
            self._draw_marker(position, colour, text, index)

    def add_marker(self, position: float, colour: QColor, text: str) -> pg.InfiniteLine:
        """A dashed line across the chart at ``position`` on the category axis, labelled."""
        self._marker_specs.append((position, QColor(colour), text))
        return self._draw_marker(position, colour, text, len(self._marker_specs) - 1)

    def _draw_marker(
        self, position: float, colour: QColor, text: str, index: int = 0
    ) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            pos=position,
            angle=0 if self._horizontal else 90,
            pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine),
            label=text,
            # labels of several markers step down so that equal medians stay readable
            labelOpts={
                "position": 0.95 - 0.07 * (index % 6),
                "color": colour,
                "fill": background(self.palette()),
            },
        )
        self._plot.addItem(line)
        self._markers.append(line)
        return line

    def series(self) -> list[Series]:
        """The legend entries, in order."""
        return list(self._series)

    def bars(self) -> list[Bar]:
        """Every bar as given to :meth:`set_data`."""
        return list(self._bars)

    def bar_items(self) -> list[pg.BarGraphItem]:
        """The pyqtgraph items drawn, one per series (index as in :meth:`series`)."""
        return list(self._items)

    def markers(self) -> list[pg.InfiniteLine]:
        """The marker lines drawn by :meth:`add_marker`."""
        return list(self._markers)

    def plot_item(self) -> pg.PlotItem:
        """The pyqtgraph plot."""
        return self._plot

    def graphics_view(self) -> pg.GraphicsLayoutWidget:
        """The view that receives the mouse (for tests: click its viewport)."""
        return self._graphics

    def bar_centre(self, bar: Bar) -> QPointF:
        """Where the middle of ``bar`` is, in the viewport's coordinates."""
        middle = bar.base + bar.value / 2
        point = QPointF(middle, bar.position) if self._horizontal else QPointF(bar.position, middle)
        scene = self._plot.vb.mapViewToScene(point)
        return QPointF(self._graphics.mapFromScene(scene))

    def bar_at(self, scene_pos: QPointF) -> Bar | None:
        """The visible bar under a scene position, if any (the last drawn wins)."""
        if not self._plot.vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = self._plot.vb.mapSceneToView(scene_pos)
        along, across = (point.y(), point.x()) if self._horizontal else (point.x(), point.y())
        for bar in reversed(self._bars):
            if not self._items[bar.series].isVisible():
                continue  # hidden from the legend
            low, high = sorted((bar.base, bar.base + bar.value))
            half = bar.thickness / 2
            if bar.position - half <= along <= bar.position + half and low <= across <= high:
                return bar
        return None

    def save(self, path: str | Path) -> None:
        """Write the chart (legend included) as SVG when ``path`` ends in .svg, else as PNG."""
        target = str(path)
        item = self._graphics.ci
        if target.lower().endswith(".svg"):
            self._save_svg(target)
            return
        exporter = ImageExporter(item)
        # twice the screen size: crisp when pasted into a document
        exporter.parameters()["width"] = max(800, int(item.boundingRect().width() * 2))
        exporter.parameters()["background"] = background(self.palette())
        exporter.export(target)

    def _save_svg(self, target: str) -> None:
        # Qt's own SVG generator: pyqtgraph's SVGExporter fails on the path syntax Qt 6 writes
        # (pyqtgraph issue #3485); painting the view into QSvgGenerator keeps it vector.
        view = self._graphics
        rect = view.viewport().rect()
        generator = QSvgGenerator()
        generator.setFileName(target)
        generator.setSize(rect.size())
        generator.setViewBox(rect)
        painter = QPainter(generator)
        try:
            painter.fillRect(rect, background(self.palette()))
            view.render(painter, QRectF(rect), rect)
        finally:
            painter.end()

    # -- drawing ----------------------------------------------------------------------------

    @staticmethod
    def _fill(series: Series) -> QColor:
        return faded(series.colour) if series.comparison else series.colour

    def _bar_opts(self, series: Series, bars: list[Bar]) -> dict[str, object]:
        """BarGraphItem options for one series' bars: geometry, fills and outline."""
        pen = pg.mkPen(series.colour if series.comparison else foreground(self.palette()))
        pen.setWidthF(1.2 if series.comparison else 0.6)
        if series.comparison:
            pen.setStyle(Qt.PenStyle.DashLine)
        # one brush per bar: a series may mix colours (the previous year by commodity)
        brushes = [
            brush(faded(c) if series.comparison else c, b.pattern if b.colour else series.pattern)
            for b, c in ((b, b.colour or series.colour) for b in bars)
        ]
        positions = [b.position for b in bars]
        thickness = [b.thickness for b in bars]
        values = [b.value for b in bars]
        bases = [b.base for b in bars]
        if self._horizontal:
            geometry = {"y": positions, "height": thickness, "width": values, "x0": bases}
        else:
            geometry = {"x": positions, "width": thickness, "height": values, "y0": bases}
        return {**geometry, "brushes": brushes, "pen": pen}

    def _show_message(self, text: str) -> None:
        if self._message is not None:
            self._plot.removeItem(self._message)
            self._message = None
        if text:
            self._message = pg.TextItem(text, color=foreground(self.palette()), anchor=(0.5, 0.5))
            self._plot.addItem(self._message)
            self._message.setPos(0.5, 0.5)
            self._plot.setRange(xRange=(0, 1), yRange=(0, 1))

    def _apply_palette(self) -> None:
        palette = self.palette()
        self._graphics.setBackground(background(palette))
        text = foreground(palette)
        for name in ("left", "bottom"):
            axis = self._plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self._legend.setLabelTextColor(text)
        if self._series or self._empty_text:  # outlines and messages follow the text colour
            self._redraw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._apply_palette()
        super().changeEvent(event)

    # -- mouse ------------------------------------------------------------------------------

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        bar = self.bar_at(scene_pos)
        if bar is self._hovered:
            return
        self._hovered = bar
        if bar is None:
            QToolTip.hideText()
            self._graphics.viewport().unsetCursor()
            return
        QToolTip.showText(QCursor.pos(), bar.tooltip, self._graphics)
        if bar.filter is not None:
            self._graphics.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self._graphics.viewport().unsetCursor()

    def _on_scene_mouse_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        bar = self.bar_at(event.scenePos())  # type: ignore[attr-defined]
        if bar is not None and bar.filter is not None:
            self.bar_clicked.emit(bar)
