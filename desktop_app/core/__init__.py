"""The engine's pure-Python core. Nothing below this package may import Qt."""
