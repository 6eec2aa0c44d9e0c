"""Pure business rules: identifier check digits, plausibility warnings, status transitions."""
