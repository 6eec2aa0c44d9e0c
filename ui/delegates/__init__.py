"""Editors for the shipments table's quick fields; each enforces the rule its service checks."""
