"""Small bar charts painted with QPainter (no QtCharts): a title, bars with their totals above them,
labels under them, and a legend when the bars are stacked.

    chart = BarChart(parent)
    chart.set_chart(charts_data.meetings_per_quarter(db, 2024))

A chart of one series is a plain bar chart; of several, a stacked one (``StackedBarChart`` is the
same widget, named for readability where stacking is the point). Colours follow the series' keys
(sex, statuses); the figures come from ``services.charts_data``. The bar under the mouse shows its
tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..services.charts_data import ChartData
from .widgets import scaled_font

#: Colours of series with a meaning; others take the palette below in turn.
SERIES_COLOURS: dict[str, str] = {
    # sex
    "female": "#8e44ad",
    "male": "#1f77b4",
    "other": "#17a589",
    "not_recorded": "#b0bec5",
    # meeting status
    "held": "#2e7d32",
    "planned": "#1565c0",
    "cancelled": "#9e9e9e",
}
#: Colours of single-series bars by their label (statuses of action points and activities).
BAR_COLOURS: dict[str, str] = {
    "Open": "#1565c0",
    "In progress": "#ef6c00",
    "Done": "#2e7d32",
    "Dropped": "#9e9e9e",
    "Not started": "#78909c",
    "On track": "#2e7d32",
    "Delayed": "#c62828",
    "Completed": "#1b5e20",
    "Cancelled": "#9e9e9e",
}
FALLBACK_COLOURS = ("#1565c0", "#ef6c00", "#2e7d32", "#8e44ad", "#c62828", "#00838f", "#6d4c41")


class BarChart(QWidget):
    """Vertical bars, stacked when the chart has several series."""

    MARGIN = 10
    GAP = 0.35  # share of a bar's slot left empty

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: ChartData | None = None
        self._bar_rects: list[QRectF] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setMouseTracking(True)

    # -- data -----------------------------------------------------------------------------

    def set_chart(self, chart: ChartData | None) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title if chart else "Chart")
        self.setAccessibleDescription(self.describe())
        self.update()

    @property
    def bar_count(self) -> int:
        return len(self.chart.bars) if self.chart is not None else 0

    def describe(self) -> str:
        """What the chart shows, in words (for screen readers and tests)."""
        if self.chart is None:
            return ""
        if self.chart.is_empty:
            return f"{self.chart.title}. {self.chart.empty_text}"
        bars = (bar.tooltip or f"{bar.label}: {bar.total}" for bar in self.chart.bars)
        return f"{self.chart.title}. " + "; ".join(bars)

    def colour(self, series_index: int, bar_label: str = "") -> QColor:
        chart = self.chart
        if chart is not None and not chart.stacked and bar_label in BAR_COLOURS:
            return QColor(BAR_COLOURS[bar_label])
        key = chart.series[series_index].key if chart is not None else ""
        return QColor(SERIES_COLOURS.get(key, FALLBACK_COLOURS[series_index % len(FALLBACK_COLOURS)]))

    def sizeHint(self) -> QSize:
        return QSize(420, 260)

    # -- painting -------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        return scaled_font(self.font(), 1.05, bold=True), scaled_font(self.font(), 0.9)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        title_font, small_font = self._fonts()
        rect = QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        self._bar_rects = []
        chart = self.chart
        if chart is None:
            painter.end()
            return

        # Title
        painter.setFont(title_font)
        painter.setPen(text_colour)
        title_height = QFontMetrics(title_font).height()
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(title_font).elidedText(chart.title, Qt.TextElideMode.ElideRight, int(rect.width())),
        )
        rect.setTop(rect.top() + title_height + 6)

        painter.setFont(small_font)
        metrics = QFontMetrics(small_font)
        line = metrics.height()

        # Legend (stacked charts only), at the bottom
        if chart.stacked and not chart.is_empty:
            rect.setBottom(rect.bottom() - self._paint_legend(painter, rect, metrics, text_colour) - 4)

        if chart.is_empty:
            painter.setPen(muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, chart.empty_text)
            painter.end()
            return

        # Plot area: labels under it (on two lines when one does not fit), totals above the bars
        n = len(chart.bars)
        slot = rect.width() / n
        labels = [self._label_lines(bar.label, metrics, slot - 2) for bar in chart.bars]
        label_lines = max((len(lines) for lines in labels), default=1)
        plot = QRectF(rect.left(), rect.top() + line + 2, rect.width(), rect.height() - (1 + label_lines) * line - 8)
        bar_width = min(slot * (1 - self.GAP), 64.0)
        largest = max(chart.largest, 1)
        axis_pen = QPen(palette.color(QPalette.ColorRole.Mid))
        axis_pen.setWidthF(1.0)
        painter.setPen(axis_pen)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

        for i, bar in enumerate(chart.bars):
            centre = plot.left() + slot * (i + 0.5)
            left = centre - bar_width / 2
            y = plot.bottom()
            for s, value in enumerate(bar.values):
                if value <= 0:
                    continue
                height = plot.height() * value / largest
                piece = QRectF(left, y - height, bar_width, height)
                painter.fillRect(piece, self.colour(s, bar.label))
                y -= height
            self._bar_rects.append(QRectF(centre - slot / 2, plot.top() - line, slot, plot.height() + 2 * line))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(centre - slot / 2, y - line - 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                f"{bar.total:,}",
            )
            painter.setPen(muted if bar.total == 0 else text_colour)
            for k, text in enumerate(labels[i]):
                painter.drawText(
                    QRectF(centre - slot / 2 + 1, plot.bottom() + 4 + k * line, slot - 2, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(slot - 2)),
                )
        painter.end()

    @staticmethod
    def _label_lines(label: str, metrics: QFontMetrics, width: float) -> list[str]:
        """The label on one line, or split in two at a hyphen or a space when it does not fit
        (``2024-AH-01`` becomes ``2024-`` / ``AH-01``); what still does not fit is elided."""
        if metrics.horizontalAdvance(label) <= width:
            return [label]
        cuts = [i + 1 for i, c in enumerate(label) if c in "- "]
        if not cuts:
            return [label]
        best = min(cuts, key=lambda i: abs(len(label) / 2 - i))
        return [label[:best].rstrip(), label[best:].lstrip()]

    def _paint_legend(self, painter: QPainter, rect: QRectF, metrics: QFontMetrics, text_colour: QColor) -> float:
        """The legend on one line (or two) at the bottom of ``rect``; returns its height. Series that
        are zero throughout are left out, but never all of them."""
        chart = self.chart
        shown = [(i, s) for i, s in enumerate(chart.series) if chart.series_total(s.key)] or list(
            enumerate(chart.series)
        )
        box = metrics.height() * 0.7
        entries = [(i, s.label, box + 4 + metrics.horizontalAdvance(s.label) + 14) for i, s in shown]
        lines: list[list[tuple[int, str, float]]] = [[]]
        width = 0.0
        for entry in entries:
            if lines[-1] and width + entry[2] > rect.width():
                lines.append([])
                width = 0.0
            lines[-1].append(entry)
            width += entry[2]
        height = len(lines) * (metrics.height() + 2)
        y = rect.bottom() - height
        for row in lines:
            x = rect.left()
            for i, label, advance in row:
                painter.fillRect(QRectF(x, y + (metrics.height() - box) / 2, box, box), self.colour(i))
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(x + box + 4, y, advance, metrics.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
                x += advance
            y += metrics.height() + 2
        return height

    # -- tooltips -------------------------------------------------------------------------

    def bar_at(self, point: QPointF) -> int:
        for i, area in enumerate(self._bar_rects):
            if area.contains(point):
                return i
        return -1

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.chart is not None:
            i = self.bar_at(QPointF(event.pos()))
            if i >= 0:
                QToolTip.showText(event.globalPos(), self.chart.bars[i].tooltip or self.chart.bars[i].label, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class StackedBarChart(BarChart):
    """A ``BarChart`` whose data has several series (sex, statuses): bars stacked, with a legend."""


__all__ = ["BAR_COLOURS", "SERIES_COLOURS", "BarChart", "StackedBarChart"]
