"""Opening a database, for callers outside models/ that may not import models.db directly."""

from models.db import Database, display_name, open_database, resolve_url

__all__ = ["Database", "display_name", "open_database", "resolve_url"]
