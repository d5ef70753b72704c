"""exodus_reader: read one news report closely.

The package behind the teaching module on DW's "Russian military call-up sparks
major exodus" (Juri Rescheto, 24 September 2022). It loads the article and its
annotations once, checks them against the text, and answers questions about
them; the notebooks call it in one or two lines.

>>> from exodus_reader import load
>>> load().meta["author"]
'Juri Rescheto'
"""

from .article import Article, Match, load, word_count
from .checks import check, hint, start
from .errors import AnnotationError, OneLineError
from .schema import FRAMES

__all__ = ["AnnotationError", "Article", "FRAMES", "Match", "OneLineError", "check", "hint", "load", "start", "word_count"]
