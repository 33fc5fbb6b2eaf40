"""The five seed articles (``*.txt``), packaged for ``phogov bench`` (data only)."""
