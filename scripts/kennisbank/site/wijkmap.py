"""An inline SVG map of Antwerp's wijken, simplified at build time from the wijk boundaries.

Each wijk is one <path data-wijk="id">; the finder shades and toggles them. The polygons are
projected (longitude scaled by the cosine of the latitude), simplified with Douglas-Peucker and
rounded to one decimal, which keeps the map around 40 KB.
"""
from __future__ import annotations

import math
from functools import lru_cache

from markupsafe import escape

from kennisbank.content import inputs
from kennisbank.content.vocab import WIJK_CREDIT, load_vocabularies

WIDTH = 600.0
TOLERANCE = 0.9  # in map units (the map is WIDTH units wide)


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iteratively (rings have hundreds of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        index, distance = None, tolerance
        for i in range(first + 1, last):
            x0, y0 = points[i]
            d = abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / norm if (dx or dy) else math.hypot(x0 - x1, y0 - y1)
            if d > distance:
                index, distance = i, d
        if index is not None:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


@lru_cache(maxsize=1)
def wijk_map_svg() -> str:
    vocab = load_vocabularies()
    features = vocab.wijk_features
    rings = [ring for f in features for ring in f["geometry"]["coordinates"]]
    lons = [lon for ring in rings for lon, _ in ring]
    lats = [lat for ring in rings for _, lat in ring]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    scale_x = math.cos(math.radians((south + north) / 2))
    k = WIDTH / ((east - west) * scale_x)
    height = (north - south) * k

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * scale_x * k, (north - lat) * k

    paths = []
    for feature in features:
        d = []
        for ring in feature["geometry"]["coordinates"]:
            points = _simplify([project(lon, lat) for lon, lat in ring], TOLERANCE)
            if len(points) >= 3:
                d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
        if feature["district"] is None:
            paths.append(f'<path class="kb-map__water" d="{"".join(d)}">'
                         f'<title>{escape(feature["label"])}</title></path>')
            continue
        name = vocab.terms["wijken"][feature["id"]].description
        paths.append(f'<path class="kb-map__wijk" data-wijk="{feature["id"]}" d="{"".join(d)}">'
                     f"<title>{escape(name)}</title></path>")
    return (
        f'<svg class="kb-map__svg" viewBox="0 0 {WIDTH:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="kb-map-caption" xmlns="http://www.w3.org/2000/svg">' + "".join(paths) + "</svg>"
    )


def credit() -> str:
    return WIJK_CREDIT


inputs.when_changed(wijk_map_svg.cache_clear)
