"""The values of a work plan and their checks: limits, statuses (with their Bahasa Indonesia
words), money in USD to the cent, whole numbers, markers, justifications of at most three
sentences, titles. No database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from ...core.enums import ActivityStatus
from ...core.errors import ValidationError

MIN_YEAR, MAX_YEAR = 2000, 2100
CODE_MAX = 20
TITLE_MAX = 300
LOCATION_MAX = 500
JUSTIFICATION_MAX_SENTENCES = 3
JUSTIFICATION_MAX_CHARS = 1000
#: No single activity is planned above this (USD); keeps sums far from SQLite's integer limit.
MONEY_MAX = Decimal("1000000000000")
CENT = Decimal("0.01")
#: Status words understood besides the English labels and stored values (Bahasa Indonesia).
STATUS_SYNONYMS: dict[str, ActivityStatus] = {
    "belum dimulai": ActivityStatus.NOT_STARTED,
    "belum": ActivityStatus.NOT_STARTED,
    "sesuai jadwal": ActivityStatus.ON_TRACK,
    "berjalan": ActivityStatus.ON_TRACK,
    "dalam proses": ActivityStatus.ON_TRACK,
    "terlambat": ActivityStatus.DELAYED,
    "tertunda": ActivityStatus.DELAYED,
    "selesai": ActivityStatus.COMPLETED,
    "dibatalkan": ActivityStatus.CANCELLED,
    "batal": ActivityStatus.CANCELLED,
}


def parse_status(value: object) -> ActivityStatus:
    """An activity status from its value, English label or Bahasa Indonesia word (any case)."""
    if isinstance(value, ActivityStatus):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        raise ValidationError("The status is missing; choose one of: " + _status_labels() + ".")
    try:
        return ActivityStatus.from_value(text)
    except ValueError:
        pass
    found = STATUS_SYNONYMS.get(" ".join(text.casefold().split()))
    if found is None:
        raise ValidationError(f"{text!r} is not a status; use one of: {_status_labels()}.")
    return found


def _status_labels() -> str:
    return ", ".join(s.label for s in ActivityStatus)


def parse_money(value: object, label: str) -> Decimal | None:
    """US dollars to the cent from a number or text such as ``12,500.50`` or ``USD 12500``;
    None for empty. Refuses negatives, fractions of a cent and absurd amounts."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{label} must be an amount in US dollars, not {value!r}.")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    else:
        text = str(value).strip().replace(",", "").replace(" ", "")
        for prefix in ("USD", "US$", "$"):
            if text.upper().startswith(prefix):
                text = text[len(prefix) :]
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                f"{label} must be an amount in US dollars such as 12500 or 12500.50, not {str(value)!r}."
            ) from None
    if not amount.is_finite():
        raise ValidationError(f"{label} must be an amount in US dollars, not {str(value)!r}.")
    if amount < 0:
        raise ValidationError(f"{label} cannot be negative ({amount:,}).")
    if amount != amount.quantize(CENT):
        raise ValidationError(f"{label} cannot have fractions of a cent ({amount}).")
    if amount > MONEY_MAX:
        raise ValidationError(f"{label} is too large ({amount:,.2f} USD).")
    return amount.quantize(CENT)


def parse_whole_number(value: object, label: str, low: int, high: int, *, allow_empty: bool) -> int | None:
    """A whole number between ``low`` and ``high`` from an int, a whole float or text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_empty:
            return None
        raise ValidationError(f"{label} is missing; give a whole number from {low} to {high}.")
    if isinstance(value, bool):
        raise ValidationError(f"{label} must be a whole number from {low} to {high}, not {value!r}.")
    number: int | None = None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float | Decimal):
        if value == int(value):
            number = int(value)
    else:
        text = str(value).strip().removesuffix("%").strip()
        try:
            parsed = Decimal(text)
        except InvalidOperation:
            parsed = None
        if parsed is not None and parsed.is_finite() and parsed == parsed.to_integral_value():
            number = int(parsed)
    if number is None or not low <= number <= high:
        raise ValidationError(f"{label} must be a whole number from {low} to {high}, not {str(value)!r}.")
    return number


def parse_progress(value: object) -> int:
    return parse_whole_number(value, "Progress %", 0, 100, allow_empty=False)


def parse_marker(value: object, label: str) -> int | None:
    return parse_whole_number(value, label, 0, 3, allow_empty=True)


# A sentence ends at . ! or ? followed by the end of the text or by a space and a capital,
# digit or opening quote: "e.g. the" and "5.5 million" do not end one.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s*$|\s+[\"'(\[]?[A-Z0-9À-Þ])")


def count_sentences(text: str) -> int:
    text = (text or "").strip()
    if not text:
        return 0
    ends = _SENTENCE_END.findall(text)
    trailing = 0 if re.search(r"[.!?][\"')\]]*$", text) else 1
    return len(ends) + trailing


def check_justification(text: str, label: str) -> str:
    text = (text or "").strip()
    if len(text) > JUSTIFICATION_MAX_CHARS:
        raise ValidationError(f"{label} is too long: at most {JUSTIFICATION_MAX_CHARS} characters.")
    sentences = count_sentences(text)
    if sentences > JUSTIFICATION_MAX_SENTENCES:
        raise ValidationError(
            f"{label} has {sentences} sentences; a marker justification has at most "
            f"{JUSTIFICATION_MAX_SENTENCES}."
        )
    return text


def _gap(required: Decimal | None, available: Decimal | None) -> Decimal | None:
    if required is None and available is None:
        return None
    return (required or Decimal("0.00")) - (available or Decimal("0.00"))


def _check_title(title: str, label: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError(f"{label} is missing.")
    if len(title) > TITLE_MAX:
        raise ValidationError(f"{label} is too long: at most {TITLE_MAX} characters.")
    return title


def _ids(values: Iterable[int] | None) -> tuple[int, ...]:
    seen: dict[int, None] = {}
    for value in values or ():
        seen[int(value)] = None
    return tuple(seen)
