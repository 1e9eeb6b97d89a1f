"""A world map of States coloured by their stance, drawn at build time as a static SVG file.

The shapes come from world-atlas 2.0.2 (npm; Natural Earth 1:110m, public domain), vendored
unmodified in vendor/world-atlas/ so that a build needs no Node.js (see its README). This module
decodes the TopoJSON, drops Antarctica, projects with the Equal Earth projection (equal-area: no
State looks bigger than it is), thins each shared border once with Douglas–Peucker so that
neighbours still meet, and keys each shape by its ISO 3166-1 alpha-3 code, the actors' `iso3`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from iso3166 import countries_by_numeric

from . import svg

TOPOLOGY = Path(__file__).parents[1] / "vendor" / "world-atlas" / "countries-110m.json"
WIDTH = 960.0
TOLERANCE_DEGREES = 0.1  # ≈ 0.3 px at the full width of 960: below what the eye sees at this scale
SMALL = 8.0  # a coloured State whose largest part is smaller than this gets a dot
DROPPED = {"010"}  # Antarctica: a third of the picture and no State


@dataclass(frozen=True)
class Shape:
    alpha3: str | None  # None for areas the data gives no ISO code (e.g. Kosovo, N. Cyprus)
    name: str  # English name from Natural Earth; pages use the actors' own names
    d: str  # SVG path data
    centre: tuple[float, float] = (0.0, 0.0)  # of its largest part, where a marker goes
    size: float = 0.0  # the larger side of that part's bounding box, in map units


# -- projection -------------------------------------------------------------------------------
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth (Šavrič, Patterson, Jenny 2018), unit sphere; y grows northwards."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


# -- TopoJSON ---------------------------------------------------------------------------------
def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Arcs as (longitude, latitude) points: undo the quantisation and the delta encoding."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker; the two ends are kept, so arcs that meet still meet."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            dist = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else math.hypot(px - x1, py - y1)
            if dist > worst:
                worst, index = dist, i
        if worst > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def _ring(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A closed ring from its arcs; ~i means arc i walked backwards (TopoJSON)."""
    ring: list[tuple[float, float]] = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """Relative SVG path commands with one decimal: about half the size of absolute ones."""
    out = []
    for ring in rings:
        rounded = []
        for x, y in ring:
            p = (round(x, 1), round(y, 1))
            if not rounded or p != rounded[-1]:
                rounded.append(p)
        if len(rounded) < 3:
            continue  # an islet smaller than a pixel
        (x0, y0), steps = rounded[0], []
        for (ax, ay), (bx, by) in zip(rounded, rounded[1:]):
            steps.append(f"{svg.number(bx - ax)} {svg.number(by - ay)}")
        out.append(f"M{svg.number(x0)} {svg.number(y0)}l" + " ".join(steps) + "z")
    return "".join(out).replace(" -", "-")


@dataclass(frozen=True)
class WorldMap:
    width: float
    height: float
    shapes: tuple[Shape, ...]

    def alpha3s(self) -> set[str]:
        return {s.alpha3 for s in self.shapes if s.alpha3}


def cut_at_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Natural Earth draws Russia and Fiji across 180°: split such a ring into one ring per side.

    Without this, the step from +180° to −180° becomes a line across the whole map. Each piece
    is closed along the antimeridian, which is where the ring crossed it.
    """
    pieces = [[ring[0]]]
    for (lon1, lat1), (lon2, lat2) in zip(ring, ring[1:]):
        if abs(lon2 - lon1) <= 180:
            pieces[-1].append((lon2, lat2))
            continue
        side = 1 if lon1 > 0 else -1
        unwrapped = lon2 + 360 * side
        t = 0.0 if unwrapped == lon1 else (180 * side - lon1) / (unwrapped - lon1)
        lat = lat1 + t * (lat2 - lat1)
        pieces[-1].append((180 * side, lat))
        pieces.append([(-180 * side, lat), (lon2, lat2)])
    if len(pieces) == 1:
        return pieces
    first = pieces.pop(0)
    pieces[-1].extend(first[1:])  # a ring ends where it starts: its first and last pieces are one
    return pieces


@lru_cache(maxsize=1)
def world_map(topology_path: Path = TOPOLOGY) -> WorldMap:
    """The projected, thinned shapes; computed once per process (the data never changes)."""
    topology = json.loads(topology_path.read_text(encoding="utf-8"))
    # Thin each arc once, before rings are assembled: shared borders stay shared.
    arcs = [simplify(arc, TOLERANCE_DEGREES) for arc in decode_arcs(topology)]
    geometries = [g for g in topology["objects"]["countries"]["geometries"] if g.get("id") not in DROPPED]
    projected = []
    for g in geometries:
        rings = [piece for poly in _polygons(g) for ring in poly for piece in cut_at_antimeridian(_ring(ring, arcs))]
        projected.append((g, [[equal_earth(lon, lat) for lon, lat in ring] for ring in rings]))
    xs = [x for _, rings in projected for ring in rings for x, _ in ring]
    ys = [y for _, rings in projected for ring in rings for _, y in ring]
    scale = WIDTH / (max(xs) - min(xs))
    left, top = min(xs), max(ys)
    shapes = []
    for g, rings in projected:
        code = g.get("id")
        country = countries_by_numeric.get(code) if code else None
        # To map units, y downwards (SVG).
        units = [[((x - left) * scale, (top - y) * scale) for x, y in ring] for ring in rings]
        centre, size = _largest_part(units)
        shapes.append(
            Shape(
                country.alpha3 if country else None, g.get("properties", {}).get("name", ""), _path(units), centre, size
            )
        )
    return WorldMap(WIDTH, round((max(ys) - min(ys)) * scale, 1), tuple(shapes))


def _largest_part(rings: list[list[tuple[float, float]]]) -> tuple[tuple[float, float], float]:
    best = ((0.0, 0.0), -1.0)
    for ring in rings:
        xs, ys = [x for x, _ in ring], [y for _, y in ring]
        size = max(max(xs) - min(xs), max(ys) - min(ys))
        if size > best[1]:
            best = (((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2), size)
    return best


def _polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


@dataclass(frozen=True)
class Fill:
    colour: str
    title: str  # what a reader hovering the State reads: its name and stance


def map_svg(
    fills: dict[str, Fill],
    title: str,
    desc: str,
    no_data: str,
    base: WorldMap | None = None,
    others: dict[str, str] | None = None,
):
    """The whole world in `no_data` grey, States in `fills` (alpha-3 → Fill) in their colour.
    `others`: alpha-3 → what hovering a grey shape reads (its name, and that nothing is on record)."""
    base = base or world_map()
    others = others or {}
    root = svg.root(base.width, base.height, title, desc, id_prefix="rid-map", class_="rid-map")
    background = svg.element(root, "g", fill=no_data, stroke="#FFFFFF", stroke_width=0.5)
    for shape in base.shapes:
        if shape.alpha3 not in fills:
            path = svg.element(background, "path", d=shape.d)
            if shape.alpha3 in others:
                svg.element(path, "title", others[shape.alpha3])
    coloured = svg.element(root, "g", stroke="#FFFFFF", stroke_width=0.5)
    for shape in base.shapes:
        fill = fills.get(shape.alpha3) if shape.alpha3 else None
        if fill:
            group = svg.element(coloured, "g", id=f"state-{shape.alpha3.lower()}", fill=fill.colour)
            svg.element(group, "title", fill.title)
            svg.element(group, "path", d=shape.d)
            if shape.size < SMALL:
                # A State a few pixels wide (Fiji, Singapore…) would not be seen: mark it with a dot,
                # kept whole inside the picture (Fiji's largest part touches its right edge).
                r, stroke = SMALL / 2, 0.75
                x = min(max(shape.centre[0], r + stroke), base.width - r - stroke)
                y = min(max(shape.centre[1], r + stroke), base.height - r - stroke)
                svg.element(group, "circle", cx=x, cy=y, r=r, stroke="#000000", stroke_width=stroke)
    return root
