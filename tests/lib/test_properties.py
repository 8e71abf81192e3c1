"""Properties over arbitrary Unicode text: cleaning, segmenting and the document build never fail,
and every offset slices the clean text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.lib.cleaning import strip_boilerplate
from pipelines.lib.documents import build_document, segment_rows
from pipelines.lib.segmenting import segment

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400) | st.lists(
    st.sampled_from(["Mr.", "U.S.", "Views: 5", "\n", "\n\n", "  ", "Hello.", "world", "“Quote.”", "1.", "2)", "...",
                     "e.g.", "Top Articles", "Author: X", "By Jane Doe", "$11 billion", "é", "日本", "\t", "?!"]),
    max_size=60).map(" ".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_sentences_cover_the_text_in_order_without_overlap(text):
    paragraphs, sentences = segment(text)
    last = 0
    for p_index, (s, e) in sentences:
        assert 0 <= s < e <= len(text) and s >= last
        assert text[s:e] == text[s:e].strip() and text[s:e]
        assert paragraphs[p_index].start <= s and e <= paragraphs[p_index].end
        last = e
    covered = "".join(text[s:e] for _, (s, e) in sentences)
    assert "".join(covered.split()) == "".join(text.split())  # nothing but whitespace is left out


@SETTINGS
@given(TEXT)
def test_cleaning_never_fails_and_removed_offsets_point_into_the_raw_text(text):
    out = strip_boilerplate(text)
    for r in out.removed:
        assert 0 <= r["raw_start"] < r["raw_end"] <= len(text)
        assert len(r["text"]) == r["raw_end"] - r["raw_start"]


@SETTINGS
@given(TEXT, st.sampled_from(["text", "markdown", "html"]))
def test_documents_and_segments_slice_the_clean_text(text, fmt):
    doc, _ = build_document(dict(doc_id="d", source="s", format=fmt, raw_text=text))
    paragraphs, sentences = segment_rows("d", doc["text"])
    for row in paragraphs + sentences:
        assert doc["text"][row["start"]:row["end"]] == row["text"]
    assert doc["n_sentences"] == len(sentences)


@SETTINGS
@given(TEXT | st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=200) | st.text(alphabet="aé&;#\r\n\t\x1b[m0", max_size=60))
def test_the_plain_ascii_shortcut_repairs_as_ftfy_does(text):
    import ftfy

    from pipelines.lib.normalize import repair_unicode

    assert repair_unicode(text) == ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")
