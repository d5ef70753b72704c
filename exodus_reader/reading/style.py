"""The module's one palette: the figures, the tables and the widgets draw from it.

>>> OKABE_ITO["blue"]
'#0072B2'
"""

from __future__ import annotations

#: The Okabe-Ito palette (Okabe and Ito, 2008), safe for the common colour-vision deficiencies.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}
