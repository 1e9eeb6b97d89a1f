"""Bar charts as SVG, drawn at build time: the distribution of stances on a criterion.

Pure functions: they take labels and numbers and return an SVG element tree (see svg.py), with a
<title> and a <desc> that says in words what the bars show. The page puts the same numbers in a
table next to the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import svg

# Okabe–Ito: told apart by readers with the common colour-vision deficiencies. Stances take these
# in vocabulary order; "not stated" is always grey, never a colour that reads as a stance.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
NOT_STATED = "#BDBDBD"
SEVERAL = "#4D4D4D"  # an actor whose positions on record take more than one stance
NO_DATA = "#EEEEEE"


def stance_colours(stance_ids: list[str], not_stated_id: str) -> dict[str, str]:
    """A colour per stance of one criterion; stable because it follows the vocabulary's order."""
    colours = {}
    for i, sid in enumerate(s for s in stance_ids if s != not_stated_id):
        colours[sid] = PALETTE[i % len(PALETTE)]
    colours[not_stated_id] = NOT_STATED
    return colours


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str


FONT = 13
ROW = 28
BAR = 18
PAD = 8
WIDTH = 640


def bar_chart(bars: list[Bar], title: str, desc: str, rtl: bool = False, id_prefix: str = "rid-chart"):
    """Horizontal bars, one per stance, longest = the largest count. Mirrored for right-to-left."""
    label_width = min(max((svg.text_width(b.label, FONT) for b in bars), default=0) + 4, WIDTH * 0.45)
    count_width = 4 * FONT * 0.6
    track = WIDTH - 2 * PAD - label_width - 8 - count_width
    largest = max((b.value for b in bars), default=0) or 1
    height = PAD * 2 + ROW * len(bars)
    root = svg.root(WIDTH, height, title, desc, id_prefix=id_prefix, class_="rid-chart", width="100%")
    # The bars start from a common baseline next to the labels.
    base = WIDTH - PAD - label_width - 8 if rtl else PAD + label_width + 8
    for i, bar in enumerate(bars):
        y = PAD + i * ROW
        # No links inside: a picture (role="img") must hold nothing focusable. The table beside
        # the chart has the same numbers, with the links.
        group = svg.element(root, "g")
        svg.element(group, "title", f"{bar.label}: {bar.value}")
        label_x = WIDTH - PAD if rtl else PAD + label_width
        svg.element(
            group,
            "text",
            svg.shorten(bar.label, label_width, FONT),
            x=label_x,
            y=y + ROW / 2 + FONT * 0.35,
            font_size=FONT,
            text_anchor="end",
            fill="currentColor",
        )
        length = track * bar.value / largest
        if bar.value:
            x = base - length if rtl else base
            svg.element(group, "rect", x=x, y=y + (ROW - BAR) / 2, width=max(length, 1.5), height=BAR, fill=bar.colour)
        value_x = base - length - 4 if rtl else base + length + 4
        svg.element(
            group,
            "text",
            str(bar.value),
            x=value_x,
            y=y + ROW / 2 + FONT * 0.35,
            font_size=FONT,
            text_anchor="end" if rtl else "start",
            fill="currentColor",
            font_weight="bold",
        )
    svg.element(root, "line", x1=base, x2=base, y1=PAD, y2=height - PAD, stroke="currentColor", stroke_width=1)
    return root
