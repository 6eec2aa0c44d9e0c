"""Reusable editors: reference pickers, the units list, date and tonnes editors."""
