"""Use cases. One public call is one transaction and returns plain values."""
