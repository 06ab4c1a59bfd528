"""The Contacts page driven like the officer does: keys and clicks on the real widgets, message
boxes and file dialogs patched (``ui.dialogs``), the database checked through the services."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt

from unnet_desktop.core.enums import NetworkRole, OrganisationCategory, Sex
from unnet_desktop.core.models import ActionPoint
from unnet_desktop.services import contacts as c
from unnet_desktop.services import distribution_lists as dl
from unnet_desktop.ui import desktop, dialogs
from unnet_desktop.ui.contacts.organisations_model import OrganisationsModel
from unnet_desktop.ui.contacts.people_model import PeopleModel
from unnet_desktop.ui.contacts.people_query import PeopleQuery, RecentSearches
from unnet_desktop.ui.pages.contacts import ContactsPage


@pytest.fixture
def people(db):
    """A small directory with known answers; Dewi is the responsible of an action point."""
    iom = c.create_organisation(
        db, name="International Organization for Migration", acronym="IOM",
        category=OrganisationCategory.UN_AGENCY, network_role=NetworkRole.CO_CHAIR_SECRETARIAT,
    )
    ilo = c.create_organisation(
        db, name="International Labour Organization", acronym="ILO",
        category=OrganisationCategory.UN_AGENCY, network_role=NetworkRole.MEMBER,
    )
    wb = c.create_organisation(
        db, name="World Bank", acronym="WB",
        category=OrganisationCategory.DEVELOPMENT_PARTNER, network_role=NetworkRole.OBSERVER,
    )
    kemnaker = c.create_organisation(
        db, name="Ministry of Manpower", acronym="Kemnaker", category=OrganisationCategory.GOVERNMENT,
    )
    ids = {
        "dewi": c.create_person(db, full_name="Dewi Lestari", title="Ms", sex=Sex.FEMALE, organisation_id=iom,
                                position="Migration Officer", email="dlestari@iom.int", phone="+62 812 1111 2222"),
        "budi": c.create_person(db, full_name="Budi Santoso", title="Mr", sex=Sex.MALE, organisation_id=ilo,
                                position="Programme Officer", email="santoso@ilo.org", phone="0813 5555 0101"),
        "siti": c.create_person(db, full_name="Siti Rahayu", title="Ibu", sex=Sex.FEMALE, organisation_id=kemnaker,
                                position="Kepala Bidang", email="siti.rahayu@kemnaker.go.id"),
        "anna": c.create_person(db, full_name="Anna Lindqvist", title="Ms", sex=Sex.FEMALE, organisation_id=ilo,
                                position="Labour Migration Specialist", email="lindqvist@ilo.org"),
        "sam": c.create_person(db, full_name="Samuel Adeyemi", title="Mr", sex=Sex.MALE, organisation_id=wb,
                               position="Senior Economist", email="sadeyemi@worldbank.org"),
        "rina": c.create_person(db, full_name="Rina Puspitasari", sex=Sex.NOT_RECORDED,
                                position="Consultant", email="rina.p@gmail.com"),
    }
    c.update_organisation(db, iom, focal_point_id=ids["dewi"])
    with db.session() as session:
        session.add(ActionPoint(description="Share the referral pathway", responsible_person_id=ids["dewi"]))
    ids.update(iom=iom, ilo=ilo, wb=wb, kemnaker=kemnaker)
    return ids


@pytest.fixture
def page(qtbot, db, people):
    widget = ContactsPage(db)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(page: ContactsPage) -> list[str]:
    model = page.people.model
    return [model.person(row).full_name for row in range(model.rowCount())]


def select_people(page: ContactsPage, ids: list[int]) -> None:
    model, selection = page.people.model, QItemSelection()
    for person_id in ids:
        row = model.row_of(person_id)
        selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
    page.people.view.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    page.people.view.setCurrentIndex(model.index(model.row_of(ids[0]), 0))


def click_row(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


# -- the people list ---------------------------------------------------------------------


def test_the_list_shows_everyone_not_archived_sorted_by_name(page, people):
    assert names(page) == [
        "Anna Lindqvist", "Budi Santoso", "Dewi Lestari", "Rina Puspitasari", "Samuel Adeyemi", "Siti Rahayu",
    ]
    model = page.people.model
    row = model.row_of(people["dewi"])
    assert [model.data(model.index(row, col)) for col in range(model.columnCount())] == [
        "Ms Dewi Lestari", "IOM", "UN agency", "Migration Officer", "dlestari@iom.int", "+62 812 1111 2222", "Female",
    ]
    assert model.data(model.index(row, PeopleModel.ORGANISATION), Qt.ItemDataRole.ToolTipRole) == (
        "International Organization for Migration"
    )
    assert page.header.subtitle.text() == "6 people in 4 organisations · 3 distribution lists"
    assert page.people.count_label.text() == "6 people"


def test_typing_in_the_search_box_filters_the_list(qtbot, page):
    qtbot.keyClicks(page.people.search, "ilo")  # the organisation's acronym
    qtbot.waitUntil(lambda: page.people.model.rowCount() == 2)
    assert names(page) == ["Anna Lindqvist", "Budi Santoso"]
    assert page.people.count_label.text() == "2 of 6 people"

    page.people.search.clear()
    qtbot.keyClicks(page.people.search, "0813-5555")  # the phone, typed with other separators
    qtbot.waitUntil(lambda: names(page) == ["Budi Santoso"])

    page.people.search.clear()
    qtbot.keyClicks(page.people.search, "officer")  # the position
    qtbot.waitUntil(lambda: names(page) == ["Budi Santoso", "Dewi Lestari"])

    qtbot.keyClicks(page.people.search, " iom.int")  # every word must match: position and e-mail
    qtbot.waitUntil(lambda: names(page) == ["Dewi Lestari"])

    page.people.search.clear()
    qtbot.keyClicks(page.people.search, "nobody like this")
    qtbot.waitUntil(lambda: page.people.model.rowCount() == 0)
    assert page.people.count_label.text() == "0 of 6 people"
    assert page.people.empty_label.isVisible()
    assert "Nobody matches the search and filters." in page.people.empty_label.text()
    page.people.empty_label.linkActivated.emit("clear")  # "Show everyone"
    assert page.people.search.text() == "" and page.people.model.rowCount() == 6
    assert not page.people.empty_label.isVisible()


def test_an_empty_directory_says_how_to_fill_it(qtbot, db):
    page = ContactsPage(db)
    qtbot.addWidget(page)
    page.show()
    assert page.people.empty_label.isVisible()
    assert page.people.empty_label.text().startswith("The directory is empty")
    assert page.header.subtitle.text() == "0 people in 0 organisations · 3 distribution lists"


def test_filters_by_organisation_category_and_sex(qtbot, page, people):
    page.people.organisation_filter.setCurrentIndex(page.people.organisation_filter.findData(people["ilo"]))
    assert names(page) == ["Anna Lindqvist", "Budi Santoso"]
    page.people.sex_filter.setCurrentIndex(page.people.sex_filter.findData(Sex.FEMALE))
    assert names(page) == ["Anna Lindqvist"]
    page.people.organisation_filter.setCurrentIndex(page.people.organisation_filter.findData(c.NO_ORGANISATION))
    page.people.sex_filter.setCurrentIndex(0)
    assert names(page) == ["Rina Puspitasari"]
    page.people.organisation_filter.setCurrentIndex(0)
    page.people.category_filter.setCurrentIndex(page.people.category_filter.findData(OrganisationCategory.GOVERNMENT))
    assert names(page) == ["Siti Rahayu"]


def test_clicking_a_header_sorts_in_sql(qtbot, page):
    header = page.people.view.horizontalHeader()
    pos = header.sectionViewportPosition(PeopleModel.ORGANISATION) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos, 5))
    assert page.people.model.query.order_by == "acronym"
    # Sorted by acronym (Kemnaker sorts among the I's, no organisation last), then by name.
    assert names(page) == [
        "Anna Lindqvist", "Budi Santoso", "Dewi Lestari", "Siti Rahayu", "Samuel Adeyemi", "Rina Puspitasari",
    ]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos, 5))
    assert page.people.model.query.descending is True
    assert names(page)[0] == "Samuel Adeyemi" and names(page)[-1] == "Rina Puspitasari"


def test_ctrl_f_focuses_the_search_of_the_tab_shown(qtbot, page):
    page.people.view.setFocus()
    qtbot.keyClick(page.people.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.people.search.hasFocus()
    page.tabs.setCurrentIndex(ContactsPage.ORGANISATIONS)
    page.organisations.view.setFocus()
    qtbot.keyClick(page.organisations.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.organisations.search.hasFocus()


def test_archived_people_only_when_asked_and_shown_greyed(qtbot, db, page, people):
    c.archive_person(db, people["rina"])
    page.refresh()
    assert "Rina Puspitasari" not in names(page)
    qtbot.mouseClick(page.people.show_archived, Qt.MouseButton.LeftButton)
    assert "Rina Puspitasari" in names(page)
    model = page.people.model
    index = model.index(model.row_of(people["rina"]), PeopleModel.NAME)
    assert model.data(index) == "Rina Puspitasari (archived)"
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    select_people(page, [people["rina"]])
    assert page.people.restore_button.isEnabled() and not page.people.archive_button.isEnabled()
    qtbot.mouseClick(page.people.restore_button, Qt.MouseButton.LeftButton)
    assert c.get_person(db, people["rina"]).archived is False


def test_rows_are_read_a_page_at_a_time_when_shown(qtbot, db):
    """The model holds ids only and reads rows a page at a time."""
    size = PeopleModel.PAGE_SIZE
    for i in range(2 * size + size // 2):
        c.create_person(db, full_name=f"Person {i:03d}")
    model = PeopleModel(db)
    model.reload()
    assert model.rowCount() == 2 * size + size // 2
    assert model._pages == {}  # nothing read until shown
    last = model.rowCount() - 1
    assert model.data(model.index(last, PeopleModel.NAME)) == f"Person {last:03d}"
    assert list(model._pages) == [2]  # the last page only
    assert model.data(model.index(0, PeopleModel.NAME)) == "Person 000"
    assert sorted(model._pages) == [0, 2]


def test_the_models_pass_qt_model_tests(qtmodeltester, db, people):
    model = PeopleModel(db)
    model.reload()
    qtmodeltester.check(model)
    organisations = OrganisationsModel(db)
    organisations.reload()
    qtmodeltester.check(organisations)


def test_typing_searches_within_the_last_result_and_gives_what_a_full_search_gives(qtbot, page, monkeypatch):
    full_search, full_searches = c.search_people_ids, []
    monkeypatch.setattr(c, "search_people_ids", lambda *a, **k: full_searches.append(a[1:]) or full_search(*a, **k))
    panel = page.people

    def expect(text: str) -> None:
        qtbot.waitUntil(lambda: not panel._search_timer.isActive())
        assert panel.search.text() == text
        assert panel.model.ids() == full_search(panel.db, text)

    typed = ""
    for key in "siti r":  # s, si, sit, siti, "siti ", siti r
        qtbot.keyClick(panel.search, key)
        typed += key
        expect(typed)
    assert names(page) == ["Siti Rahayu"]
    for _ in range(3):  # rubbed out: the results of a moment ago
        qtbot.keyClick(panel.search, Qt.Key.Key_Backspace)
        typed = typed[:-1]
        expect(typed)
    qtbot.keyClick(panel.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.search, "0813")  # a new text: narrowed from everyone, read at the page's opening
    expect("0813")
    assert names(page) == ["Budi Santoso"]
    assert full_searches == []  # no full search (and no sort) while typing
    assert panel.count_label.text() == "1 of 6 people"

    panel.sex_filter.setCurrentIndex(panel.sex_filter.findData(Sex.FEMALE))  # another filter: a full search
    assert full_searches == [("0813",)] and names(page) == []


def test_a_renamed_organisation_is_found_by_its_new_name_while_typing(qtbot, db, page, people):
    panel = page.people
    qtbot.keyClicks(panel.search, "kem")
    qtbot.waitUntil(lambda: names(page) == ["Siti Rahayu"])  # Kemnaker
    c.update_organisation(db, people["wb"], acronym="WB-Kemitraan")
    page.organisations.changed.emit()  # what the organisation form's save does
    qtbot.keyClicks(panel.search, "it")
    qtbot.waitUntil(lambda: not panel._search_timer.isActive())
    assert names(page) == ["Samuel Adeyemi"]


def test_results_kept_for_the_search_as_you_type_are_for_one_set_of_filters_and_expire(db, people):
    now = [100.0]
    recent = RecentSearches(clock=lambda: now[0])
    everyone = c.search_people_ids(db, "")
    recent.keep(PeopleQuery(), everyone, recent.now())
    assert recent.answer(db, PeopleQuery()) is everyone
    assert recent.answer(db, PeopleQuery(text="ilo")) == c.search_people_ids(db, "ilo")
    assert recent.answer(db, PeopleQuery(text="ILO ")) == c.search_people_ids(db, "ilo")  # the same people
    female = PeopleQuery(text="ilo", sex=Sex.FEMALE)
    assert recent.answer(db, female) is None  # another filter: a full search...
    assert recent.answer(db, PeopleQuery(text="ilo")) is None  # ... and the others forgotten
    recent.keep(PeopleQuery(), everyone, recent.now())
    now[0] += RecentSearches.MAX_AGE_S + 1
    assert recent.answer(db, PeopleQuery(text="ilo")) is None  # too old: another program may have written

    recent.keep(PeopleQuery(), everyone, recent.now())
    for n in range(2 * RecentSearches.SIZE):
        assert recent.answer(db, PeopleQuery(text=f"  {n}")) == c.search_people_ids(db, str(n))
    assert recent.answer(db, PeopleQuery(text=" ")) is everyone  # kept longest; the spacing does not count


def test_the_cells_serve_only_their_roles(db, people):
    c.archive_person(db, people["rina"])
    model = PeopleModel(db, query=PeopleQuery(include_archived=True))
    model.reload()
    row = model.row_of(people["rina"])
    name = model.index(row, PeopleModel.NAME)
    assert model.data(name) == "Rina Puspitasari (archived)"
    assert model.data(name, Qt.ItemDataRole.ForegroundRole).isValid()  # greyed
    assert model.data(name, Qt.ItemDataRole.UserRole + 1) == people["rina"]
    for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.BackgroundRole):
        assert model.data(name, role) is None
    dewi = model.index(model.row_of(people["dewi"]), PeopleModel.NAME)
    assert model.data(dewi, Qt.ItemDataRole.FontRole) is None
    assert model.data(dewi, Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(row, PeopleModel.SEX)) == ""  # not recorded
    assert model.data(model.index(-1, 0)) is None and model.data(model.index(row, 7)) is None


# -- the person form ---------------------------------------------------------------------


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the completer's popup
def test_a_person_created_through_the_form_appears_in_the_list(qtbot, db, page, people):
    page.people.view.setFocus()
    qtbot.keyClick(page.people.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.people.form
    assert form is not None and form.isVisible() and form.windowTitle() == "New person"
    qtbot.keyClicks(form.title_edit, "Bapak")
    qtbot.keyClicks(form.name_edit, "Agus  Setiawan ")
    form.sex_combo.setCurrentIndex(form.sex_combo.findData(Sex.MALE))
    form.organisation_combo.lineEdit().clear()
    qtbot.keyClicks(form.organisation_combo.lineEdit(), "Ministry of Manpower (Kemnaker)")
    qtbot.keyClicks(form.email_edit, "agus@kemnaker.go.id")
    qtbot.keyClicks(form.phone_edit, "0812 0000 1234")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())

    assert "Agus Setiawan" in names(page)
    row = page.people.model.row_of(form.person_id)
    assert page.people.view.selectionModel().isRowSelected(row)  # the new person is selected
    person = c.get_person(db, form.person_id)
    assert (person.title, person.sex, person.organisation_id, person.phone) == (
        "Bapak", Sex.MALE, people["kemnaker"], "0812 0000 1234",
    )
    assert page.header.subtitle.text().startswith("7 people")


def test_a_duplicate_email_is_refused_naming_the_owner_and_the_form_keeps_the_values(qtbot, db, page, people):
    form = page.people.new_person()
    qtbot.keyClicks(form.name_edit, "Dewi L.")
    qtbot.keyClicks(form.email_edit, "DLESTARI@iom.int")
    qtbot.keyClicks(form.phone_edit, "0812 9999")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.isVisible()
    assert form.error.isVisible()
    assert form.error.text() == "The email DLESTARI@iom.int is already used by Ms Dewi Lestari (IOM)."
    assert (form.name_edit.text(), form.email_edit.text(), form.phone_edit.text()) == (
        "Dewi L.", "DLESTARI@iom.int", "0812 9999",
    )
    assert c.count_people(db) == 6

    form.email_edit.clear()
    qtbot.keyClicks(form.email_edit, "not an address")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == "The email 'not an address' is not a valid email address."

    form.name_edit.clear()
    form.email_edit.clear()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == "The name is required."
    form.reject()


def test_enter_opens_the_selected_person_and_an_edit_is_saved(qtbot, db, page, people):
    click_row(qtbot, page.people.view, page.people.model.row_of(people["budi"]))
    qtbot.keyClick(page.people.view, Qt.Key.Key_Return)
    form = page.people.form
    assert form.windowTitle() == "Edit Mr Budi Santoso"
    assert form.email_edit.text() == "santoso@ilo.org"
    form.position_edit.clear()
    qtbot.keyClicks(form.position_edit, "Chief Technical Adviser")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    model = page.people.model
    assert model.data(model.index(model.row_of(people["budi"]), PeopleModel.POSITION)) == "Chief Technical Adviser"


def test_the_edit_form_says_where_a_person_is_used(page, people):
    select_people(page, [people["dewi"]])
    form = page.people.edit_person()
    assert "Recorded in an action point." in form.about.text()
    assert "Focal point or alternate of International Organization for Migration." in form.about.text()
    form.reject()


# -- archive and delete ------------------------------------------------------------------


def test_the_delete_key_archives_a_referenced_person_after_asking(qtbot, db, page, people, dialog_calls, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: asked.append((title, text)) or True)
    click_row(qtbot, page.people.view, page.people.model.row_of(people["dewi"]))
    qtbot.keyClick(page.people.view, Qt.Key.Key_Delete)

    [(title, text)] = asked
    assert title == "Archive"
    assert text.startswith("Archive Ms Dewi Lestari (IOM)?")
    assert "They are recorded in an action point; those records keep them." in text
    assert c.get_person(db, people["dewi"]).archived is True
    assert "Dewi Lestari" not in names(page)
    assert dialog_calls == []


def test_answering_no_archives_nobody(qtbot, db, page, people, monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    click_row(qtbot, page.people.view, page.people.model.row_of(people["budi"]))
    qtbot.keyClick(page.people.view, Qt.Key.Key_Delete)
    assert c.get_person(db, people["budi"]).archived is False


def test_a_referenced_person_cannot_be_deleted_and_archiving_is_offered(qtbot, db, page, people, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: asked.append((title, text)) or False)
    select_people(page, [people["dewi"]])
    qtbot.mouseClick(page.people.delete_button, Qt.MouseButton.LeftButton)
    [(title, text)] = asked
    assert title == "Cannot delete"
    assert text.startswith("Ms Dewi Lestari (IOM) cannot be deleted: they are recorded in an action point.")
    assert "Archive them instead?" in text
    assert c.get_person(db, people["dewi"]).archived is False  # answered no


def test_deleting_an_unreferenced_person_asks_first(qtbot, db, page, people, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: asked.append(text) or True)
    select_people(page, [people["sam"]])
    qtbot.mouseClick(page.people.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Delete Mr Samuel Adeyemi (WB) from the directory?\n\nThis cannot be undone."]
    assert "Samuel Adeyemi" not in names(page)
    assert c.count_people(db, include_archived=True) == 5


# -- distribution lists ------------------------------------------------------------------


def test_a_multi_selection_is_added_to_a_list(qtbot, db, page, people):
    sdg = dl.find_distribution_list(db, "SDG working group")
    click_row(qtbot, page.people.view, page.people.model.row_of(people["anna"]))
    click_row(qtbot, page.people.view, page.people.model.row_of(people["siti"]), Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, page.people.view, page.people.model.row_of(people["budi"]), Qt.KeyboardModifier.ControlModifier)
    assert page.people.add_to_list_button.text() == "Add 3 to list"

    page.people.fill_list_menu()  # what opening the button's menu does
    [action] = [a for a in page.people.add_to_list_menu.actions() if a.text().startswith("SDG working group")]
    action.trigger()
    assert dl.member_ids(db, sdg.id) == {people["anna"], people["siti"], people["budi"]}

    page.tabs.setCurrentIndex(ContactsPage.LISTS)
    panel = page.lists_panel
    panel.lists_view.selectRow(panel.lists_model.row_of(sdg.id))
    assert panel.members_model.rowCount() == 3
    assert panel.lists_model.record(panel.lists_model.row_of(sdg.id)).member_count == 3


def test_lists_are_created_renamed_and_people_taken_off(qtbot, db, page, people, monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    page.tabs.setCurrentIndex(ContactsPage.LISTS)
    panel = page.lists_panel
    panel.lists_view.setFocus()
    qtbot.keyClick(panel.lists_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = panel.form
    qtbot.keyClicks(form.name_edit, "un country team")  # the name is taken (any case)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.error.text() == "A distribution list named 'UN Country Team' already exists."
    form.name_edit.clear()
    qtbot.keyClicks(form.name_edit, "Returnees")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    returnees = dl.find_distribution_list(db, "Returnees")
    assert panel.current_list_id() == returnees.id

    dl.add_members(db, returnees.id, [people["budi"], people["siti"]])
    panel.refresh()
    assert panel.members_model.rowCount() == 2
    panel.members_view.setFocus()
    panel.members_view.selectRow(0)
    qtbot.keyClick(panel.members_view, Qt.Key.Key_Delete)
    assert dl.member_ids(db, returnees.id) == {people["siti"]}

    form = panel.rename_list()
    form.name_edit.clear()
    qtbot.keyClicks(form.name_edit, "Returning migrant workers")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert panel.current_list().name == "Returning migrant workers"

    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in dl.list_distribution_lists(db)] == [
        "Network members (focal points)", "SDG working group", "UN Country Team",
    ]


# -- organisations -----------------------------------------------------------------------


def test_organisations_mark_members_and_observers_and_filter_by_role(qtbot, page, people):
    page.tabs.setCurrentIndex(ContactsPage.ORGANISATIONS)
    model = page.organisations.model
    shown = {model.record(r).short: r for r in range(model.rowCount())}
    assert set(shown) == {"IOM", "ILO", "WB", "Kemnaker"}

    def cell(short, column, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(shown[short], column), role)

    assert cell("IOM", OrganisationsModel.ROLE) == "Co-chair and secretariat"
    assert cell("ILO", OrganisationsModel.ROLE) == "Member"
    assert cell("WB", OrganisationsModel.ROLE) == "Observer"
    assert cell("Kemnaker", OrganisationsModel.ROLE) == ""
    for short in ("IOM", "ILO", "WB"):
        assert cell(short, OrganisationsModel.ROLE, Qt.ItemDataRole.DecorationRole) is not None
    assert cell("Kemnaker", OrganisationsModel.ROLE, Qt.ItemDataRole.DecorationRole) is None
    assert cell("ILO", OrganisationsModel.ROLE, Qt.ItemDataRole.ForegroundRole).name() == "#2e7d32"
    assert cell("IOM", OrganisationsModel.FOCAL) == "Dewi Lestari"

    page.organisations.role_filter.setCurrentIndex(page.organisations.role_filter.findData("members"))
    assert sorted(model.record(r).short for r in range(model.rowCount())) == ["ILO", "IOM"]
    page.organisations.role_filter.setCurrentIndex(page.organisations.role_filter.findData(NetworkRole.OBSERVER))
    assert [model.record(r).short for r in range(model.rowCount())] == ["WB"]
    page.organisations.role_filter.setCurrentIndex(0)
    page.organisations.category_filter.setCurrentIndex(
        page.organisations.category_filter.findData(OrganisationCategory.GOVERNMENT)
    )
    assert [model.record(r).short for r in range(model.rowCount())] == ["Kemnaker"]


def test_focal_point_and_alternate_are_chosen_from_the_organisations_people(qtbot, db, page, people):
    page.tabs.setCurrentIndex(ContactsPage.ORGANISATIONS)
    model = page.organisations.model
    click_row(qtbot, page.organisations.view, model.row_of(people["ilo"]))
    qtbot.keyClick(page.organisations.view, Qt.Key.Key_Return)
    form = page.organisations.form
    choices = [form.focal_combo.itemText(i) for i in range(form.focal_combo.count())]
    assert choices == [
        "(nobody)", "Ms Anna Lindqvist — Labour Migration Specialist", "Mr Budi Santoso — Programme Officer",
    ]
    form.focal_combo.setCurrentIndex(form.focal_combo.findData(people["budi"]))
    form.alternate_combo.setCurrentIndex(form.alternate_combo.findData(people["budi"]))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == "The focal point and the alternate must be two different people."
    form.alternate_combo.setCurrentIndex(form.alternate_combo.findData(people["anna"]))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    row = model.row_of(people["ilo"])
    assert model.data(model.index(row, OrganisationsModel.FOCAL)) == "Budi Santoso"
    assert model.data(model.index(row, OrganisationsModel.ALTERNATE)) == "Anna Lindqvist"


def test_a_new_organisation_and_its_people(qtbot, db, page, people):
    page.tabs.setCurrentIndex(ContactsPage.ORGANISATIONS)
    page.organisations.view.setFocus()
    qtbot.keyClick(page.organisations.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.organisations.form
    assert not form.focal_combo.isEnabled()  # a new organisation has nobody yet
    qtbot.keyClicks(form.name_edit, "Migrant CARE")
    qtbot.keyClicks(form.acronym_edit, "ilo")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == (
        "The acronym ilo is already used by the organisation International Labour Organization (ILO)."
    )
    form.acronym_edit.clear()
    form.category_combo.setCurrentIndex(form.category_combo.findData(OrganisationCategory.CIVIL_SOCIETY))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert page.organisations.current().name == "Migrant CARE"
    assert page.people.organisation_filter.findText("Migrant CARE") >= 0  # the people filter knows it

    click_row(qtbot, page.organisations.view, page.organisations.model.row_of(people["ilo"]))
    qtbot.mouseClick(page.organisations.people_button, Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == ContactsPage.PEOPLE
    assert names(page) == ["Anna Lindqvist", "Budi Santoso"]


def test_an_organisation_in_use_is_not_deleted(qtbot, db, page, people, dialog_calls, monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    page.tabs.setCurrentIndex(ContactsPage.ORGANISATIONS)
    click_row(qtbot, page.organisations.view, page.organisations.model.row_of(people["wb"]))
    qtbot.mouseClick(page.organisations.delete_button, Qt.MouseButton.LeftButton)
    assert dialog_calls == [
        ("show_warning", "Not deleted", "World Bank cannot be deleted: it has 1 person. Archive it instead.")
    ]
    qtbot.keyClick(page.organisations.view, Qt.Key.Key_Delete)  # archives, after asking
    assert c.get_organisation(db, people["wb"]).archived is True
    assert page.organisations.model.row_of(people["wb"]) == -1


# -- Excel -------------------------------------------------------------------------------


def attendance_sheet(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Daftar Hadir"
    ws.append(["DAFTAR HADIR RAPAT KOORDINASI"])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["No.", "Nama", "Jenis Kelamin", "Instansi", "Surel", "No. HP"])
    ws.append([1, "Ibu Wulan Sari", "P", "Kemnaker", "wulan@kemnaker.go.id", 6281234567890])
    ws.append([2, "Dr. Rina Puspitasari", "P", None, "RINA.P@gmail.com", "0811 2222"])  # known: blanks filled
    ws.append([3, "", "L", "ILO", "nobody@ilo.org", None])  # no name: skipped
    ws.append([4, "Bapak Yusuf Hakim", "L", "Serikat Buruh Migran Indonesia", "yusuf@sbmi", "0812 3333"])
    wb.save(path)
    return path


def test_an_import_goes_through_the_preview_and_lands(qtbot, db, page, people, tmp_path, monkeypatch):
    sheet = attendance_sheet(tmp_path / "daftar hadir.xlsx")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: sheet)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=10000)
    preview = page.preview

    rows = [(r.row, r.action, r.who) for r in preview.model.records()]
    assert rows == [
        (4, "new", "Ibu Wulan Sari (Kemnaker)"),
        (5, "updated", "Dr. Rina Puspitasari"),
        (6, "skipped", ""),
        (7, "new", "Bapak Yusuf Hakim (Serikat Buruh Migran Indonesia)"),
    ]
    assert preview.model.record(1).reason == "fills title, sex, phone"
    text = preview.summary_label.text()
    assert "2</b> new" in text and "1</b> updated" in text and "1</b> skipped" in text
    assert "Serikat Buruh Migran Indonesia" in text  # a new organisation
    assert "invalid email 'yusuf@sbmi'" in preview.model.record(3).reason
    qtbot.mouseClick(preview.filter_buttons["skipped"], Qt.MouseButton.LeftButton)
    assert [r.row for r in preview.model.records()] == [6]
    assert c.count_people(db) == 6  # nothing written before Apply

    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wulan Sari" in names(page), timeout=10000)
    assert "Yusuf Hakim" in names(page)
    assert c.count_people(db) == 8
    wulan = c.search_people(db, "wulan")[0]
    assert (wulan.title, wulan.phone, wulan.organisation_acronym) == ("Ibu", "6281234567890", "Kemnaker")
    rina = c.get_person(db, people["rina"])
    assert (rina.title, rina.sex, rina.phone) == ("Dr.", Sex.FEMALE, "0811 2222")


def test_a_cancelled_import_writes_nothing(qtbot, db, page, tmp_path, monkeypatch):
    sheet = attendance_sheet(tmp_path / "list.xlsx")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: sheet)
    page.import_file()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=10000)
    qtbot.mouseClick(page.preview.cancel_button, Qt.MouseButton.LeftButton)
    assert c.count_people(db, include_archived=True) == 6
    assert c.count_organisations(db, include_archived=True) == 4


def test_a_refused_file_shows_its_one_line_reason(qtbot, db, page, tmp_path, monkeypatch, dialog_calls):
    bad = tmp_path / "minutes.xlsx"
    bad.write_text("this is not a workbook")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: bad)
    page.import_file()
    qtbot.waitUntil(lambda: bool(dialog_calls), timeout=10000)
    [(kind, _title, text)] = dialog_calls
    assert kind == "show_error"
    assert "minutes.xlsx" in text and "\n" not in text
    assert page.preview is None


def test_export_leaves_out_email_and_phone_when_asked_and_offers_to_open(qtbot, db, page, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    target = tmp_path / "shared"  # no suffix typed: .xlsx is added
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    asked, opened = [], []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: asked.append(text) or True)
    monkeypatch.setattr(desktop, "open_with_system", lambda path: opened.append(path) or True)

    sdg = dl.find_distribution_list(db, "SDG working group")
    dl.add_members(db, sdg.id, [c.search_people(db, "anna")[0].id])

    options = page.export_file()
    options.list_combo.setCurrentIndex(options.list_combo.findData(sdg.id))
    box = options.no_personal_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    qtbot.mouseClick(options.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)

    written = tmp_path / "shared.xlsx"
    assert opened == [written]
    assert asked[0].startswith(f"Wrote 1 person and 1 organisation to\n{written}")
    ws = load_workbook(written)["People"]
    headings = [cell.value for cell in ws[1]]
    assert "Email" not in headings and "Phone" not in headings
    assert [cell.value for cell in ws[2]][:2] == ["Ms", "Anna Lindqvist"]


# -- in the main window ------------------------------------------------------------------


def test_ctrl_n_on_the_page_creates_a_person_not_a_database(qtbot, db, people, make_window, monkeypatch, dialog_calls):
    from unnet_desktop.ui import pages

    specs = tuple(
        pages.PageSpec(s.key, s.title, "unnet_desktop.ui.pages.contacts:ContactsPage") if s.key == "contacts" else s
        for s in pages.PAGES
    )
    monkeypatch.setattr(pages, "PAGES", specs)
    monkeypatch.setattr("unnet_desktop.ui.main_window.PAGES", specs)
    window = make_window(db, remember=False)
    page = window.show_page("contacts")
    assert isinstance(page, ContactsPage)
    page.people.view.setFocus()
    qtbot.keyClick(page.people.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.people.form is not None and page.people.form.windowTitle() == "New person"  # no "New database" dialog
    page.people.form.reject()
    qtbot.keyClick(page.people.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is page.people.search
