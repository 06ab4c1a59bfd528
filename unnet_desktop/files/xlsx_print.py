"""How the app's Excel sheets print: on A4 landscape, every column on the width of the page, as
many pages down as needed, the header row repeated on each page."""

from __future__ import annotations


def print_on_page_width(ws, title_rows: str | None = "1:1") -> None:
    """Set ``ws`` (an openpyxl sheet, write-only too) to print landscape on A4, one page wide,
    with ``title_rows`` (e.g. "1:1") repeated at the top of every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4 (Worksheet.PAPERSIZE_A4; write-only sheets lack the name)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    if title_rows:
        ws.print_title_rows = title_rows
