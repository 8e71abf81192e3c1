import codecs

import pytest

from pipelines.lib.decoding import DecodeError, decode
from pipelines.lib.normalize import clean_body

TEXT = "Café “quotes” — naïve déjà vu, 12 million tonnes."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), None),
    ],
)
def test_decodes_common_encodings(data, encoding):
    text, used = decode(data)
    assert text == TEXT
    if encoding:
        assert used == encoding


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        # UTF-8 with a stray byte of cp1252 pasted in: every UTF-8 letter kept, the stray one read as cp1252
        ("Prices rose in Zürich, the café owner said. ".encode() + b"The \xe9tude was cited about the " + "économie.".encode(),
         "Prices rose in Zürich, the café owner said. The étude was cited about the économie.", "utf-8+cp1252"),
        # cp1252 alone, whose bytes hold no UTF-8 letter
        ("Le café coûte 3 € à Paris, a crème brûlée.".encode("cp1252"), "Le café coûte 3 € à Paris, a crème brûlée.", None),
    ],
)
def test_utf8_with_stray_cp1252_bytes_keeps_its_letters(data, text, encoding):
    decoded, used = decode(data)
    assert decoded == text
    if encoding:
        assert used == encoding


# Short or unmarked text, where a detector alone guesses: read on BBC and Reuters bodies, 87 of the 648
# with a letter beyond ASCII came out as Shift-JIS when given in cp1252, before the Western reading
@pytest.mark.parametrize(
    "text, encoding",
    [
        ("café costs €10 today.", "cp1252"),  # the detector alone: cp775, "cafķ costs Ć10"
        ("Résumé", "cp1252"),  # the detector alone: three CJK characters of UTF-16
        ("The company’s shares fell 3% on Monday.", "cp1252"),
        ("Die Straße in München ist schön, sagte Jürgen.", "cp1252"),
        ("Prix : 10 € pour le café.", "iso8859_15"),  # Latin-9 has the euro sign where cp1252 has ¤
        ("Cena wzrosła o 5% w Łodzi.", "cp1250"),  # in cp1252: "wzros³a", "£odzi"
        ("Zażółć gęślą jaźń, powiedział Łukasz w Krakowie.", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("Цены на нефть выросли на 5% в понедельник.", "cp1251"),  # in cp1252: all accented letters
        ("Цены на нефть выросли на 5% в понедельник, сообщили аналитики.", "koi8-r"),
        ("Οι τιμές αυξήθηκαν κατά 5% τη Δευτέρα.", "cp1253"),
        ("中国的大豆进口从1200万吨增加到2000万吨，分析人士表示。", "gb2312"),
        ("東京の株価は月曜日に5%上昇した、とアナリストは述べた。", "cp932"),
        ("Plain English text, 12 million tonnes.", "utf-16-le"),  # no BOM: UTF-8 would keep the NULs
        ("Plain English text, 12 million tonnes.", "utf-16-be"),
        ("Plain English text, café, 12 million tonnes.", "utf-32-le"),
        ("Plain English text, café, 12 million tonnes.", "utf-32-be"),
        ("東京の株価は月曜日に5%上昇した。", "utf-16-le"),
    ],
)
def test_short_and_unmarked_text_decodes_to_its_letters(text, encoding):
    assert decode(text.encode(encoding))[0] == text


def test_latin1_text_decodes_to_the_same_letters():
    text, _ = decode("Le garçon était très âgé, à Noël.".encode("latin-1"))
    assert "garçon" in text and "Noël" in text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        (bytes(range(0, 32)) * 50, "binary"),
    ],
)
def test_rejects_with_a_reason(data, reason):
    with pytest.raises(DecodeError) as err:
        decode(data)
    assert err.value.reason == reason
    assert str(err.value)


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("a  b\t\tc", "a b c"),
        ("para one\n\n\n\npara two", "para one\n\npara two"),
        ("line one  \nline two", "line one\nline two"),
        ("first\n    Indented paragraph", "first\n\nIndented paragraph"),
        ("nul\x00byte", "nulbyte"),
        ("â€œmojibakeâ€\x9d", "“mojibake”"),
        ("\ufeffBOM inside", "BOM inside"),
    ],
)
def test_clean_body(raw, clean):
    assert clean_body(raw) == clean
