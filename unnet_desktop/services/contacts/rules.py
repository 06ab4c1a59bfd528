"""The directory's cleaning rules and limits, shared by the forms, the import and the CLI:
text tidied onto one line, email syntax, phone numbers kept as text, sex as sheets write it."""

from __future__ import annotations

import re

from ...core.enums import LabelledEnum, Sex
from ...core.errors import ValidationError

# Column sizes of the model, checked here so that the message is clear (SQLite would not complain).
MAX_NAME = 200
MAX_TITLE = 40
MAX_POSITION = 200
MAX_EMAIL = 254
MAX_PHONE = 60
MAX_ORG_NAME = 200
MAX_ACRONYM = 40

# --------------------------------------------------------------------------- text and email

# Zero-width characters and the control characters that are not spaces (a NUL also ends a LIKE
# pattern in SQLite).
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")

_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


def tidy_text(value: object) -> str:
    """Trimmed text on one line: zero-width and control characters dropped, runs of spaces
    (non-breaking ones too) made one space; ``None`` as ''."""
    if value is None:
        return ""
    return _SPACES.sub(" ", _INVISIBLE.sub("", str(value))).strip()


def is_valid_email(text: str) -> bool:
    """A practical check of an address's syntax (RFC 5322 dot-atom, a domain with a TLD)."""
    if not text or len(text) > MAX_EMAIL:
        return False
    if not _EMAIL.match(text):
        return False
    return len(text.split("@", 1)[0]) <= 64


def phone_text(value: object) -> str:
    """A phone number as text. A number that a spreadsheet stored as a number keeps its
    digits: 6281234567890.0 gives '6281234567890', never '6.28E+12'."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):  # NaN, infinity
            return ""
        if value.is_integer():
            return str(int(value))
        return format(value, "f").rstrip("0").rstrip(".")
    return tidy_text(value)


def _email_or_none(value: object, what: str) -> str | None:
    text = tidy_text(value)
    if not text:
        return None
    if not is_valid_email(text):
        raise ValidationError(f"{what} '{text}' is not a valid email address.")
    return text


def _limit(text: str, size: int, what: str) -> str:
    if len(text) > size:
        raise ValidationError(f"{what} is too long: {len(text)} characters, at most {size}.")
    return text


def _enum(enum_cls: type[LabelledEnum], value, what: str):
    try:
        return enum_cls.from_value(value)
    except ValueError:
        raise ValidationError(f"'{value}' is not a known {what}.") from None


# How sheets from workshops write the sex of a person (English and Bahasa Indonesia).
_SEX_WORDS = {
    Sex.FEMALE: ("f", "female", "woman", "w", "p", "perempuan", "wanita", "pr", "pere", "ibu"),
    Sex.MALE: ("m", "male", "man", "l", "lk", "laki", "lakilaki", "pria", "bapak"),
    Sex.OTHER: ("other", "o", "lainnya", "lain", "nonbinary", "x"),
    Sex.NOT_RECORDED: ("", "notrecorded", "unknown", "na", "tidakdiketahui", "none"),
}
_SEX_LOOKUP = {word: sex for sex, words in _SEX_WORDS.items() for word in words}


def parse_sex(value: object) -> Sex | None:
    """A Sex from a member, a stored value, a label or what sheets write (F/M, P/L, Perempuan,
    Laki-laki, Wanita, Pria...); ``None`` or blank gives NOT_RECORDED; None when not understood."""
    if isinstance(value, Sex):
        return value
    if value is None:
        return Sex.NOT_RECORDED
    key = re.sub(r"[^a-z]", "", tidy_text(value).casefold())
    if key in _SEX_LOOKUP:
        return _SEX_LOOKUP[key]
    for member in Sex:
        if key in (re.sub(r"[^a-z]", "", member.value), re.sub(r"[^a-z]", "", member.label.casefold())):
            return member
    return None


def search_tokens(text: str | None) -> list[str]:
    """The words of a search box: each must be found somewhere in the row."""
    return [t for t in tidy_text(text).split(" ") if t]


def _enum_values(enum_cls: type[LabelledEnum], value, what: str) -> list[str] | None:
    """None (no filter) or the stored values for one member or several."""
    if value is None:
        return None
    if isinstance(value, str | LabelledEnum):
        return [_enum(enum_cls, value, what).value]
    return [_enum(enum_cls, v, what).value for v in value]
