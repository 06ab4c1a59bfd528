"""The contact directory's rules: organisations and people.

Lists are read with ``search_people`` / ``count_people`` (or ``search_people_ids`` + ``people_rows``
for a table model, and ``narrow_people_ids`` when the text typed narrows the last search) and
``search_organisations`` / ``count_organisations``: filtered, sorted and paged in SQL, handing
back light rows, so that a table model can page through tens of thousands of people. Changes go
through ``create_*`` / ``update_*`` / ``archive_*`` / ``delete_*``, which take plain data and
raise ``ValidationError`` with one sentence when a rule is broken.

    rules.py           limits; text, email, phone and sex cleaning (shared with the import)
    query.py           SQL pieces shared by the two lists
    people.py          PersonRow and the people list (search, count, ids, rows by id)
    narrowing.py       search as you type: narrows(), narrow_people_ids() (within the last result)
    person_changes.py  PersonData; create, update, archive, references, delete
    organisations.py   OrganisationRow, the organisations list, OrganisationData and changes
"""

from .narrowing import narrow_people_ids, narrows
from .organisations import (
    MEMBER_ROLES,
    ORGANISATION_SORT_KEYS,
    OrganisationChoice,
    OrganisationData,
    OrganisationRow,
    archive_organisation,
    count_organisations,
    create_organisation,
    delete_organisation,
    get_organisation,
    get_organisation_data,
    organisation_choices,
    restore_organisation,
    search_organisations,
    update_organisation,
)
from .people import (
    NO_ORGANISATION,
    PEOPLE_SORT_KEYS,
    PersonRow,
    count_people,
    get_person,
    people_rows,
    search_people,
    search_people_ids,
)
from .person_changes import (
    PersonData,
    PersonReferences,
    archive_person,
    create_person,
    delete_person,
    find_email_owner,
    get_person_data,
    person_references,
    restore_person,
    update_person,
)
from .rules import (
    MAX_ACRONYM,
    MAX_EMAIL,
    MAX_NAME,
    MAX_ORG_NAME,
    MAX_PHONE,
    MAX_POSITION,
    MAX_TITLE,
    is_valid_email,
    parse_sex,
    phone_text,
    search_tokens,
    tidy_text,
)

__all__ = [
    "MAX_ACRONYM",
    "MAX_EMAIL",
    "MAX_NAME",
    "MAX_ORG_NAME",
    "MAX_PHONE",
    "MAX_POSITION",
    "MAX_TITLE",
    "MEMBER_ROLES",
    "NO_ORGANISATION",
    "ORGANISATION_SORT_KEYS",
    "PEOPLE_SORT_KEYS",
    "OrganisationChoice",
    "OrganisationData",
    "OrganisationRow",
    "PersonData",
    "PersonReferences",
    "PersonRow",
    "archive_organisation",
    "archive_person",
    "count_organisations",
    "count_people",
    "create_organisation",
    "create_person",
    "delete_organisation",
    "delete_person",
    "find_email_owner",
    "get_organisation",
    "get_organisation_data",
    "get_person",
    "get_person_data",
    "is_valid_email",
    "narrow_people_ids",
    "narrows",
    "organisation_choices",
    "parse_sex",
    "people_rows",
    "person_references",
    "phone_text",
    "restore_organisation",
    "restore_person",
    "search_organisations",
    "search_people",
    "search_people_ids",
    "search_tokens",
    "tidy_text",
    "update_organisation",
    "update_person",
]
