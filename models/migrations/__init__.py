"""Alembic environment and schema revisions (the only way the schema changes)."""
