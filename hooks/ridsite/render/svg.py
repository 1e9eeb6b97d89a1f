"""Small helpers to write SVG with ElementTree, so that every picture is well-formed XML.

ElementTree escapes every text and attribute value it writes: record text (names, labels) put in a
picture can never become markup. That is why the serialised result may be handed to a template as
``Markup``: it is the one place where this package marks HTML as safe, and the escaping has been
done by the XML serialiser, not skipped.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

from markupsafe import Markup

NS = "http://www.w3.org/2000/svg"


def element(parent: ET.Element | None, tag: str, text: str | None = None, **attrs) -> ET.Element:
    """A child element; attribute names use '_' for '-' (font_size → font-size), None is left out."""
    clean = {k.rstrip("_").replace("_", "-"): _attr(v) for k, v in attrs.items() if v is not None}
    el = ET.Element(tag, clean) if parent is None else ET.SubElement(parent, tag, clean)
    if text is not None:
        el.text = text
    return el


def _attr(value) -> str:
    if isinstance(value, float):
        return number(value)
    return str(value)


def number(value: float) -> str:
    """A short decimal: 12.0 → '12', 3.14159 → '3.1', -0.04 → '0'."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def root(
    box_width: float, box_height: float, title: str, desc: str = "", id_prefix: str = "rid-svg", **attrs
) -> ET.Element:
    """An <svg> with its accessible name (<title>) and description (<desc>), scaled to its box."""
    # direction="ltr": coordinates and text-anchor are laid out left to right; on an Arabic page
    # the picture would otherwise inherit rtl and every anchor would flip. Charts mirror
    # themselves for right-to-left pages (see charts.py), and Arabic text still shapes right.
    svg = element(
        None,
        "svg",
        xmlns=NS,
        viewBox=f"0 0 {number(box_width)} {number(box_height)}",
        role="img",
        aria_labelledby=f"{id_prefix}-title" + (f" {id_prefix}-desc" if desc else ""),
        direction="ltr",
        **attrs,
    )
    element(svg, "title", title, id=f"{id_prefix}-title")
    if desc:
        element(svg, "desc", desc, id=f"{id_prefix}-desc")
    return svg


def to_string(svg: ET.Element) -> str:
    return ET.tostring(svg, encoding="unicode", short_empty_elements=True)


def to_markup(svg: ET.Element) -> Markup:
    """For inline use in a template: escaped by ElementTree (see the module docstring)."""
    return Markup(to_string(svg))


def to_file(svg: ET.Element) -> str:
    """A standalone .svg file."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + to_string(svg) + "\n"


def text_width(text: str, font_size: float) -> float:
    """A rough width of a line of text, for layout without font metrics (wide for CJK)."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in ("W", "F"))
    return (wide * 1.0 + (len(text) - wide) * 0.56) * font_size


def shorten(text: str, max_width: float, font_size: float) -> str:
    """The text cut with '…' so that it fits; the full text goes in a <title> beside it."""
    if text_width(text, font_size) <= max_width:
        return text
    while text and text_width(text + "…", font_size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"
