"""The pages of the main window, in sidebar order.

Each page is a ``QWidget`` subclass built as ``PageClass(db, parent)`` with a ``refresh()``
method that re-reads the database. A page's module is imported only when the page is first
shown, so a heavy page costs nothing at start-up. When an issue brings the real page, it
changes the ``target`` of its entry here (``"unnet_desktop.ui.pages.contacts:ContactsPage"``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...core.database import Database


class Page(Protocol):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None: ...

    def refresh(self) -> None: ...


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable name, remembered in the settings
    title: str  # the sidebar entry
    target: str  # "module:Class"

    def load(self) -> type[QWidget]:
        module_name, _, class_name = self.target.partition(":")
        return getattr(importlib.import_module(module_name), class_name)


_P = __name__  # "unnet_desktop.ui.pages"

PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", "Dashboard", f"{_P}.dashboard:DashboardPage"),
    PageSpec("contacts", "Contacts", f"{_P}.contacts:ContactsPage"),
    PageSpec("meetings", "Meetings", f"{_P}.meetings:MeetingsPage"),
    PageSpec("action_points", "Action points", f"{_P}.action_points:ActionPointsPage"),
    PageSpec("work_plans", "Work plans", f"{_P}.workplans:WorkPlansPage"),
    PageSpec("working_groups", "Working groups", f"{_P}.working_groups:WorkingGroupsPage"),
    PageSpec("library", "Library", f"{_P}.library:LibraryPage"),
    PageSpec("reports", "Reports", f"{_P}.reports:ReportsPage"),
)


def page_spec(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)
