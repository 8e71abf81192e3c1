"""Personal data in text: phone numbers, e-mail addresses, street addresses and birthdays.

Found spans are redacted to a placeholder of the same length, so offsets into the text survive.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# +CC digits, or grouped digits with separators; at least 9 digits in all.
_PHONE = re.compile(r"(?<![\w/])(?<!\d[.,])(?:\+\d[\d ()./-]{7,}\d|\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,5})(?![\w/]|[.,]\d)")
_STREET = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|"
    r"Way|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy|Highway|Hwy|Spring|Springs|Circle|Cir|Trail|Crescent|Row)\b"
    r"(?:[^\n]{0,60}?\b[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
)
_SUITE = re.compile(r"\b(?:Suite|Apt\.?|Apartment|Unit)\s+\d+\b")
_BIRTHDAY = re.compile(r"(?i)\b(?:birthday|born|date of birth|dob)\s*[:\-]?\s*(?:on\s+)?([^\n]{4,40}?\d{4}|\d{4}-\d{2}-\d{2})")

_YEARS = re.compile(r"(?:(?:1[89]|20)\d\d[ ,./-]*)+")  # "1987 1988 1989" is not a phone number
PLACEHOLDER = "█"


def personal_spans(text: str, *, chrome: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, kind) of personal data. Addresses and birthdays only when ``chrome`` (bios, footers):
    in article prose a street address is usually news, a phone number or e-mail never is."""
    # the e-mail pattern tries every word of the text; a text with no "@" has none (the pattern alone took
    # 1.5-1.8 s over all Reuters bodies, as long as the whole raw redaction takes now)
    spans = [(m.start(), m.end(), "email") for m in _EMAIL.finditer(text)] if "@" in text else []
    spans += [(m.start(), m.end(), "phone") for m in _PHONE.finditer(text)
              if sum(c.isdigit() for c in m.group()) >= 9 and not _YEARS.fullmatch(m.group())]
    if chrome:
        spans += [(m.start(), m.end(), "address") for m in _STREET.finditer(text)]
        spans += [(m.start(), m.end(), "address") for m in _SUITE.finditer(text)]
        spans += [(m.start(1), m.end(1), "birthday") for m in _BIRTHDAY.finditer(text)]
    return _merge(spans)


def redact(text: str, *, chrome: bool = True) -> str:
    """``text`` with personal data replaced by a placeholder of the same length."""
    spans = personal_spans(text, chrome=chrome)
    if not spans:
        return text
    out, pos = [], 0
    for start, end, _ in spans:
        out.append(text[pos:start])
        out.append(PLACEHOLDER * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _merge(spans):
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, k in spans:
        if merged and s <= merged[-1][1]:
            ps, pe, pk = merged[-1]
            merged[-1] = (ps, max(pe, e), pk)
        else:
            merged.append((s, e, k))
    return merged


_PERSONAL_LINE = re.compile(
    r"(?im)^[ \t]*(?:address|home address|street|birthday|born|date of birth|dob|phone|telephone|tel|mobile|"
    r"e-?mail)[ \t]*:[ \t]*(?P<value>[^\n]+)$"
)


def redact_raw(text: str) -> str:
    """Mask personal data in a raw document, keeping its length: e-mail addresses and phone numbers
    anywhere, and the value of ``Address:``/``Birthday:``/``Phone:`` lines (where bios keep them)."""
    spans = personal_spans(text, chrome=False)
    spans += [(m.start("value"), m.end("value"), "personal") for m in _PERSONAL_LINE.finditer(text)]
    if not spans:
        return text
    out, pos = [], 0
    for start, end, _ in _merge(spans):
        out.append(text[pos:start])
        out.append(PLACEHOLDER * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)
