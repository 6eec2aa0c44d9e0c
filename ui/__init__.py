"""The Qt user interface: widgets, item models and pages over models.services."""
