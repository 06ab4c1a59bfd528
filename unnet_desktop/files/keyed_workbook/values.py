"""Values typed in a returned workbook: :func:`parse_date`."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "januari"),
            ("feb", "february", "februari", "peb", "pebruari"),
            ("mar", "march", "maret"),
            ("apr", "april"),
            ("may", "mei"),
            ("jun", "june", "juni"),
            ("jul", "july", "juli"),
            ("aug", "august", "agu", "agt", "agus", "agustus"),
            ("sep", "sept", "september"),
            ("oct", "october", "okt", "oktober"),
            ("nov", "november", "nop", "nopember"),
            ("dec", "december", "des", "desember"),
        ),
        1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")
_WORD_DATE = re.compile(r"(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})")


def parse_date(value: object) -> dt.date | None:
    """A date cell's date, or a date typed as text: ``2025-03-31``, ``31/03/2025``
    (day first, as in Indonesia), ``31-03-2025``, ``31.03.2025``, ``31 Mar 2025``,
    ``31 Maret 2025``. None for empty; ValueError when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        # A date that lost its date format shows as Excel's day number.
        if 1 <= value < 2_958_466:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        raise ValueError(value)
    text = str(value).strip()
    match = _NUMERIC_DATE.fullmatch(text)
    if match:
        a, b, c = match.groups()
        if len(a) == 4:
            return dt.date(int(a), int(b), int(c))
        if len(c) == 4:
            return dt.date(int(c), int(b), int(a))
        raise ValueError(text)
    match = _WORD_DATE.fullmatch(text)
    if match and match.group(2).casefold() in _MONTHS:
        return dt.date(int(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1)))
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(text) from None
