"""Printed reports (issue 7) at a million shipments: figures → HTML → pages → PDF.

Usage::

    .venv/bin/python benchmarks/reports.py --db /tmp/me/big.sqlite [--year 2025] [-n 3]

Opening the database applies pending migrations (use a copy, never the shared file). Times,
best of ``-n`` after one warm-up run:

* "summary": the period summary over a whole year in English and Chinese, split into its
  figures (``period_summary``), the HTML and chart (``summary_document``) and the pages
  written to PDF (``write_pdf``), and the total. Budget: 1 s.
* "train": the arrival sheet of the train with the most consignments. Budget: 200 ms.

Peers in the same run: the same year's tonnage by commodity as a naive GROUP BY over the raw
``shipments`` table (what one of the summary's nine figures costs without the summary
tables), and Qt's own ``QTextDocument.print_`` of the same HTML to a PDF (no header, footer
or per-page painting), so the page painting here can be compared with Qt's.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument  # noqa: E402
from sqlalchemy import text  # noqa: E402

from models.db import open_database  # noqa: E402
from models.services import figures  # noqa: E402
from models.services.reports import period_summary, train_report  # noqa: E402
from ui.reports.document import summary_document, train_document  # noqa: E402
from ui.reports.printing import page_layout, report_font, stylesheet, write_pdf  # noqa: E402


def _figure_calls(first: date, last: date, as_of: date) -> dict[str, Callable[[Any], Any]]:
    """The summary's figures one by one, to see where its time goes."""
    return {
        **{
            f"tonnage_by {d}": (lambda s, d=d: figures.tonnage_by(s, d, first, last))
            for d in ("commodity", "supplier", "route", "destination")
        },
        "monthly_arrived": lambda s: figures.monthly_arrived(s, first, last),
        "contract_fulfilment": lambda s: figures.contract_fulfilment(s, first, last),
        f"late_shipments {as_of} (50)": lambda s: figures.late_shipments(s, as_of, limit=50),
        f"ageing_buckets {as_of}": lambda s: figures.ageing_buckets(s, as_of),
        "weight_discrepancies (50)": lambda s: figures.weight_discrepancies(
            s, first, last, limit=50
        ),
        "weight_discrepancy_count": lambda s: range(
            figures.weight_discrepancy_count(s, first, last)
        ),
    }


def best(fn: Callable[[], Any], n: int) -> tuple[float, Any]:
    """Best time of ``n`` runs after a warm-up (``n`` = 0: the one run's time)."""
    start = time.perf_counter()
    result = fn()  # warm-up: caches, fonts and the page cache
    if n == 0:
        return (time.perf_counter() - start) * 1000, result
    times = []
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="today (default: the real one); also times the year up to this day",
    )
    parser.add_argument("-n", type=int, default=3)
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    db = open_database(args.db, create=False)
    periods = [(date(args.year, 1, 1), date(args.year, 12, 31))]
    if args.today:
        periods.append(
            (args.today.replace(year=args.today.year - 1) + timedelta(days=1), args.today)
        )
    first, last = periods[0]
    # "Late at period end" is judged on min(last day, today): a past end needs the statuses
    # rewound to that day (slow in figures today), a running period uses the current ones.
    today = args.today or date.today()
    out = Path(tempfile.mkdtemp(prefix="railgrain-reports-"))
    with db.read() as s:
        shipments = s.execute(text("SELECT count(*) FROM shipments")).scalar_one()
    print(f"{db.name}: {shipments:,} shipments; best of {args.n}")

    for (first, last), lang in [(p, lang) for p in periods for lang in ("en", "zh")]:
        if lang == "en":
            print(f"period {first} … {last}, the summary's figures one by one:")
            with db.read() as s:
                for name, fn in _figure_calls(first, last, min(last, today)).items():
                    ms, rows = best(lambda fn=fn, s=s: fn(s), 0)
                    print(f"    {name:36s} {ms:8.1f} ms  {len(rows):6,} rows")
        data_ms, summary = best(
            lambda lang=lang, first=first, last=last: period_summary(
                db, first, last, lang, today=today
            ),
            args.n,
        )
        html_ms, document = best(lambda summary=summary: summary_document(summary), args.n)
        pdf_ms, pages = best(
            lambda document=document, lang=lang: write_pdf(document, out / f"summary-{lang}.pdf"),
            args.n,
        )
        total_ms, _ = best(
            lambda lang=lang, first=first, last=last: write_pdf(
                summary_document(period_summary(db, first, last, lang, today=today)),
                out / "total.pdf",
            ),
            args.n,
        )
        print(
            f"summary {lang}: figures {data_ms:7.1f} ms  html+chart {html_ms:6.1f} ms  "
            f"pages→PDF {pdf_ms:6.1f} ms ({pages} pages)  total {total_ms:7.1f} ms "
            f"(budget 1000 ms)"
        )

    def naive_group_by() -> list[Any]:
        with db.read() as s:
            return list(
                s.execute(
                    text(
                        "SELECT commodity_id, count(*), sum(net_weight_kg) FROM shipments "
                        "WHERE arrival_date BETWEEN :f AND :l AND status <> 'cancelled' "
                        "GROUP BY commodity_id"
                    ),
                    {"f": first, "l": last},
                )
            )

    peer_ms, _ = best(naive_group_by, args.n)
    print(f"peer: one naive GROUP BY (tonnes by commodity, raw shipments) {peer_ms:7.1f} ms")

    def qt_print() -> None:
        doc = QTextDocument()
        doc.setDefaultFont(report_font("en"))
        doc.setDefaultStyleSheet(stylesheet())
        doc.setHtml(document.html)
        writer = QPdfWriter(str(out / "qt-print.pdf"))
        writer.setPageLayout(page_layout("A4"))
        writer.setResolution(600)
        doc.print_(writer)

    qt_ms, _ = best(qt_print, args.n)
    print(f"peer: QTextDocument.print_ of the same HTML (no header/footer) {qt_ms:7.1f} ms")

    with db.read() as s:
        train, count = s.execute(
            text(
                "SELECT train_no, count(*) FROM shipments GROUP BY train_no "
                "ORDER BY count(*) DESC LIMIT 1"
            )
        ).one()
    data_ms, sheet = best(lambda: train_report(db, train, "en"), args.n)
    total_ms, pages = best(
        lambda: write_pdf(train_document(train_report(db, train, "en")), out / "train.pdf"),
        args.n,
    )
    print(
        f"train {train} ({count} consignments, {sum(len(x.units) for x in sheet.lines)} units): "
        f"data {data_ms:6.1f} ms  total to PDF {total_ms:6.1f} ms ({pages} pages) "
        "(budget 200 ms)"
    )
    print(f"PDFs in {out}")
    db.dispose()
    del app


if __name__ == "__main__":
    main()
