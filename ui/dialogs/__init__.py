"""Dialogs: the shipment form, conflicts, reference data editors."""
