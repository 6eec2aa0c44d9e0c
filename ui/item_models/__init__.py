"""Qt item models that hold a window of service rows, never a whole table."""
