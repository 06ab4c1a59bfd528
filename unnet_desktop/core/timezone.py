"""Times are stored in UTC and shown in Western Indonesia Time (WIB, Asia/Jakarta, UTC+7)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
UTC = dt.timezone.utc


def today_wib() -> dt.date:
    """Today's date in Jakarta (WIB), whatever the computer's own time zone."""
    return dt.datetime.now(WIB).date()


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A moment given in WIB wall-clock time, as an aware UTC datetime."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB).astimezone(UTC)


def to_wib(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(WIB)


def format_wib(moment: dt.datetime | None, with_date: bool = True) -> str:
    """``18 Mar 2024 14:00 WIB``; empty for None."""
    if moment is None:
        return ""
    local = to_wib(moment)
    text = local.strftime("%d %b %Y %H:%M") if with_date else local.strftime("%H:%M")
    return f"{text} WIB"
