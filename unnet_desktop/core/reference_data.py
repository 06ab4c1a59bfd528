"""Reference data the Network works with (../shared/reference/domain.md), and its idempotent seeding.

Seeding uses SQLAlchemy Core on lightweight table descriptions, not the ORM models, so that
the migrations that call it keep working when the models change later. Reference rows get
UUIDs derived from their number (uuid5), so every laptop holds the same UUID for the same
objective and records merge cleanly.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from .models.base import UTCDateTime, utcnow

_NAMESPACE = uuid.UUID("6f1f0c5e-3d0a-4c6a-9a57-0b7e2a9d1e11")

GCM_OBJECTIVES: list[tuple[int, str, str]] = [
    (1, "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies", "Data"),
    (2, "Minimize the adverse drivers and structural factors that compel people to leave their country of origin", "Minimize adverse drivers"),
    (3, "Provide accurate and timely information at all stages of migration", "Information provision"),
    (4, "Ensure that all migrants have proof of legal identity and adequate documentation", "Legal identity and documentation"),
    (5, "Enhance availability and flexibility of pathways for regular migration", "Regular pathways"),
    (6, "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work", "Recruitment and decent work"),
    (7, "Address and reduce vulnerabilities in migration", "Reduce vulnerabilities"),
    (8, "Save lives and establish coordinated international efforts on missing migrants", "Save lives"),
    (9, "Strengthen the transnational response to smuggling of migrants", "Counter smuggling"),
    (10, "Prevent, combat and eradicate trafficking in persons in the context of international migration", "Eradicate trafficking"),
    (11, "Manage borders in an integrated, secure and coordinated manner", "Manage borders"),
    (12, "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral", "Screening and referral"),
    (13, "Use migration detention only as a measure of last resort and work towards alternatives", "Alternatives to detention"),
    (14, "Enhance consular protection, assistance and cooperation throughout the migration cycle", "Consular protection"),
    (15, "Provide access to basic services for migrants", "Access to basic services"),
    (16, "Empower migrants and societies to realize full inclusion and social cohesion", "Inclusion and social cohesion"),
    (17, "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration", "Eliminate discrimination"),
    (18, "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences", "Skills development and recognition"),
    (19, "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries", "Migrant and diaspora contributions"),
    (20, "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants", "Remittances"),
    (21, "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration", "Dignified return and reintegration"),
    (22, "Establish mechanisms for the portability of social security entitlements and earned benefits", "Social protection"),
    (23, "Strengthen international cooperation and global partnerships for safe, orderly and regular migration", "International cooperation"),
]

# GCM paragraph 15 (a)-(j).
GUIDING_PRINCIPLES: list[tuple[int, str, str]] = [
    (1, "15 (a)", "People-centred"),
    (2, "15 (b)", "International cooperation"),
    (3, "15 (c)", "National sovereignty"),
    (4, "15 (d)", "Rule of law and due process"),
    (5, "15 (e)", "Sustainable development"),
    (6, "15 (f)", "Human rights"),
    (7, "15 (g)", "Gender-responsive"),
    (8, "15 (h)", "Child-sensitive"),
    (9, "15 (i)", "Whole-of-government approach"),
    (10, "15 (j)", "Whole-of-society approach"),
]

# UNSDCF Indonesia 2021-2025 outcome areas (results groups).
RESULTS_GROUPS: list[tuple[int, str]] = [
    (1, "Inclusive Human Development"),
    (2, "Economic Transformation"),
    (3, "Green Development, Climate Change, and Natural Disasters"),
    (4, "Innovation to Accelerate Progress Towards the SDGs"),
]

# Distribution lists a new database starts with (the minutes go to the UNCT and the SDG working group).
DEFAULT_DISTRIBUTION_LISTS: list[tuple[str, str]] = [
    ("Network members (focal points)", "Focal points and alternates of the member agencies."),
    ("UN Country Team", "Heads of agency of the UN Country Team; receives the minutes (ToR D.3)."),
    ("SDG working group", "The Sustainable Development Group working group; receives the minutes (ToR D.3)."),
]


def reference_uuid(kind: str, key: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


def _entity_table(name: str, *columns: sa.Column) -> sa.Table:
    return sa.table(
        name,
        sa.column("id", sa.Integer),
        sa.column("uuid", sa.String),
        sa.column("created_at", UTCDateTime),
        sa.column("updated_at", UTCDateTime),
        *columns,
    )


def _seed(conn: sa.Connection, table: sa.Table, key: str, rows: list[dict], kind: str) -> int:
    existing = {r[0] for r in conn.execute(sa.select(table.c[key]))}
    now = utcnow()
    missing = [
        {**row, "uuid": reference_uuid(kind, row[key]), "created_at": now, "updated_at": now}
        for row in rows
        if row[key] not in existing
    ]
    if missing:
        conn.execute(sa.insert(table), missing)
    return len(missing)


def seed_reference_data(conn: sa.Connection) -> int:
    """Insert whatever reference rows are missing; returns how many were added. Idempotent."""
    objectives = _entity_table(
        "gcm_objectives", sa.column("number", sa.Integer), sa.column("title"), sa.column("short_label")
    )
    principles = _entity_table(
        "guiding_principles", sa.column("position", sa.Integer), sa.column("paragraph"), sa.column("name")
    )
    groups = _entity_table("results_groups", sa.column("number", sa.Integer), sa.column("name"))
    added = _seed(
        conn,
        objectives,
        "number",
        [{"number": n, "title": t, "short_label": s} for n, t, s in GCM_OBJECTIVES],
        "gcm_objective",
    )
    added += _seed(
        conn,
        principles,
        "position",
        [{"position": p, "paragraph": par, "name": n} for p, par, n in GUIDING_PRINCIPLES],
        "guiding_principle",
    )
    added += _seed(
        conn,
        groups,
        "number",
        [{"number": n, "name": name} for n, name in RESULTS_GROUPS],
        "results_group",
    )
    return added


def seed_default_distribution_lists(conn: sa.Connection) -> int:
    """The lists a new database starts with; only missing names are added."""
    lists = _entity_table("distribution_lists", sa.column("name"), sa.column("description"))
    return _seed(
        conn,
        lists,
        "name",
        [{"name": n, "description": d} for n, d in DEFAULT_DISTRIBUTION_LISTS],
        "distribution_list",
    )
