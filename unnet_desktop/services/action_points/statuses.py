"""Action point statuses as people type them: values, English labels, Bahasa Indonesia words."""

from __future__ import annotations

from ...core.enums import ActionStatus

_STATUS_WORDS: dict[ActionStatus, tuple[str, ...]] = {
    ActionStatus.OPEN: ("open", "not started", "to do", "todo", "belum", "belum dimulai", "belum mulai", "terbuka"),
    ActionStatus.IN_PROGRESS: (
        "in progress",
        "ongoing",
        "on going",
        "started",
        "dalam proses",
        "sedang berjalan",
        "berjalan",
        "sedang dikerjakan",
        "dalam pengerjaan",
    ),
    ActionStatus.DONE: ("done", "completed", "complete", "finished", "selesai", "sudah selesai", "tuntas"),
    ActionStatus.DROPPED: ("dropped", "cancelled", "canceled", "dibatalkan", "batal"),
}
_STATUS_LOOKUP = {word: status for status, words in _STATUS_WORDS.items() for word in words}
for _status in ActionStatus:
    _STATUS_LOOKUP[_status.label.casefold()] = _status
    _STATUS_LOOKUP[_status.value.replace("_", " ")] = _status
#: What the tracker's Instructions and error messages quote.
STATUS_HELP = "Open, In progress, Done, Dropped (or Belum, Dalam proses, Selesai, Dibatalkan)"


def _status_key(text: str) -> str:
    return " ".join(str(text).replace("_", " ").replace("-", " ").casefold().split()).rstrip(".")


def parse_action_status(value: object) -> ActionStatus:
    """A status from its value, its English label or a common word in English or Bahasa
    Indonesia, case-insensitively: Selesai = done, Dalam proses / Sedang berjalan = in progress,
    Belum / Belum dimulai / Terbuka = open, Dibatalkan = dropped. ValueError otherwise."""
    if isinstance(value, ActionStatus):
        return value
    status = _STATUS_LOOKUP.get(_status_key(value)) if value is not None else None
    if status is None:
        raise ValueError(f"{value!r} is not an action point status")
    return status


__all__ = ["STATUS_HELP", "parse_action_status"]
