"""What describes a keyed workbook: its columns, highlight rules and kind; the export's summary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

INSTRUCTIONS_SHEET = "Instructions"


@dataclass(frozen=True)
class Column:
    """One column of the data sheet.

    ``kind``: ``"text"``, ``"date"`` (a real date cell), ``"choice"`` (text with a drop-down
    list of ``choices`` through data validation) or ``"number"``. ``aliases``: other header
    texts accepted when reading (for instance the Indonesian one)."""

    id: str
    header: str
    kind: str = "text"
    editable: bool = False
    width: float = 18.0
    choices: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    required: bool = False  # reading refuses a workbook without it


@dataclass(frozen=True)
class Highlight:
    """A conditional-formatting rule over the data rows. ``formula`` refers to the first data
    row (row 2) with ``{column_id}`` placeholders for column letters, e.g.
    ``AND(${due_date}2<>"",${due_date}2<TODAY())``; ``columns``: the ids it colours (all when
    empty). A formula in a formatting rule is not a cell value: no cell becomes a formula."""

    formula: str
    font_colour: str = "9C0006"
    fill_colour: str | None = None
    bold: bool = False
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorkbookKind:
    """Everything that makes one kind of keyed workbook (an action-point tracker, a work-plan
    tracker): its marker, its data sheet, its instructions."""

    kind: str  # marker stored in the workbook, e.g. "unnet_desktop/action-tracker"
    label: str  # for people: "action-point tracker"
    sheet_title: str
    key_header: str
    columns: tuple[Column, ...]  # after the key column, in order
    instructions_en: tuple[str, ...] = ()
    instructions_id: tuple[str, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    version: int = 1
    spare_rows: int = 500  # rows below the data with the drop-downs and formatting, for additions
    key_id: str = "key"
    #: Rows with a key are read for their editable columns only (faster: the context is the
    #: app's); rows without a key (added in the file) always with every column.
    keyed_rows_editable_only: bool = False

    def __post_init__(self) -> None:
        ids = [self.key_id, *(c.id for c in self.columns)]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate column ids in {self.kind}")
        for column in self.columns:
            # Excel's list validation: comma-separated, in quotes, at most 255 characters.
            if any("," in c or '"' in c for c in column.choices) or len(",".join(column.choices)) > 250:
                raise ValueError(f"the choices of {column.id} cannot make an Excel drop-down list")

    @property
    def all_columns(self) -> tuple[Column, ...]:
        key = Column(self.key_id, self.key_header, width=38.0, required=True)
        return (key, *self.columns)

    def letter(self, column_id: str) -> str:
        from openpyxl.utils import get_column_letter

        for index, column in enumerate(self.all_columns, 1):
            if column.id == column_id:
                return get_column_letter(index)
        raise KeyError(column_id)


@dataclass(frozen=True)
class ExportInfo:
    path: Path
    kind: str
    export_id: str
    exported_at: dt.datetime  # aware UTC
    rows: int
