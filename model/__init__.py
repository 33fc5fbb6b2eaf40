"""phogov: entities and topics from Vietnamese government and Party news."""

__version__ = "0.1.0"
