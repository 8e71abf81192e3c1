import pytest

from pipelines.lib.language import detect

PROSE_EN = ("The central bank raised its main interest rate by a quarter of a percentage point on Thursday, saying that "
            "inflation had stayed above its target for longer than it had expected.")


@pytest.mark.parametrize("text, language", [
    (PROSE_EN, "en"),
    ("Germany's exports rose 5 percent in June, Destatis said on Friday.", "en"),  # one short sentence
    ("Die Bundesbank erwartet für das laufende Jahr ein Wachstum von 0,5 Prozent, wie ihr Präsident am Freitag "
     "in Frankfurt sagte. Die Inflation werde im Dezember auf 2,1 Prozent sinken.", "de"),
    ("La Banque centrale européenne a maintenu ses taux directeurs inchangés jeudi, a indiqué sa présidente lors "
     "d'une conférence de presse à Francfort.", "fr"),
    ("El banco central mantuvo los tipos de interés sin cambios el jueves, según un comunicado.", "es"),
    ("De centrale bank hield de rente donderdag ongewijzigd, zo bleek uit een verklaring.", "nl"),
    ("習近平會見特朗普，雙方討論了台灣問題。", "zh"),
    ("東京の株式市場は金曜日に上昇した。", "ja"),  # kana among the Chinese characters
    ("서울 증시는 금요일에 상승했다", "ko"),
    # cannot be told: too short, a results table, a script of many languages, nothing but figures
    ("Tim Cook spoke.", None),
    ("Shr 24 cts\n\nNet 412,737\n\nRevs 605,321\n\nYear\n\nShr 93 cts\n\nNet 1,577,892\n\nRevs 2,345,261\n\n"
     "Company was formed Dec 30, 1985.", None),
    ("Путин заявил во вторник, что экономика растет.", None),
    ("12.5 13.0 14.75 -- 1,200", None),
    ("", None),
])
def test_detect(text, language):
    assert detect(text) == language


def test_english_with_words_of_other_lists_stays_english():
    # "die", "also", "so", "in", "an" are German function words too
    text = PROSE_EN + " Also, so many people die in an accident each year that the rules will change."
    assert detect(text) == "en"
