"""GCM coverage at a glance: the 23 objectives as tiles, each with how many of the year's
activities and agencies address it; the objectives no activity addresses marked in red.
The figures are ``services.coverage.gcm_coverage``."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...services.coverage import Coverage, ObjectiveCoverage
from ..widgets import ALERT_COLOUR, GOOD_COLOUR, muted_label, scaled_font
from .common import plural

COLUMNS = 6


class ObjectiveTile(QFrame):
    """One objective: its number, its short name, its figures and a bar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coverageTile")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.number = QLabel(self)
        self.number.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.state = QLabel(self)
        self.state.setFont(scaled_font(self.font(), 0.9, bold=True))
        top.addWidget(self.number)
        top.addStretch(1)
        top.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        self.name = QLabel(self)
        self.name.setWordWrap(True)
        self.name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.name.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        self.figures = QLabel(self)
        self.figures.setFont(scaled_font(self.font(), 0.92))
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        policy = self.bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # tiles keep one height with or without a bar
        self.bar.setSizePolicy(policy)
        layout.addLayout(top)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.figures)
        layout.addWidget(self.bar)
        self.objective: ObjectiveCoverage | None = None

    @property
    def uncovered(self) -> bool:
        return self.objective is not None and not self.objective.covered

    def set_objective(self, objective: ObjectiveCoverage, most: int) -> None:
        self.objective = objective
        self.number.setText(str(objective.number))
        self.name.setText(objective.short_label)
        self.bar.setRange(0, max(most, 1))
        self.bar.setValue(objective.activities)
        tooltip = f"<b>Objective {objective.number}</b>: {escape(objective.title)}"
        self.bar.setVisible(objective.covered)
        if objective.covered:
            self.state.setText("")
            self.figures.setText(
                f"{plural(objective.activities, 'activity', 'activities')} · {plural(objective.agencies, 'agency', 'agencies')}"
            )
            self.figures.setForegroundRole(QPalette.ColorRole.WindowText)
            self.figures.setStyleSheet("")
            share = objective.activities / max(most, 1)
            alpha = int(28 + 70 * share)
            self.setStyleSheet(
                "QFrame#coverageTile { border: 1px solid rgba(46,125,50,150); border-radius: 8px;"
                f" background: rgba(46,125,50,{alpha}); }}"
                f" QProgressBar {{ border: none; background: rgba(0,0,0,25); border-radius: 3px; }}"
                f" QProgressBar::chunk {{ background: {GOOD_COLOUR}; border-radius: 3px; }}"
            )
            tooltip += "<br>" + escape(", ".join(objective.agency_names))
        else:
            self.state.setText("GAP")
            self.state.setStyleSheet(f"color: {ALERT_COLOUR};")
            self.figures.setText("Not addressed")
            self.figures.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: 600;")
            self.setStyleSheet(
                f"QFrame#coverageTile {{ border: 2px solid {ALERT_COLOUR}; border-radius: 8px;"
                " background: rgba(198,40,40,22); }"
                " QProgressBar { border: none; background: rgba(0,0,0,25); border-radius: 3px; }"
            )
            tooltip += "<br>No activity of the plan addresses this objective."
        self.setToolTip(tooltip)


class CoverageView(QWidget):
    """The 23 tiles under a one-line summary; ``include_cancelled_changed`` asks for new figures."""

    include_cancelled_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.coverage: Coverage | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget(scroll)
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 8, 4, 8)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.summary = QLabel(content)
        self.summary.setWordWrap(True)
        self.summary.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.include_cancelled = QCheckBox("Count cancelled activities", content)
        self.include_cancelled.toggled.connect(self.include_cancelled_changed)
        top.addWidget(self.summary, 1)
        top.addWidget(self.include_cancelled, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.gaps = QLabel(content)
        self.gaps.setWordWrap(True)
        self.gaps.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: 600;")
        layout.addWidget(self.gaps)
        self.note = muted_label(
            "Green: objectives the year's activities address (the deeper the green, the more activities). "
            "Red: objectives no activity addresses. Agencies are the lead and participating agencies. "
            "Hover over a tile for the objective's full title and the agencies.",
            content,
        )
        layout.addWidget(self.note)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        self.tiles: list[ObjectiveTile] = []
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def tile(self, number: int) -> ObjectiveTile:
        return self.tiles[number - 1]

    def set_coverage(self, coverage: Coverage) -> None:
        self.coverage = coverage
        while len(self.tiles) < len(coverage.objectives):
            tile = ObjectiveTile(self)
            index = len(self.tiles)
            self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles.append(tile)
        most = max((o.activities for o in coverage.objectives), default=0)
        for tile, objective in zip(self.tiles, coverage.objectives, strict=False):
            tile.set_objective(objective, most)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)
        counted = plural(coverage.activities, "activity", "activities")
        self.summary.setText(
            f"{coverage.covered_count} of {len(coverage.objectives)} GCM objectives addressed by the plan's {counted}"
            + ("" if coverage.include_cancelled else " (cancelled ones not counted)")
        )
        missing = coverage.uncovered
        self.gaps.setText("Not addressed: " + ", ".join(str(o.number) for o in missing) if missing else "")
        self.gaps.setVisible(bool(missing))
        self.include_cancelled.blockSignals(True)
        self.include_cancelled.setChecked(coverage.include_cancelled)
        self.include_cancelled.blockSignals(False)

    def uncovered_numbers(self) -> list[int]:
        return [t.objective.number for t in self.tiles if t.uncovered]
