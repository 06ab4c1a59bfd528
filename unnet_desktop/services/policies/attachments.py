"""Local copies of the documents: ``attach_file`` copies one (atomically) into the attachments folder
beside the database, ``<db folder>/<db stem>-attachments/<policy uuid>/<file name>``, and keeps the
relative name in ``Policy.file_name``; ``attachment_path`` gives the absolute path to open."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path, PurePosixPath

from ...core.database import Database
from ...core.errors import FileRefused
from ...core.models import utcnow
from .records import PolicyData
from .rules import _data_of, _policy

FILE_NAME_MAX = 150  # of the copied file's own name; the stored value adds "<uuid>/"
ATTACHMENT_MAX_BYTES = 200 * 1024 * 1024
_BAD_FILE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def attachments_dir(db: Database) -> Path:
    """``<db folder>/<db stem>-attachments``: the copies belong to this database (and travel with it)."""
    path = Path(db.path)
    return path.parent / f"{path.stem}-attachments"


def safe_file_name(name: str) -> str:
    """A file name every file system accepts: no folder, no reserved characters or names, not too long."""
    name = PurePosixPath(str(name).replace("\\", "/")).name
    name = _BAD_FILE_CHARS.sub("_", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if stem.upper() in _WINDOWS_RESERVED or name.upper() in _WINDOWS_RESERVED:
        name = "_" + name
        stem = "_" + stem
    if len(name) > FILE_NAME_MAX:
        suffix = suffix[:20]
        keep = FILE_NAME_MAX - (len(suffix) + 1 if suffix else 0)
        name = stem[:keep].rstrip(" .") + (f".{suffix}" if suffix else "")
    return name or "document"


def _resolve(db: Database, relative: str) -> Path:
    """The absolute path of a stored relative name, refused when it would leave the attachments folder."""
    base = attachments_dir(db).absolute()
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or any(p in ("..", "") for p in parts):
        raise FileRefused(f"The stored file name {relative!r} is not inside the attachments folder.")
    return base.joinpath(*parts)


def attach_file(db: Database, policy_id: int, source: str | os.PathLike) -> PolicyData:
    """Copy ``source`` into the attachments folder as the entry's document (replacing any earlier one)."""
    source = Path(source).expanduser()
    if not source.exists():
        raise FileRefused(f"The file {source} does not exist.")
    if not source.is_file():
        raise FileRefused(f"{source} is not a file.")
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise FileRefused(f"Cannot read {source}: {exc.strerror}.") from exc
    if size > ATTACHMENT_MAX_BYTES:
        raise FileRefused(
            f"{source.name} is too large to keep in the library ({size // (1024 * 1024)} MB; at most "
            f"{ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB); give its web link instead."
        )
    with db.session() as s:
        policy = _policy(s, policy_id)
        uuid, old = policy.uuid, policy.file_name or ""
    relative = f"{uuid}/{safe_file_name(source.name)}"
    target = _resolve(db, relative)
    same = target.exists() and _same_file(source, target)
    if not same:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FileRefused(f"Cannot create the attachments folder {target.parent}: {exc.strerror}.") from exc
        try:
            with _atomic(target) as tmp:
                shutil.copyfile(source, tmp)
        except OSError as exc:
            raise FileRefused(f"Cannot copy {source}: {exc.strerror or exc}.") from exc
    try:
        with db.session() as s:
            policy = _policy(s, policy_id)
            if policy.file_name != relative:
                policy.file_name = relative
                policy.updated_at = utcnow()
            s.flush()
            data = _data_of(policy)
    except BaseException:
        if relative != old and not same:
            target.unlink(missing_ok=True)
        raise
    if old and old != relative:
        _remove_file(db, old)
    return data


def _atomic(target: Path):
    from ...files.safety import atomic_path

    return atomic_path(target)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def detach_file(db: Database, policy_id: int, *, delete_copy: bool = True) -> PolicyData:
    """Forget the entry's document; its copy in the attachments folder is deleted unless asked not to."""
    with db.session() as s:
        policy = _policy(s, policy_id)
        old = policy.file_name or ""
        if old:
            policy.file_name = ""
            policy.updated_at = utcnow()
        s.flush()
        data = _data_of(policy)
    if old and delete_copy:
        _remove_file(db, old)
    return data


def attachment_path(db: Database, policy_id: int) -> Path | None:
    """The absolute path of the entry's copied document to open with the system's program; None when
    it has none; FileRefused when the copy has gone missing from the attachments folder."""
    with db.session() as s:
        relative = _policy(s, policy_id).file_name or ""
    if not relative:
        return None
    path = _resolve(db, relative)
    if not path.is_file():
        raise FileRefused(
            f"The copy of {PurePosixPath(relative).name} is missing from {path.parent}; attach the file again."
        )
    return path


def _remove_file(db: Database, relative: str) -> None:
    """Best effort: a copy that cannot be deleted now is only wasted space."""
    try:
        path = _resolve(db, relative)
        path.unlink(missing_ok=True)
        folder = path.parent
        if folder != attachments_dir(db).absolute() and not any(folder.iterdir()):
            folder.rmdir()
    except (OSError, FileRefused):
        pass


def _remove_folder(db: Database, uuid: str) -> None:
    if not uuid or "/" in uuid or "\\" in uuid or uuid in (".", ".."):
        return
    folder = attachments_dir(db).absolute() / uuid
    if folder.is_dir():
        shutil.rmtree(folder, ignore_errors=True)
