"""Weak labelling functions, one module per family (skweak style). No torch here."""
