"""The widgets' public address, as the notebooks import them.

They live in :mod:`exodus_reader.reading.widgets`, with the functions that decide what
they show.

>>> from exodus_reader.widgets import QuoteExplorer
>>> QuoteExplorer.__module__
'exodus_reader.reading.widgets'
"""

from .reading.widgets import ArticleReader, CoverageExplorer, FrameCoder, QuoteExplorer

__all__ = ["ArticleReader", "CoverageExplorer", "FrameCoder", "QuoteExplorer"]
