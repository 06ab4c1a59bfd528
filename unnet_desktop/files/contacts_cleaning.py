"""How contact sheets made by hand are understood: column names in English and Bahasa
Indonesia, honorifics, names as matching keys, several emails in one cell, categories.

Pure functions (no database, no openpyxl), used by ``contacts_import``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..core.enums import OrganisationCategory
from ..services.contacts import is_valid_email
from .xlsx_reading import normalise_header

#: field -> header names it is recognised by (English and Bahasa Indonesia; compared without
#: case, spaces or punctuation). "Title" means a position, unless a Position column is there too.
CONTACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "Name", "Full name", "Nama", "Nama lengkap", "Nama peserta", "Participant", "Participant name",
        "Peserta", "Nama dan gelar", "Name and title",
    ),
    "given_name": ("First name", "Given name", "Nama depan"),
    "family_name": ("Last name", "Surname", "Family name", "Nama belakang"),
    "position": (
        "Position", "Title", "Job title", "Jabatan", "Posisi", "Designation", "Function", "Jabatan posisi",
    ),
    "title": ("Title", "Honorific", "Salutation", "Prefix", "Sapaan", "Panggilan", "Gelar"),
    "organisation": (
        "Organisation", "Organization", "Agency", "Institution", "Instansi", "Lembaga", "Organisasi",
        "Institusi", "Affiliation", "Company", "Perusahaan", "Asal instansi", "Asal lembaga", "Unit kerja",
        "Organisation name", "Organization name", "Name of organisation", "Name of organization",
        "Nama instansi", "Nama lembaga", "Nama organisasi",
    ),
    "acronym": ("Acronym", "Abbreviation", "Singkatan", "Short name"),
    "category": (
        "Category", "Kategori", "Organisation category", "Organization category", "Jenis instansi",
        "Jenis lembaga", "Sector", "Sektor",
    ),
    "sex": ("Sex", "Gender", "Jenis kelamin", "Kelamin", "JK", "L/P", "M/F", "Sex (F/M)"),
    "email": (
        "Email", "E-mail", "Surel", "Email address", "E-mail address", "Alamat email", "Alamat e-mail",
        "Alamat surel", "Mail",
    ),
    "alt_email": (
        "Alternative email", "Alternate email", "Other email", "Secondary email", "Email 2", "Alt email",
        "Surel lain", "Email alternatif", "Email lain",
    ),
    "phone": (
        "Phone", "Tel", "Telephone", "Mobile", "HP", "No. HP", "Telepon", "Telp", "No. Telp", "No. Telepon",
        "Phone number", "Mobile phone", "Mobile number", "Handphone", "No. HP/WA", "WhatsApp", "WA",
        "Nomor HP", "Nomor telepon", "No. WA", "Contact number", "Cell", "Cellphone", "Telp/HP",
    ),
}
REQUIRED = ("name", "given_name")
HEADER_HINT = "a name column (Name, Full name or Nama)"

# Honorifics moved from the name to the title: "Prof. Dr. H. Ahmad" -> title "Prof. Dr. H.".
_HONORIFIC = re.compile(
    r"(?i)(mr|mrs|ms|miss|mx|madam|dr|drs|dra|prof|ir|bapak|bpk|pak|ibu|bu|sdr|sdri|sdra|hj|h)(\.\s*|\s+)"
)
# Degrees written after a name and a comma ("Siti Rahayu, S.H., M.Si."): a part with a dot, or one of these.
_DEGREE_WORDS = {
    "phd", "ma", "msc", "bsc", "ba", "mba", "mph", "llm", "md",
    "sh", "se", "st", "mm", "mh", "mpd", "spd", "skm", "msi", "ssi", "ssos", "sip", "mkes", "ak", "cpa",
}
_PLACEHOLDERS = {"", "na", "none", "nil", "null", "tidakada", "tdkada", "belumada", "kosong", "x", "0"}
_NON_WORD = re.compile(r"[\W_]+")
_EMAIL_SPLIT = re.compile(r"[\s,;/<>()\[\]\"]+")

_CATEGORY_WORDS = {
    OrganisationCategory.UN_AGENCY: ("un", "unagency", "unitednations", "pbb", "badanpbb"),
    OrganisationCategory.GOVERNMENT: ("government", "gov", "pemerintah", "pemerintahan", "kementerian", "ministry"),
    OrganisationCategory.CIVIL_SOCIETY: ("cso", "ngo", "lsm", "ornop", "ormas", "civilsociety", "inggo", "ingo"),
    OrganisationCategory.MIGRANT_DIASPORA: ("migrant", "diaspora", "migrantorganisation", "organisasimigran"),
    OrganisationCategory.FAITH_BASED: ("faithbased", "fbo", "keagamaan", "religious"),
    OrganisationCategory.LOCAL_AUTHORITY: ("local", "localgovernment", "pemda", "pemerintahdaerah"),
    OrganisationCategory.PRIVATE_SECTOR: ("private", "privatesector", "swasta", "business", "perusahaan"),
    OrganisationCategory.TRADE_UNION: ("union", "tradeunion", "serikatpekerja", "serikatburuh"),
    OrganisationCategory.PARLIAMENT: ("parliament", "dpr", "dprd", "legislative"),
    OrganisationCategory.NHRI: ("nhri", "komnasham"),
    OrganisationCategory.RED_CROSS: ("redcross", "pmi", "ifrc", "icrc"),
    OrganisationCategory.ACADEMIA: ("academia", "academic", "akademisi", "universitas", "university", "research"),
    OrganisationCategory.MEDIA: ("media", "press", "pers"),
    OrganisationCategory.DEVELOPMENT_PARTNER: ("donor", "developmentpartner", "mitrapembangunan", "embassy"),
    OrganisationCategory.OTHER: ("other", "lainnya", "lain"),
}


@functools.lru_cache(maxsize=4096)
def text_key(text: str) -> str:
    """Letters and digits only, lowercase, accents dropped: 'I.O.M.' and 'iom' are one key."""
    return normalise_header(text)


def parse_category(text: str) -> OrganisationCategory | None:
    if not text:
        return None
    key = text_key(text)
    for member in OrganisationCategory:
        if key in (text_key(member.value), text_key(member.label)):
            return member
    for member, words in _CATEGORY_WORDS.items():
        if key in words:
            return member
    return None


def split_honorifics(name: str) -> tuple[str, str]:
    """(honorifics, rest of the name): 'Ibu Siti Rahayu' -> ('Ibu', 'Siti Rahayu'). A name that
    would be left empty keeps its words ('Ibu' alone stays a name)."""
    rest, found = name.strip(), []
    while True:
        m = _HONORIFIC.match(rest)
        if not m or (m.group(1).lower() == "h" and "." not in m.group(2)):
            break
        remaining = rest[m.end() :].strip()
        if not remaining or not remaining[0].isalnum():
            break
        found.append(rest[: m.end()].strip())
        rest = remaining
    return " ".join(found), rest


def name_key(name: str) -> str:
    """A name as a key for matching: honorifics and degrees after a comma left out, case,
    accents and punctuation ignored ('Ibu Siti  Rahayu, S.H.' -> 'siti rahayu')."""
    core = split_honorifics(name)[1].casefold()
    if "," in core:
        parts = core.split(",")
        while len(parts) > 1 and ("." in parts[-1] or _NON_WORD.sub("", parts[-1]) in _DEGREE_WORDS):
            parts.pop()
        core = ",".join(parts)
    if not core.isascii():
        core = "".join(ch for ch in unicodedata.normalize("NFKD", core) if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", core).split())


def placeholder(text: str) -> str:
    """'' for the fillers people type in empty cells ('-', 'n/a', 'tidak ada')."""
    return "" if text_key(text) in _PLACEHOLDERS else text


def split_emails(text: str) -> tuple[list[str], list[str]]:
    """(valid addresses, invalid ones) found in a cell ('a@x.org; b@y.org', 'Siti <s@x.org>')."""
    text = re.sub(r"(?i)mailto:", " ", text)
    if not placeholder(text):
        return [], []
    valid, invalid = [], []
    tokens = [t.strip(".:'") for t in _EMAIL_SPLIT.split(text) if t.strip(".:'")]
    if not any("@" in t for t in tokens):
        return [], [text]
    for token in tokens:
        if "@" not in token:
            continue  # words around the addresses: "Email:", "atau"
        if is_valid_email(token):
            if token.casefold() not in (v.casefold() for v in valid):
                valid.append(token)
        else:
            invalid.append(token)
    return valid, invalid
