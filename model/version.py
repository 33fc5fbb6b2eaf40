"""phogov's version, in a module of its own so that any module can read it without
importing the package face (``phogov/__init__`` imports the predictor, which imports
most of phogov). Keep it equal to ``version`` in pyproject.toml."""

__version__ = "0.1.0"
