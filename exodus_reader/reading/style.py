"""The module's one palette: the figures, the tables and the widgets draw from it.

Colours carry data; greys carry none: they are the text, lines and tints around the data.

>>> OKABE_ITO["blue"], GREYS["grid"]
('#0072B2', '#eeeeee')
"""

from __future__ import annotations

#: The Okabe-Ito palette (Okabe and Ito, 2008), safe for the common colour-vision deficiencies.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}

#: Greys by role, darkest first. Text and borders keep WCAG AA contrast on white (4.5:1 at least).
GREYS: dict[str, str] = {
    "small text": "#444444",  # 9.7:1 on white
    "mark": "#555555",  # neutral legend keys, outlines and arrows in the figures
    "border": "#767676",  # the lightest grey with 4.5:1 on white
    "guide": "#888888",  # a line that marks a place, such as a sub-heading
    "fill": "#cccccc",  # a neutral fill, and a mark for "absent"
    "strong grid": "#dddddd",  # the timeline's day lines, which a reader follows up to a date
    "grid": "#eeeeee",
}
