"""Zip-based documents (.docx, .xlsx) that are byte-identical from one run to the next."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def restamp(data: bytes, replace: Mapping[str, bytes] | None = None) -> bytes:
    """Return the zip ``data`` with every entry dated :data:`ZIP_TIME` and the same
    permissions, entries in their order; writers such as python-docx and openpyxl date
    entries with the time of saving. ``replace`` gives new contents for some entries.

    >>> raw = io.BytesIO()
    >>> with zipfile.ZipFile(raw, "w") as z:
    ...     z.writestr("a.txt", "hello")
    >>> again = restamp(raw.getvalue())
    >>> zipfile.ZipFile(io.BytesIO(again)).infolist()[0].date_time
    (1980, 1, 1, 0, 0, 0)
    >>> restamp(again) == again
    True
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, (replace or {}).get(info.filename) or src.read(info.filename))
    return out.getvalue()
