"""The library list: one row per entry, as ``services.policies.search_policies`` gives them."""

from __future__ import annotations

from ...services.policies import TAGS, PolicyRow
from ..table_model import Column, RecordTableModel
from ..widgets import ALERT_COLOUR, GOOD_COLOUR

#: Short forms of the three tags for a narrow column (the tooltip gives them in full).
TAG_SHORT = {"human_rights_based": "HR", "age_appropriate": "Age", "gender_responsive": "Gender"}
STATUS_COLOURS = {"in_force": GOOD_COLOUR, "draft": "#ef6c00", "amended": "#1565c0", "revoked": ALERT_COLOUR}


def _tags_short(row: PolicyRow) -> str:
    return " · ".join(TAG_SHORT[key] for key in row.tags)


def _document(row: PolicyRow) -> str:
    parts = []
    if row.has_file:
        parts.append("File")
    if row.url:
        parts.append("Link")
    return " + ".join(parts)


class PolicyModel(RecordTableModel[PolicyRow]):
    NUMBER, TITLE, TYPE, STATUS, ISSUED, TAGS, OBJECTIVES, PRESENTED, DOCUMENT = range(9)
    columns = (
        Column("Number", lambda p: p.number, sort=lambda p: p.number.lower(), tooltip=lambda p: p.number or None),
        Column("Title", lambda p: p.title, sort=lambda p: p.title.lower(), tooltip=lambda p: p.title),
        Column("Type", lambda p: p.type_label),
        Column("Status", lambda p: p.status_label, colour=lambda p: STATUS_COLOURS.get(p.status.value)),
        Column(
            "Issued",
            lambda p: f"{p.issued_on:%d %b %Y}" if p.issued_on else "",
            sort=lambda p: p.issued_on.isoformat() if p.issued_on else "",
        ),
        Column("Tags", _tags_short, tooltip=lambda p: p.tags_text or "No tag"),
        Column(
            "GCM",
            lambda p: p.objectives_text,
            tooltip=lambda p: f"GCM objectives {p.objectives_text}" if p.objectives else None,
        ),
        Column(
            "Presented",
            lambda p: str(p.presentations) if p.presentations else "",
            sort=lambda p: p.presentations,
            tooltip=lambda p: f"Presented under {p.presentations} agenda item(s)" if p.presentations else None,
            align_right=True,
        ),
        Column(
            "Document",
            _document,
            tooltip=lambda p: "\n".join(x for x in (p.file_label, p.url) if x) or None,
        ),
    )

    def row_of(self, policy_id: int | None) -> int:
        for row, record in enumerate(self._records):
            if record.id == policy_id:
                return row
        return -1


__all__ = ["TAGS", "TAG_SHORT", "PolicyModel"]
