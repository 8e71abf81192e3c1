"""Bytes to text: encoding detection that says why it gave up."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of common binary formats that sometimes arrive with a text extension.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}


class DecodeError(ValueError):
    """The bytes are not usable text; ``reason`` is a short code, ``str()`` says why."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text and return ``(text, encoding)``.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are taken as declared; otherwise
    charset-normalizer picks the encoding (cp1252, latin-1, UTF-16 without BOM, ...).
    Raises DecodeError for empty, whitespace-only and binary input.
    """
    if not data:
        raise DecodeError("empty", "the file is empty (0 bytes)")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError("binary", f"the file is {what}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError("undecodable", f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc}") from exc
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return _checked(mixed), "utf-8+cp1252"
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("undecodable", "no text encoding fits these bytes (binary data or a corrupt file)")
    if not is_multi_byte_encoding(best.encoding):
        # Among single-byte code pages, short Western text is ambiguous (cp1250 vs cp1252 differ in
        # a few letters); the common case for English news is Windows-1252, so it wins when it fits.
        western = next((m for m in matches if m.encoding == "cp1252"), None)
        if western is not None:
            best = western
    return _checked(str(best)), best.encoding


_STRAY = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape keeps it
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")


def _mostly_utf8(data: bytes) -> str | None:
    """Text that is UTF-8 but for a few bytes of a Windows code page (pasted together from two
    sources: "Zürich" in UTF-8, then "\xe9tude" in cp1252), decoded as UTF-8 with each stray byte
    read as cp1252; None unless it holds at least two UTF-8 letters beyond ASCII and more of them than
    stray bytes. A detector given the whole would pick one single-byte code page and garble every
    UTF-8 letter ("ZÞrich", "cafÃĐ"); a text in cp1252 alone has no valid UTF-8 sequences, or by
    chance a very few."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY.findall(text))
    letters = len(_BEYOND_ASCII.findall(text)) - stray
    if letters < 2 or letters <= stray:
        return None
    return _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), text)


def _checked(text: str) -> str:
    if not text.strip():
        raise DecodeError("empty", "the file holds only whitespace")
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\x00")
    if controls > max(8, len(sample) // 20):
        raise DecodeError("binary", "the file holds control characters, not text (binary data?)")
    return text
