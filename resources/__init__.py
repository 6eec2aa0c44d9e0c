"""Files the app ships: reference data, icons, translations (read via importlib.resources)."""
