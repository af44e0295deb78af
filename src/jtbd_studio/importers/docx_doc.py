"""Word (.docx) transcripts: the paragraphs, read with the same speaker rules as plain text."""

from __future__ import annotations

import io
import zipfile

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers.layout import Line

ZIP_MAGIC = b"PK\x03\x04"


def is_docx(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def docx_lines(data: bytes, path: str) -> list[Line]:
    """One numbered line per paragraph (line breaks inside a paragraph keep its number)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ImportFormatError(path, "a ZIP archive but not a Word .docx document")
        import docx  # python-docx; imported here so that listing formats stays cheap

        document = docx.Document(io.BytesIO(data))
        paragraphs = [paragraph.text for paragraph in document.paragraphs]
    except ImportFormatError:
        raise
    except Exception as exc:  # a damaged archive or XML fails deep inside zipfile/lxml
        problem = " ".join(str(exc).split())[:80] or type(exc).__name__
        raise ImportFormatError(path, f"damaged .docx file ({problem})") from None
    lines: list[Line] = []
    for number, text in enumerate(paragraphs, start=1):
        lines.extend((number, part) for part in text.replace("\r", "\n").split("\n"))
    if not any(text.strip() for _, text in lines):
        raise ImportFormatError(path, ".docx document has no text in its paragraphs")
    return lines
