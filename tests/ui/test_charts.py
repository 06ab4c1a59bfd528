"""The painted bar charts: they draw something, one bar per figure, and describe themselves."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from unnet_desktop.services import charts_data
from unnet_desktop.services.charts_data import Bar, ChartData, Series
from unnet_desktop.ui.charts import BarChart, StackedBarChart


def _coloured_pixels(widget, colour: str) -> int:
    image = widget.grab().toImage()
    target = QColor(colour).rgb()
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixel(x, y) == target
    )


def _show(qtbot, widget, width=420, height=260):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


def test_a_bar_chart_paints_one_bar_per_status(qtbot, demo_db):
    chart = BarChart()
    _show(qtbot, chart)
    data = charts_data.action_points_by_status(demo_db, 2024)
    chart.set_chart(data)
    pixmap = chart.grab()
    assert not pixmap.isNull() and pixmap.width() > 0
    assert chart.bar_count == 4
    assert len(chart._bar_rects) == 4  # painted
    assert _coloured_pixels(chart, "#2e7d32") > 50  # the Done bar, in green
    done = data.bars[2].values[0]
    assert f"Done: {done} action points" in chart.describe()
    assert chart.accessibleName() == data.title


def test_a_stacked_chart_paints_each_sex_and_a_legend(qtbot, demo_db):
    chart = StackedBarChart()
    _show(qtbot, chart, 600, 300)
    data = charts_data.attendance_by_sex(demo_db, 2024)
    chart.set_chart(data)
    chart.grab()
    assert chart.bar_count == len(data.bars) == 7
    assert _coloured_pixels(chart, "#8e44ad") > 50  # women
    assert _coloured_pixels(chart, "#1f77b4") > 50  # men
    # The bar under a point is found (for its tooltip).
    centre = chart._bar_rects[2].center()
    assert chart.bar_at(centre) == 2
    assert chart.bar_at(QPoint(1, 1).toPointF()) == -1


def test_an_empty_chart_says_why(qtbot):
    chart = BarChart()
    _show(qtbot, chart)
    chart.set_chart(ChartData("Nothing", (Series("a", "A"),), (Bar("x", (0,)),), "No meeting in 2031."))
    assert not chart.grab().isNull()
    assert chart.describe() == "Nothing. No meeting in 2031."
    assert chart._bar_rects == []
    chart.set_chart(None)
    assert chart.bar_count == 0
    assert not chart.grab().isNull()
