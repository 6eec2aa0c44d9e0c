"""Report data → HTML for QTextDocument, in the report's language (not the window's).

Numbers are formatted with the QLocale of the report language and right-aligned; every table
has a ``<thead>`` so its header repeats on each page.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from html import escape

from models.services.reports.labels import status_word, word
from models.services.reports.summary import GroupLine, GroupTable, PeriodSummary
from models.services.reports.train import TrainReport
from ui.reports.chart import monthly_chart
from ui.reports.formatting import ReportFormat
from ui.reports.printing import CHART_HEIGHT, CHART_WIDTH, ReportDocument

_GROUP_TITLES = {
    "commodity": ("by_commodity", "commodity"),
    "supplier": ("by_supplier", "supplier"),
    "route": ("by_route", "route"),
    "destination": ("by_destination", "destination"),
}
_CHART = "chart:monthly"
#: Characters of a discrepancy's reason per line (7 pt, the widest column of its table).
REASON_WIDTH = 44
#: Characters of a supplier's and a commodity's name per line in the contracts table: long
#: Russian names ("Семена подсолнечника") would push its numbers off the page.
SUPPLIER_WIDTH = 14
COMMODITY_WIDTH = 11


#: A cell: its text, and True for a number (right-aligned) or a CSS class ("id": no wrap).
Cell = tuple[str, bool | str]


def _css(kind: bool | str) -> str:
    return "n" if kind is True else (kind or "")


def _table(headers: Sequence[Cell], rows: Iterable[str], css: str = "data", title: str = "") -> str:
    """A table; ``rows`` are ready <tr> elements.

    The <thead> (the ``title`` and the column headers) repeats on every page the table spans,
    so a title is never left alone at the foot of a page and a continued table says what it is.
    """
    caption = (
        f'<tr><th class="caption" colspan="{len(headers)}">{escape(title)}</th></tr>'
        if title
        else ""
    )
    head = "".join(
        f'<th class="{_css(kind)}">{escape(text)}</th>'
        if _css(kind)
        else f"<th>{escape(text)}</th>"
        for text, kind in headers
    )
    return (
        f'<table class="{css}" width="100%" cellspacing="0" cellpadding="0">'
        f"<thead>{caption}<tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _td(text: str, kind: bool | str) -> str:
    if kind is True:
        return f'<td class="n" align="right">{escape(text)}</td>'
    return f'<td class="{kind}">{escape(text)}</td>' if kind else f"<td>{escape(text)}</td>"


def _row(cells: Sequence[Cell], css: str = "", more: Sequence[tuple[int, list[str]]] = ()) -> str:
    """A <tr>, plus one continuation row per further line of a long text.

    Cells never wrap, so every row is one line high and the layout moves it to the next page
    whole. ``more`` gives (column, further lines) for texts already cut into lines.
    """
    out = [f'<tr class="{css}">' if css else "<tr>", *(_td(t, k) for t, k in cells), "</tr>"]
    for i in range(max((len(lines) for _, lines in more), default=0)):
        texts = [""] * len(cells)
        for column, lines in more:
            if i < len(lines):
                texts[column] = lines[i]
        out.append('<tr class="more">')
        # Neighbouring empty cells merged into one: every cell costs QTextDocument's layout
        # time, and continuation rows are mostly empty (a third of a summary's layout).
        c = 0
        while c < len(texts):
            if texts[c]:
                out.append(_td(texts[c], cells[c][1]))
                c += 1
                continue
            span = 1
            while c + span < len(texts) and not texts[c + span]:
                span += 1
            out.append(f'<td colspan="{span}"></td>' if span > 1 else "<td></td>")
            c += span
        out.append("</tr>")
    return "".join(out)


def _lines(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most about ``width`` characters (CJK: half as many)."""
    if any(ord(ch) > 0x2E80 for ch in text):
        width //= 2
    return textwrap.wrap(text, width, break_long_words=True) or [""]


def _units(numbers: Sequence[str], per_line: int = 4) -> list[str]:
    return [" ".join(numbers[i : i + per_line]) for i in range(0, len(numbers), per_line)] or [""]


def summary_document(summary: PeriodSummary) -> ReportDocument:
    """The period summary as a document ready to render."""
    lang = summary.lang
    fmt = ReportFormat(lang)
    parts = [f'<p class="note">{escape(word("definitions", lang))}</p>']
    images = {}
    if summary.empty:
        parts.append(f'<p class="empty">{escape(word("no_arrivals", lang))}</p>')
    else:
        for table in summary.groups:
            parts.append(_group_section(table, fmt))
        images[_CHART] = monthly_chart(summary.months, lang, word("monthly_chart", lang))
        # The title is painted in the picture: a one-line paragraph moves to the next page
        # whole, where a title line above it could be left behind.
        parts.append(
            f'<p class="chart"><img src="{_CHART}" width="{CHART_WIDTH}" '
            f'height="{CHART_HEIGHT}"></p>'
        )
    parts.append(_contracts_section(summary, fmt))
    parts.append(_late_section(summary, fmt))
    parts.append(_discrepancies_section(summary, fmt))
    return ReportDocument(
        title=word("summary_title", lang),
        period=f"{word('period', lang)}: {fmt.period(summary.first, summary.last)}",
        lang=lang,
        html=f"<html><body>{''.join(parts)}</body></html>",
        images=images,
    )


def _group_cells(line: GroupLine, name: str, fmt: ReportFormat) -> list[tuple[str, bool]]:
    return [
        (name, False),
        (fmt.number(line.shipments), True),
        (fmt.tonnes(line.net_kg), True),
        (fmt.tonnes(line.previous_kg), True),
        (fmt.percent(line.change_pct), True),
    ]


def _group_section(table: GroupTable, fmt: ReportFormat) -> str:
    lang = fmt.lang
    title, column = _GROUP_TITLES[table.dimension]
    headers = [
        (word(column, lang), False),
        (word("shipments", lang), True),
        (word("tonnes", lang), True),
        (word("previous_year", lang), True),
        (word("change", lang), True),
    ]
    rows = [_row(_group_cells(line, line.name, fmt)) for line in table.lines]
    rows.append(_row(_group_cells(table.total, word("total", lang), fmt), "total"))
    return _table(headers, rows, title=word(title, lang))


def _contracts_section(summary: PeriodSummary, fmt: ReportFormat) -> str:
    lang = fmt.lang
    title = word("contracts", lang)
    if not summary.contracts:
        return _nothing(title, lang)
    headers = [
        (word("contract", lang), False),
        (word("supplier", lang), False),
        (word("commodity", lang), "id"),
        (word("contracted", lang), True),
        (word("shipped", lang), True),
        (word("arrived", lang), True),
        (word("remaining", lang), True),
        (word("tolerance", lang), "id"),  # a short word under it: keep the header whole
    ]
    rows = [
        _row(
            [
                (c.number, "id"),
                (supplier[0], False),
                (commodity[0], False),
                (fmt.tonnes(c.contracted_kg), True),
                (fmt.tonnes(c.shipped_kg), True),
                (fmt.tonnes(c.arrived_kg), True),
                (fmt.tonnes(c.remaining_kg), True),
                (word("yes" if c.within_tolerance else "no", lang), False),
            ],
            more=[(1, supplier[1:]), (2, commodity[1:])],
        )
        for c in summary.contracts
        for supplier, commodity in [
            (_lines(c.supplier, SUPPLIER_WIDTH), _lines(c.commodity, COMMODITY_WIDTH))
        ]
    ]
    total = [
        (word("total", lang), False),
        ("", False),
        ("", False),
        (fmt.tonnes(sum(c.contracted_kg for c in summary.contracts)), True),
        (fmt.tonnes(sum(c.shipped_kg for c in summary.contracts)), True),
        (fmt.tonnes(sum(c.arrived_kg for c in summary.contracts)), True),
        (fmt.tonnes(sum(c.remaining_kg for c in summary.contracts)), True),
        ("", False),
    ]
    rows.append(_row(total, "total"))
    return _table(headers, rows, "data wide", title)


def _nothing(title: str, lang: str) -> str:
    return f"<h2>{escape(title)}</h2><p>{escape(word('none', lang))}</p>"


def _more(shown: int, total: int, lang: str) -> str:
    if total <= shown:
        return ""
    return f'<p class="note">{escape(word("more_rows", lang, total - shown))}</p>'


def _late_section(summary: PeriodSummary, fmt: ReportFormat) -> str:
    lang = fmt.lang
    title = f"{word('late', lang)} ({fmt.number(summary.late_total)})"
    if not summary.late:
        return _nothing(title, lang)
    headers = [
        (word("waybill", lang), False),
        (word("train", lang), False),
        (word("commodity", lang), False),
        (word("eta", lang), True),
        (word("days_late", lang), True),
        (word("last_station", lang), False),
    ]
    rows = [
        _row(
            [
                (x.waybill, "id"),
                (x.train_no, "id"),
                (x.commodity, False),
                (fmt.date(x.eta), True),
                (fmt.number(x.days_late), True),
                (x.last_station or "", False),
            ]
        )
        for x in summary.late
    ]
    return _table(headers, rows, title=title) + _more(len(summary.late), summary.late_total, lang)


def _discrepancies_section(summary: PeriodSummary, fmt: ReportFormat) -> str:
    lang = fmt.lang
    title = f"{word('discrepancies', lang)} ({fmt.number(summary.discrepancies_total)})"
    if not summary.discrepancies:
        return _nothing(title, lang)
    headers = [
        (word("waybill", lang), False),
        (word("train", lang), False),
        (word("commodity", lang), False),
        (word("shipped_weight", lang), True),
        (word("arrived_weight", lang), True),
        (word("difference", lang), True),
        (word("difference_pct", lang), True),
        (word("reason", lang), False),
    ]
    rows = [
        _row(
            [
                (d.waybill, "id"),
                (d.train_no, "id"),
                (d.commodity, False),
                (fmt.tonnes(d.net_kg), True),
                (fmt.tonnes(d.arrived_kg), True),
                (fmt.tonnes(d.difference_kg), True),
                (fmt.percent(d.pct), True),
                (reason[0], False),
            ],
            more=[(7, reason[1:])],
        )
        for d in summary.discrepancies
        for reason in [_lines(d.reason or word("no_reason", lang), REASON_WIDTH)]
    ]
    shown = len(summary.discrepancies)
    return _table(headers, rows, "data wide", title) + _more(
        shown, summary.discrepancies_total, lang
    )


def train_document(report: TrainReport) -> ReportDocument:
    """The train arrival sheet as a document ready to render."""
    lang = report.lang
    fmt = ReportFormat(lang)
    facts = [
        (word("train", lang), report.train_no),
        (word("origin", lang), report.origin),
        (word("destination", lang), report.destination),
        (word("route", lang), report.border or ""),
        (word("departure", lang), fmt.date(report.departure)),
        (word("arrival", lang), fmt.date(report.arrival)),
        (word("supplier", lang), ", ".join(sorted({line.supplier for line in report.lines}))),
        (word("consignments", lang), fmt.number(len(report.lines))),
    ]
    intro = "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in facts if v
    )
    headers = [
        ("#", True),
        (word("waybill", lang), False),
        (word("commodity", lang), False),
        (word("units", lang), False),
        (word("status", lang), False),
        (word("shipped_weight", lang), True),
        (word("arrived_weight", lang), True),
    ]
    rows = [
        _row(
            [
                (fmt.number(i), True),
                (line.waybill, "id"),
                (line.commodity, False),
                (units[0], "units"),
                (status_word(line.status, lang), False),
                (fmt.tonnes(line.net_kg), True),
                (fmt.tonnes(line.arrived_kg) if line.arrived_kg is not None else "", True),
            ],
            more=[(3, units[1:])],
        )
        for i, line in enumerate(report.lines, start=1)
        for units in [_units(line.units)]
    ]
    arrived = [line.arrived_kg for line in report.lines if line.arrived_kg is not None]
    rows.append(
        _row(
            [
                ("", False),
                (word("total", lang), False),
                ("", False),
                (fmt.number(sum(len(line.units) for line in report.lines)), False),
                ("", False),
                (fmt.tonnes(sum(line.net_kg for line in report.lines)), True),
                (fmt.tonnes(sum(arrived)) if arrived else "", True),
            ],
            "total",
        )
    )
    signatures = (
        '<table class="signatures" width="100%"><tr>'
        f'<td width="50%">{escape(word("received_by", lang))}</td>'
        f'<td width="50%">{escape(word("checked_by", lang))}</td></tr>'
        f"<tr><td>{'_' * 40}</td><td>{'_' * 40}</td></tr></table>"
    )
    html = (
        f'<html><body><table cellpadding="2">{intro}</table>'
        f"{_table(headers, rows, 'data wide')}{signatures}</body></html>"
    )
    return ReportDocument(
        title=f"{word('train_title', lang)} {report.train_no}",
        period=f"{word('train', lang)} {report.train_no}",
        lang=lang,
        html=html,
    )
