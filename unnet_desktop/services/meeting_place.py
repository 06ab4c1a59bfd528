"""Where a meeting takes place, in words: one rule for the pages, the minutes and the dashboard."""

from __future__ import annotations


def place_text(venue: str, online_link: str, unknown: str = "") -> str:
    """The venue; "Online" for a meeting with only a link; "<venue> + online" for a hybrid one
    (not when the venue already says it is online); ``unknown`` when there is neither."""
    venue = (venue or "").strip()
    if venue and online_link and "online" not in venue.casefold():
        return f"{venue} + online"
    if venue:
        return venue
    return "Online" if online_link else unknown
