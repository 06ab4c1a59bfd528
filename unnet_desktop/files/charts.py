"""Charts as PNG images, without Qt: for the Word annual report (and any other file).

matplotlib is imported inside the functions (it costs about half a second) and used through its
object API with the Agg canvas: no pyplot, no global figure state, no display needed, safe beside a
running Qt application. Each function takes plain figures and returns the PNG bytes; the same
figures give the same bytes (no timestamp in the file).

Drawing is kept to one pass (no layout engine, no ``bbox_inches="tight"``: margins are measured
from the tick labels, titles placed at once) and bars are one collection per series; see the
annual report's speed target (issue 7).

Colours are from the Okabe-Ito palette (readable with colour-blindness and in grey print).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Okabe-Ito
ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE, GREY = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#9E9E9E",
)  # fmt: skip
TEXT = "#333333"
GRID = "#DDDDDD"
WIDTH_IN = 6.3  # 16 cm: the text width of an A4 page with 2.5 + 2.0 cm margins
DPI = 150
#: Above this many meetings, attendance is drawn per month (bars per meeting would be unreadable).
MAX_BARS = 24


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float]
    color: str


_RC = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same image on every computer
    "font.size": 8,
    "axes.titlesize": 9.5,
    "axes.titleweight": "bold",
    "axes.edgecolor": "#888888",
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "text.color": TEXT,
    "legend.frameon": False,
}


def _figure(height_in: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # No layout engine: constrained layout draws every figure twice more. Margins are measured instead.
    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _text_width_in(fig, texts: Sequence[str], size: float = 8) -> float:
    """The width in inches of the widest of ``texts`` at ``size`` points (tick labels)."""
    from matplotlib.font_manager import FontProperties

    if not texts:
        return 0.0
    renderer = fig.canvas.get_renderer()
    prop = FontProperties(family=_RC["font.family"], size=size)
    widest = max(renderer.get_text_width_height_descent(t, prop, ismath=False)[0] for t in texts)
    return widest / fig.dpi


def _labels_width_in(fig, labels) -> float:
    """The width in inches of the widest of the tick ``labels`` (unrotated Text artists). Measured
    through the artists: matplotlib keeps the measures for when it draws them."""
    return max((label.get_window_extent().width for label in labels), default=0.0) / fig.dpi


def _margins(fig, *, left: float, right: float = 0.15, top: float = 0.4, bottom: float = 0.35) -> None:
    """Margins in inches around the axes."""
    width, height = fig.get_size_inches()
    fig.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height)


def _legend(fig, entries: Sequence[tuple[str, str]], ncols: int) -> None:
    """The legend, one square per (label, colour), centred under everything, 0.08 in above the bottom edge."""
    from matplotlib.patches import Patch

    if entries:
        handles = [Patch(facecolor=color, linewidth=0, label=label) for label, color in entries]
        fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=ncols, fontsize=7.5,
                   borderaxespad=0.3)  # fmt: skip


def _bars(ax, rects: Sequence[tuple[float, float, float, float]], colors, *, value_axis: str) -> None:
    """Bars as (left, bottom, width, height) in data units, drawn as ``Axes.bar`` draws them (filled,
    no edge, antialiased, the data limits stuck at 0 on the value axis: the same pixels), but as one
    collection: ``bar`` makes a Rectangle artist per bar, each updating the data limits and drawn
    on its own. ``colors``: one, or one per bar."""
    from matplotlib.collections import PolyCollection

    bars = PolyCollection(
        [((x, y), (x + w, y), (x + w, y + h), (x, y + h)) for x, y, w, h in rects],
        facecolors=colors,
        edgecolors="none",
        linewidths=0,
    )
    getattr(bars.sticky_edges, value_axis).append(0)
    ax.add_collection(bars)


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None},
                pil_kwargs={"compress_level": 3})  # zlib level 3: a third of the time of 6, a few kB more
    return buffer.getvalue()


def _title(ax, title: str) -> None:
    """The title on the left, just above the axes: where matplotlib would put it here, given at once
    (left to itself, matplotlib measures every tick label again at each drawing to place it)."""
    ax.set_title(title, loc="left", y=1.0)


def _style(ax, *, value_axis: str) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.set_axisbelow(True)
    ax.grid(axis=value_axis, color=GRID, linewidth=0.6)


def _integer_ticks(axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def stacked_bars(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    value_label: str = "",
    height_in: float = 3.2,
    empty_text: str = "Nothing to show.",
) -> bytes:
    """Vertical bars, one per label, stacked by series; the total above each bar."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(height_in)
        ax = fig.add_subplot()
        _style(ax, value_axis="y")
        _title(ax, title)
        if not labels:
            _empty(ax, empty_text)
            return _png(fig)
        positions = list(range(len(labels)))
        bottoms = [0.0] * len(labels)
        shown = []
        for s in series:
            values = [float(v) for v in s.values]
            if not any(values):
                continue
            _bars(ax, [(x - 0.35, b, 0.7, v) for x, b, v in zip(positions, bottoms, values)], s.color, value_axis="y")
            shown.append((s.label, s.color))
            bottoms = [b + v for b, v in zip(bottoms, values)]
        for x, total in zip(positions, bottoms):
            if total:
                ax.annotate(f"{total:g}", (x, total), xytext=(0, 2), textcoords="offset points", ha="center",
                            va="bottom", fontsize=7)  # fmt: skip
        rotate = len(labels) > 6
        ax.set_xticks(positions, labels, rotation=45 if rotate else 0, ha="right" if rotate else "center",
                      rotation_mode="anchor" if rotate else "default")  # fmt: skip
        ax.set_xlim(-0.6, len(labels) - 0.4)
        ax.set_ylim(0, max(bottoms or [1]) * 1.15 or 1)
        _integer_ticks(ax.yaxis)
        if value_label:
            ax.set_ylabel(value_label)
        tick_height = _text_width_in(fig, labels) * 0.71 + 0.1 if rotate else 0.2
        _margins(fig, left=0.6 if value_label else 0.4, bottom=tick_height + (0.45 if shown else 0.15))
        _legend(fig, shown, 4)
        return _png(fig)


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    colors: Sequence[str] | None = None,
    value_label: str = "",
    height_in: float | None = None,
    empty_text: str = "Nothing to show.",
) -> bytes:
    """One horizontal bar per label (first label on top), its value at its end."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        fig = _figure(height_in or max(1.6, 0.9 + 0.32 * len(labels)))
        ax = fig.add_subplot()
        _style(ax, value_axis="x")
        _title(ax, title)
        if not labels or not any(values):
            _empty(ax, empty_text)
            return _png(fig)
        positions = list(range(len(labels)))[::-1]
        rects = [(0.0, y - 0.325, float(v), 0.65) for y, v in zip(positions, values)]
        _bars(ax, rects, list(colors) if colors else BLUE, value_axis="x")
        for y, v in zip(positions, values):
            ax.annotate(f"{float(v):g}", (float(v), y), xytext=(3, 0), textcoords="offset points", va="center",
                        fontsize=7.5)  # fmt: skip
        ax.set_yticks(positions, labels)
        ax.set_xlim(0, max(float(v) for v in values) * 1.15)
        _integer_ticks(ax.xaxis)
        if value_label:
            ax.set_xlabel(value_label)
        _margins(fig, left=_labels_width_in(fig, ax.get_yticklabels()) + 0.2, bottom=0.5 if value_label else 0.3)
        return _png(fig)


def grouped_horizontal_bars(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    value_label: str = "",
    empty_text: str = "Nothing to show.",
) -> bytes:
    """For each label (first on top) one thin bar per series, side by side."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        n = max(1, len(series))
        fig = _figure(max(1.8, 1.2 + 0.24 * len(labels)))
        ax = fig.add_subplot()
        _style(ax, value_axis="x")
        _title(ax, title)
        if not labels or not any(any(s.values) for s in series):
            _empty(ax, empty_text)
            return _png(fig)
        band = 0.8 / n
        top = len(labels) - 1
        height = band * 0.92
        for i, s in enumerate(series):
            ys = [top - j + 0.4 - band * (i + 0.5) for j in range(len(labels))]
            _bars(ax, [(0.0, y - height / 2, float(v), height) for y, v in zip(ys, s.values)], s.color, value_axis="x")
        ax.set_yticks(list(range(top, -1, -1)), labels)
        ax.set_ylim(-0.6, top + 0.6)
        _integer_ticks(ax.xaxis)
        if value_label:
            ax.set_xlabel(value_label)
        _margins(fig, left=_labels_width_in(fig, ax.get_yticklabels()) + 0.2, bottom=0.85 if value_label else 0.6)
        _legend(fig, [(s.label, s.color) for s in series], len(series))
        return _png(fig)


def _empty(ax, text: str) -> None:
    _margins(ax.figure, left=0.3, bottom=0.3)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#777777")


# --------------------------------------------------------------------------- the report's three


SEX_COLORS = {"female": VERMILLION, "male": BLUE, "other": GREEN, "not_recorded": GREY}
STATUS_COLORS = {
    "not_started": GREY,
    "on_track": GREEN,
    "delayed": ORANGE,
    "completed": BLUE,
    "cancelled": "#5F5F5F",
}


def attendance_by_sex(
    labels: Sequence[str], by_sex: Sequence[Mapping[str, int]], sex_labels: Mapping[str, str], *, title: str
) -> bytes:
    """Stacked bars of the people present at each meeting (``labels``), by sex.
    ``by_sex``: per meeting {sex value: count}; ``sex_labels``: {sex value: label}, in legend order."""
    series = [
        Series(sex_labels[key], [counts.get(key, 0) for counts in by_sex], SEX_COLORS.get(key, PURPLE))
        for key in sex_labels
    ]
    return stacked_bars(labels, series, title=title, value_label="People present", empty_text="No meeting was held.")


def activities_by_status(counts: Sequence[tuple[str, str, int]], *, title: str) -> bytes:
    """Horizontal bars: ``counts`` as (status value, label, number of activities)."""
    return horizontal_bars(
        [label for _, label, _ in counts],
        [n for _, _, n in counts],
        colors=[STATUS_COLORS.get(key, BLUE) for key, _, _ in counts],
        title=title,
        value_label="Activities",
        empty_text="No work plan activity.",
    )


def gcm_coverage(rows: Sequence[tuple[str, int, int, int]], *, title: str) -> bytes:
    """For each objective (label, activities, meetings, policy updates): three bars side by side."""
    labels = [r[0] for r in rows]
    series = [
        Series("Work plan activities", [r[1] for r in rows], BLUE),
        Series("Meetings", [r[2] for r in rows], ORANGE),
        Series("Policy updates", [r[3] for r in rows], GREEN),
    ]
    return grouped_horizontal_bars(labels, series, title=title, value_label="Number addressing the objective")


__all__ = [
    "Series",
    "activities_by_status",
    "attendance_by_sex",
    "gcm_coverage",
    "grouped_horizontal_bars",
    "horizontal_bars",
    "stacked_bars",
]
