"""The commands of the Work plans page that act on the whole plan: start a new year's plan,
endorse it or put it back to draft, copy its unfinished activities to next year, export it to the
Excel workbook the agencies fill in, and import that workbook back after a preview.

``PlanActions`` is mixed into ``pages.workplans.WorkPlansPage``: it uses the page's ``db``,
``plans``, ``year``, ``_plan()`` and ``refresh()``, and keeps the dialog or background task it
started on the page (``plan_dialog``, ``date_dialog``, ``import_dialog``, ``task``). Every change
goes through ``services.workplans`` and the ``files`` workbook modules; files are written and read
off the UI thread (``run_task``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.enums import WorkPlanStatus
from ...core.errors import KnownError
from ...services import workplans as wp
from ...services.dashboard import today_wib
from .. import dialogs
from ..file_actions import export_with_progress, last_folder, remember_folder, written_to
from ..tasks import Task, run_task
from .common import WORKBOOK_NOT_OPENED, XLSX_FILTER, DateDialog, open_tracked, plural
from .import_preview import ImportPreviewDialog
from .plan_forms import NewPlanDialog

if TYPE_CHECKING:
    from ...core.database import Database

LAST_FOLDER = "workplans/last_folder"


class PlanActions:
    """The plan's own commands, for the page that shows it (a ``QWidget`` with the attributes
    named in the module's docstring)."""

    db: Database
    plans: list[wp.WorkPlanInfo]
    year: int | None
    plan_dialog: NewPlanDialog | None
    date_dialog: DateDialog | None
    import_dialog: ImportPreviewDialog | None
    task: Task | None

    # -- the plan -------------------------------------------------------------------------

    def new_plan(self) -> NewPlanDialog:
        years = {p.year for p in self.plans}
        year = today_wib().year
        while year in years:
            year += 1
        dialog = NewPlanDialog(self.db, year, self)
        dialog.saved.connect(self._plan_created)
        return open_tracked(self, "plan_dialog", dialog)

    def _plan_created(self, plan: wp.WorkPlanInfo) -> None:
        self.year = plan.year
        self.refresh()

    def change_status(self) -> DateDialog | None:
        plan = self._plan(self.year)
        if plan is None:
            return None
        if plan.status is WorkPlanStatus.ENDORSED:
            cleared = f" The endorsement date ({plan.endorsed_on:%d %b %Y}) is cleared." if plan.endorsed_on else ""
            if dialogs.confirm(self, "Back to draft", f"Put the {plan.year} work plan back to draft?{cleared}"):
                self._set_status(WorkPlanStatus.DRAFT)
            return None
        year = plan.year
        dialog = DateDialog(
            f"Endorse the {year} work plan",
            f"The date the members endorsed the {year} work plan:",
            lambda day: wp.set_plan_status(self.db, year, WorkPlanStatus.ENDORSED, day),
            self,
            initial=today_wib(),
            ok_text="Endorse",
        )
        dialog.error_title = "Work plan not endorsed"
        dialog.saved.connect(lambda _info: self.refresh())
        return open_tracked(self, "date_dialog", dialog)

    def _set_status(self, status: WorkPlanStatus) -> None:
        try:
            wp.set_plan_status(self.db, self.year, status)
        except KnownError as exc:
            dialogs.show_error(self, "Status not changed", str(exc))
        self.refresh()

    def copy_to_next_year(self) -> None:
        plan = self._plan(self.year)
        if plan is None:
            return
        year = plan.year
        if not dialogs.confirm(
            self,
            "Copy to next year",
            f"Start the {year + 1} work plan (a draft) with the activities of {year} that are not completed "
            "or cancelled? Their codes, texts, agencies and GCM objectives are copied; budgets and progress "
            "notes start empty.",
            default_yes=True,
        ):
            return
        try:
            result = wp.copy_to_next_year(self.db, year)
        except KnownError as exc:
            dialogs.show_error(self, "Nothing copied", str(exc))
            self.refresh()
            return
        self.year = result.to_year
        self.refresh()
        left = (
            f" {plural(result.left_behind, 'completed or cancelled activity', 'completed or cancelled activities')} "
            f"stayed in {year}."
            if result.left_behind
            else ""
        )
        dialogs.show_info(
            self,
            "Copied to next year",
            f"The {result.to_year} work plan was started with "
            f"{plural(result.copied, 'unfinished activity', 'unfinished activities')} of {year}.{left}",
        )

    # -- Excel ----------------------------------------------------------------------------

    def export_plan(self) -> None:
        if self.year is None:
            return
        from ...files.workplan_xlsx import export_workplan

        task = export_with_progress(
            self,
            f"Export the {self.year} work plan",
            last_folder(LAST_FOLDER) / f"Work plan {self.year}.xlsx",
            XLSX_FILTER,
            export_workplan,
            self.db,
            self.year,
            label=f"Writing the {self.year} work plan…",
            done_title="Work plan exported",
            question=lambda result, _path: written_to(
                f"The {result.year} work plan ({plural(result.activities, 'activity', 'activities')})", result.path
            ),
            folder_key=LAST_FOLDER,
            not_opened=WORKBOOK_NOT_OPENED,
        )
        if task is not None:
            self.task = task

    def import_plan(self) -> None:
        from ...files.workplan_xlsx_import import plan_workplan_import

        path = dialogs.ask_open_path(self, "Import a work plan workbook", last_folder(LAST_FOLDER), XLSX_FILTER)
        if path is None:
            return
        remember_folder(LAST_FOLDER, path)
        self.task = run_task(self, f"Reading {path.name}…", plan_workplan_import, self.db, path, on_done=self._preview)

    def _preview(self, plan) -> None:
        dialog = ImportPreviewDialog(plan, self)
        dialog.accepted.connect(lambda: self._apply_import(plan, dialog.resolutions()))
        open_tracked(self, "import_dialog", dialog)

    def _apply_import(self, plan, resolutions: dict[str, str]) -> None:
        from ...files.workplan_xlsx_import import apply_workplan_import

        self.task = run_task(
            self,
            f"Importing {plan.file_name}…",
            apply_workplan_import,
            self.db,
            plan,
            resolutions,
            on_done=lambda result: self._imported(plan, result),
        )

    def _imported(self, plan, result) -> None:
        self.year = plan.year
        self.refresh()
        parts = [f"{plural(result.updated, 'activity', 'activities')} changed ({plural(result.fields_changed, 'value')})"]
        if result.conflicts_incoming:
            parts.append(f"{plural(result.conflicts_incoming, 'conflict')} settled with the workbook's values")
        if result.conflicts_app:
            parts.append(f"{plural(result.conflicts_app, 'conflict')} settled with the app's values")
        if result.conflicts_skipped:
            parts.append(f"{plural(result.conflicts_skipped, 'conflict')} left as they were")
        if result.skipped:
            parts.append(f"{plural(result.skipped, 'row')} passed over (deleted in the app since the export)")
        parts.append(f"{result.unchanged} unchanged")
        dialogs.show_info(self, "Work plan imported", f"{plan.file_name}: " + "; ".join(parts) + ".")
