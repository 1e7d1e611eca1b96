"""One module per check kind. Pure Python: no Qt."""
