"""Captioned tables, as the lessons show them: in full in Jupyter, as plain text in ``print``.

A :class:`Table` holds a pandas DataFrame and its caption. Jupyter shows it as HTML with no
text cut off (short values never break, prose keeps a readable width, addresses are links);
``print`` gives plain text; ``table.frame`` hands over a copy of the DataFrame.

>>> print(Table(pd.DataFrame({"day": ["2022-09-21"]}), "One day"))
One day
       day
2022-09-21
"""

from __future__ import annotations

import html
import re

import pandas as pd


class Sentence(str):
    """A plain sentence that Jupyter shows without quotation marks.

    >>> Sentence("Hello.")
    Hello.
    """

    def __repr__(self) -> str:
        return str(self)


class Table:
    """A table with a caption that Jupyter shows in full.

    >>> table = Table(pd.DataFrame({"word": ["exodus"], "paragraph": ["p04"]}), "A word")
    >>> print(table)
    A word
      word paragraph
    exodus       p04
    >>> table.frame["word"].tolist()
    ['exodus']
    """

    def __init__(self, frame: pd.DataFrame, caption: str) -> None:
        self._frame = frame.reset_index(drop=True)
        self.caption = caption

    @property
    def frame(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame: a copy, so changing it leaves the table as it was.

        >>> table = Table(pd.DataFrame({"word": ["exodus"]}), "A word")
        >>> words = table.frame
        >>> words.loc[0, "word"] = "changed"
        >>> table.frame.loc[0, "word"]
        'exodus'
        """
        return self._frame.copy()

    def __len__(self) -> int:
        return len(self._frame)

    def __repr__(self) -> str:
        body = self._frame.to_string(index=False) if len(self._frame) else "(no rows)"
        return f"{self.caption}\n{body}"

    def _repr_html_(self) -> str:
        head = "".join(f'<th style="text-align:left">{html.escape(str(c))}</th>' for c in self._frame.columns)
        rows = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>"
                       for row in self._frame.itertuples(index=False))
        if not rows:
            rows = f'<tr><td colspan="{len(self._frame.columns)}">(no rows)</td></tr>'
        # A narrow notebook column scrolls the table sideways rather than squeezing its text.
        return (f'<div class="exodus-table-scroll" style="overflow-x:auto;max-width:100%">'
                f'<table class="exodus-table"><caption style="text-align:left">{html.escape(self.caption)}'
                f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


#: Cells longer than this many characters are prose: they keep a readable width.
PROSE = 60


def _cell(value: object) -> str:
    """One table cell: short words never break, prose keeps a readable width, addresses are links.

    >>> _cell("2022-09-25")
    '<td style="text-align:left;vertical-align:top;white-space:nowrap">2022-09-25</td>'
    >>> "min-width:18em" in _cell("word " * 20)
    True
    """
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    style = "text-align:left;vertical-align:top"
    if text.startswith("https://"):  # a long address may break anywhere, so the table stays readable
        link = f'<a href="{html.escape(text)}" target="_blank" rel="noopener">{html.escape(text)}</a>'
        return f'<td style="{style};overflow-wrap:anywhere;min-width:14em">{link}</td>'
    if len(text) > PROSE:
        style += ";min-width:18em"
    elif len(text) <= 30 and " " not in text.strip() or _SHORT.fullmatch(text):
        style += ";white-space:nowrap"  # ids, dates, numbers, "21 Sep 2022": never cut in two
    return f'<td style="{style}">{html.escape(text)}</td>'


#: Short values that read as one item though they hold spaces: dates, "3 of 5", "2 (1 + 1)".
_SHORT = re.compile(r"(before )?\d{1,2}( to \d{1,2})? [A-Z][a-z]{2} \d{4}|[\d%(),.+ ]{1,20}|\d+ of \d+")
