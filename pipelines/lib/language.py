"""The language of a clean body, from its function words (and, for a few scripts, its letters).

The pipeline's extraction (spaCy's English model, English figure and date rules) is English, so the
one question that matters is: English, another language, or cannot be told. Function words answer
it cheaply and transparently: in prose about one word in three is one (the, of, and; der, die, und),
and which list they come from names the language. A text with too few of any (a table of results, a
list of names, a headline) cannot be told and gets NULL, which the pipeline reads as English.
"""

from __future__ import annotations

import re
import unicodedata

from pipelines.lib import resources as R

# the languages told apart by spaCy's function-word lists, which need no model: 326 English words,
# 343-624 in the others. English uses spaCy's list here, not the cleaner's shorter one, so that the
# lists whose shares of a text's words are compared are of like length.
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
WORDS_READ = 300  # the first words of a body: a language shows long before that
MIN_WORDS = 8  # fewer cannot be told
# English wins with this share of the words read, this many times the runner-up's, and this many
# different words of its list (fewer in a short text: a table of results repeats "Net" and "vs")
MIN_SHARE, MIN_LEAD, MIN_DISTINCT = 0.12, 1.5, 4
# another language needs more: wrongly taken for one, an English text would lose its extraction
OTHER_SHARE, OTHER_LEAD = 0.20, 2.0

# scripts that name one language; Latin, Cyrillic and Arabic letters name many
_SCRIPTS = {"HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "GREEK": "el", "HEBREW": "he", "THAI": "th",
            "CJK": "zh"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_lists: dict[str, frozenset[str]] | None = None
_index: dict[str, tuple[str, ...]] = {}  # a function word -> the languages whose list holds it


def _function_words() -> dict[str, frozenset[str]]:
    global _lists
    if _lists is None:
        _lists = {"en": R.spacy_stop_words("en"), **{lang: R.OTHER_STOPWORDS[lang] for lang in LANGUAGES[1:]}}
        for word in set().union(*_lists.values()):
            _index[word] = tuple(lang for lang in LANGUAGES if word in _lists[lang])
    return _lists


def detect(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``, or None when it cannot be told."""
    sample = text[:20 * WORDS_READ]
    words = [w.lower() for w in _WORD.findall(sample)[:WORDS_READ]]
    if not words:
        return None
    if not sample.isascii() and (script := _script(words)) is not None:
        return _SCRIPTS.get(script)
    if len(words) < MIN_WORDS:
        return None
    lists = _function_words()
    hits = dict.fromkeys(LANGUAGES, 0)
    for w in words:
        for lang in _index.get(w, ()):
            hits[lang] += 1
    (best, lang), (second, _) = sorted(((n, lang) for lang, n in hits.items()), reverse=True)[:2]
    distinct = len({w for w in words if w in lists[lang]})
    if lang == "en":
        sure = best >= MIN_SHARE * len(words) and best >= MIN_LEAD * second and distinct >= min(MIN_DISTINCT, 1 + len(words) // 8)
    else:
        sure = best >= OTHER_SHARE * len(words) and best >= OTHER_LEAD * max(second, 1) and distinct >= MIN_DISTINCT
    return lang if sure else None


def _script(words: list[str]) -> str | None:
    """The script of most letters if it is not Latin (its Unicode name's first word), else None.
    Japanese is told by its kana, which come with Chinese characters."""
    counts: dict[str, int] = {}
    letters = 0
    for w in words:
        for ch in w[:4]:
            letters += 1
            if ch < "\u0250":
                continue  # Latin
            name = unicodedata.name(ch, "").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    top = max(counts, key=counts.get)
    if counts[top] < letters / 2:
        return None
    if top == "CJK" and (counts.get("HIRAGANA", 0) or counts.get("KATAKANA", 0)):
        return "HIRAGANA"
    return top
