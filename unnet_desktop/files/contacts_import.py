"""Importing people from an Excel sheet (attendance lists, directories, the app's own export).

Two steps, so that the page can show a preview before anything is written:

    plan = plan_contacts_import(db, path)    # reads and checks the whole file; writes nothing
    for row in plan.rows: ...                # row, action (new / updated / skipped), who, reason
    result = apply_contacts_import(db, plan) # all of it in one transaction, or nothing

People are matched to those already in the directory by email (case-insensitive), otherwise by
normalised name and organisation; a match only has its blanks filled, never a duplicate made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from ..core.database import Database
from ..core.enums import OrganisationCategory, Sex
from ..core.errors import ValidationError
from ..core.models import Organisation, Person
from ..services.contacts import (
    MAX_ACRONYM,
    MAX_NAME,
    MAX_ORG_NAME,
    MAX_PHONE,
    MAX_POSITION,
    MAX_TITLE,
    parse_sex,
)
from .contacts_cleaning import (
    CONTACT_COLUMNS,
    HEADER_HINT,
    REQUIRED,
    name_key,
    parse_category,
    placeholder,
    split_emails,
    split_honorifics,
    text_key,
)
from .xlsx_reading import Table, read_table

NEW, UPDATED, SKIPPED = "new", "updated", "skipped"
_NAME_AND_ACRONYM = re.compile(r"(\w.*?)\s*\(([\w&.\-/ ]{1,20})\)")  # "International Labour Organization (ILO)"


# --------------------------------------------------------------------------- the plan


@dataclass
class ImportRow:
    """One line of the preview: the sheet's row number, what happens, to whom, why."""

    row: int
    action: str  # NEW, UPDATED or SKIPPED
    who: str
    reason: str = ""


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    skipped: int
    organisations_created: int

    def line(self) -> str:
        return f"created {self.created}, updated {self.updated}, skipped {self.skipped}"


@dataclass
class ImportPlan:
    """What importing a file would do; nothing is written until ``apply_contacts_import``."""

    path: Path
    sheet: str
    header_row: int
    columns: dict[str, str]  # field -> header text as written in the file
    ignored_columns: list[str]
    rows: list[ImportRow]
    new_organisations: list[dict] = field(default_factory=list)
    new_people: list[dict] = field(default_factory=list)
    updates: dict[int, dict] = field(default_factory=dict)
    fingerprint: tuple = ()
    applied: bool = False

    @property
    def summary(self) -> ImportSummary:
        count = {NEW: 0, UPDATED: 0, SKIPPED: 0}
        for row in self.rows:
            count[row.action] += 1
        return ImportSummary(count[NEW], count[UPDATED], count[SKIPPED], len(self.new_organisations))


@dataclass
class _Target:
    """A person the file speaks of: one already in the directory or one to create."""

    first_row: int
    person_id: int | None
    values: dict
    archived: bool = False
    filled: list[str] = field(default_factory=list)


_FIELDS = ("title", "full_name", "sex", "position", "organisation", "email", "alt_email", "phone")


def _fingerprint(session) -> tuple:
    """Changes whenever a person or an organisation is added, removed or edited."""
    out = []
    for table in (Person.__table__, Organisation.__table__):
        row = session.execute(
            sa.select(sa.func.count(), sa.func.max(table.c.id), sa.func.max(table.c.updated_at))
        ).one()
        out.extend(row)
    return tuple(out)


class _Planner:
    def __init__(self, session, table: Table):
        self.table = table
        self.rows: list[ImportRow] = []
        self.outcomes: list[tuple[int, _Target, list[str], str]] = []  # row, person, notes, matched by
        self.new_orgs: dict[str, dict] = {}  # key -> values (and "ref")
        self._load(session)

    # ------------------------------------------------------------------ lookups
    def _load(self, session) -> None:
        self.orgs_by_name: dict[str, int] = {}
        self.orgs_by_acronym: dict[str, int] = {}
        self.org_short: dict[object, str] = {}
        for oid, name, acronym in session.execute(
            sa.select(Organisation.id, Organisation.name, Organisation.acronym).order_by(Organisation.id)
        ):
            self.orgs_by_name.setdefault(text_key(name), oid)
            if acronym:
                self.orgs_by_acronym.setdefault(text_key(acronym), oid)
            self.org_short[oid] = acronym or name
        P = Person.__table__
        self.people: dict[int, tuple] = {}
        self.by_email: dict[str, object] = {}  # casefolded email -> person id or _Target
        for row in session.execute(
            sa.select(
                P.c.id, P.c.title, P.c.full_name, P.c.sex, P.c.position, P.c.organisation_id,
                P.c.email, P.c.alt_email, P.c.phone, P.c.archived,
            ).order_by(P.c.id)
        ):
            self.people[row[0]] = tuple(row)
            for address in (row[6], row[7]):
                if address:
                    self.by_email.setdefault(address.casefold(), row[0])
        self._names: dict[tuple, list] | None = None
        self.targets: dict[int, _Target] = {}

    def names(self) -> dict[tuple, list]:
        """(name key, organisation) and (name key, '*') -> people; built on first need."""
        if self._names is None:
            self._names = {}
            for pid, row in self.people.items():
                key = name_key(row[2])
                self._names.setdefault((key, row[5]), []).append(pid)
                self._names.setdefault((key, "*"), []).append(pid)
        return self._names

    def target(self, ref) -> _Target:
        if isinstance(ref, _Target):
            return ref
        if ref not in self.targets:
            _id, title, full_name, sex, position, org, email, alt, phone, archived = self.people[ref]
            values = dict(
                title=title, full_name=full_name, sex=sex, position=position, organisation=org,
                email=email, alt_email=alt, phone=phone,
            )
            self.targets[ref] = _Target(first_row=0, person_id=ref, values=values, archived=archived)
        return self.targets[ref]

    def who(self, values: dict) -> str:
        name = f"{values['title']} {values['full_name']}".strip()
        org = values["organisation"]
        short = self.org_short.get(org) if org is not None else None
        return f"{name} ({short})" if short else name

    # ------------------------------------------------------------------ organisations
    def organisation(self, text: str, acronym: str, category_text: str, notes: list[str]):
        """The organisation a row names: an id, a key of a new one, or None."""
        text, acronym = placeholder(text), placeholder(acronym)
        if not text and not acronym:
            return None
        name, short = text, acronym
        m = _NAME_AND_ACRONYM.fullmatch(text)
        tries = [(self.orgs_by_name, text), (self.orgs_by_acronym, text)]
        if m:
            tries += [(self.orgs_by_name, m.group(1)), (self.orgs_by_acronym, m.group(2))]
        tries.append((self.orgs_by_acronym, acronym))
        for index, candidate in tries:
            if candidate and text_key(candidate) in index:
                return index[text_key(candidate)]
        if m and not acronym:
            name, short = m.group(1), m.group(2)
        name = name or short
        key = text_key(name)
        if key in self.new_orgs:
            return self.new_orgs[key]["ref"]
        short = short if short and len(short) <= MAX_ACRONYM and text_key(short) not in self.orgs_by_acronym else None
        category = parse_category(category_text)
        if category_text and category is None:
            notes.append(f"category '{category_text}' not understood, new organisation put under Other")
        ref = f"new:{key}"
        self.new_orgs[key] = {
            "ref": ref,
            "name": _fit(name, MAX_ORG_NAME, "organisation name", notes),
            "acronym": short,
            "category": category or OrganisationCategory.OTHER,
        }
        if short:
            self.orgs_by_acronym[text_key(short)] = ref
        self.org_short[ref] = short or name
        notes.append(f"new organisation {name}")
        return ref

    # ------------------------------------------------------------------ one row
    def row(self, number: int, rec: dict[str, str]) -> None:
        notes: list[str] = []
        raw_name = rec.get("name", "") or " ".join(
            p for p in (rec.get("given_name", ""), rec.get("family_name", "")) if p
        )
        honorifics, name = split_honorifics(placeholder(raw_name))
        if not name:
            self.rows.append(ImportRow(number, SKIPPED, "", "no name"))
            return
        title_cell = placeholder(rec.get("title", ""))
        title = title_cell or honorifics
        if title_cell and honorifics and honorifics.casefold() not in title_cell.casefold():
            title = f"{title_cell} {honorifics}"
        sex_text = rec.get("sex", "")
        sex = parse_sex(sex_text)
        if sex is None:
            notes.append(f"sex '{sex_text}' not understood")
            sex = Sex.NOT_RECORDED
        emails, invalid = split_emails("; ".join(p for p in (rec.get("email", ""), rec.get("alt_email", "")) if p))
        notes.extend(f"invalid email '{bad}' left out" for bad in invalid)
        org = self.organisation(
            rec.get("organisation", ""), rec.get("acronym", ""), rec.get("category", ""), notes
        )
        parsed = dict(
            title=_fit(title, MAX_TITLE, "title", notes),
            full_name=_fit(name, MAX_NAME, "name", notes),
            sex=sex,
            position=_fit(placeholder(rec.get("position", "")), MAX_POSITION, "position", notes),
            organisation=org,
            phone=_fit(placeholder(rec.get("phone", "")), MAX_PHONE, "phone", notes),
        )
        target, how = self.match(emails, parsed)
        if target is None and how:
            self.rows.append(ImportRow(number, SKIPPED, self.who({**parsed, "organisation": org}), how))
            return
        if target is None:
            target = _Target(first_row=number, person_id=None, values={**parsed, "email": None, "alt_email": None})
            self.add_emails(target, emails, notes)
            self.register(target)
            self.outcomes.append((number, target, notes, ""))
            return
        if target.first_row == 0:
            target.first_row = number
        self.fill(target, parsed, emails, notes)
        self.outcomes.append((number, target, notes, how))

    def match(self, emails: list[str], parsed: dict) -> tuple[_Target | None, str]:
        """(person, "email" | "name"), or (None, why it is skipped) or (None, "") for a new one."""
        for address in emails:
            ref = self.by_email.get(address.casefold())
            # A shared office address ("info@...") does not make two different names one person.
            if ref is not None and _same_person(self.target(ref).values["full_name"], parsed["full_name"]):
                return self.target(ref), "email"
        key = name_key(parsed["full_name"])
        names = self.names()
        org = parsed["organisation"]
        candidates = names.get((key, org), [])
        if not candidates and org is not None:
            candidates = names.get((key, None), [])
        if not candidates and org is None:
            candidates = names.get((key, "*"), [])
        if len(candidates) == 1:
            return self.target(candidates[0]), "name"
        if len(candidates) > 1:
            return None, (
                f"{len(candidates)} people named {parsed['full_name']} are already there; "
                "add the organisation or the email to tell them apart"
            )
        return None, ""

    def register(self, target: _Target) -> None:
        key = name_key(target.values["full_name"])
        names = self.names()
        names.setdefault((key, target.values["organisation"]), []).append(target)
        names.setdefault((key, "*"), []).append(target)

    def add_emails(self, target: _Target, emails: list[str], notes: list[str]) -> list[str]:
        """Give ``target`` the addresses it lacks (email, then alternative email), unless
        another person has them; returns what was filled."""
        added = []
        values = target.values
        for address in emails:
            folded = address.casefold()
            if folded in ((values["email"] or "").casefold(), (values["alt_email"] or "").casefold()):
                continue
            owner = self.by_email.get(folded)
            if owner is not None and self.target(owner) is not target:
                other = self.target(owner)
                where = f"row {other.first_row}" if other.person_id is None else "the directory"
                notes.append(f"email {address} belongs to {self.who(other.values)} ({where}), left out")
                continue
            if not values["email"]:
                values["email"] = address
                added.append("email")
            elif not values["alt_email"]:
                values["alt_email"] = address
                added.append("alternative email")
            else:
                notes.append(f"third email {address} left out")
                continue
            self.by_email[folded] = target
        return added

    def fill(self, target: _Target, parsed: dict, emails: list[str], notes: list[str]) -> None:
        values, filled = target.values, []
        has_title = values["title"] or split_honorifics(values["full_name"])[0]
        if parsed["title"] and not has_title:
            values["title"] = parsed["title"]
            filled.append("title")
        if parsed["sex"] != Sex.NOT_RECORDED and values["sex"] in (None, Sex.NOT_RECORDED):
            values["sex"] = parsed["sex"]
            filled.append("sex")
        for name, label in (("position", "position"), ("organisation", "organisation"), ("phone", "phone")):
            if parsed[name] not in (None, "") and values[name] in (None, ""):
                values[name] = parsed[name]
                filled.append(label)
        filled += self.add_emails(target, emails, notes)
        target.filled.extend(f for f in filled if f not in target.filled)

    # ------------------------------------------------------------------ the report
    def report(self) -> list[ImportRow]:
        for number, target, notes, how in self.outcomes:
            who = self.who(target.values)
            extra = "; ".join(notes)
            if target.first_row != number:
                reason = f"same person as row {target.first_row}"
            elif target.person_id is None:
                reason = ""
            elif target.filled:
                reason = "fills " + ", ".join(target.filled)
                if how == "name":
                    reason += " (matched by name)"
            else:
                reason = "already in the directory, nothing new"
            if target.archived and target.first_row == number:
                reason += ("; " if reason else "") + "the person is archived"
            reason = "; ".join(p for p in (reason, extra) if p)
            if target.first_row != number:
                action = SKIPPED
            elif target.person_id is None:
                action = NEW
            else:
                action = UPDATED if target.filled else SKIPPED
            self.rows.append(ImportRow(number, action, who, reason))
        self.rows.sort(key=lambda r: r.row)
        return self.rows


def _same_person(name: str, other: str) -> bool:
    """Two spellings of one name share a word ('Rina W.' and 'RINA WIJAYA')."""
    words = {w for w in name_key(name).split() if len(w) > 1}
    others = {w for w in name_key(other).split() if len(w) > 1}
    return not words or not others or bool(words & others)


def _fit(text: str, size: int, what: str, notes: list[str]) -> str:
    if len(text) > size:
        notes.append(f"{what} cut to {size} characters")
        return text[:size].rstrip()
    return text


def plan_contacts_import(db: Database, path: str | Path) -> ImportPlan:
    """Read and check the whole file; say row by row what importing it would do.

    FileRefused (one sentence) when the file cannot be used: not a workbook, damaged,
    password-protected, empty, no recognisable header. Writes nothing."""
    table = read_table(path, CONTACT_COLUMNS, required=REQUIRED, hint=HEADER_HINT)
    with db.session() as session:
        planner = _Planner(session, table)
        fingerprint = _fingerprint(session)
    for number, values in table.rows:
        rec = table.record(values)
        if any(rec.values()):
            planner.row(number, rec)
    rows = planner.report()

    new_people, updates, seen = [], {}, set()
    for _n, target, _notes, _how in planner.outcomes:
        if id(target) in seen:
            continue
        seen.add(id(target))
        v = target.values
        if target.person_id is None:
            new_people.append({name: v[name] for name in _FIELDS})
        elif target.filled:
            updates[target.person_id] = {name: v[name] for name in _FIELDS if name != "full_name"}
    header = table.header
    return ImportPlan(
        path=Path(path),
        sheet=table.sheet,
        header_row=header.row,
        columns={name: " + ".join(header.titles[c] for c in cols) for name, cols in header.columns.items()},
        ignored_columns=list(header.ignored),
        rows=rows,
        new_organisations=[{k: v for k, v in org.items()} for org in planner.new_orgs.values()],
        new_people=new_people,
        updates=updates,
        fingerprint=fingerprint,
    )


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    organisations_created: int


def apply_contacts_import(db: Database, plan: ImportPlan) -> ImportResult:
    """Write a plan in one transaction. Refused (ValidationError, nothing written) when the
    plan was applied already or the directory changed since the file was read."""
    if plan.applied:
        raise ValidationError("This import has already been applied.")
    P, O = Person.__table__, Organisation.__table__
    with db.session() as session:
        if _fingerprint(session) != plan.fingerprint:
            raise ValidationError("The directory changed since the file was read; read the file again.")
        org_ids: dict[str, int] = {}
        for org in plan.new_organisations:
            values = {k: v for k, v in org.items() if k != "ref"}
            org_ids[org["ref"]] = session.execute(sa.insert(O).values(**values)).inserted_primary_key[0]

        def org_id(ref):
            return org_ids[ref] if isinstance(ref, str) else ref

        if plan.new_people:
            session.execute(
                sa.insert(P),
                [
                    {**{k: v for k, v in person.items() if k != "organisation"},
                     "organisation_id": org_id(person["organisation"]), "notes": ""}
                    for person in plan.new_people
                ],
            )
        if plan.updates:
            columns = [c for c in _FIELDS if c != "full_name"]
            stmt = (
                sa.update(P)
                .where(P.c.id == sa.bindparam("_id"))
                .values({("organisation_id" if c == "organisation" else c): sa.bindparam(f"_{c}") for c in columns})
            )
            session.execute(
                stmt,
                [
                    {"_id": pid, **{f"_{c}": (org_id(v[c]) if c == "organisation" else v[c]) for c in columns}}
                    for pid, v in plan.updates.items()
                ],
            )
    plan.applied = True
    return ImportResult(len(plan.new_people), len(plan.updates), len(plan.new_organisations))
