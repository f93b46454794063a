"""Link preview images: a 1200x630 PNG with the title and a density strip, cached on disk by content.

The file name is a hash of what is drawn, so a changed timeline gets a new image and an unchanged
one is drawn once. Fonts come from the system when present, Pillow's built-in font otherwise.
"""

import hashlib
import json
import textwrap
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BACKGROUND = (250, 248, 243)
INK = (28, 31, 38)
MUTED = (96, 102, 115)
BAR = (176, 58, 46)
BAR_CURRENT = (28, 78, 140)
_FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


@dataclass
class Preview:
    title: str
    subtitle: str = ""
    # (label, count) per bucket, oldest first; a highlighted label is drawn in another colour.
    bars: list[tuple[str, int]] = field(default_factory=list)
    highlight: str = ""

    @property
    def digest(self) -> str:
        payload = json.dumps([self.title, self.subtitle, self.bars, self.highlight], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _font(size: int):
    for path in _FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def draw_preview(preview: Preview) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((60, 44), "Linimasa", font=_font(30), fill=BAR)
    title_font = _font(54)
    lines = textwrap.wrap(preview.title, width=34)[:3] or [""]
    y = 100
    for line in lines:
        draw.text((60, y), line, font=title_font, fill=INK)
        y += 66
    if preview.subtitle:
        draw.text((60, y + 8), preview.subtitle[:80], font=_font(28), fill=MUTED)
    _draw_strip(draw, preview)
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _draw_strip(draw: ImageDraw.ImageDraw, preview: Preview) -> None:
    """Bars along the bottom, height by count; first and last labels under them."""
    bars = preview.bars[-60:]
    if not bars:
        return
    left, right, base, tallest = 60, WIDTH - 60, HEIGHT - 80, 150
    top = max(count for _, count in bars) or 1
    step = (right - left) / len(bars)
    for i, (label, count) in enumerate(bars):
        height = max(3, round(tallest * count / top)) if count else 2
        x0 = left + i * step + step * 0.15
        x1 = left + (i + 1) * step - step * 0.15
        colour = BAR_CURRENT if label == preview.highlight else (BAR if count else (220, 216, 208))
        draw.rectangle([x0, base - height, max(x0 + 1, x1), base], fill=colour)
    small = _font(22)
    draw.text((left, base + 14), bars[0][0], font=small, fill=MUTED)
    last = bars[-1][0]
    draw.text((right - draw.textlength(last, font=small), base + 14), last, font=small, fill=MUTED)


def cache_dir() -> Path:
    return Path(settings.VAR_DIR) / "previews"


def render_cached(preview: Preview) -> bytes:
    """The PNG for this preview, drawn once and then read from var/previews/."""
    path = cache_dir() / f"{preview.digest}.png"
    if path.exists():
        return path.read_bytes()
    data = draw_preview(preview)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)  # atomic: a concurrent reader never sees half a file
    return data


def count_by_year(dates) -> list[tuple[str, int]]:
    """Counts per year from the first to the last year seen, empty years included."""
    counts: dict[int, int] = {}
    for day in dates:
        counts[day.year] = counts.get(day.year, 0) + 1
    if not counts:
        return []
    first, last = min(counts), max(counts)
    first = max(first, last - 59)
    return [(str(year), counts.get(year, 0)) for year in range(first, last + 1)]


def count_by_month(dates, year: int) -> list[tuple[str, int]]:
    counts = [0] * 12
    for day in dates:
        if day.year == year:
            counts[day.month - 1] += 1
    return [(f"{year}-{month:02d}", counts[month - 1]) for month in range(1, 13)]
