"""Markdown read as text: its front matter's metadata, and its lines without their markup.

A ``.md`` file from a static site or a notes app starts with front matter (YAML between ``---``
lines, TOML between ``+++``) that holds the title, author and date, and marks up its text: ``#``
headings, ``**bold**``, ``[links](url)``, ``![images](url)``, `` `code` ``, ``> quotes``. The
cleaner reads the metadata from the front matter and the words without the marks, so that neither
"# " nor a URL reaches a sentence, an entity or the search index.
"""

from __future__ import annotations

import re

from pipelines.lib import resources as R

_FRONT_MATTER = re.compile(r"\A\ufeff?[ \t\n]*(---|\+\+\+)[ \t]*\n(.*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(?P<value>.*?)[ \t]*$")
_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<value>.+?)[ \t]*$")  # a YAML list item under a key with no value

# the keys of the cleaner's "Author:" and "Published:" lines, and the spellings of static-site generators
TITLE_KEYS = frozenset({"title", "headline"})
AUTHOR_KEYS = R.AUTHOR_KEYS | {"creator"}
DATE_KEYS = R.DATE_KEYS | {"published_at", "publishdate", "publish_date", "pubdate", "date_published", "datepublished",
                           "created", "created_at"}


def front_matter(text: str) -> tuple[int, dict[str, str]] | None:
    """``(end, fields)`` of the front matter that opens ``text`` (``end``: where it stops, its closing
    line included), with ``title``, ``author`` and ``date`` where it gives them; None without one."""
    m = _FRONT_MATTER.match(text)
    if m is None:
        return None
    fields: dict[str, str] = {}
    key = None
    for line in m.group(2).split("\n"):
        if (item := _ITEM.match(line)) and key is not None:
            fields.setdefault(key, _scalar(item.group("value")))  # the first of a list
            continue
        f = _FIELD.match(line)
        key = None
        if f is None:
            continue
        name = f.group("key").lower()
        field = "title" if name in TITLE_KEYS else "author" if name in AUTHOR_KEYS else "date" if name in DATE_KEYS else None
        if field is None:
            continue
        value = f.group("value")
        if value.startswith("[") and value.endswith("]"):  # an inline list: its first item
            value = value[1:-1].split(",")[0]
        value = _scalar(value)
        if value:
            fields.setdefault(field, value)
        else:
            key = field
    return m.end(), fields


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


_HEADING = re.compile(r"^#{1,6}[ \t]+|[ \t]#+[ \t]*$")  # one space before a closing "##": a long run of spaces stays linear
_QUOTE = re.compile(r"^(?:>[ \t]?)+")
# Every marked span is bounded (300 characters of text, 2,000 of a URL): an opening mark with no
# closing one then costs a bounded look ahead, not the rest of the line (a line of 8,000 "*a" took 2 s)
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)|!\[[^\]\n]{0,300}\]\[[^\]\n]{0,300}\]")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:[^()\n]|\([^()\n]{0,300}\)){0,2000}\)|\[([^\]\n]{1,300})\]\[[^\]\n]{0,300}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]{1,2000})>")
_CODE = re.compile(r"(`+)(.{1,300}?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*])\*(?![\w*])"
                       r"|(?<![\w_])_(?=[^\s_])(.{1,300}?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.{1,300}?)(?<=\S)~~")


def plain(line: str) -> str:
    """One line of Markdown as the text it shows: no heading or quote marks, links as their words,
    no images, code and emphasis without their marks. List markers stay (they are the text's too)."""
    if not any(ch in line for ch in "#>![`*_~<"):
        return line
    line = _QUOTE.sub("", _HEADING.sub("", line))
    if _IMAGE.search(line):
        line = re.sub(r"[ \t]{2,}", " ", _IMAGE.sub("", line))
    line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(lambda m: m.group(2).strip(), line)
    line = _STRONG.sub(r"\2", line)
    line = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    line = _STRIKE.sub(r"\1", line)
    return line.strip()
