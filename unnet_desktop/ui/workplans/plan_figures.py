"""The plan's figures at the top of the Work plans page: how many activities, and the dollars
required, available and spent, and the funding gap (red) or over-funding (green), each a compact
``Figure`` card; exact amounts in the tooltips. The totals are ``services.workplans``'."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...services import workplans as wp
from ..widgets import ALERT_COLOUR, GOOD_COLOUR, muted_label, scaled_font
from .common import dollars_text, money_text, plural


class Figure(QFrame):
    """A compact figure: the amount in large type over its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        self.value = QLabel("–", self)
        self.value.setFont(scaled_font(self.font(), 1.55, bold=True))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = muted_label(caption, self, wrap=False)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str, caption: str | None = None, *, colour: str | None = None) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        if caption is not None:
            self.caption.setText(caption)


class PlanFigures(QWidget):
    """The five figures side by side, the activity count narrower than the money."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        figures = QHBoxLayout(self)
        figures.setContentsMargins(0, 0, 0, 0)
        figures.setSpacing(10)
        self.activities = Figure("activities", self)
        self.required = Figure("required (USD)", self)
        self.available = Figure("available (USD)", self)
        self.spent = Figure("spent (USD)", self)
        self.gap = Figure("funding gap (USD)", self)
        for figure in (self.activities, self.required, self.available, self.spent, self.gap):
            figures.addWidget(figure, 1)
        self.activities.setMaximumWidth(130)

    def show_totals(self, totals: wp.PlanTotals) -> None:
        grand = totals.grand
        self.activities.set_value(f"{grand.activities:,}", "activity" if grand.activities == 1 else "activities")
        gap = grand.funding_gap
        for figure, value in (
            (self.required, grand.required),
            (self.available, grand.available),
            (self.spent, grand.spent),
            (self.gap, abs(gap)),
        ):
            figure.set_value(dollars_text(value))
            figure.setToolTip(f"{money_text(value)} USD")
        if gap > 0:
            self.gap.set_value(dollars_text(gap), "funding gap (USD)", colour=ALERT_COLOUR)
        elif gap < 0:
            self.gap.set_value(dollars_text(-gap), "over-funded (USD)", colour=GOOD_COLOUR)
        else:
            self.gap.set_value(dollars_text(gap), "funding gap (USD)", colour=GOOD_COLOUR)
        if grand.without_required:
            self.required.setToolTip(
                f"{money_text(grand.required)} USD; "
                f"{plural(grand.without_required, 'activity', 'activities')} without a required figure yet"
            )
