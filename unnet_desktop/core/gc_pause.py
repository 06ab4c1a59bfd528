"""Python's cycle collector paused for bulk work: :func:`paused_gc`.

A big import, export or report makes hundreds of thousands of small objects, almost none in a
cycle, and each automatic collection walks them all again: a third of a 20,000-row import's time,
a tenth of the first annual report's. Memory is still freed as usual when an object's last
reference goes; only the search for cycles waits.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cycle collector off for the block. Afterwards what was made meanwhile goes to the
    oldest generation at once, unscanned (freeze, then unfreeze), so the first collection after
    the block does not walk it all; a cycle left among it is freed with that generation's next
    collection. A collector already off (nested bulk work, or the caller's choice) is left off,
    and objects the caller had frozen stay frozen."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
