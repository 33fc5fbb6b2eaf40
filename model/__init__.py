"""phogov: entities and topics from Vietnamese government and Party news.

``from phogov import predict``; see the README for the CLI and training.
"""

from phogov.predictor import load, predict, predict_documents
from phogov.render import render
from phogov.version import __version__

__all__ = ["__version__", "load", "predict", "predict_documents", "render"]
