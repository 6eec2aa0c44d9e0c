"""pyqtgraph charts fed by the figures API (models.services.figures)."""
