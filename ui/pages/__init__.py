"""The main window's pages: each owns its widgets and talks to services itself."""
