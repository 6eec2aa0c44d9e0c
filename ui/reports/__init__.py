"""Printed reports: report data → HTML → QTextDocument → print preview, printer or PDF."""
