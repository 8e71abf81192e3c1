"""Word lists and tables shared by the pure modules, built once at import."""

from __future__ import annotations

from pathlib import Path

# Titles and words that precede a name or a number: a period after them never ends a sentence.
PREPOSITIVE_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen sen rep gov lt col maj capt cmdr sgt adm rev hon pres supt insp
    mt ft st messrs mme mlle fr sr jr no nos vol art fig op pp p ch sec dept est
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# Abbreviations that end a sentence when a capitalised word follows: they close a phrase. Newswire's
# units are among them: "rose 2 pct. The ...", "1.55 mln. Domestic supplies ..." (334 such ends in
# Reuters-21578 had been missed).
POSTPOSITIVE_ABBREVIATIONS = frozenset(
    """
    co corp inc ltd plc llc bros etc al esq phd dlrs mln bln pct
    """.split()
)
# A company's legal form at the end of its name ("Texaco Inc", "Siemens AG"), lower case: entities
# (an ORG; one entity with or without it), the segmenter ("Co. Ltd" goes on), the cleaner.
LEGAL_FORMS = frozenset(
    """
    corp corporation inc incorporated co cos ltd limited plc ag sa nv bv gmbh spa llc
    """.split()
)
ABBREVIATIONS = PREPOSITIVE_ABBREVIATIONS | POSTPOSITIVE_ABBREVIATIONS | frozenset(
    """
    vs approx ca cf e.g i.e a.m p.m u.s u.k e.u u.n avg
    """.split()
)
# Words that commonly open a sentence: after an ambiguous abbreviation they tip the balance.
SENTENCE_STARTERS = frozenset(
    """
    A An The This That These Those It Its He She They We I You His Her Their Our My Your
    There Here What When Where Why How Who Which Whose Did Do Does Is Are Was Were Will Would
    Can Could Should Shall May Might Must Has Have Had But And Or So Yet If In On At For
    As After Before Since While Although Though However Meanwhile Also Then Still Now
    Mr Mrs Ms Dr Some Many Most All No Not Once Last Next Other Both Each Every
    """.split()
)

# English function words (jusText's list, abridged): their density tells prose from chrome.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves said says one two new also year years
    """.split()
)

# Vocabulary of web-page chrome (generic, not any one site's): prompts, notices and link labels.
CHROME_PATTERNS = {
    "share_prompt": r"\b(share (this|on|to|via)|tweet this|pin it|email this|print this|follow us|like us on|"
                    r"share to (twitter|facebook|pinterest))\b",
    "subscribe_prompt": r"\b(subscribe|subscription|sign up|newsletter|inbox|log ?in|sign ?in|register now|"
                        r"create (an )?account|get (the|our) (latest|app)|download (the|our)|apps? for (ios|android)|"
                        r"submit your|send us your|contact us|follow (us|the \w+) on|"
                        # consent under a form: "By submitting your information, you're agreeing to ..."
                        r"by (submitting|signing up|subscribing|registering|clicking|continuing)\b[^.]{0,80}\byou)\b",
    "cookie_notice": r"\b(we use cookies|uses cookies|accept (all )?cookies|cookie (policy|settings|preferences)|"
                     r"privacy policy|terms (of|and) (use|service|conditions)|gdpr|not responsible for the (opinions|content)|"
                     r"opinions expressed|disclaimer|affiliate (links?|commission)|associates? disclosure)\b",
    "copyright": r"(©|\(c\)|\bcopyright\b|\ball rights reserved\b)",
    "navigation": r"^(home|menu|search|next|previous|prev|older posts?|newer posts?|back to top|skip to content|"
                  r"read more|see more|show more|load more|related( articles| posts| stories)?|"
                  r"(top|latest|recommended|popular|trending|most read|recent) (articles|posts|stories|news)|"
                  r"advertisement|sponsored|comments?|leave a (reply|comment)|tags?|categories|archives?|"
                  r"(story|article) continues (below|after)|"  # an advertisement's slot in an article
                  # the same labels in the other languages whose stop words we read
                  r"weiter|zurück|vorherige[rs]?|nächste[rs]?|startseite|précédent|suivant|accueil|anterior|"
                  r"siguiente|inicio|precedente|successivo|próximo|volgende|vorige)\b",
}

# The last line of a wire story: the agency's sign-off, or an end mark.
SIGN_OFF_PATTERN = r"^\(?(reuters?|ap|afp|upi|dpa|xinhua|ansa|efe|kyodo|bernama|pti|ians|tass)\)?$|^(-+ ?)?(ends?|end of story)( ?-+)?$|^(#{3}|-30-|\(end\))$"

# Keys of `key: value` lines that describe a page, its author or its counters.
METADATA_KEYS = frozenset(
    """
    author authors by byline written posted published updated last date time source filed category
    categories tags tag views rating ratings reviews comments likes shares reading read photo image
    credit credits caption editor contributor section topic topics location dateline length duration
    """.split()
)
BIO_KEYS = frozenset(
    """
    name birthday born birth address phone telephone tel mobile email e-mail job occupation hobby hobbies
    introduction bio biography about education website gender age nationality
    """.split()
)
AUTHOR_KEYS = frozenset({"author", "authors", "by", "byline", "written by", "writer", "reporter"})
DATE_KEYS = frozenset({"published", "date", "posted", "published on", "posted on", "date published", "publication date"})


def spacy_stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list of ``lang``, loaded from its module file alone: importing the
    ``spacy.lang.<lang>`` package would compile its tokenizer rules (seconds for French)."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")  # a top-level find_spec imports nothing
    path = Path(spec.origin).parent / "lang" / lang / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location(f"_tw_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


# Function words of other common languages of the web (spaCy's lists, which need no model), so prose
# in them is not taken for chrome. English keeps the shorter list above: the density thresholds of
# the cleaner were set with it (spaCy's English list measured worse on the boilerplate set).
OTHER_STOPWORDS = {lang: spacy_stop_words(lang) for lang in ("de", "fr", "es", "it", "pt", "nl")}
