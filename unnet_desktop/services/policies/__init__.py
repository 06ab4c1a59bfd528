"""The library of migration regulations and policies (Terms of Reference B.3).

The secretariat collects human rights-based, age-appropriate and gender-responsive regulations
and policies and shares them with the members in meetings and minutes. Here:

- the rules of an entry (``normalise_policy``): a title; a number, when given, that no other entry
  has (compared without regard to case or spacing: the number is the full citation, "Law No.
  18/2017", so two instruments never share it); a date of issue that is not in the future unless
  the entry is a draft; a web link that is an http(s) address;
- CRUD (an entry that approved minutes record cannot be deleted: mark it revoked), and
  ``search_policies``: words searched in title, number and summary (case-insensitive, in
  SQL; every word must be found), filtered by type, status, tag and GCM objective;
- a local copy of the document: ``attach_file`` copies it (atomically) into the attachments folder
  beside the database, ``<db folder>/<db stem>-attachments/<policy uuid>/<file name>``, and keeps the
  relative name in ``Policy.file_name``; ``attachment_path`` gives the absolute path to open;
- policy updates presented under a meeting's agenda item (``attach_to_agenda_item``), which then
  appear in that item's minutes (``policies_by_item`` for the minutes writer).

No Qt. Errors are ``ValidationError`` (rules) or ``FileRefused`` (files), one sentence each.

The package, in the order its modules build on each other: ``records`` (limits, tags, dataclasses),
``rules`` (checks; loading and saving an entry), ``attachments`` (local copies), ``crud``,
``search`` (``search_policies``, ``policy_rows``), ``agenda`` (agenda items and the minutes).
Import from the package: every public name is here.
"""

from __future__ import annotations

from .agenda import (
    attach_to_agenda_item,
    detach_from_agenda_item,
    item_policies,
    policies_by_item,
    presentations,
)
from .attachments import (
    ATTACHMENT_MAX_BYTES,
    FILE_NAME_MAX,
    attach_file,
    attachment_path,
    attachments_dir,
    detach_file,
    safe_file_name,
)
from .crud import create_policy, delete_policy, find_policy, get_policy, update_policy
from .records import (
    AUTHORITY_MAX,
    EARLIEST_DATE,
    EDITABLE_FIELDS,
    LANGUAGE_MAX,
    NUMBER_MAX,
    TAGS,
    TITLE_MAX,
    URL_MAX,
    PolicyData,
    PolicyRef,
    PolicyRow,
    Presentation,
    display_name,
)
from .rules import _data_of, normalise_policy, normalise_url, parse_status, parse_tag, parse_type
from .search import ORDER_KEYS, policy_rows, search_policies

__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "EDITABLE_FIELDS",
    "ORDER_KEYS",
    "TAGS",
    "PolicyData",
    "PolicyRef",
    "PolicyRow",
    "Presentation",
    "attach_file",
    "attach_to_agenda_item",
    "attachment_path",
    "attachments_dir",
    "create_policy",
    "delete_policy",
    "detach_file",
    "detach_from_agenda_item",
    "display_name",
    "find_policy",
    "get_policy",
    "item_policies",
    "normalise_policy",
    "normalise_url",
    "parse_status",
    "parse_tag",
    "parse_type",
    "policies_by_item",
    "policy_rows",
    "presentations",
    "safe_file_name",
    "search_policies",
    "update_policy",
]
