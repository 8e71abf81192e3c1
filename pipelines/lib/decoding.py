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

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are taken as declared, UTF-16/32 without a
    BOM by its NUL bytes (``_utf_by_nuls``); otherwise charset-normalizer picks the encoding, but for
    Western text, where Windows-1252 (or Latin-9) wins when it reads as well (``_western``).
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
    unmarked = _utf_by_nuls(data)
    if unmarked is not None:
        text = _strict(data, unmarked)
        if text is not None:
            return _checked(text), unmarked
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
    if not is_multi_byte_encoding(best.encoding) or _few_nuls(data):
        # Short text is ambiguous among the single-byte code pages (cp1250, cp775 and cp1252 read
        # "caf\xe9 costs \x8010" alike, to the detector), and six bytes of it may even read as UTF-16
        # ("R\xe9sum\xe9" as three CJK characters). The common case for English news is Windows-1252
        # (or Latin-9, its ISO cousin with the euro sign at 0xA4): it wins when its reading is Western
        # text and looks no less like text than the detector's choice.
        detected = str(best)
        for encoding in _WESTERN:
            text = _strict(data, encoding)
            if text is not None and _western(text) and _oddities(text) <= _oddities(detected):
                return _checked(text), encoding
    return _checked(str(best)), best.encoding


_WESTERN = ("cp1252", "iso8859_15")


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf_by_nuls(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where its NUL bytes fall: text mostly in
    ASCII has them at the same offsets of every 2- or 4-byte unit (the high bytes: last in
    little-endian, first in big-endian), and none at the other offsets. Such bytes are also valid
    UTF-8 (a NUL is), which would keep every NUL and lose the text."""
    if b"\x00" not in data:
        return None
    for width, name in ((4, "utf-32"), (2, "utf-16")):
        units = len(data) // width
        if units < 2 or len(data) % width:
            continue
        nuls = [data[i::width].count(0) for i in range(width)]
        for order, low in (("le", 0), ("be", width - 1)):
            if nuls[low] <= 0.05 * units and all(n >= 0.4 * units for i, n in enumerate(nuls) if i != low):
                return f"{name}-{order}"
    return None


def _few_nuls(data: bytes) -> bool:
    """Fewer than one byte in ten is a NUL: a detector's multi-byte pick (UTF-16, Shift-JIS, ...) for such
    bytes may be a guess from too few of them ("R\xe9sum\xe9" as UTF-16), so a Western reading is tried
    too. (Text mostly in ASCII as UTF-16/32 has many NULs and is read before the detector: ``_utf_by_nuls``.)"""
    return data.count(0) * 10 < len(data)


# What Western text holds beyond ASCII besides letters: Windows-1252's punctuation and the common signs
_WESTERN_SIGNS = frozenset("‘’‚“”„–—…•†‡‰‹›«»¡¿°±×÷·§¶©®™€£¥¢ªº¹²³¼½¾µ\xa0\xad")


def _western(text: str) -> bool:
    """Text in a Western European language: at most half its letters beyond ASCII (a short French
    sentence has a quarter; Greek or Cyrillic read through Windows-1252 is nearly all accented Latin
    letters), and no character beyond ASCII but Latin letters and the common signs."""
    beyond = _BEYOND_ASCII.findall(text)
    if not all(c in _WESTERN_SIGNS or c in "ŒœŠšŽžŸƒ" or ("À" <= c <= "ÿ" and c not in "×÷") or c.isspace() for c in beyond):
        return False
    return sum(c.isalpha() for c in beyond) <= sum(c.isalpha() for c in text) / 2


def _oddities(text: str) -> int:
    """How many characters beyond ASCII sit where written text does not put them: a letter against a
    digit ("\u010610" for "\u20ac10"), a sign between two letters ("wzros\u00b3y" for "wzros\u0142y"),
    a currency sign before a letter ("\u00a3odzi" for "\u0141odzi"), the generic currency sign."""
    odd = 0
    for m in _BEYOND_ASCII.finditer(text):
        i, c = m.start(), m.group()
        before, after = text[i - 1 : i] or " ", text[i + 1 : i + 2] or " "
        if c.isalpha():
            odd += before.isdigit() or after.isdigit()
        elif c in "’\xad":  # an apostrophe, a soft hyphen
            continue
        else:
            odd += (before.isalpha() and after.isalpha()) or (c in "£€¥¢" and after.isalpha()) or c == "¤"
    return odd


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
