"""The dashboard page shows what the database holds (via services.dashboard), and its models are sound."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sample_network import TODAY, build_sample

from unnet_desktop.services import dashboard as service
from unnet_desktop.ui.pages.dashboard import (
    DashboardPage,
    MinutesInProgressModel,
    NextMeetingsModel,
    OverdueActionPointsModel,
)
from unnet_desktop.ui.table_model import ID_ROLE, SORT_ROLE


def _column(model, column):
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _page(qtbot, db, today=TODAY) -> DashboardPage:
    page = DashboardPage(db)
    qtbot.addWidget(page)
    page.today = today
    page.refresh()
    return page


def test_dashboard_figures_match_the_database(qtbot, db):
    expected = build_sample(db)
    page = _page(qtbot, db)

    assert page.open_card.value.text() == str(expected.open_actions)
    assert page.overdue_card.value.text() == str(expected.overdue_actions)
    assert "#c62828" in page.overdue_card.value.styleSheet()  # overdue shown in red
    assert page.open_card.note.text() == f"{expected.due_soon} due in the next 14 days"
    assert page.members_card.value.text() == str(expected.member_organisations)
    assert page.people_card.value.text() == str(expected.people)
    assert page.held_card.caption.text() == "Meetings held in 2026"
    assert page.held_card.value.text() == str(expected.held_this_year)
    assert page.held_card.note.text() == f"{len(expected.upcoming)} planned ahead"
    assert "Monday 15 June 2026" in page.header.subtitle.text()

    model = page.meetings_model
    assert tuple(_column(model, NextMeetingsModel.REFERENCE)) == expected.upcoming
    assert _column(model, NextMeetingsModel.WHEN)[0] == "15 Jul 2026 14:00–16:00 WIB"
    assert _column(model, NextMeetingsModel.IN) == ["in 30 days", "in 45 days", "in 120 days"]
    assert _column(model, NextMeetingsModel.KIND) == [
        "Quarterly meeting",
        "Ad-hoc meeting",
        "Annual Network Meeting",
    ]
    assert _column(model, NextMeetingsModel.PLACE) == [
        "UN House, Jakarta + online",
        "Online",
        "Hotel Borobudur, Jakarta",
    ]
    assert page.meetings_panel.stack.currentWidget() is page.meetings_panel.view
    assert page.meetings_panel.footer.isHidden()

    overdue = page.overdue_model
    assert overdue.rowCount() == expected.overdue_actions
    assert _column(overdue, OverdueActionPointsModel.DESCRIPTION)[0] == expected.most_overdue_first
    assert _column(overdue, OverdueActionPointsModel.LATE) == ["50 days", "10 days", "1 day"]
    assert _column(overdue, OverdueActionPointsModel.RESPONSIBLE) == [
        "IOM · Ms Dewi Lestari",
        "ILO",
        "UNICEF · Ms Sari Wulandari",
    ]
    assert _column(overdue, OverdueActionPointsModel.MEETING) == ["2026-Q1", "2026-Q1", "2026-Q2"]

    assert tuple(_column(page.minutes_model, MinutesInProgressModel.REFERENCE)) == expected.minutes_to_finish
    assert _column(page.minutes_model, MinutesInProgressModel.STATUS) == ["Draft"]

    assert page.work_plan_card.title.text() == "Work plan 2026"
    assert page.work_plan_title.text() == expected.work_plan_title
    assert page.work_plan_badge.text() == "Endorsed"
    assert page.work_plan_summary.text() == "Endorsed by the members on 12 February 2026."
    assert page.work_plan_activities.text() == str(expected.activities)
    assert page.work_plan_activities_caption.text() == "activities"


def test_dashboard_follows_changes_on_refresh(qtbot, db):
    build_sample(db)
    page = _page(qtbot, db)
    from unnet_desktop.core.enums import ActionStatus
    from unnet_desktop.core.models import ActionPoint

    with db.session() as s:
        for point in s.query(ActionPoint).filter(ActionPoint.due_date < TODAY):
            point.status = ActionStatus.DONE
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert page.overdue_card.value.text() == "0"
    assert page.overdue_card.note.text() == "all open points are on time"
    assert page.overdue_panel.stack.currentWidget() is page.overdue_panel.empty
    assert page.open_card.value.text() == "3"


def test_a_year_without_work_plan_says_so(qtbot, db):
    build_sample(db)
    page = _page(qtbot, db, today=TODAY.replace(year=2031))
    assert page.work_plan_card.title.text() == "Work plan 2031"
    assert page.work_plan_badge.text() == "Missing"
    assert page.work_plan_title.text() == "No work plan for 2031 yet."
    assert page.work_plan_activities.isHidden()
    assert page.meetings_panel.stack.currentWidget() is page.meetings_panel.empty


def test_long_lists_are_cut_with_a_count_of_the_rest(qtbot, db):
    build_sample(db)
    page = DashboardPage(db)
    qtbot.addWidget(page)
    page.LIST_LENGTH = 2
    page.today = TODAY
    page.refresh()
    assert page.meetings_model.rowCount() == 2
    assert page.meetings_panel.footer.text() == "and 1 more planned meeting on the Meetings page."
    assert page.overdue_panel.footer.text() == "and 1 more on the Action points page."


def test_double_click_on_a_meeting_asks_for_the_meetings_page(qtbot, db):
    build_sample(db)
    page = _page(qtbot, db)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    view = page.meetings_panel.view
    rect = view.visualRect(page.meetings_model.index(0, NextMeetingsModel.TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.navigate) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["meetings"]


def test_table_models_pass_the_model_tester(qtmodeltester, db):
    build_sample(db)
    figures = service.dashboard(db, today=TODAY)
    for model, records in (
        (NextMeetingsModel(), figures.next_meetings),
        (OverdueActionPointsModel(), figures.most_overdue),
        (MinutesInProgressModel(), figures.minutes_in_progress),
    ):
        model.set_records(records)
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == len(records)


def test_models_give_raw_sort_values_and_ids(db):
    build_sample(db)
    figures = service.dashboard(db, today=TODAY)
    model = NextMeetingsModel()
    model.set_records(figures.next_meetings)
    first = figures.next_meetings[0]
    assert model.data(model.index(0, NextMeetingsModel.WHEN), SORT_ROLE) == first.starts_at
    assert model.data(model.index(0, NextMeetingsModel.IN), SORT_ROLE) == 30
    assert model.data(model.index(0, NextMeetingsModel.TITLE), ID_ROLE) == first.id
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date and time (WIB)"
    tooltip = model.data(model.index(0, NextMeetingsModel.PLACE), Qt.ItemDataRole.ToolTipRole)
    assert "https://meet.example.org/unnm-q3" in tooltip


def test_window_dashboard_uses_today_in_jakarta(db, make_window):
    today = service.today_wib()
    build_sample(db, today=today)
    window = make_window(db)
    page = window.page("dashboard")
    assert page.figures.today == today
    assert page.open_card.value.text() == "6"
    assert page.overdue_card.value.text() == "3"


def test_dashboard_of_the_sample_network(qtbot, demo_db):
    page = DashboardPage(demo_db)
    qtbot.addWidget(page)
    figures = service.dashboard(demo_db, today=page.figures.today, limit=page.LIST_LENGTH)
    assert page.figures == figures
    assert page.members_card.value.text() == str(figures.member_organisations)
    assert page.open_card.value.text() == str(figures.action_points.open)
    assert page.meetings_model.rowCount() == len(figures.next_meetings)


# --------------------------------------------------------------------------- action points (issue 5)


def test_action_figures_per_organisation_match_the_database(qtbot, db):
    import sqlalchemy as sa

    from unnet_desktop.core.enums import OPEN_ACTION_STATUSES, ActionStatus
    from unnet_desktop.core.models import ActionPoint, Organisation
    from unnet_desktop.services import action_points
    from unnet_desktop.ui.pages.dashboard import ActionsByOrganisationModel

    today = service.today_wib()
    build_sample(db, today=today)
    with db.session() as s:
        circulate = s.scalar(sa.select(ActionPoint.id).where(ActionPoint.description.like("Circulate the ILO%")))
    action_points.set_status_many(db, [circulate], "done")  # done now: this quarter
    page = _page(qtbot, db, today=today)

    # What the database holds, counted here without the service.
    expected: dict[str, list[int]] = {}
    with db.session() as s:
        rows = s.execute(
            sa.select(Organisation.acronym, Organisation.name, ActionPoint.status, ActionPoint.due_date).join(
                Organisation, Organisation.id == ActionPoint.responsible_organisation_id
            )
        ).all()
    for acronym, name, status, due in rows:
        figures = expected.setdefault(acronym or name, [0, 0, 0])
        if status in OPEN_ACTION_STATUSES:
            figures[0] += 1
            figures[1] += due is not None and due < today
        elif status is ActionStatus.DONE:
            figures[2] += 1  # every point of the sample was done during this quarter
    expected = {org: f for org, f in expected.items() if f[0] or f[2]}

    model = page.by_organisation_model
    shown = {
        model.data(model.index(r, ActionsByOrganisationModel.ORGANISATION)): [
            int(model.data(model.index(r, c)))
            for c in (ActionsByOrganisationModel.OPEN, ActionsByOrganisationModel.OVERDUE, ActionsByOrganisationModel.DONE)
        ]
        for r in range(model.rowCount())
    }
    assert shown == expected
    assert shown["ILO"] == [0, 0, 1] and shown["RCO"] == [1, 0, 1] and shown["IOM"] == [2, 1, 0]
    # Most overdue first, overdue counts in red.
    assert model.data(model.index(0, ActionsByOrganisationModel.OVERDUE)) == "1"
    assert model.data(model.index(0, ActionsByOrganisationModel.OVERDUE), Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    totals = [sum(f[i] for f in expected.values()) for i in range(3)]
    assert page.by_organisation_panel.footer.text().startswith(
        f"All organisations: {totals[0]} open, {totals[1]} overdue, {totals[2]} done this quarter ("
    )


def test_next_five_due(qtbot, db):
    from unnet_desktop.ui.pages.dashboard import NextDueModel

    build_sample(db)
    page = _page(qtbot, db)
    model = page.next_due_model
    assert _column(model, NextDueModel.DESCRIPTION) == [
        "Confirm the venue of the Annual Network Meeting",
        "Draft the 2027 work plan outline",
    ]
    assert _column(model, NextDueModel.IN) == ["today", "in 40 days"]
    assert _column(model, NextDueModel.DUE) == ["15 Jun 2026", "25 Jul 2026"]
    assert _column(model, NextDueModel.RESPONSIBLE) == ["RCO · Yusuf Hakim", "IOM"]
    assert _column(model, NextDueModel.MEETING) == ["2026-Q2", "2026-Q2"]
    assert page.action_figures.next_due == service_next_due(db)


def service_next_due(db):
    from unnet_desktop.services import action_points

    return action_points.action_dashboard(db, today=TODAY).next_due


def test_action_panels_of_an_empty_database_say_so(qtbot, db):
    page = _page(qtbot, db)
    assert page.next_due_panel.stack.currentWidget() is page.next_due_panel.empty
    assert page.by_organisation_panel.stack.currentWidget() is page.by_organisation_panel.empty
    assert page.by_organisation_panel.footer.isHidden()


def test_action_models_pass_the_model_tester(qtmodeltester, db):
    from unnet_desktop.services import action_points
    from unnet_desktop.ui.pages.dashboard import ActionsByOrganisationModel, NextDueModel

    build_sample(db)
    board = action_points.action_dashboard(db, today=TODAY)
    for model, records in (
        (ActionsByOrganisationModel(), board.per_organisation),
        (NextDueModel(), board.next_due),
    ):
        model.set_records(records)
        qtmodeltester.check(model, force_py=True)
