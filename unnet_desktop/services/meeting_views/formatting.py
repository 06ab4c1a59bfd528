"""Small helpers shared by the meeting services: today in WIB, dates and times as the minutes and
the pages write them, and an enumeration read from a value or a label."""

from __future__ import annotations

import datetime as dt

from ...core.enums import LabelledEnum
from ...core.errors import ValidationError
from ...core.timezone import format_wib, to_wib


def enum_or_error(enum_cls: type[LabelledEnum], value, what: str):
    try:
        return enum_cls.from_value(value)
    except ValueError:
        choices = ", ".join(m.label for m in enum_cls)
        raise ValidationError(f"{value!r} is not a {what} (one of: {choices}).") from None


def when_text(starts_at: dt.datetime, ends_at: dt.datetime | None) -> str:
    """``18 Mar 2024 14:00–16:00 WIB``; the end date too when the meeting runs over midnight."""
    text = format_wib(starts_at)
    if ends_at is None:
        return text
    if to_wib(ends_at).date() == to_wib(starts_at).date():
        return f"{text.removesuffix(' WIB')}–{format_wib(ends_at, with_date=False)}"
    return f"{text.removesuffix(' WIB')} – {format_wib(ends_at)}"


def long_date(day: dt.date) -> str:
    """``Monday 18 March 2024`` (no leading zero, locale-independent)."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def long_when(starts_at: dt.datetime, ends_at: dt.datetime | None) -> str:
    """``Monday 18 March 2024, 14:00–16:00 WIB``."""
    start = to_wib(starts_at)
    text = f"{long_date(start.date())}, {start:%H:%M}"
    if ends_at is None:
        return f"{text} WIB"
    end = to_wib(ends_at)
    if end.date() == start.date():
        return f"{text}–{end:%H:%M} WIB"
    return f"{text} WIB to {long_date(end.date())}, {end:%H:%M} WIB"
