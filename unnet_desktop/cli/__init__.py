"""The headless command line (``unnet-desktop <command>``). Imports no Qt unless the window is asked for."""
