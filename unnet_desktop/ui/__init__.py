"""The window (PySide6). The only sub-package that imports Qt; it calls services for every rule."""
