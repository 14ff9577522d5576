"""What a cache carried in a snapshot was made under, so that a resume keeps it only
when it would read every text the same.

The question board keeps how each text reads, the clusters each text's signature: pure
functions of the text, the code of the rules and the settings they take. A snapshot
carries them, so that the events replayed after it are read with warm caches, as the
process that wrote it read them. Each is stamped with a digest of the source of the
modules that made it, taken when they were imported (any edit of them, another Python,
Unicode or package version gives another stamp), and of its settings; a resume under
another stamp starts the cache afresh.
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path


def code_stamp(sources: Iterable[str | None], *versions: str) -> str:
    """A digest of these source files and versions; "" when a source cannot be read
    (nothing is carried then: see ``carried``)."""
    digest = hashlib.sha256()
    for source in sources:
        try:
            digest.update(Path(source or "").read_bytes())
        except OSError:
            return ""
    for part in (sys.version, unicodedata.unidata_version, *versions):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:24]


def stamp(code: str, *settings: str) -> str:
    """``code_stamp``'s stamp with the settings the results depend on ("" stays "")."""
    if not code:
        return ""
    digest = hashlib.sha256(code.encode())
    for part in settings:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:24]


def carried(stamped: str, current: str) -> bool:
    """Whether a cache stamped ``stamped`` may be used under the ``current`` stamp."""
    return bool(current) and stamped == current
