"""The app's QSettings, made in one place so tests can point them at a temporary folder.

An INI file on every platform (``QSettings.setPath(IniFormat, UserScope, folder)`` moves it),
under the organisation and application name ``unnet-desktop``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from .. import APP_NAME

ORGANISATION = APP_NAME
APPLICATION = APP_NAME

LAST_DATABASE = "database/last_path"
WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
CURRENT_PAGE = "window/page"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
