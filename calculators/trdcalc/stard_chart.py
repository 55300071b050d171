"""The STAR*D calculator's bar chart: after each step, 100 people split three ways, as inline SVG.

The chart is drawn from rounded numbers only, so the host and Pyodide draw the same markup. The
words under each bar and in the SVG's label carry the meaning too: nothing is said by colour
alone, and the markup holds no script, link or event handler (the page inserts it as SVG).
"""

from __future__ import annotations

from html import escape

from .stard_steps import PER, Split

# Narrow on purpose: drawn 340 units wide, it keeps its 13-unit text at about 12 CSS px on a
# 390 px phone (a 640-wide chart shrank it to 6 px). The legend is one entry per line.
WIDTH, LABEL_W, ROW_H, LEGEND_H = 340, 56, 48, 20
BAR_W = WIDTH - LABEL_W
TOP = 24 + LEGEND_H * 3 + 8
SCALE = BAR_W / PER
SEGMENTS = (  # (what, fill, outline): the words under each bar carry the meaning too
    ("remitted so far", "#3949ab", "#1a237e"),
    ("not remitted, still in treatment", "#c5cae9", "#3949ab"),
    ("left (drop-out)", "#ffffff", "#616161"),
)


def chart_svg(splits: list[Split]) -> str:
    """A small bar chart: after each step, 100 people split into remitted, in treatment, left."""
    height = TOP + ROW_H * len(splits) + 8
    summary = _summary(splits)
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(summary)}" '
        'font-family="sans-serif" font-size="13">'
    )
    parts = [
        opening,
        f"<title>{escape('Remission per step, per 100 people. ' + summary)}</title>",
        _text(0, 16, f"Per {PER} people at step 1, after each step:", bold=True),
        *_legend(),
    ]
    for index, split in enumerate(splits):
        parts.extend(_bar(index, split))
    parts.append("</svg>")
    return "".join(parts)


def _summary(splits: list[Split]) -> str:
    """The chart in one sentence, for its accessible name and title."""
    remitted, still, left = splits[-1]
    return (
        f"After step {len(splits)}, of {PER} people: {remitted:.1f} remitted, "
        f"{still:.1f} not remitted and still in treatment, {left:.1f} left."
    )


def _legend() -> list[str]:
    parts = []
    for index, (what, *colours) in enumerate(SEGMENTS):
        y = 26 + LEGEND_H * index
        parts.append(_rect(0, y, 14, 14, colours))
        parts.append(_text(20, y + 12, what))
    return parts


def _bar(index: int, split: Split) -> list[str]:
    """One step's bar, its label on the left and its numbers in words below it."""
    y = TOP + ROW_H * index
    parts = [_text(0, y + 14, f"Step {index + 1}")]
    x: float = LABEL_W
    for value, (_, *colours) in zip(split, SEGMENTS, strict=True):
        if value > 0:
            parts.append(_rect(x, y, value * SCALE, 18, colours))
        x += value * SCALE
    words = f"{split[0]:.1f} remitted · {split[1]:.1f} in treatment · {split[2]:.1f} left"
    parts.append(_text(0, y + 36, words))
    return parts


def _rect(x: float, y: float, width: float, height: float, colours: list[str]) -> str:
    fill, stroke = colours
    return (
        f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{height}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1"/>'
    )


def _text(x: float, y: float, words: str, *, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x:.1f}" y="{y}" fill="currentColor"{weight}>{escape(words)}</text>'
