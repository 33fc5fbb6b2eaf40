"""phogov: entities and topics from Vietnamese government and Party news.

``from phogov import predict``; see the README for the CLI and training.
"""

__version__ = "0.1.0"

from phogov.predictor import load, predict, predict_documents  # noqa: E402  (needs __version__)
from phogov.render import render  # noqa: E402

__all__ = ["__version__", "load", "predict", "predict_documents", "render"]
