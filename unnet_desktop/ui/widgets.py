"""Small widgets shared by the pages: page headers, figure cards, section frames."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

#: Colours used with meaning, readable on light and dark palettes alike.
ALERT_COLOUR = "#c62828"
GOOD_COLOUR = "#2e7d32"

#: The look of the window, scoped by object names so native widgets keep their style.
STYLE_SHEET = """
QWidget#sidebarPanel {
    border-right: 1px solid palette(mid);
}
QListWidget#sidebar {
    border: none;
    background: transparent;
    outline: 0;
}
QListWidget#sidebar::item {
    padding: 9px 16px;
    margin: 1px 6px;
    border-radius: 6px;
}
QListWidget#sidebar::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QListWidget#sidebar::item:hover:!selected {
    background: palette(midlight);
}
QFrame#card {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 8px;
}
QFrame#card QLabel {
    background: transparent;
    border: none;
}
QLabel#cardTitle, QLabel#sectionTitle {
    font-weight: 600;
}
QLabel#badge {
    border-radius: 9px;
    padding: 2px 10px;
    color: white;
    font-weight: 600;
}
"""


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """``base`` made ``factor`` times larger (points when known, else pixels)."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    elif base.pixelSize() > 0:
        font.setPixelSize(max(1, round(base.pixelSize() * factor)))
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def muted_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("muted")
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(wrap)
    return label


class PageHeader(QWidget):
    """A page's title in large type and a line under it."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title = QLabel(title, self)
        self.title.setFont(scaled_font(self.font(), 1.8, bold=True))
        self.subtitle = muted_label(subtitle, self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.subtitle.setVisible(bool(subtitle))

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))


class Card(QFrame):
    """A framed, rounded panel with a bold title; add content to ``body`` (a QVBoxLayout)."""

    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 14)
        outer.setSpacing(8)
        self.header = QHBoxLayout()
        self.header.setSpacing(8)
        self.title = QLabel(title, self)
        self.title.setObjectName("sectionTitle")
        self.title.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        outer.addLayout(self.header)
        self.title.setVisible(bool(title))
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body, 1)


class StatCard(QFrame):
    """One figure: the number in large type, its caption, a short note under them.

    The number comes first so that numbers stay aligned across a row whatever the captions."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        # Ignored width: cards in a row share it equally, whatever their text.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.setSpacing(2)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("cardTitle")
        self.caption.setWordWrap(True)
        self.value = QLabel("–", self)
        self.value.setFont(scaled_font(self.font(), 2.6, bold=True))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = muted_label("", self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set_value(self, value: int | str, note: str = "", *, colour: str | None = None) -> None:
        self.value.setText(str(value))
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.note.setText(note)


class Badge(QLabel):
    """A small coloured pill: a status shown at a glance."""

    def __init__(self, text: str = "", colour: str = "#546e7a", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("badge")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_badge(text, colour)

    def set_badge(self, text: str, colour: str) -> None:
        self.setText(text)
        self.setStyleSheet(f"background: {colour};")


def table_height_for_rows(view, rows: int, *, minimum_rows: int = 1) -> int:
    """The height at which a short table shows its header and ``rows`` rows, no empty area."""
    rows = max(rows, minimum_rows)
    return (
        view.horizontalHeader().sizeHint().height()
        + view.verticalHeader().defaultSectionSize() * rows
        + 2 * view.frameWidth()
    )


def scrolled_content(widget: QWidget) -> QWidget:
    """Fill ``widget`` with a frameless scroll area and return the widget inside it (to lay out)."""
    scroll = QScrollArea(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    outer = QVBoxLayout(widget)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    content = QWidget(scroll)
    scroll.setWidget(content)
    return content
