"""The app's own settings: a small JSON file, ``settings.json`` in the data folder. No Qt.

Keys so far: ``word_template``, the path of an office's own Word template (.docx or .dotx) on
which the minutes and the annual report are written; unset means the template shipped in
``resources/minutes-template.docx``. A missing or damaged file reads as "no settings".
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .. import paths
from ..core.errors import FileRefused, ValidationError

SETTINGS_FILE = "settings.json"
WORD_TEMPLATE = "word_template"
DEFAULT_TEMPLATE_NAME = "minutes-template.docx"
WORD_TEMPLATE_SUFFIXES = (".docx", ".dotx")


def settings_path() -> Path:
    return paths.data_dir() / SETTINGS_FILE


def load_settings() -> dict[str, Any]:
    """All settings; {} when the file is missing or is not a JSON object."""
    path = settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def get_setting(key: str, default: Any = None) -> Any:
    return load_settings().get(key, default)


def set_setting(key: str, value: Any) -> None:
    """Store one setting (``None`` removes it), rewriting the file atomically."""
    from ..files.safety import atomic_path

    data = load_settings()
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    with atomic_path(settings_path()) as tmp:
        tmp.write_text(text, encoding="utf-8")


def default_word_template() -> Path:
    return paths.resources_dir() / DEFAULT_TEMPLATE_NAME


def word_template() -> Path:
    """The template to write Word documents on: the office's own when one is set, else the
    shipped one. A set template that has gone missing is refused rather than silently replaced."""
    configured = get_setting(WORD_TEMPLATE)
    if configured:
        path = Path(os.path.expanduser(str(configured)))
        if not path.is_file():
            raise FileRefused(
                f"The Word template {path} set in the settings cannot be found; "
                "choose another one or go back to the default."
            )
        return path
    return default_word_template()


def set_word_template(path: str | os.PathLike | None) -> Path:
    """Point the settings to an office's own template (None: back to the default). Returns the
    template in use. The file must exist and be a Word document or template."""
    if path is None:
        set_setting(WORD_TEMPLATE, None)
        return default_word_template()
    target = Path(path).expanduser().absolute()
    if target.suffix.lower() not in WORD_TEMPLATE_SUFFIXES:
        raise ValidationError(f"{target.name} is not a Word document or template (.docx or .dotx).")
    if not target.is_file():
        raise ValidationError(f"The Word template {target} does not exist.")
    set_setting(WORD_TEMPLATE, str(target))
    return target


__all__ = [
    "default_word_template",
    "get_setting",
    "load_settings",
    "set_setting",
    "set_word_template",
    "settings_path",
    "word_template",
]
