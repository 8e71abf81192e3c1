"""Figures stated in text: money, quantities with units, percentages and counts.

A single compiled pattern finds a number (digits, decimals, newswire fractions such as "6-3/16",
number words, "a dozen") with its optional currency, scale word and unit; rules then turn the
surface into a fully scaled ``value`` and a canonical ``unit`` (ISO 4217 for money, pint's symbol
for physical units), decide ``approximate``, link ranges and changes ("between 5 and 7 pct",
"from 12 million tonnes to 20 million tonnes") through ``group_id`` and ``role``, and name the
``subject`` the figure measures with a light noun-phrase rule. Years, dates, ordinals, ratings and
phone-like digit runs are not figures.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass

from pipelines.lib.wordcues import WordCue, tree_alternation

# -- vocabularies ---------------------------------------------------------------------------

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "hundred": 1e2, "dozen": 12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # Indian English: "Rs 500 crore"
    "lakh crore": 1e12, "lakh crores": 1e12, "thousand crore": 1e10, "thousand crores": 1e10,  # "Rs 1.5 lakh crore"
}
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "half": 0.5,
}
# the signs of one currency each (Unicode's currency block), before the number or after it ("€15", "100 ₽")
_SIGNS = {"€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₦": "NGN", "₱": "PHP", "₪": "ILS", "₺": "TRY",
          "₽": "RUB", "₴": "UAH", "₫": "VND", "₵": "GHS", "₸": "KZT", "₼": "AZN", "₾": "GEL", "₡": "CRC", "₲": "PYG",
          "₭": "LAK", "₮": "MNT", "฿": "THB", "৳": "BDT", "₨": "INR"}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "c$": "CAD", "a$": "AUD", "nz$": "NZD", "hk$": "HKD",
                    "s$": "SGD", "rs": "INR", "rs.": "INR", "r$": "BRL", "chf": "CHF", "sfr": "CHF",
                    # the local abbreviations of English-language papers ("Rp 5 trillion", "RM1.2 billion",
                    # "KSh 3 billion", "Dh500")
                    "nt$": "TWD", "j$": "JMD", "tt$": "TTD", "n$": "NAD", "mx$": "MXN",
                    "e£": "EGP", "rp": "IDR", "rp.": "IDR", "rm": "MYR", "ksh": "KES", "ksh.": "KES", "nis": "ILS",
                    "dh": "AED", "dhs": "AED", "qr": "QAR", "sr": "SAR", "tk": "BDT", "rmb": "CNY",
                    "sh": "KES", "r": "ZAR", "n": "NGN", "p": "PHP"} \
    | _SIGNS  # (one letter only before a scaled amount: "R2.5 billion")
# ISO 4217 codes (pycountry's list) written before or after a number ("AED 1.2 billion", "3.2 billion SEK"),
# in capitals only; not the codes that are also English words or common initials ("ALL 12", "TOP 5", "PHP 8"
# is a programming language's version, "NPR" a radio network), nor those of funds, metals and tests (X..)
# but the CFA and CFP francs, the East Caribbean dollar and the IMF's SDR
_CODE_WORDS = frozenset({"ALL", "AMD", "BAM", "BOB", "CUP", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "TRY", "PHP",
                         "NPR", "NIO", "IRR", "RON", "MGA", "HNL", "LAK", "CDF", "ERN", "SHP", "BOV", "CHE", "CHW",
                         "CLF", "COU", "MXV", "USN", "UYI", "UYW", "SLE", "VED", "CVE", "ANG", "GIP", "BSD"})
_MAJOR_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR"})  # read in capitals too


def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies
                     if (not c.alpha_3.startswith("X") or c.alpha_3 in ("XAF", "XOF", "XCD", "XPF", "XDR"))) - _CODE_WORDS


ISO_CODES = _iso_codes()
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "usd": "USD", "u.s. dollars": "USD",
    "us dollars": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "stg": "GBP", "gbp": "GBP", "pounds sterling": "GBP", "yen": "JPY", "jpy": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY", "marks": "DEM", "deutsche marks": "DEM",
    "francs": "FRF", "swiss francs": "CHF", "lire": "ITL", "lira": "TRY", "rupees": "INR", "rupee": "INR",
    "pesos": "MXN", "peso": "MXN", "roubles": "RUB", "rubles": "RUB", "won": "KRW", "rand": "ZAR",
    "cad": "CAD", "aud": "AUD", "chf": "CHF", "inr": "INR", "guilders": "NLG", "crowns": "SEK", "cents": "USD",
    "cent": "USD", "cts": "USD", "ct": "USD", "pence": "GBP", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR",
    "shekels": "ILS", "riyals": "SAR", "dinars": "KWD", "naira": "NGN", "zlotys": "PLN", "kronor": "SEK",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD", "taiwan dollars": "TWD",
    "canadian dlrs": "CAD", "australian dlrs": "AUD", "hong kong dlrs": "HKD", "new zealand dollars": "NZD",
    "canadian dlr": "CAD", "australian dlr": "AUD", "canadian dollar": "CAD", "australian dollar": "AUD",
    "hong kong dlr": "HKD", "nz dlr": "NZD",
    "nz dlrs": "NZD", "singapore dollars": "SGD", "u.s. dlrs": "USD", "us dlrs": "USD", "u.s. dlr": "USD",
    "u.s. dollar": "USD", "n.z. dlrs": "NZD", "n.z. dlr": "NZD", "n.z. dollars": "NZD", "u.s. cents": "USD",
    "u.s. cts": "USD", "u.s. cent": "USD", "canadian cents": "CAD", "canadian cts": "CAD",
    "franc": "FRF", "french francs": "FRF", "french franc": "FRF", "swiss franc": "CHF", "belgian francs": "BEF",
    "belgian franc": "BEF", "luxembourg francs": "LUF", "luxembourg franc": "LUF", "guilder": "NLG",
    "dutch guilders": "NLG", "danish crowns": "DKK", "norwegian crowns": "NOK", "swedish crowns": "SEK",
    "schillings": "ATS", "pesetas": "ESP", "escudos": "PTE", "drachmas": "GRD", "irish pounds": "IEP",
    "punts": "IEP", "philippine pesos": "PHP", "mexican pesos": "MXN", "saudi riyals": "SAR",
    "kuwaiti dinars": "KWD", "german marks": "DEM", "d-marks": "DEM", "dutch florins": "NLG",
    "cruzados": "BRC", "australs": "ARA", "intis": "PEI", "sucres": "ECS", "cedis": "GHC", "forints": "HUF",
    "bolivars": "VEB",  # the codes of the 1980s-2000s (the corpora's years)
    "european currency units": "XEU", "european currency unit": "XEU", "ecus": "XEU", "ecu": "XEU",  # the EC's
    # newswire spellings read on Reuters' bare numbers (session 21)
    "h.k. dlrs": "HKD", "h.k. dlr": "HKD", "h.k. dollars": "HKD", "taiwan dlrs": "TWD", "taiwan dlr": "TWD",
    "singapore dlrs": "SGD", "singapore dlr": "SGD", "malaysian dlrs": "MYR", "malaysian dlr": "MYR",
    "malaysian dollars": "MYR", "zimbabwe dlrs": "ZWD", "zimbabwean dlrs": "ZWD", "jamaica dlrs": "JMD",
    "jamaican dollars": "JMD", "australia dlr": "AUD", "australia dlrs": "AUD", "markka": "FIM", "markkaa": "FIM", "egyptian pounds": "EGP",
    "lux francs": "LUF", "sdr": "XDR", "sdrs": "XDR", "sdr's": "XDR",  # the IMF's special drawing rights
    **_SIGNS, "¢": "USD",  # written after the number ("15 €", "-15€", "100 ₽"; "5¢": cents)
}
_CURRENCY_WORDS_1987 = frozenset(CURRENCY_WORDS)  # the words read on the corpora's newswire: every one a unit-like word
CURRENCY_WORDS |= {
    # the currencies of today's English-language press, in the words it writes after a number
    "reais": "BRL", "brazilian reais": "BRL", "brazilian real": "BRL", "brazilian reals": "BRL",
    "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "tenge": "KZT", "taka": "BDT", "dong": "VND",
    "birr": "ETB", "zloty": "PLN", "shekel": "ILS", "new shekels": "ILS", "rouble": "RUB", "ruble": "RUB",
    "krona": "SEK", "soles": "PEN", "bolivianos": "BOB", "quetzales": "GTQ", "colones": "CRC",
    "guaranies": "PYG", "cordobas": "NIO", "lempiras": "HNL", "kyat": "MMK", "kyats": "MMK", "riel": "KHR",
    "riels": "KHR", "tugrik": "MNT", "afghanis": "AFN", "kwanza": "AOA", "pula": "BWP", "forint": "HUF",
    "cfa francs": "XOF", "cfa franc": "XOF", "lev": "BGN", "leva": "BGN", "levs": "BGN", "lei": "RON", "koruna": "CZK",
    "korunas": "CZK", "czech crowns": "CZK", "czech korunas": "CZK", "ringgits": "MYR", "rupiahs": "IDR",
    "nairas": "NGN", "yuan renminbi": "CNY",
    # named alone in several countries (below): a default where no country is named
    "dirhams": "AED", "dirham": "AED", "shillings": "KES", "shilling": "KES", "kwacha": "ZMW",
    "rials": "IRR", "rial": "IRR", "krone": "NOK", "kroner": "NOK",
}
# A currency's name that several countries use, and the countries that use it: named alone, the amount is
# in the currency of the one country its sentence names, if it names one ("lend Sri Lanka 6.5 billion
# rupees": LKR), else of the one its document names, else in CURRENCY_WORDS' default. Not dollars nor
# pounds: a story about Canada or Egypt quotes U.S. dollars and sterling as often as its own.
_COUNTRY_CURRENCIES = {
    "rupee": {"LKR": "Sri Lanka|Sri Lankan", "PKR": "Pakistan|Pakistani", "NPR": "Nepal|Nepalese|Nepali",
              "MUR": "Mauritius|Mauritian", "INR": "India|Indian"},
    "peso": {"MXN": "Mexico|Mexican", "CLP": "Chile|Chilean", "COP": "Colombia|Colombian",
             "PHP": "Philippines|Philippine|Filipino|Manila", "UYU": "Uruguay|Uruguayan", "CUP": "Cuba|Cuban",
             "DOP": "Dominican Republic"},
    "dinar": {"KWD": "Kuwait|Kuwaiti", "IQD": "Iraq|Iraqi", "JOD": "Jordan|Jordanian", "BHD": "Bahrain|Bahraini",
              "LYD": "Libya|Libyan", "TND": "Tunisia|Tunisian", "DZD": "Algeria|Algerian", "YUD": "Yugoslavia|Yugoslav"},
    "crown": {"SEK": "Sweden|Swedish", "DKK": "Denmark|Danish", "NOK": "Norway|Norwegian", "ISK": "Iceland|Icelandic"},
    # (not Luxembourg: where euro-market bonds in francs are listed, "listed in Luxembourg")
    "franc": {"FRF": "France|French", "CHF": "Switzerland|Swiss", "BEF": "Belgium|Belgian"},
    "riyal": {"SAR": "Saudi", "QAR": "Qatar|Qatari", "OMR": "Oman|Omani", "YER": "Yemen|Yemeni"},
    "dirham": {"AED": "UAE|Emirates|Emirati|Dubai|Abu Dhabi", "MAD": "Morocco|Moroccan"},
    "shilling": {"KES": "Kenya|Kenyan", "UGX": "Uganda|Ugandan", "TZS": "Tanzania|Tanzanian", "SOS": "Somalia|Somali"},
    "kwacha": {"ZMW": "Zambia|Zambian", "MWK": "Malawi|Malawian"},
    "rial": {"IRR": "Iran|Iranian", "OMR": "Oman|Omani", "YER": "Yemen|Yemeni"},
    "krone": {"NOK": "Norway|Norwegian", "DKK": "Denmark|Danish"},
    # the West and the Central African CFA francs
    "cfa franc": {"XOF": "Benin|Beninese|Burkina Faso|Burkinabe|Ivory Coast|C[oô]te d'Ivoire|Ivorian|Guinea-Bissau|"
                         "Mali|Malian|Niger|Nigerien|Senegal|Senegalese|Togo|Togolese|West African",
                  "XAF": "Cameroon|Cameroonian|Central African|Chad|Chadian|Congo|Congolese|Equatorial Guinea|"
                         "Gabon|Gabonese"},
}
_PLURALS = {"krone": "kroner"}  # (not "krones")


def _forms(name: str) -> tuple[str, str]:
    return name, _PLURALS.get(name, name + "s")


_COUNTRY_NAMES = {name: {code: re.compile(rf"\b(?:{names})\b") for code, names in codes.items()}
                  for name, codes in _COUNTRY_CURRENCIES.items()}
_BY_COUNTRY = {w: name for name in _COUNTRY_CURRENCIES for w in _forms(name)} \
    | {"₨": "rupee", "rs": "rupee", "rs.": "rupee", "sh": "shilling"}  # "Pakistan's budget is Rs8 trillion": PKR
# "50 Ugandan shillings", "Sri Lankan rupees": a currency named after its country (each name of _COUNTRY_CURRENCIES
# before the currency's name)
CURRENCY_WORDS.update({f"{country.lower()} {word}": code for name, codes in _COUNTRY_CURRENCIES.items()
                       for code, countries in codes.items() for country in countries.split("|")
                       for word in _forms(name) if f"{country.lower()} {word}" not in CURRENCY_WORDS})
CURRENCY_WORDS.update({"south african rand": "ZAR", "nigerian naira": "NGN", "turkish lira": "TRY", "chinese yuan": "CNY",
                       "japanese yen": "JPY", "russian roubles": "RUB", "russian rubles": "RUB", "thai baht": "THB",
                       "indonesian rupiah": "IDR", "malaysian ringgit": "MYR", "south korean won": "KRW",
                       "korean won": "KRW", "vietnamese dong": "VND", "ukrainian hryvnias": "UAH", "ukrainian hryvnia": "UAH",
                       "polish zlotys": "PLN", "polish zloty": "PLN", "hungarian forints": "HUF", "israeli shekels": "ILS",
                       "new israeli shekels": "ILS", "ghanaian cedis": "GHS", "argentine pesos": "ARS",
                       "argentinian pesos": "ARS", "swedish kronor": "SEK", "new taiwan dollars": "TWD"})


def _currency_of_country(word: str, text: str, sent_start: int, sent_end: int) -> str | None:
    """The code of ``word``'s currency in the one country among its users that the sentence
    ``text[sent_start:sent_end]`` names, or if it names none, that the document ``text`` names; None
    where either names several."""
    for start, end in ((sent_start, sent_end), (0, len(text))):
        found = {code for code, rx in _COUNTRY_NAMES[_BY_COUNTRY[word]].items() if rx.search(text, start, end)}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _may_name(word: str, code: str | None) -> bool:
    """Whether the currency's name ``word`` may stand for ``code``: its default, or the currency of one of
    the countries that use the name ("franc": FRF, CHF or BEF)."""
    return CURRENCY_WORDS.get(word) == code or word in _BY_COUNTRY and code in _COUNTRY_CURRENCIES[_BY_COUNTRY[word]]


PERCENT_WORDS = {"%": "%", "percent": "%", "per cent": "%", "pct": "%", "pc": "%", "percentage points": "pp",
                 "percentage point": "pp", "pct points": "pp", "points": "pp",
                 # a hundredth of a percentage point: "25 basis points" is 0.25 pp
                 "basis points": "bp", "basis point": "bp", "bps": "bp", "bp": "bp"}
# Unit surfaces -> a name pint knows (its short symbol becomes the canonical unit).
UNIT_WORDS = {
    "tonnes": "metric_ton", "tonne": "metric_ton", "tons": "short_ton", "ton": "short_ton", "t": "metric_ton",
    "metric tons": "metric_ton", "metric tonnes": "metric_ton", "mt": "metric_ton", "short tons": "short_ton",
    "kg": "kilogram", "kilograms": "kilogram", "kilogrammes": "kilogram", "kilos": "kilogram", "g": "gram", "grams": "gram",
    "lb": "pound", "lbs": "pound", "ounces": "ounce", "ounce": "ounce", "oz": "ounce", "troy ounces": "troy_ounce",
    "bushels": "bushel", "bushel": "bushel", "bu": "bushel", "barrels": "oil_barrel", "barrel": "oil_barrel",
    "bbl": "oil_barrel", "bpd": "oil_barrel / day", "barrels per day": "oil_barrel / day", "b/d": "oil_barrel / day",
    "barrels a day": "oil_barrel / day", "tpd": "metric_ton / day",
    "bags": None, "km": "kilometer", "kilometres": "kilometer", "kilometers": "kilometer", "miles": "mile",
    "kms": "kilometer", "kgs": "kilogram", "cms": "centimeter",  # newswire's plural abbreviations ("145 kms")
    "mile": "mile", "mi": "mile", "metres": "meter", "meters": "meter", "metre": "meter", "meter": "meter",
    "cm": "centimeter", "centimetres": "centimeter", "mm": "millimeter", "millimetres": "millimeter",
    "feet": "foot", "foot": "foot", "ft": "foot", "inches": "inch", "inch": "inch", "yards": "yard",
    "sq km": "kilometer ** 2", "square kilometres": "kilometer ** 2", "square kilometers": "kilometer ** 2",
    "km2": "kilometer ** 2", "km²": "kilometer ** 2", "square miles": "mile ** 2", "square metres": "meter ** 2",
    "square meters": "meter ** 2", "hectares": "hectare", "hectare": "hectare", "ha": "hectare", "acres": "acre",
    "litres": "liter", "liters": "liter", "litre": "liter", "gallons": "gallon", "gallon": "gallon", "u.s. gallons": "gallon",
    "cubic metres": "meter ** 3", "cubic meters": "meter ** 3", "cubic feet": "foot ** 3", "cu ft": "foot ** 3",
    "kwh": "kilowatt_hour", "mwh": "megawatt_hour", "gwh": "gigawatt_hour", "kw": "kilowatt", "mw": "megawatt",
    "megawatts": "megawatt", "gw": "gigawatt", "gigawatts": "gigawatt", "kilowatts": "kilowatt",
    "degrees celsius": "degree_Celsius", "°c": "degree_Celsius", "degrees fahrenheit": "degree_Fahrenheit",
    "°f": "degree_Fahrenheit", "degrees centigrade": "degree_Celsius", "centigrade": "degree_Celsius",
    "degrees c": "degree_Celsius", "degrees f": "degree_Fahrenheit", "km/h": "kilometer / hour", "kph": "kilometer / hour", "mph": "mile / hour",
    "miles per hour": "mile / hour", "knots": "knot", "btu": "british_thermal_unit", "british thermal units": "british_thermal_unit", "joules": "joule",
    "dwt": "metric_ton", "deadweight tonnes": "metric_ton", "deadweight tons": "metric_ton",  # ships: not pennyweights
    "mths": "month", "mth": "month", "yrs": "year", "yr": "year", "wks": "week", "mins": "minute",
    "decibels": "decibel", "decibel": "decibel",
    # the energy trade's volumes with their scale in the name (UNIT_SCALES): "20 bcm of LNG", "3.5 tcf" (not
    # "mcf": a thousand cubic feet to the trade, a million to newswire's "165 mln cubic feet (mcf) a day")
    "bcm": "meter ** 3", "bcf": "foot ** 3", "tcf": "foot ** 3", "mmcf": "foot ** 3",
    "mmcfd": "foot ** 3 / day", "bcf/d": "foot ** 3 / day", "mmbtu": "british_thermal_unit",
    "decades": "decade", "decade": "decade", "centuries": "century", "century": "century",
}
UNIT_SCALES = {"bcm": 1e9, "bcf": 1e9, "tcf": 1e12, "mmcf": 1e6, "mmcfd": 1e6, "bcf/d": 1e9, "mmbtu": 1e6}
SYMBOL_OVERRIDES = {"oil_barrel": "bbl", "oil_barrel / day": "bbl/d", "kilometer ** 2": "km²", "meter ** 3": "m³", "mile ** 2": "mi²",
                    "meter ** 2": "m²", "foot ** 3": "ft³", "kilometer / hour": "km/h", "mile / hour": "mph",
                    "liter": "L"}
APPROXIMATE_WORDS = re.compile(r"(?i)\b(?:around|about|roughly|nearly|some|approximately|almost|close to|an estimated|"
                               r"circa|approx\.?)\s*$")


def _alts(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_WORD_LIST = [w for w in NUMBER_WORDS if w not in ("a", "an")]  # "a" and "an" count only before a noun
_NUMWORD = tree_alternation(_NUMBER_WORD_LIST)
_DIGIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
# the next word of a number in words: "hundred", a digit's word after a tens' ("twenty-six"), any after "hundred"
# ("three hundred twenty"); not two numbers side by side ("three Six Nations games" is 3, not 9)
_NUMWORD_NEXT = rf"[\s-]hundred\b|(?<=ty)[\s-](?:{_DIGIT_WORD})\b|(?<=hundred)[\s-](?:{_NUMWORD})\b"
# right after a digit's word and a hyphen, another number opens (a range: "three-six pct"), as "3-6 pct" would
_AFTER_DIGIT_WORD = r"(?<=\b(?:one|two|six)-)|(?<=\b(?:four|five|nine)-)|(?<=\b(?:three|seven|eight)-)"
_SCALE = tree_alternation(SCALES).replace(r"\ ", r"\s")
_UNIT_KEYS = frozenset(UNIT_WORDS) | frozenset(PERCENT_WORDS) | frozenset(CURRENCY_WORDS)
_ISO_ALTS = "|".join(sorted(ISO_CODES))
_UNIT_ALTS = tree_alternation(_UNIT_KEYS).replace(r"\ ", r"[\s-]") \
    + rf"|(?-i:{_ISO_ALTS})"  # "Canadian dlrs", "a 6-billion-Canadian-dlr market"; "3.2 billion SEK"
_CUR_SYM = (r"(?:US\$|U\.S\.\$|C\$|A\$|NZ\$|HK\$|S\$|R\$|NT\$|J\$|TT\$|N\$|MX\$|E£|[$" + "".join(_SIGNS) + r"]|Rs\.?"
            r"|(?-i:Rp\.?|RM|K[Ss]h\.?|Sh|Dhs?|NIS|QR|SR|Tk|RMB)(?=\s?\d)"
            r"|(?-i:[RNP])(?=\d[\d,.]*\s?(?:million|billion|trillion|bn|tn|m)\b)"
            rf"|(?-i:{_ISO_ALTS})(?=\s?\d))")
_QUARTER_OF = r"(?:a|one|three)\s+quarters?\s+of\s+an?"  # "a quarter of a (percentage) point"
_DIGITS = (r"\d+(?:\.\d+)?(?:[eE][-+−]?\d+|\s?[x×]\s?10(?:\^[-−]?|[-−])\d+)(?![\d.])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u202f\u2009]\d{3})+(?![\d,.]|-\d)"
           r"|\d+\s\d/\d+(?![\d/])|\d/\d{1,2}(?![/\d])|\d+(?:\.\d+)?(?:-\d+/\d+)?|\.\d+|[½¼¾⅓⅔⅛⅜⅝⅞](?=\s?[A-Za-z])")

FIGURE = re.compile(
    rf"""(?<![\w$€£¥.,/+])(?:(?<![A-Za-z]-)|(?=[$€£¥]\d)|{_AFTER_DIGIT_WORD})(?<!\d{{4}}-)
    (?P<sign>(?<![\d%‰-])[-−](?=\d)|(?<![\w-])minus\s(?=\d))?
    (?P<cur>{_CUR_SYM})?\s?(?P<sign2>(?<=[$€£¥])[-−](?=\d))?
    (?P<num>{_DIGITS}|(?:a|an|one)\s+(?:half|dozen)|half\s+an?(?=\s+(?:million|billion|trillion|dozen|percentage\s+points?|per\s?cent|percent|pct|point)\b)|{_QUARTER_OF}(?=\s+(?:percentage\s+)?points?\b)|(?:(?:{_NUMWORD})(?![a-z])|an?(?=[\s-]hundred))(?:{_NUMWORD_NEXT}){{0,3}}(?:\s+and\s+a\s+half|(?<=hundred)\s+and\s+(?:{_NUMWORD})\b(?:(?<=ty)[\s-](?:{_DIGIT_WORD})\b)?)?(?:[\s-](?:halves|half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)(?![a-z]))?)
    (?P<frac>[½¼¾])?
    (?:(?:\s?|-(?=(?:million|billion|trillion)-))(?P<scale>{_SCALE})\b\.?)?
    (?:(?:\s?|-(?=[A-Za-z]{{2}}))(?P<unit>{_UNIT_ALTS})(?![\w]|(?<=[A-Za-z])[-‑]\d))?
    (?![A-Za-z]\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# What every FIGURE match holds: a digit or a vulgar fraction, or a number word at a word's start
# ("twelve", "half", "a dozen", "a hundred"; after "Rs" too, FIGURE's currency). A sentence with
# neither is skipped: on 12,504 Reuters sentences half had neither, and running FIGURE over them cost
# 0.17 s against 0.04-0.09 s for these two searches (tested: no FIGURE match escapes them).
_FIGURE_CUE_CHAR = re.compile(r"[\d½¼¾⅓⅔⅛⅜⅝⅞]")
_NUMBER_WORD_CUE = WordCue(_NUMBER_WORD_LIST + ["dozen", "hundred", "quarter", "third", "fifth", "sixth", "seventh",
                                                  "eighth", "ninth", "tenth"], after=("rs", "rs."))


def may_hold_figures(text: str, start: int = 0, end: int | None = None) -> bool:
    """False when ``text[start:end]`` cannot hold a figure: neither a digit or vulgar fraction nor a
    number word at a word's start (``_NUMBER_WORD_CUE``)."""
    end = len(text) if end is None else end
    return _FIGURE_CUE_CHAR.search(text, start, end) is not None or _NUMBER_WORD_CUE.search(text, start, end)


_DATE_CONTEXT = re.compile(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$")
_AFTER_DATE = re.compile(r"^(?:st|nd|rd|th)\b|^\s*(?:january|february|march|april|may|june|july|august|september|"
                         r"october|november|december)\b", re.I)
_RATING = re.compile(r"^\s*/\s*\d")
_COUNTER = re.compile(r"(?i)^\s*(?:votes?|voted|views?|likes?|shares?d?|comments?|reviews?|followers?|stars?|ratings?|"
                      r"clicks?|downloads?|reads?)\b")
# beside _CHANGE_VERB and _CHANGE_NOUNS, the words that say a figure moved ("raised the limit ... from
# 49% to 74%", "revised its forecast from 1.8% to 0.8%"): "from X to Y" is then a change, not a span
_MOVED = re.compile(r"(?i)\b(?:changes?|changed|moves?|moved|shifts?|shifted|revised|upgraded|downgraded|adjusted|"
                    r"switch(?:ed)?|goes|go|hiked|trimm(?:ed|ing)|cutting|upped|doubl(?:e|ed|ing)|halv(?:e|ed|ing)|"
                    r"extended|slumping|surge|stepped|convert|raise|reduce)\b")
_CHANGE_VERB = re.compile(r"(?i)\b(rose|rise|rising|rises|risen|fell|fall|falling|falls|fallen|increased?|increasing|decreased?|"
                          r"tumbled|slumped|shrank|shrunk|grown|eased|edged|"
                          r"decreasing|jump(?:ed|ing|s)?|climb(?:ed|ing|s)?|dropp(?:ed|ing)|drops?|declin(?:ed|ing|es?)|"
                          r"grew|grow(?:ing|s)?|gain(?:ed|ing|s)?|slipp(?:ed|ing)|slid(?:ing)?|surg(?:ed|ing|es)|"
                          r"soar(?:ed|ing|s)?|plung(?:ed|ing|es)|skidd(?:ed|ing)|advanc(?:ed|ing)|retreat(?:ed|ing)|dipp(?:ed|ing)|"
                          r"rallied|rallying|sank|shed|plummet(?:ed|ing)|rebound(?:ed|ing)|weaken(?:ed|ing)|firm(?:ed|ing)|"
                          r"cuts?|rais(?:es?|ed|ing)|lower(?:s|ed|ing)?|up|down|went|increases|decreases|"
                          r"boost(?:ed|ing)?|expand(?:ed|ing)?|reduc(?:ed|ing)|widen(?:ed|ing)|narrow(?:ed|ing))\b")


@functools.cache
def unit_symbol(name: str) -> str:
    """pint's short symbol for a unit name ("metric_ton" -> "t")."""
    if name in SYMBOL_OVERRIDES:
        return SYMBOL_OVERRIDES[name]
    return _pretty(f"{_ureg().parse_units(name):~}")


@functools.lru_cache(maxsize=1)
def _ureg():
    import pint

    return pint.UnitRegistry()


@dataclass
class Figure:
    start: int
    end: int
    text: str
    kind: str
    value: float
    unit: str | None
    approximate: bool = False
    subject: str | None = None
    group_id: int | None = None
    role: str = "value"
    per: str | None = None  # what an amount of money is per: "$5 a barrel" -> bbl, "1.30 dlrs a share" -> share
    scale: float = 1.0
    has_scale: bool = False


_PLAIN_NUMBER = re.compile(r"\d*\.?\d+")
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")
_SCIENTIFIC = re.compile(r"(\d+(?:\.\d+)?)\s?(?:e|[x×]\s?10\^?)([-+]?\d+)")
_FRACTION_NUMBER = re.compile(r"(?:(\d+)[- ])?(\d+)/(\d+)")


def parse_number(num: str, frac: str | None = None) -> float | None:
    """The value of a number surface: "1,500,000", "4.5", "6-3/16", "2 1/2", "twelve", "a dozen", "one and a half"."""
    s = num.strip().lower().replace(",", "").replace("\u202f", "").replace("\u2009", "").replace("−", "-")
    value: float | None
    if _PLAIN_NUMBER.fullmatch(s):  # most numbers: "4.5", "1500000"
        return float(s) + (_VULGAR[frac] if frac else 0)
    if _SPACED_THOUSANDS.fullmatch(s):
        s = s.replace(" ", "")
    sci = _SCIENTIFIC.fullmatch(s)
    if sci:
        return float(sci.group(1)) * 10 ** int(sci.group(2)) + (_VULGAR[frac] if frac else 0)
    m = _FRACTION_NUMBER.fullmatch(s)
    if m:
        if int(m.group(3)) == 0:
            return None
        value = int(m.group(1) or 0) + int(m.group(2)) / int(m.group(3))
    elif s in _VULGAR:
        value = _VULGAR[s]
    elif _PLAIN_NUMBER.fullmatch(s):
        value = float(s)
    elif s in ("a half", "an half", "one half", "half a", "half an"):
        value = 0.5
    elif s.endswith((" of a", " of an")):  # "a quarter of a percentage point"
        value = _number_words(s.rsplit(" of ", 1)[0])
        if value is None:
            return None
    elif s.endswith("dozen"):
        value = 12.0
    else:
        value = _number_words(s)
        if value is None:
            return None
    if frac:
        value += _VULGAR[frac]
    return value


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
              "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}


def _number_words(s: str) -> float | None:
    """ "twenty-one" 21, "one hundred and two" 102, "one and a half" 1.5, "two thirds" 0.667, "a hundred" 100."""
    parts = [p for p in re.split(r"[\s-]+", s) if p and p != "and"]
    if not parts:
        return None
    if parts[-1] in _FRACTIONS and len(parts) >= 2 and not (len(parts) >= 3 and parts[-2] == "a"):
        whole = _number_words(" ".join(parts[:-1]))
        return None if whole is None else whole / _FRACTIONS[parts[-1]]
    total, current = 0.0, 0.0
    for p in parts:
        if p == "half":
            current += 0.5
        elif p == "hundred":
            current = (current or 1) * 100
        elif p in NUMBER_WORDS:
            current += NUMBER_WORDS[p] if p not in ("a", "an") else (0 if current else 1)
        else:
            return None
    return total + current


def find_figures(text: str, start: int = 0, end: int | None = None, *, dates: list[tuple[int, int]] = ()) -> list[Figure]:
    """Figures in ``text[start:end]`` (one sentence), with offsets into ``text``."""
    end = len(text) if end is None else end
    if not may_hold_figures(text, start, end):
        return []
    out: list[Figure] = []
    scores, sport = [], False
    hyphen = text.find("-", start, end) != -1  # every score is two numbers and a hyphen
    for sc in _SCORE.finditer(text, start, end) if hyphen else ():
        after = _SCORE_AFTER.match(text, sc.end())
        if after or _SCORE_BEFORE.search(text, max(start, sc.start() - 40), sc.start()):
            scores.append(sc.span())
            sport = sport or not (after and after.group(1).lower() in ("up", "down"))  # "158-160 up 2": prices
    sets = [sc.span() for sc in _SET_SCORES.finditer(text, start, end)] if hyphen else []
    scores += sets
    if sport or sets:
        # a sentence that gives a score gives others ("his 4-6 6-3 7-6 victory, ... at 6-4 in the tiebreak")
        scores += [sc.span() for sc in _SCORE.finditer(text, start, end)]
    for m in FIGURE.finditer(text, start, end):
        if out and m.start() < out[-1].end:  # inside the unit of the figure before ("4 km^3")
            continue
        if any(a <= m.start() < b for a, b in scores):
            continue
        fig = _figure(text, m, start, end)
        if fig is None or any(a < fig.end and fig.start < b for a, b in dates) \
                and not (fig.kind == "quantity" and _is_duration(fig.unit)):
            continue  # a date is not a figure; a duration in one is ("the past two weeks": 2 weeks, and a date)
        if out and out[-1].unit is None and not out[-1].has_scale and fig.unit is not None \
                and _UNCERTAINTY.fullmatch(text, out[-1].end, fig.start):
            main = out[-1]  # "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5 km/s2": the value, its unit after its error
            main.kind, main.unit, main.per, main.end = fig.kind, fig.unit, fig.per, fig.end
            main.value, main.scale, main.has_scale = main.value * fig.scale, fig.scale, fig.has_scale
            main.text = text[main.start:main.end]
            continue
        if out and (out[-1].unit, fig.unit) in _SMALLER_UNIT and text[out[-1].end:fig.start].isspace():
            big = out[-1]  # "6ft 2in", "two hours 15 minutes": one quantity, in the larger unit
            big.value, big.end = big.value + fig.value / _SMALLER_UNIT[(big.unit, fig.unit)], fig.end
            big.text = text[big.start:big.end]
            continue
        out.append(fig)
    out = _with_proportions(text, start, end, out)
    _structure(text, out)
    lone = [f for f in out if _lone_one(text, f) and not (f.role in ("low", "from") and f.unit is not None)
            or _lone_word(text, f, end, out)]
    if lone:
        out = [f for f in out if all(f is not g for g in lone)]
        for f in lone:
            partners = [g for g in out if f.group_id is not None and g.group_id == f.group_id]
            if len(partners) == 1:  # the other end stands alone again
                partners[0].role, partners[0].group_id = "value", None
    label = _row_label(text, start, end, out)
    leads, highs = {}, {}  # a group's subject is looked for from its first figure ("rose to X a share from Y")
    for f in out:
        leads.setdefault(f.group_id, f)
        if f.role == "high":
            highs.setdefault(f.group_id, f)
    for f in out:
        if label:
            f.subject = label
        elif f.subject is None and (f.group_id is None or leads[f.group_id] is f):
            # a range is read after its high end ("70 to 85 pct of the mortgages") and before its low one
            high = highs.get(f.group_id, f) if f.role == "low" else f
            f.subject = _subject(text, f, start, end, tail=high)
    _share_subjects(out)
    for g, f in zip(out, out[1:], strict=False):
        if g.subject and re.fullmatch(r"\s*[(;]\s*", text[g.end:f.start]):
            # "£1.35bn ($2.5bn) offer", "59.2 trillion rupiah ($6.58bn; £3.5bn)": the same, even where the
            # words before the bracket gave the one inside another ("Previews of the $7.5m (£4m) show")
            f.subject = g.subject
        if g.subject and g.kind == "number" and f.unit == "%" and _is_alternative(text, g, f) \
                and not _OF_AFTER.match(text, f.end):
            f.subject = g.subject  # "169,888 shares, or 3.4 pct": a share of the same shares
        if g.subject and g.unit == f.unit and _LEVEL_AFTER_CHANGE.fullmatch(text, g.end, f.start):
            f.subject = g.subject  # "Cotton ... was 1.35 cents higher at 70.95 cents": the level of what changed
        if g.unit is None and f.unit is None and f.subject and _OF_THE.fullmatch(text, g.end, f.start):
            g.subject = f.subject  # "the last six of 20 fighters": six of them
        if g.kind == "number" and g.unit is None and f.subject and f.start - g.end == 1 and text[g.end].isspace() \
                and not re.search(r"\d", g.text):
            g.subject = f.subject  # "two 6,000 tonne cargoes": two of what the measure qualifies
    for g, f in reversed(list(zip(out, out[1:], strict=False))):
        # "about 100 Muslim, 100 Evangelical Christian and 50 Jewish schools", "the 45 Paris and 15 regional
        # houses": the members of a list of counts, each with its own proper adjectives, count what the last counts
        # (not "5 wins, 3 losses and 2 draws": the words after a member that are its own noun)
        if g.kind == f.kind == "number" and not g.unit and f.subject and (words := _LIST_MODIFIERS.fullmatch(text, g.end, f.start)) \
                and not any(_VERB_LIKE.search(w) for w in words.group(1).split()) \
                and not (g.subject and g.subject.split()[-1] in words.group(1).split()):
            g.subject = f.subject
    last_subject: dict[str, str] = {}  # by unit, the subject of the latest figure that has one
    for f in out:
        # "assets reached 345 billion yuan ..., up from 260.5 billion": none of its own, so the subject
        # of the nearest earlier figure in the same unit
        if f.subject is None and f.unit is not None:
            f.subject = last_subject.get(f.unit)
        if f.subject and f.unit is not None:
            last_subject[f.unit] = f.subject
    for f in out:
        if f.subject and f.kind == "quantity" and _is_duration(f.unit) and _in_time_adjunct(text, f, start):
            f.subject = None  # "for the three months to September", "over the past nine months": when, not of what
    return out


# A proportion: "one in five adults", "nine out of 10 separations", "one in 13 of the 48 million cards" (not
# "number one in three weeks": a span of time; not "one in 1992": a year); "a third of the workforce", "a fifth
# of" (not "a third of a century": a measure, nor "a third quarter": an ordinal). Its value is the fraction.
# "N in M" is looked for before each plain number found (M), "a third of" only in a sentence that holds
# _PART_CUE: a search of every sentence with " in " cost a third of the figures' speed.
_RATIO_BEFORE = re.compile(rf"(?i)(?<![\w$€£¥.,/-])(?P<n>{_NUMWORD}|\d{{1,3}}(?:,\d{{3}})*)\s+(?:in|out\s+of)\s+$")
_SPAN_OF_TIME = r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|sessions?|mins?|secs?|hrs?)\b"
_NOT_A_WHOLE = re.compile(rf"(?i)[.,]\d|-|{_SPAN_OF_TIME}")
# ... and "N in M" with M a number word that is no figure alone ("one in five will", "one in four Turks"),
# looked for only in a sentence that holds _RATIO_WORD_CUE
_RATIO_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "fifty", "hundred")
_RATIO_WORD_CUE = re.compile(rf"(?i)(?:in|of) (?:{'|'.join(_RATIO_WORDS)})")
_RATIO_OF_WORDS = re.compile(rf"(?i)(?<![\w$€£¥.,/-])(?P<n>{_NUMWORD})\s+(?:in|out\s+of)\s+(?P<m>(?:a\s+)?(?:{'|'.join(_RATIO_WORDS)}))\b"
                             rf"(?![.,]\d|-|{_SPAN_OF_TIME})")
_PARTS = {"third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_PART_CUE = re.compile(rf"(?i)(?:{'|'.join(_PARTS)}) of ")
_PART_OF = re.compile(rf"(?i)(?<![\w-])(?:a|an|one)\s+(?P<part>{'|'.join(_PARTS)})(?=\s+of\s+(?!an?\s))")


def _with_proportions(text: str, start: int, end: int, out: list[Figure]) -> list[Figure]:
    """``out`` with each proportion in ``text[start:end]`` as one figure, its value the fraction, in place
    of the plain numbers found in it; not where a number in it carries a unit ("$5 in 10 years" is not one)."""
    spans = []  # (start, end, value)
    for f in out:
        if f.unit is None and f.kind == "number" and f.value > 1 and text.endswith(("in ", "of "), start, f.start) \
                and not _NOT_A_WHOLE.match(text, f.end) and (m := _RATIO_BEFORE.search(text, max(start, f.start - 30), f.start)):
            n = NUMBER_WORDS.get(m.group("n").lower()) if m.group("n")[0].isalpha() else parse_number(m.group("n").replace(",", ""))
            if n is not None and 0 < n < f.value:  # (a year is never a figure: "one in 1992" holds none)
                spans.append((m.start(), f.end, n / f.value))
    if _RATIO_WORD_CUE.search(text, start, end):
        for m in _RATIO_OF_WORDS.finditer(text, start, end):
            n, d = NUMBER_WORDS.get(m.group("n").lower()), NUMBER_WORDS.get(m.group("m").lower().split()[-1], 100)
            if n is not None and 0 < n < d:
                spans.append((*m.span(), n / d))
    if _PART_CUE.search(text, start, end):
        spans += [(*m.span(), 1 / _PARTS[m.group("part").lower()]) for m in _PART_OF.finditer(text, start, end)]
    for a, b, value in sorted(set(spans)):
        inside = [f for f in out if f.start < b and a < f.end]
        if all(f.unit is None and a <= f.start and f.end <= b for f in inside):
            out = sorted([f for f in out if all(f is not g for g in inside)] + [Figure(a, b, text[a:b], "number", value, None)],
                         key=lambda f: f.start)
    return out


# a change, then the level it reached ("1.35 cents higher at 70.95 cents", "2.1 points down to 1,234")
_LEVEL_AFTER_CHANGE = re.compile(r"(?i)\s+(?:higher|lower|up|down|off|firmer|weaker|easier|stronger)\s+(?:at|to)\s+"
                                 r"(?:(?:about|around|some|roughly|nearly)\s+)?")
# proper adjectives, not a noun ("an old 386 PC, two ..." counts a PC)
_LIST_MODIFIERS = re.compile(r"\s+((?:[A-Z][a-z][\w-]*\s+){0,2}[A-Z][a-z][\w-]*)\s*(?:,|,?\s+and|,?\s+or)\s+")
# the opening of a time adjunct, right before a span of time: "for the", "over the past", "in the next"
_ADJUNCT_BEFORE = re.compile(r"(?i)\b(?:for|over|in|during|within|after|throughout|since)\s+(?:(?:the|a|an)\s+)?"
                             r"(?:(?:past|last|next|first|previous|coming|following|latest|same|full|final|"
                             r"consecutive|remaining|another|further|additional)\s+)*$")
# what a span of time is of, when it is of something ("five hours of meetings"), not of a year ("of 1987")
_OF_SOMETHING = re.compile(r"(?i)\s+of\s+(?!(?:the\s+|its\s+|their\s+)?(?:fiscal|calendar|\d{4}|the\s+year|this|last|next)\b)")


def _in_time_adjunct(text: str, f: Figure, start: int) -> bool:
    """A plural span of time opened by a preposition of time ("for the three months to September", "over the
    past nine months"): it says when, and measures nothing before it; not a span of something ("five hours of
    meetings") nor one that qualifies a noun ("a 30-year contract", "for a seven year credit")."""
    return f.text.endswith("s") and _ADJUNCT_BEFORE.search(text, max(start, f.start - 40), f.start) is not None \
        and not _OF_SOMETHING.match(text, f.end) \
        or any(rx.match(text, f.end) for rx in (_WHEN_AFTER, _PERIOD_ON, _AFTER))
    # (or a span that places something in time: "his win four years ago", "20 years on,", "two months after leading")


_AFTER = re.compile(r"(?i)\s+after\b")


def _lone_one(text: str, f: Figure) -> bool:
    """A "one" that is a figure only for the range it may open (``_opens_range``): ``find_figures`` drops
    it unless it became the range's low end (or a change's first) with a unit ("one to four inches";
    not "from one to 15 in our team")."""
    return f.text.lower() == "one" and _opens_range(text, f.start, f.end)


# the number that closes what a number word opens ("seven-six", "nine to one", "two or three")
_CLOSING_NUMBER = re.compile(rf"(?i)\s*(?:to|or|and|-|–)\s*(?P<n>(?:{_NUMWORD})\b|\d+(?:\.\d+)?(?![\d,]))")


def _lone_word(text: str, f: Figure, end: int, out: list[Figure]) -> bool:
    """A number word kept by ``_figure`` only for the range it seemed to open, where no figure follows to close
    it and the number after it is no larger: a score, a vote or a ratio ("gainers led losers seven-six", "a
    three-two vote", "voted nine to one"); not "two or three more", which stays the count it was."""
    if f.role != "value" or f.unit is not None or f.text.lower() not in NUMBER_WORDS:
        return False
    after = _CLOSING_NUMBER.match(text, f.end)
    return after is not None and not any(f.end <= g.start < after.end() for g in out) \
        and (parse_number(after["n"]) or 0) <= f.value \
        and not _COUNTED_NOUN.match(text, f.end) and not _OF_NUMBER.match(text, f.end) \
        and not _MARK_BEFORE_NOUN.match(text, f.end, end)


_ROW_LABEL = re.compile(r"[A-Za-z][A-Za-z.'&/-]*(?:\s+[A-Za-z][A-Za-z.'&/-]*){0,3}")
_VERB_CUE = re.compile(r"(?i)\b(?:said|says|rose|fell|was|were|is|are|will|would|had|has|have|reported|expects?|"
                       r"increased|decreased|reached|totall?ed|amounted)\b")


def _row_label(text: str, start: int, end: int, figs: list[Figure]) -> str | None:
    """The label of a row in a table of results: "Shr 1.53 dlrs vs 1.21 dlrs" -> "Shr", "Net profit
    215,000 vs profit 4,647,000" -> "Net profit". A row is a short line with no verb whose first
    figure follows one to four words, not ended like a sentence; every figure in it measures what the
    label names."""
    row = text[start:end].rstrip()
    if not figs or len(row.split()) > 12 or "\n" in row or row.endswith((".", "!", "?")) or _VERB_CUE.search(row):
        return None
    head = text[start:figs[0].start].strip()
    return head if _ROW_LABEL.fullmatch(head) and not _STOP_SUBJECT.match(head.split()[-1]) else None


def _figure(text: str, m: re.Match, sent_start: int, sent_end: int) -> Figure | None:
    num, cur, scale, unit, frac = m.group("num"), m.group("cur"), m.group("scale"), m.group("unit"), m.group("frac")
    is_word = not re.search(r"\d", num)
    if is_word and not unit and _FRACTION_OF_POINT.fullmatch(num) and (point := _POINT_AFTER.match(text, m.end())):
        # "cut rates by half a point", "a quarter of a point": percentage points where the sentence is about rates
        value = parse_number(num)
        if value is None:
            return None
        if not _points_are_pp(text, sent_start, sent_end):
            return Figure(m.start(), point.end(), text[m.start():point.end()], "number", value, None)  # a bond's
        return Figure(m.start(), point.end(), text[m.start():point.end()], "percent", value, "pp")
    if is_word and not (scale or unit or cur) and num.lower() == "half" and not _pint_unit(text, m.end()) and (
            text.startswith("-", m.end())
            or _DETERMINED_HALF.search(text, max(sent_start, m.start() - 30), m.start()) and not _HALF_OF.match(text, m.end())):
        return None  # a compound ("a half-time lead", "his half-brother", "half-price tickets") or the noun ("in the
        # Italian half", "their own half", "the other half"), not a half of something ("the other half of the voters")
    # number words only count with a scale, a unit or a currency ("twelve tonnes", "two million"), not "one of"
    if is_word and not (scale or unit or cur) and not _pint_unit(text, m.end()) \
            and not _MARK_BEFORE_NOUN.match(text, m.end(), sent_end) \
            and not re.search(r"(?i)\b(?:hundred|thousand)\b|(?:halves|half|thirds?|quarters?|fifths?|sixths?|tenths?)$", num) \
            and not (num.strip().lower() not in ("one", "a", "an")
                     and (_COUNTED_NOUN.match(text, m.end()) or _WORD_RANGE_NEXT.match(text, m.end())
                          or _OF_NUMBER.match(text, m.end()))) \
            and not (num.strip().lower() == "one" and _opens_range(text, m.start(), m.end())):
        return None  # ("six tourist provinces", "two main channels" are counts; "two of them", "one said" not)
    if is_word and num.strip().lower() in ("a", "an"):
        return None
    if is_word and not (scale or unit or cur) and num.strip()[0].isupper() and _NAME_WORD_AFTER.match(text, m.end()) \
            and text[sent_start:m.start()].strip() and not _title_case(text[sent_start:sent_end]):
        return None  # "the Top Ten Essentials list", "Half Life 2": in capitals mid-sentence, before a name, a name
    if is_word and _DATE_CONTEXT.search(text[max(sent_start, m.start() - 12):m.start()]):
        return None  # "the four weeks ended March six", "payable April nine": a day of a date
    if "/" in num and unit and unit.lower() == "won":
        return None  # "Fahrenheit 9/11 won the award": a title and a verb
    if "/" in num and " " not in num.strip() and "-" not in num and not (cur or unit or scale or _pint_unit(text, m.end())):
        return None  # "5/5", "3/4": a rating or a date unless a unit follows ("a 1/4 inch gap")
    if scale and scale.lower() in ("m", "b", "k") and not (cur or unit) and not re.search(r"\d", num):
        return None
    value = parse_number(num, frac)
    if value is None:
        return None
    s, e = m.start(), m.end()
    if m.group("sign") and m.group("sign")[0] in "mM" and not _MINUS_SIGN.search(text, max(sent_start, s - 20), s):
        s = m.end("sign")  # "LIBOR minus 6-1/2 pct", "plus or minus 10 pct": an operation, not a negative figure
    elif m.group("sign") or m.group("sign2"):
        value = -value
    while s < e and text[s].isspace():  # "(writedown): 9.8 crowns": the space the pattern allowed before a currency
        s += 1
    while e > s and text[e - 1] in " .":  # a trailing space or sentence stop is not part of the figure
        e -= 1
    before, after = text[max(sent_start, s - 20):s], text[e:e + 12]
    if is_word and not (unit or cur) and num.strip()[0].isupper() and (not scale or scale[0].isupper()) \
            and _NAME_BEFORE.search(before) and not _title_case(text[sent_start:sent_end]):
        return None  # "the Big Three carmakers", "World War Two": a number word in capitals after a name, part of it
    digits_only = re.fullmatch(r"\d+", num.strip())
    # not figures: years and dates, ordinals, ratings "5 / 5", digit runs (phones, codes), list markers
    if digits_only and not (cur or scale or unit) and (
        (1800 <= value <= 2100 and len(num.strip()) == 4) or _DATE_CONTEXT.search(before) or _AFTER_DATE.match(after)
    ) or digits_only and unit and unit.lower() == "yr" and 1800 <= value <= 2100 and len(num.strip()) == 4:
        return None  # ("1986 yr net": a year, not 1,986 years)
    if not (cur or scale or unit) and _COUNTER.match(after) and len(text[sent_start:sent_end].split()) < 12:
        # a page's counter ("60 votes", "6508 views"), not a vote in a sentence ("by 297 votes to 203")
        return None
    if _RATING.match(after) or re.match(r"(?:st|nd|rd|th)\b", after):
        return None
    if re.search(r"[/:#]\s*$", before) and not (cur or scale or unit):  # "Views: 6508", "No. #3", "5/5"
        return None
    if digits_only and len(num.strip()) >= 7 and not (cur or scale or unit):
        return None
    if digits_only and len(num.strip()) <= 3 and not (cur or scale or unit) \
            and (len(num.strip()) <= 2 and (_NAME_BEFORE.search(before) or _IDENTIFIER_OPENS.fullmatch(text, sent_start, s))
                 or _ACRONYM_BEFORE.search(before) and not _shouted(text[sent_start:sent_end])) \
            and not (text.startswith(('"', "″", "'", "′"), m.end()) and not _POSSESSIVE.match(text, m.end())) \
            and not _pint_unit(text, m.end()):
        # "the vessel Northern 1", "Voyager 2", "Radio 4's", "the PL 480 program", "Unit 1 was operating": a name
        return None
    if digits_only and not (cur or scale or unit) and (_MODEL_AFTER.match(text, m.end()) or _LABEL_BEFORE.search(before)):
        return None  # "the HP 607 model", "Boeing's 777 line", "at number 11", "Statement No. 4F": names and ranks
    variant = _VARIANT_AFTER.match(text, m.end()) if digits_only and not (cur or scale or unit) else None
    if variant and (_NAME_BEFORE.search(before)
                    or _COUNT_BEFORE.search(before) and not _pint_unit(text, variant.end())) \
            or digits_only and not (cur or scale or unit) and _MODEL_VARIANT_BEFORE.search(before):
        # "five used Boeing 737-200 aircraft", "two Boeing 747s", "10 737-800 planes": a model's name (not the
        # weights of "grade 1-3 215-260 lbs")
        return None
    if unit == "G" and m.start("unit") == m.end("num"):
        return None  # "3G", "2.5G": a network generation, not grams
    # "21 Grams actress", "Nine Mile Unit Two": a unit's name in capitals mid-sentence, outside a headline, is
    # a name (not a currency, "Swiss francs"; not a vowel-less abbreviation in a results table, "Six Mths")
    if unit and len(unit) > 3 and _NAME_WORD.fullmatch(unit) and unit.lower() not in CURRENCY_WORDS \
            and not _title_case(text[sent_start:sent_end]):
        return None
    if is_word and re.fullmatch(r"(?i)half|quarter", num.strip()) and _PERIOD_BEFORE.search(before):
        return None  # "in the first half", "the second quarter": a period, not a fraction
    if not (cur or scale) and _CLOCK.match(text, m.end("num")):  # "2 pm", "2.13 am": a time, not a figure
        return None
    if digits_only and not (cur or scale or unit) and _CLOCK_MINUTES.match(text, m.end("num")):
        return None  # "at 11:01 GMT", "NY COCOA 12:00": a time of day
    if digits_only and re.fullmatch(r"[01]\d[0-5]\d|2[0-3][0-5]\d", num.strip()) and not cur and (
            num.strip().startswith("0") and re.match(r"(?i)\s?(?:hrs|hours)\b", text[m.end("num"):])
            or _ZONE.match(text, m.end("num"))):
        return None  # "0620 hrs", "0920 GMT": a time of day
    if cur and unit == "T":  # "$2.174T": trillions, not tonnes
        scale, unit = "trillion", None
    glued = scale is not None and m.start("scale") == m.end("num")
    if scale == "m" and not (cur or unit or _MONEY_RANGE_BEFORE.search(before)) and (
            text.startswith("/", m.end()) and _SLASH_TIME.match(text, m.end() + 1)  # "17m/s": a speed, not 17 million
            or _METRES_AFTER.match(text, m.end()) or _METRES_BEFORE.search(text, max(sent_start, s - 25), s)
            or glued and not _counted_after(text, m.end()) and (
                _ATHLETICS.search(text, sent_start, sent_end)
                # "the women's 1500m", "the 800m": whole hundreds of millions of nothing in a sentence without
                # money are a distance
                or re.fullmatch(r"\d{3,5}|\d{1,2},\d{3}", num) and not _MONEY_WORD.search(text, sent_start, sent_end))):
        scale, unit = None, "metres"  # "a 10m wall", "10m (33ft) high", "won the 100m": metres, not millions
    elif scale == "m" and not (cur or unit or glued):
        scale = None  # "3x10^8 m/s", "5 m deep": a unit after a space (read below), not millions
    if scale == "K" and not (cur or unit) and _TEMPERATURE_WORDS.search(text, sent_start, sent_end) \
            and not _WORD_AFTER.match(text, m.end()):  # (not "the 10K race")
        scale, unit = None, "K"  # "300 °C (572 °F, 573.15K)": kelvins among temperatures, not thousands
    scale_f = SCALES.get(" ".join(scale.lower().rstrip(".").split()), 1.0) if scale else 1.0
    if scale in ("b", "B", "M") and not (cur or unit):
        scale_f = 1.0  # "3M products", "35 M&S goods": names; "b" alone is rarely a billion
    kind, canonical = "number", None
    unit_l = unit.lower() if unit else None
    if unit_l and unit_l not in _UNIT_KEYS:
        unit_l = " ".join(unit_l.replace("-", " ").split())  # "Canadian-dlr", "metric\ntons"
    code = cur if cur in ISO_CODES else unit if unit in ISO_CODES else None
    if code and code not in _MAJOR_CODES and _shouted(text[sent_start:sent_end]):
        # "JVR 398.00 JOS 133.25 ... 198.00 JMD": a table of tickers, not money
        return Figure(m.start("num"), m.end("num"), num, "number", value, None) if not scale else None
    if cur:
        kind, canonical = "money", CURRENCY_SYMBOLS.get(cur.lower(), cur.upper())
        if cur.lower() in _BY_COUNTRY:  # "Pakistan's budget is Rs8 trillion": the country's rupees
            canonical = _currency_of_country(cur.lower(), text, sent_start, sent_end) or canonical
        if unit_l and unit_l in CURRENCY_WORDS and CURRENCY_WORDS[unit_l] != "USD":
            canonical = CURRENCY_WORDS[unit_l]
        elif unit_l and unit_l not in CURRENCY_WORDS:  # "$5 a barrel": the unit is not ours
            e = m.start("unit") - 1 if m.start("unit") > 0 else e
    elif unit_l in PERCENT_WORDS:
        kind, canonical = "percent", PERCENT_WORDS[unit_l]
        if canonical == "bp":
            canonical, scale_f = "pp", scale_f * 0.01
        elif unit == "PC" and not _shouted(text[sent_start:sent_end]):
            # "an old 386 PC" (in a table in capitals, "14.5 PC" is a percentage)
            kind, canonical, e = "number", None, len(text[:m.start("unit")].rstrip())
        elif unit_l in ("points", "point") and (not _points_are_pp(text, sent_start, sent_end)
                                                or abs(value) * scale_f > _MOST_PERCENTAGE_POINTS):
            kind, canonical = "number", None  # "the Dow fell 45.4 points", "the stock gained 3-1/2 points": no percentages
            # (nor "stock prices plunged 393.31 points" where the sentence speaks of rates too)
    elif unit_l in CURRENCY_WORDS:
        if unit_l in ("pounds", "pound") and (_OF_AFTER.match(text, m.end())
                                               or text[m.start("unit") - 1] == "-" and not scale  # "a twenty-pound bag"
                                               and not _MONEY_NOUN_AFTER.match(text, m.end())  # not "a five-pound note"
                                               or _WEIGHT_BEFORE.search(text, max(sent_start, s - 30), s)
                                               or _WEIGHT_AFTER.match(text, m.end())):
            kind, canonical = "quantity", unit_symbol("pound")  # "20 pounds of beef", "weighs 200 pounds"
        else:
            kind, canonical = "money", CURRENCY_WORDS[unit_l]
            if unit_l in _BY_COUNTRY:  # "lend Sri Lanka 6.5 billion rupees": the country's rupees
                canonical = _currency_of_country(unit_l, text, sent_start, sent_end) or canonical
            if unit_l.rsplit(" ", 1)[-1] in _HUNDREDTHS:  # "13 cts": 0.13 USD; "84.9 U.S. cents", "47 Canadian cts"
                scale_f *= 0.01
    elif unit == "K":
        kind, canonical = "quantity", "K"
    elif unit in ISO_CODES:  # "3.2 billion SEK"
        kind, canonical = "money", unit
    elif unit_l in UNIT_WORDS:
        pint_name = UNIT_WORDS[unit_l]
        kind, canonical = ("quantity", unit_symbol(pint_name)) if pint_name else ("number", None)
        scale_f *= UNIT_SCALES.get(unit_l, 1.0)  # "20 bcm": 20e9 m³
        if pint_name is None:  # a counted thing ("bags"): a count
            kind = "number"
    if kind == "number" and not (unit or scale or is_word) and _PENCE.match(text, m.end()) \
            and not (digits_only and int(value) in _VIDEO_LINES):
        kind, canonical, scale_f, e = "money", "GBP", 0.01, m.end() + 1  # "shares fell 3.2p to 245p"
    if kind == "number" and not unit and (mark := _MARK_BEFORE_NOUN.match(text, m.end(), sent_end)):
        kind, canonical, e = "money", "DEM", mark.end()  # "a 300 mln mark bond", "three mark a share dividend"
    if kind == "number" and not unit and not is_word and _INCHES.match(text, m.end()) and _FEET_BEFORE.search(before):
        kind, canonical, e = "quantity", "in", m.end() + 2  # "6ft 2in" (joined to the feet in find_figures)
    elif kind == "number" and not (unit or scale or is_word):
        inches = _INCHES_ALONE.match(text, m.end(), sent_end)
        if inches:  # "2 1/2 in thick", "the pencil is 2 in."
            kind, canonical, e = "quantity", "in", inches.end()
    if kind == "number" and not (unit or scale or is_word or cur) and (height := _FOOT_INCHES.match(text, m.end("num"))) \
            and int(height.group(1)) < 12:
        value, kind, canonical, e = value + int(height.group(1)) / 12, "quantity", "ft", height.end()
    if kind == "number" and not (unit or scale or is_word or cur):
        if _inch_mark(text, m.end(), sent_start, sent_end):  # 'Wrench 8"', 'a 42″ screen', '5\' 10" tall'
            kind, canonical, e = "quantity", "in", m.end() + 1
        elif _FEET_MARK.match(text, m.end()):
            kind, canonical, e = "quantity", "ft", m.end() + 1
    if kind == "number" and not unit and not is_word:
        temperature = _TEMPERATURE.match(text, m.end())
        if temperature and -90 <= value <= 140:
            kind, canonical, e = "quantity", unit_symbol(UNIT_WORDS["°" + temperature.group(1).lower()]), temperature.end()
    if kind == "number" and not (unit or scale or is_word) and (age := _AGE.match(text, m.end())):
        kind, canonical, e = "quantity", unit_symbol(age.group(1).lower()), m.end() + len(age.group(0))  # "25-year-old"
    elif kind == "number" and not (unit or scale or is_word or cur) and _AGED.search(before) \
            and not _pint_unit(text, m.end()):  # ("at the age of 18 years": its own unit)
        kind, canonical = "quantity", unit_symbol("year")  # "died aged 27": an age in years
    if kind == "number" and not unit:
        found = _pint_unit(text, m.end() if scale or not m.group("scale") else m.start("scale"))
        if found and not (found[0] == "a" and value != 1 and text[m.end():found[1]].strip().lower() in ("year", "yr")
                          and _says_when(text, found[1])):
            # (not "losses of 4.9 mln vs 232,000 year ago", "14.9 mln year prior": the year is the date's, "a year ago")
            canonical, e = found
            kind = "quantity"
    if kind == "quantity" and canonical:
        canonical, e = _unit_suffixes(text, canonical, e)
    if kind == "number" and canonical is None and not scale and text[e:e + 1].isalpha() and text[e] not in "xX×p":
        return None  # glued to letters that made no unit: part of a name or a code ("3GSM", "3D graphics", "a 5G
        # network", "in his 40s"), not a figure (a multiple's "10x" and a video's "1080p" are)
    while e > s and text[e - 1] in " .":
        e -= 1
    surface = text[s:e]
    per = _rate_basis(text, e, sent_end) if kind == "money" else None
    if kind == "money" and per is None and (often := _HOW_OFTEN_AFTER.match(text, e, sent_end)):
        per = _HOW_OFTEN_PERIOD[often.group(1).lower()]  # "paid 500 dlrs monthly", "$11 billion annually"
    return Figure(s, e, surface, kind, value * scale_f, canonical, per=per, scale=scale_f, has_scale=bool(scale))


# what an amount of money is per, after it: "$5 a barrel", "30 cts per common share", "$15.4/hour", "£400 a
# month", "142 yen per dollar". After "per" or "/" the basis is the first unit, period, currency or one of
# _PER_THINGS in the words up to the next function word ("per dry pound" -> lb, "per First Federal share"
# -> share), else a lone word or the last after names ("per ADR", "per picul"); after "a" / "an" only a
# unit, a period or one of _PER_THINGS right after it ("a share", not "$5 a good deal")
_RATE = re.compile(r"(?i)(?:\s*|-(?=(?:per|an?)-))(?:(?P<slash>/)\s*|(?P<word>per|an?)(?:\s+|-(?=[a-z])))"
                   r"(?:(?:common|ordinary|diluted|primary|fully\s+diluted|preferred|preference|class\s+[a-z])\s+)?"
                   r"(?:(?:U\.S|U\.K|N\.Z)\.\s+)?"  # "per U.S. gallon": the gallon, not "u" (pint's atomic mass unit)
                   r"(?P<what>[a-z][a-z'’-]*(?:\s[a-z][a-z'’-]*){0,2})")
# words that end a noun phrase after a figure
_FUNCTION_WORDS = frozenset("""a an the this that these those which who it its for from to in on at of with by against
    and or but nor if as than so yet is was were are be been has had have will would could should may might until
    while before after since when during again only just soon today yesterday earlier later next last""".split())
_BASIS_STOP = _FUNCTION_WORDS | {"vs", "versus", "said", "says", "plus", "minus", "each", "every", "per", "compared",
                                 "due", "because", "via", "through"}
# a word that may name what is counted: not a verb's form, an adverb, a month or a comparison
_NOUN_LIKE = re.compile(r"(?i)(?!(?:\w+(?:ing|ed|ly)|january|february|march|april|may|june|july|august|september|october|"
                        r"november|december|lower|higher|low|high|below|above|range)$)[a-z][a-z'’-]*")
_PER_THINGS = frozenset("""share shr head person passenger ticket unit vehicle car household night seat piece bag bottle
    bushel capita student pupil patient visitor guest room item copy right warrant bond contract""".split())
_PERIODS = {"annum": "a", "year": "a", "month": "month", "week": "week", "day": "d", "hour": "h", "minute": "min",
            "second": "s", "quarter": "quarter"}
_BASIS_NAMES = {"shr": "share", "capita": "person"}
_WHEN_WORDS = frozenset(_PERIODS) | {"decade", "century", "fortnight", "generation"}  # "a year ago": when
# after "a" and a period: "$300 million a year ago", "5 mln tonnes a year earlier", "a year-ago" say when,
# not a rate; not "after" or "since", which follow a rate as often ("six days a week after running ...")
_WHEN_AFTER = re.compile(r"(?i)\s*(?:ago|earlier|before|later|back|previously|prior|from now)\b")
_NOT_RATE_AFTER = re.compile(rf"{_WHEN_AFTER.pattern}|-")
_PERIOD_ON = re.compile(r"(?i)\s*on(?=\s*(?:[,.;:]|$|from\b))")  # "a year on": later (not "a month on average")


def _says_when(text: str, end: int, sent_end: int | None = None) -> bool:
    """Whether "a <period>" ending at ``end`` is when, not how often (``_NOT_RATE_AFTER``, ``_PERIOD_ON``)."""
    sent_end = len(text) if sent_end is None else sent_end
    return bool(_NOT_RATE_AFTER.match(text, end, sent_end) or _PERIOD_ON.match(text, end, sent_end))


def _rate_basis(text: str, end: int, sent_end: int) -> str | None:
    """What the amount of money ending at ``end`` is per: a unit symbol ("bbl", "t", "h", "a" for a year,
    as in ``unit``'s rates "t/a", "bbl/d"), a currency ("yen per dollar" -> USD), or the thing, singular
    ("share", "person"); None for a plain amount."""
    m = _RATE.match(text, end, sent_end)
    if m is None:
        return None
    after_a = m.group("word") is not None and m.group("word").lower() != "per"
    words = []
    for w in m.group("what").split():
        if w.lower() in _BASIS_STOP:
            break
        words.append(w)
    if not words or words[0].lower() in SCALES or words[0].lower() in UNIT_SCALES:
        return None  # "per mln Btu", "per mmbtu", "PER HUNDRED": a scaled basis, not said here
    if after_a:  # one word, or a unit of two ("a troy ounce", "a short ton")
        words = words[:2]
        after = m.start("what") + len(words[0])
        if words[0].lower() in _WHEN_WORDS and _says_when(text, after, sent_end):
            return None
    for i in range(len(words)):  # the first unit or counted thing ("per share last year": share)
        for n in (2, 1):
            phrase = " ".join(words[i:i + n]).lower()
            if len(phrase.split()) == n and (basis := _basis_unit(phrase)):
                return basis
        thing = words[i].lower()
        thing = thing[:-1] if thing.endswith("s") and thing[:-1] in _PER_THINGS else thing  # "a shares"
        if thing in _PER_THINGS:
            return _BASIS_NAMES.get(thing, thing)
        if after_a:
            return None
    thing = None  # else a lone word or the last after names: "per ADR", "per Avana ordinary"
    if all(w[0].isupper() for w in words[:-1]) and _NOUN_LIKE.fullmatch(words[-1]):
        thing = words[-1] if words[-1].isupper() and len(words[-1]) > 1 else words[-1].lower()
    return _BASIS_NAMES.get(thing, thing) if thing and thing.lower() not in _NOT_BASES else None


def _basis_unit(phrase: str) -> str | None:
    """``phrase`` (lower case) as a period, a currency or a unit symbol, if it is one."""
    if phrase in _PERIODS:
        return _PERIODS[phrase]
    if phrase in ("pound", "lb"):  # "cts per pound": of weight ("per pound sterling", "per Irish pound": money)
        return unit_symbol("pound")
    plural_head = re.sub(r"^(\S+)", r"\1s", phrase)  # "pound sterling" -> "pounds sterling"
    cur = CURRENCY_WORDS.get(phrase) or CURRENCY_WORDS.get(phrase + "s") or CURRENCY_WORDS.get(plural_head)
    if cur is not None:
        return cur
    if (pct := PERCENT_WORDS.get(phrase)) is not None and " " in phrase:  # "per percentage point"
        return pct
    if (word := UNIT_WORDS.get(phrase) or UNIT_WORDS.get(phrase + "s")) is not None:
        return unit_symbol(word)
    first = phrase.split()[0]
    if first in _NOT_UNITS or not (first in _COMPOUND_HEADS or _named_unit(first)):
        return None
    return _parse_unit(phrase)


_LONG_PREFIXES = ("kilo", "mega", "giga", "tera", "milli", "micro", "centi", "deci", "hecto")


def _named_unit(word: str) -> bool:
    """``word`` names a unit in pint, alone or after a prefix spelled out ("hectare", "megabyte"); not a
    prefix symbol glued to a name, which makes a unit of almost any short word ("adr": attodram)."""
    names = _unit_vocabulary()[0]
    word = word.lower()
    singular = word[:-1] if word.endswith("s") else word
    return any(w in names or any(w.startswith(p) and w[len(p):] in names for p in _LONG_PREFIXES)
               for w in (word, singular))


_NOT_BASES = frozenset({"cent", "cents", "centum", "se"})  # "per cent", "per se"


# "m" glued to a number without a currency: metres before these words, or after a length in another unit
# (otherwise millions: "10m copies", "300m blog entries")
# how far a measure reaches, not what it measures: "a 10ft long table", "70 cms deep" (never a subject)
_EXTENT_WORDS = ("long", "deep", "wide", "tall", "thick", "high")
_METRES_AFTER = re.compile(r"(?i)[\s-]?(?:high|tall|long|wide|deep|away|above|below|thick|across|under|underground|"
                           r"sprints?|races?|finals?|freestyle|hurdles|relay|breaststroke|backstroke|butterfly|medley|"
                           r"titles?|heats?|runners?|champion|record|events?|indoors|qualifying|"
                           r"in (?:length|height|width|depth|diameter)|\(\s*[\d.,]+\s?(?:ft|feet|foot|yards|yd)\b)")
_METRES_BEFORE = re.compile(r"(?i)(?:\d\s?(?:ft|feet|foot|yards|yd|in|inches|miles?)\s*\(|\b(?:clearance|throw|jump|leap|"
                            r"vault|put) of|\b(?:threw|landed|jumped|leapt|cleared|vaulted|throwing|jumping))\s*$")
_SLASH_TIME = re.compile(r"[sh](?![\w/])")  # a glued "m" before "/s" or "/h" is metres ("17m/s"), not before "/day"
_MONEY_WORD = re.compile(r"(?i)[$€£¥]|\b(?:dollars?|dlrs|euros?|pounds|sterling|stg|yen|yuan|rupees|francs|marks)\b")
_MONEY_RANGE_BEFORE = re.compile(r"[$€£¥][\d.,]+\s*(?:-|–|to)\s*$")  # "$10-25m": millions of the currency
# a score, not two figures: "a 3-0 win", "going 2-0 up", "beat France 24-18"
_SCORE = re.compile(r"(?<![\w.,$€£¥-])\d{1,3}-\d{1,3}(?![\w%/-]|[.,]\d|\s*(?:pct|percent|per cent|%|mln|million|bn|billion))")
_AGE = re.compile(r"(?i)-(year|month|week|day)s?-old\b")
# "died aged 27", "aged between 18 and 25", "at the age of 48"
_AGED = re.compile(r"(?i)\b(?:aged|ages?\s+of)\s+(?:between\s+|from\s+|under\s+|over\s+)?$"
                   r"|\bretir(?:e|es|ed|ing|ement)\s+(?:at|before|after|by|from)\s+(?:the\s+age\s+of\s+)?$")  # "retire at 65"
_SET_SCORES = re.compile(r"(?<![\w.-])\d{1,2}-\d{1,2}(?:\s*\(\d{1,2}[-/]\d{1,2}\))?"
                         r"(?:,?\s+\d{1,2}-\d{1,2}(?:\s*\(\d{1,2}[-/]\d{1,2}\))?)+(?![\w%/-]|\.\d)")  # tennis: "6-7 (3-7) 6-3 6-3"
_SCORE_AFTER = re.compile(r"(?i)\s+(?:home\s+|away\s+)?(win|wins|victory|defeat|loss|lead|draw|stalemate|thrashing|drubbing|"
                          r"up|down|ahead|behind|scoreline|aggregate|triumph|success|reverse|deficit|advantage|halftime|half-time)\b")
_SCORE_BEFORE = re.compile(r"(?i)\b(?:won|win|beat|beating|lost|losing|drew|draw|led|leading|trailed|trailing|defeated|"
                           r"thrashed|edged|scoreline|score(?:d)?|winning)\b(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:by\s+)?$")
# a counted noun after a number, up to three words on, past names, acronyms and models: "six tourist provinces",
# "300m blog entries", "three men", "five used Boeing 737-200 aircraft"
_COUNTED_NOUN = re.compile(r"(?:\s+\d{1,3}(?:,\d{3})+(?=\s))?"  # "two 6,000 tonne cargoes"
                           r"(?:\s+(?!(?:of|times|and|or|but|while|in|to|for|from|the|an?|at|by|on|with|than|as|vs|"
                           r"against|after|before|compared|versus|up|down|each|per|were|was|are|is)\b)"
                           r"(?:[a-z]+(?<!ly)|[A-Z]{2,}\b|[A-Z][a-z]+\b|[A-Z]?\d[\w-]*)){0,3}?"
                           r"\s+(?!(?:is|was|has|its|this|thus|us|yes|times|vs|as|plus|less|unless|across|towards|always|"
                           r"perhaps)\b)"
                           r"(?:[a-z]{2,}[^s\W]*s\b(?<!ss)(?<!us)(?<!is)|(?:wo)?men\b|people\b|children\b|[A-Z]{2,}s\b|"
                           # plurals without an "s": "five used aircraft", "two staff", "three BBC journalists", "two MPs"
                           r"(?:air|space)?craft\b|staff\b|personnel\b|cattle\b|sheep\b|livestock\b)")
_OF_THE = re.compile(r"(?i)\s+of\s+(?:the\s+)?")
# "the last six of 20 fighters": a count of them (not "nine of the 35 billion schillings")
_OF_NUMBER = re.compile(r"(?i)\s+of\s+(?:the\s+)?\d[\d,.]*\s+(?!(?:mln|million|billion|bln|bn|thousand|pct|percent|per)\b)[a-z]")
_WORD_RANGE_NEXT = re.compile(rf"(?i)\s*(?:to|or|and|-|–)\s*(?:{_NUMWORD}|\d)")  # "two to three weeks", "two or three"
# "one to four inches", "one to two stg": a "one" that may open a range (``find_figures`` keeps it only if
# it does: "one to one talks", "from one to another" are not figures)
_ONE_TO = re.compile(rf"(?i)\s*(?:to|-|–)\s*(?:{_NUMWORD}|\d)")
_ONE_AND = re.compile(rf"(?i)\s*and\s*(?:{_NUMWORD}|\d)")  # after "between"
_BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$")


def _opens_range(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is followed by the rest of a range ("to four", "- 2",
    "and two" after "between")."""
    return bool(_ONE_TO.match(text, end) or _ONE_AND.match(text, end)
                and _BETWEEN_BEFORE.search(text, max(0, start - 12), start))
_POSSESSIVE = re.compile(r"['’]s\b")
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s\s*$")  # "the EU's €750bn fund": the figure qualifies what follows
_MODEL_AFTER = re.compile(r"(?i)\s+(?:model|line|series|handset|phone|jet|jumbo|airliner|engine|chip|(?:micro)?processor|"
                          r"console|edition|motherboard)\b"  # singular: "70 aircraft", "two new models" are counts
                          r"|-[A-Z]\b(?!-)")  # a lettered variant: "the Mylex 386-A motherboard"
_NAME_WORD_AFTER = re.compile(r"\s+[A-Z][a-z]")
_VARIANT_AFTER = re.compile(r"-\d+\b(?!\s*(?:pct|percent|per\s*cent|%|mln|million|billion|bln|bn|dlrs?)\b)|s\b")
# the "200" of "Boeing 737-200", the "800" of "10 737-800 planes"
_MODEL_VARIANT_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b(?:[A-Z][a-z]+|(?<![\d,.])\d{1,3})\s\d+-$")
_COUNT_BEFORE = re.compile(r"(?<![\d,.])\b\d{1,3}\s$")  # a count right before a model: "10 737-800 planes"
_LABEL_BEFORE = re.compile(r"(?i:\b(?:no|nos|number|statement|form|grade|type|class|section)\.?\s+$)"
                           r"|\bGroup\s+of\s+$|\b[A-Z]{2,}\s+[Ll]ocal\s+$")  # "the Group of 24", "UAW local 594"


def _counted_after(text: str, end: int) -> bool:
    """Things are counted after ``end`` ("10m visitors", "36.15 mln shares", "300m blog entries"), not a
    unit ("mln dlrs", "m barrels")."""
    first = re.match(r"\s+([a-z]+)", text[end:end + 30])
    return first is not None and first.group(1) not in _UNIT_LIKE and _COUNTED_NOUN.match(text, end) is not None


_ATHLETICS = re.compile(r"(?i)\b(?:secs?|seconds|hurdles?|hurdlers?|relay|sprint(?:ers?|s)?|medal(?:list)?s?|"
                        r"indoors?|jump|vault|champions?|race|gold|silver|bronze|shot put|javelin|discus|hammer|heats?|laps?|to go|"
                        r"athlet(?:e|es|ics))\b")  # a sentence about athletics: "won the 60m in 7.27 secs"
# the singular "mark" after a number is Deutsche marks when, like "dlr", it qualifies what follows ("a 300
# mln mark bond", "a five-mark coin", "three mark a share"), not a threshold ("passed the 2,000 mark on
# Monday", "the 1,000 mark was breached"); lower case ("Mark IV" is a name)
_THRESHOLD_WORDS = {"level", "levels", "barrier", "threshold", "line", "point"}
_MARK_BEFORE_NOUN = re.compile(rf"[\s-]mark(?=\s+(?:a|per)\s+share\b|[\s-](?!(?:{_alts(_FUNCTION_WORDS | _THRESHOLD_WORDS)})\b)"
                               r"[a-z]{2,})")
_PENCE = re.compile(r"p(?![\w'’-])")  # "245p": pence, glued to the number
_VIDEO_LINES = frozenset({144, 240, 360, 480, 576, 720, 1080, 1440, 2160, 4320})  # "1080p" is a resolution
_INCHES = re.compile(r"in(?![\w'’-])")
_INCHES_ALONE = re.compile(r"\s?in(?=\s*(?:thick|long|wide|tall|high|deep|across|in diameter)\b|\s*[.;,)]?\s*$)")
# pounds that are a weight: "weighs 200 pounds", "a weight of 10 pounds", "30 pounds heavier"
_WEIGHT_BEFORE = re.compile(r"(?i)\b(?:weigh(?:s|ed|ing|t|ts)?|heavier|lighter)\b(?:\s+(?:in\s+at|about|around|"
                            r"nearly|almost|just|some|roughly|only|no|not|more\s+than|less\s+than|under|over|of|up\s+to|"
                            r"[\d.,]+\s*(?:±|\+/[-−])))*\s*$")
_MONEY_NOUN_AFTER = re.compile(r"(?i)\s+(?:notes?|coins?|fines?|fees?|bills?|tickets?|prizes?|rewards?|bonus(?:es)?|"
                               r"payments?|deals?|contracts?|loans?|investments?|budgets?|grants?|donations?|bets?|"
                               r"settlements?|salary|salaries|wages?|sums?|cheques?|checks?|vouchers?|jackpots?|bids?|"
                               r"offers?|funds?|packages?|schemes?|projects?|subsid(?:y|ies)|tax|taxes|bail|pay)\b")
# a quantity written in parts, how many of the second make one of the first
_SMALLER_UNIT = {("ft", "in"): 12, ("h", "min"): 60, ("min", "s"): 60, ("h", "s"): 3600}
_UNCERTAINTY = re.compile(r"\s*(?:±|\+/[-−]|\+[-−](?=\s?\d))\s*")  # "2,000.45±0.01 pounds": a value and its error
_WORD_AFTER = re.compile(r"[\s-]+(?!(?:and|or|to|at|in|on|for|with|by|from|than|while|when|is|was|are|were|as)\b)[a-z]")
_TEMPERATURE_WORDS = re.compile(r"(?i)°|\b(?:celsius|centigrade|fahrenheit|kelvins?|temperatures?)\b")
_WEIGHT_AFTER = re.compile(r"(?i)\s+(?:heavier|lighter|overweight|underweight|in\s+weight)\b")
_FEET_BEFORE = re.compile(r"\d\s?(?:ft|feet|foot|')\s$")
_DETERMINED_HALF = re.compile(r"(?i)\b(?:the|their|his|her|its|our|your|my|whose|each|either)\s+(?:[a-z]+\s+)?$")
_HALF_OF = re.compile(r"(?i)\s+(?:of|a|an|the|its|their|his|her|our|your|my|that|this|these|those|them|it|all)\b|\s*\d")
_POINT_AFTER = re.compile(r"(?:\s+|-)points?\b")  # ("a half-point cut")
_FRACTION_OF_POINT = re.compile(rf"(?i)half(?:\s+an?)?|{_QUARTER_OF}")
_FOOT_INCHES = re.compile(r"(?i)-(?:foot|feet|ft)-(\d{1,2})(?:-(?:inch(?:es)?|in))?(?![\w.])")  # "a 5-foot-10 guard"
_FEET_MARK = re.compile(r"['′](?=\s?\d{1,2}(?:\.\d+)?[\"″])")  # "5' 10\"": feet, when inches follow


def _inch_mark(text: str, end: int, sent_start: int, sent_end: int) -> bool:
    """A double prime (or a straight double quote standing for one) glued to a number: inches. A straight
    quote is a closing quotation mark ('"by 2005"') when the sentence holds an odd number of them before
    it, and an opening one when an odd number follows it."""
    if text.startswith("″", end):
        return True
    return text.startswith('"', end) and text.count('"', sent_start, end) % 2 == 0 \
        and text.count('"', end + 1, sent_end) % 2 == 0
# "minus" is a sign after these words or punctuation ("fell to minus 20C", "Italy, minus 5.7"), an
# operation after others ("LIBOR minus 6-1/2 pct", "plus or minus 10 pct")
_MINUS_SIGN = re.compile(r"(?i)(?:^|[,;:(]|\b(?:to|as|with|be|at|of|and|was|were|is|are|from|by|fell|rose|dropped|hit|"
                         r"reached|stood|remained|stayed))\s*$")
# "35C", "-5C", "minus 30 C", "95F": British news writes temperatures without the degree sign (after
# a number, a capital C or F alone is not read as a unit otherwise: coulomb, farad)
_TEMPERATURE = re.compile(r"\s?([CF])(?![\w'’-])")
_ZONE = re.compile(r"\s?(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|JST)\b|(?i:\s?local time\b)")
_NAME_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b[A-Z][a-z]+\s$")  # "Voyager 2", "Big Three"
_ACRONYM_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b[A-Z]{2,5}\s$")  # "BBC 3", "SMR 20" (not in a table in capitals)
# a sentence that opens with what numbers name: "Unit 1 was operating at 40 pct power"
_IDENTIFIER_OPENS = re.compile(r"\W*(?:Unit|Reactor|Phase|Block|Platform|Stage|Line|Terminal|Runway|Channel|Chapter|"
                               r"Article|Section|Gate|Pier|Berth|Track|Radio|Flight|Route|Highway)\s")
_PERIOD_BEFORE = re.compile(r"(?i)\b(?:first|second|third|fourth|final|last|latter|1st|2nd|3rd|4th)[\s-]$")
_HUNDREDTHS = frozenset({"cents", "cent", "cts", "ct", "pence", "¢"})  # the last word of a currency: its hundredths
_CLOCK = re.compile(r"(?i)\s?[ap]\.?m\.?(?![\w])")
_CLOCK_MINUTES = re.compile(r":[0-5]\d(?![\d,]|\.\d)")
_POWER = re.compile(r"(?:\^?(?P<digit>[23])|(?P<sup>[²³])|\s+(?P<word>squared|cubed))(?![\w])")
_RATE_PERIODS = "second|minute|hour|day|week|month|year"  # what "a" before them makes a rate of a quantity
_PER = re.compile(rf"(?i)\s*(?:/|\bper\s+|\ban?\s+(?=(?:{_RATE_PERIODS})\b))")


def _unit_suffixes(text: str, symbol: str, end: int) -> tuple[str, int]:
    """A power or a rate after a unit: "km^2", "4 km cubed" -> km², km³; "kilometres per hour",
    "barrels a day" -> km/h, bbl/d."""
    power = _POWER.match(text, end)
    if power and not symbol.endswith(("²", "³")) and "/" not in symbol:
        n = power.group("digit") or {"²": "2", "³": "3"}.get(power.group("sup") or "", "") \
            or {"squared": "2", "cubed": "3"}[power.group("word").lower()]
        symbol, end = symbol + {"2": "²", "3": "³"}[n], power.end()
    if "/" in symbol:
        return symbol, end
    per = _PER.match(text, end)
    if per:
        found = _pint_unit(text, per.end(), after_slash=per.group(0).strip() == "/")
        if found and not _when(text, per.group(0).strip(), found[1]):
            symbol, end = f"{symbol}/{found[0]}", found[1]
        return symbol, end
    often = _HOW_OFTEN_AFTER.match(text, end) or _ANNUAL_BEFORE_NOUN.match(text, end)
    if often and not _is_duration(symbol) and not _is_temperature(symbol):
        # "4.5 billion cubic metres annually", "2 mln barrels daily" (not "cooled to minus 160 °C daily"),
        # "72,000 tonnes annual capacity"
        return f"{symbol}/{_HOW_OFTEN_PERIOD.get(often.group(1).lower(), 'a')}", often.end()
    per = _OF_THING_PER.match(text, end)  # "1 million barrels of oil a day": the rate; the span stays
    if per and not _when(text, per.group("per"), per.end()):
        symbol = f"{symbol}/{_PERIODS[per.group('period').lower()]}"
    elif (per := _OF_THING_PER_UNIT.match(text, end)) and (found := _pint_unit(text, per.end())):
        symbol = f"{symbol}/{found[0]}"  # "0.212 ounce of gold per ton", "5 grams of gold per tonne": a grade
    return symbol, end


# how often, said by an adverb right after a measure or an amount of money: a rate ("2 mln barrels daily")
_HOW_OFTEN_PERIOD = {"hourly": "h", "daily": "d", "weekly": "week", "monthly": "month", "quarterly": "quarter",
                     "annually": "a", "yearly": "a"}
_HOW_OFTEN_AFTER = re.compile(rf"(?i)\s+({'|'.join(_HOW_OFTEN_PERIOD)})\b")
# "annual" between a measure and the noun it measures: "72,000 tonnes annual finished capacity"
_ANNUAL_BEFORE_NOUN = re.compile(r"(?i)\s+(annual)(?=\s+[a-z])")
# what a quantity is of, then its rate: "barrels of oil a day", "tonnes of sugar per year"
_OF_THING_PER = re.compile(rf"(?i)\s+of\s+(?:[a-z]+\s+)?[a-z]+\s+(?P<per>an?|per)\s+(?P<period>{_RATE_PERIODS})\b")

# "of" may be left out: "0.20 ounce gold per ton"
_OF_THING_PER_UNIT = re.compile(r"(?i)\s+(?:of\s+(?:[a-z]+\s+)?)?[a-z]+\s+per(?=\s)")


def _when(text: str, connector: str, end: int) -> bool:
    """A quantity's "a year" that is when, not how often (``_says_when``; ``end``: after the period's word)."""
    return connector.lower() in ("a", "an") and _says_when(text, end)


# a whole word, and not the first letter of an abbreviation ("four U.S. destroyers" holds no unit "U")
_UNIT_TOKEN = re.compile(r"(?:\s?|-(?=[A-Za-z]{2}))([A-Za-zµμ°Ω][A-Za-zµμ°Ω²³/^0-9-]*(?:[−⁻][1-3¹²³])?)"
                         r"(?![A-Za-zµμ°Ω²³/^0-9-]|\.[A-Za-z])")
# English words that pint also reads as units: never units after a number in running text
_NOT_UNITS = frozenset("""a an at in is it of on or as be by do if me my no so to up us we am are was were has had the
    and for per from than that this with into over out off one two all any min may mi ms mm s h d y g m t b k p c
    point points times people persons men women percent pct shares share votes cups units unit
    hand hands league leagues bars chain chains shot shots grain grains""".split())  # ("on the one hand",
# "15 league games", "seven bars in Moscow", "two hotel chains", "a one shot deal", "seven grain ships"; not the singular
# "⅓ cup of sauce", "a 15 bar pump")


# Sizes of data in lower case, as news about gadgets writes them ("512mb of storage", "a 1gb card"):
# pint reads "mb" as millibarns and does not know "gb" (upper case "MB", "GB" and "Mb", megabits, it reads)
_LOWER_DATA = {"mb": "MB", "gb": "GB", "tb": "TB"}

_COMPOUND_HEADS = frozenset({"square", "sq", "cubic", "cu", "metric", "short", "long", "troy", "nautical", "light"})


def _pint_unit(text: str, pos: int, *, after_slash: bool = False) -> tuple[str, int] | None:
    """A physical unit right after a number, read by pint ("5 milligrams", "3 kg/cm³", "10 miles per hour"):
    the longest run of up to three words that pint parses to a dimensioned unit. -> (symbol, end). Right
    after a slash a lone letter is a unit, never the English word it spells elsewhere ("17m/s", "300 t/d")."""
    words = []
    cursor = pos
    for _ in range(3):
        m = _UNIT_TOKEN.match(text, cursor)
        if not m:
            break
        words.append((m.group(1), m.end()))
        cursor = m.end()
    if not words:
        return None
    if words[0][0] in _LOWER_DATA:
        return _LOWER_DATA[words[0][0]], words[0][1]
    if len(words) > 1 and words[0][0].lower() in _TIME_QUALIFIERS and _maybe_unit(words[1][0]):
        symbol = _parse_unit(words[1][0])  # "45 human hours", "five trading days", "three straight years"
        if symbol and _is_duration(symbol):
            return symbol, words[1][1]
    head = re.fullmatch(r"(?i)(square|sq|cubic|cu)-([a-z]+)", words[0][0])
    if head:  # "a 2,500-square-foot home"
        words[:1] = [(head.group(1), words[0][1]), (head.group(2), words[0][1])]
    first = words[0][0].lower()
    if not _maybe_unit(words[0][0]) and not (first in _COMPOUND_HEADS and len(words) > 1 and _maybe_unit(words[1][0])):
        return None
    # several words only for compound units: "square kilometres", "miles per hour", "kg per cubic metre"
    longest = len(words) if first in _COMPOUND_HEADS or len(words) > 1 and words[1][0].lower() in ("per", "/") else 1
    if len(words) > 1 and _WATT_HOUR.fullmatch(f"{words[0][0]} {words[1][0]}"):
        longest = 2  # "458.51 billion kilowatt hours": energy, not power
    for n in range(longest, 0, -1):
        phrase = " ".join(w for w, _ in words[:n])
        if (n == 1 and phrase.lower() in _NOT_UNITS or phrase.split()[0].lower() in _NOT_UNITS) \
                and not (after_slash and n == 1 and len(phrase) == 1) \
                and not (n == 1 and phrase == "in" and not text[pos].isspace()):  # glued, inches: "a 42in screen"
            continue
        symbol = _parse_unit(phrase)
        if symbol:
            return symbol, words[n - 1][1]
    return None


@functools.lru_cache(maxsize=1)
def _unit_vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """Names and symbols of pint's units, and its prefixes: a cheap test before a costly parse."""
    reg = _ureg()
    names: set[str] = set()
    for name, definition in reg._units.items():
        names.add(name)
        names.add(name.lower())
        if getattr(definition, "symbol", None):
            names.add(definition.symbol)
        names.update(a for a in getattr(definition, "aliases", ()) or ())
    prefixes: set[str] = set()
    for name, definition in reg._prefixes.items():
        if name:
            prefixes.add(name)
        if getattr(definition, "symbol", None):
            prefixes.add(definition.symbol)
    return frozenset(names), tuple(sorted(prefixes, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Every unit name and symbol pint knows, alone and with each prefix ("kilo" + "gram", "M" + "W")."""
    names, prefixes = _unit_vocabulary()
    return frozenset(names) | frozenset(p + n for p in prefixes for n in names)


@functools.lru_cache(maxsize=65536)
def _maybe_unit(word: str) -> bool:
    """A cheap test before a costly parse: could ``word`` start a unit?"""
    vocabulary = _unit_words()
    head = re.split(r"[/^²³\d−⁻-]", word, maxsplit=1)[0] or word
    if _BITS_PER_SECOND.match(head):  # "1.25gbps": pint knows "Gbps" only with a capital prefix
        return True
    return any(w and w in vocabulary for w in (head, head.lower(), head[:-1] if head.endswith("s") else None,
                                               head.lower().rstrip("s")))


def _pint_units(expression: str):
    """pint's units for ``expression``, or None where pint cannot read it."""
    import pint

    try:
        return _ureg().parse_units(expression)
    except (pint.errors.PintError, ValueError, AttributeError, TypeError, AssertionError, KeyError):
        return None


_WATT_HOUR = re.compile(r"(?i)([a-z]*watts?)[ -](hours?)")
# a word that may stand between a number and its unit of time: what kind of hours, days or years
_TIME_QUALIFIERS = frozenset({"human", "man", "working", "business", "trading", "calendar", "full", "straight",
                              "consecutive", "successive", "solid", "extra", "additional", "more", "further"})


_NAME_WORD = re.compile(r"[A-Z][a-z]*[aeiouy][a-z]*")  # capitalised, with a vowel: "Grams", "Mile", not "Mths"
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def _title_case(sentence: str) -> bool:
    """Most words of four letters or more capitalised: a headline ("Output Rose 5 Pct In March") or a
    table, where a capitalised unit is no name."""
    words = _LONG_WORD.findall(sentence)
    return not words or sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _shouted(sentence: str) -> bool:
    """Mostly capitals: a newswire table or headline ("1CW 14.5 PC 214.60")."""
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


# a sentence where "points" are percentage points: about rates, percentages or polls
_RATES = re.compile(r"(?i)%|\b(?:pct|percent|per cent|percentage|rates?|yields?|interest|inflation|unemployment|"
                    r"growth|polls?|lead|margin|libor|prime)\b")
# a sentence where "points" are an index's ("the Barclays share index fell 504.75 points ..., a decline of 14.7 pct")
_POINTS = re.compile(r"(?i)\bpoints?$")
_INDEX = re.compile(r"\b(?:Dow|FTSE|FT-SE|Nikkei|Hang Seng|DAX|CAC|S&P|Nasdaq|NASDAQ|Industrials|Footsie|ISEQ|Sensex|"
                    r"SENSEX|Nifty|NIFTY|KOSPI|Kospi|ASX|TSX|Stoxx|STOXX|IBEX|Ibex|Topix|TOPIX|Straits Times|"
                    r"All Ordinaries|MSCI|Russell \d+)\b|(?i:\b(?:index|indices|indexes)\b)"
                    r"|(?i:\b(?:share|shares|stock|stocks|composite|industrial)\s+(?:price\s+)?(?:index|indices|average)\b"
                    r"|\bindex\s+of\s+(?:leading\s+)?shares\b)")


_MOST_PERCENTAGE_POINTS = 25  # more is an index's points: no rate, yield or poll moves by 25 percentage points


def _points_are_pp(text: str, start: int, end: int) -> bool:
    """Points in the sentence text[start:end] are percentage points: it is about rates and names no index."""
    return bool(_RATES.search(text, start, end)) and not _INDEX.search(text, start, end)


_BITS_PER_SECOND = re.compile(r"(?i)^([kmgt])bps$")  # not a bare "bps": basis points in finance
# a negative power written after a lower-case unit: "4e14 s-1", "5 fb−1", "3 m⁻²" (not "2 T-1 lines")
_INVERSE = re.compile(r"^([a-zµμ]{1,3})[-−⁻]([1-3¹²³])$")
_SUPERSCRIPTS = str.maketrans("¹²³", "123")
# "2Mb", "512Kb", "10 Gb/s": megabits, kilobits, gigabits (pint reads "Mb" and "kb" as megabarns, kilobarns)
_BITS = re.compile(r"\b([kKMGT])b\b")


@functools.lru_cache(maxsize=4096)
def _parse_unit(phrase: str) -> str | None:
    phrase = _WATT_HOUR.sub(r"\1_\2", _POWER_PHRASE.sub(_power_phrase, phrase.strip()))  # pint's "kilowatt_hour"
    phrase = _BITS_PER_SECOND.sub(lambda m: {"k": "kilo", "m": "mega", "g": "giga", "t": "tera"}.get(m.group(1).lower(), "")
                                  + "bit/second", phrase)  # "100Mbps" (pint reads "bps" as baud)
    phrase = _INVERSE.sub(lambda m: f"{m.group(1)}**-{m.group(2).translate(_SUPERSCRIPTS)}", phrase)
    phrase = _BITS.sub(lambda m: m.group(1).replace("K", "k") + "bit", phrase)
    unit = _pint_units(phrase.replace(" per ", " / ") if " per " in phrase or "**" in phrase else phrase.replace(" ", "_"))
    if unit is None:
        return None
    if unit.dimensionless and not re.search(r"bit|byte", str(unit)):  # pint counts information as dimensionless
        return None
    if not all(_written_unit(name) for name in unit._units):
        return None
    return _pretty(f"{unit:~}")


_BIG = frozenset({"meter", "gram", "liter", "metric_ton", "ton", "watt", "watt_hour", "joule", "electron_volt", "calorie",
                  "hertz", "volt", "ampere", "volt_ampere", "ohm", "pascal", "newton", "byte", "bit", "baud", "becquerel",
                  "pixel", "parsec", "barrel", "year"})  # ("66 Ma ago", "1 Ga")
_SMALL = frozenset({"meter", "gram", "liter", "second", "volt", "ampere", "watt", "joule", "bar", "sievert", "gray", "rem",
                    "mole", "molar", "farad", "tesla", "ohm", "radian", "henry", "curie", "pascal", "calorie", "kelvin"})
# the units each prefix is written with: pint puts any prefix before any unit, which makes units of short words
# ("acts": attocarats, "tends" and "cs": deciseconds and centiseconds, "12 EC countries": exacoulombs, "3ami": attomiles)
_PREFIX_BASES = {"kilo": _BIG, "mega": _BIG, "giga": _BIG, "tera": _BIG,
                 "peta": frozenset({"byte", "bit", "joule", "watt_hour", "watt", "gram", "hertz"}),
                 "exa": frozenset({"byte", "bit", "joule", "watt_hour", "gram"}),
                 "milli": _SMALL, "micro": _SMALL, "nano": _SMALL, "pico": _SMALL,
                 "centi": frozenset({"meter", "liter", "gram", "poise"}), "deci": frozenset({"liter", "meter", "bel"}),
                 "hecto": frozenset({"liter", "pascal", "meter", "gram"}),
                 "femto": frozenset({"second", "meter", "barn"}), "atto": frozenset({"second", "barn"}),  # ("5 fb−1")
                 **{binary: frozenset({"byte", "bit"}) for binary in ("kibi", "mebi", "gibi", "tebi", "pebi", "exbi")}}


@functools.lru_cache(maxsize=1024)
def _written_unit(name: str) -> bool:
    """pint's unit ``name`` ("kilometer", "attocarat") is one people write: a prefix only before the units it
    is written with (``_PREFIX_BASES``), and no physical constant, which pint also counts as a unit ("600R":
    the molar gas constant; "one he": hecto-elementary charges)."""
    parsed = _ureg().parse_unit_name(name)
    if not parsed:
        return True
    prefix, base, _ = parsed[0]
    if base.endswith("_constant") and base != "stefan_boltzmann_constant" \
            or base in ("elementary_charge", "speed_of_light", "avogadro_number"):
        return False  # (pint's σ, which "a 5-sigma result" writes, is a count of standard deviations there)
    return not prefix or base in _PREFIX_BASES.get(prefix, ())


_POWER_PHRASE = re.compile(r"(?i)^(?:(?P<head>square|sq\.?|cubic|cu\.?)\s+(?P<a>[A-Za-z]+)|(?P<b>[A-Za-z]+)(?:\^?(?P<n>[23])|\s+(?P<tail>squared|cubed)))$")


def _power_phrase(m: re.Match) -> str:
    """ "square kilometre", "sq mi", "km2", "km^3", "km cubed" -> pint's "kilometre ** 2" form."""
    head, tail = (m.group("head") or "").lower(), (m.group("tail") or "").lower()
    n = "3" if head.startswith("cu") or tail == "cubed" or m.group("n") == "3" else "2"
    return f"{m.group('a') or m.group('b')} ** {n}"


def _pretty(symbol: str) -> str:
    symbol = symbol.replace(" ", "").replace("**2", "²").replace("**3", "³")
    return {"l": "L", "ml": "mL", "oil_bbl": "bbl"}.get(symbol, symbol)


def _structure(text: str, figs: list[Figure]) -> None:
    """Ranges become low/high and changes from/to, sharing a group; units and scales flow between them;
    words such as "around" mark the figures after them approximate."""
    group = 0
    for f in figs:
        if APPROXIMATE_WORDS.search(text[max(0, f.start - 20):f.start]):
            f.approximate = True
    for i in reversed(range(len(figs) - 1)):
        a, b = figs[i], figs[i + 1]
        # "45 and 50 mg", "4, 5 or 6 mln tonnes": the members of a list share the last one's unit and scale
        # (not the end of a range before it: "those aged 30-39 and 14% of ...")
        if re.fullmatch(r"(?i)\s*(?:,|,?\s*and|,?\s*or)\s*", text[a.end:b.start]) and a.kind == "number" \
                and b.unit and not a.has_scale and not (i and _joined_as_range(text, figs[i - 1], a)) \
                and not _is_alternative(text, a, b) and not (b.unit == "%" and _no_percentage(a)) \
                and not _POINTS.search(a.text):  # not "rose 20.54 points, or 0.2%": an index's points
            a.kind, a.unit = b.kind, b.unit
            if not (b.per == "share" and "or" in text[a.end:b.start]):  # not "a loss of 150,000, or two cts a share"
                a.per = b.per
            if b.has_scale and a.value < 1000:
                a.value *= b.scale
                a.has_scale, a.scale = True, b.scale
    # "66.0 mln dlrs, or 3.07 dlrs a share, from 66.2 mln dlrs, or 3.08 dlrs": an amount and the same
    # per share; a change pairs the amounts, then their alternatives
    alternative = {id(a): b for a, b in zip(figs, figs[1:], strict=False) if _is_alternative(text, a, b)}
    alternatives = {id(b) for b in alternative.values()}
    main = [f for f in figs if id(f) not in alternatives and not _period_of_change(text, f)]
    for a, b in zip(main, main[1:], strict=False):
        shown_as = alternative.get(id(a))
        end = (shown_as or a).end
        if shown_as is not None and shown_as.unit == "%" and (whole := _OF_THE_WHOLE.match(text, end)):
            end = whole.end()  # "to 260,500 shares, or 6.4 pct of the total outstanding common stock, from 370,500"
        between = text[end:b.start]
        before = text[max(0, a.start - 40):a.start]
        if b.role != "value" or a.role != "value" or not _compatible(a, b):
            continue
        roles = None
        if re.fullmatch(r"-?\s*(?:to|-|–|and)\s*(?:an?\s+\w+\s+|as much as\s+)?", between) or re.fullmatch(r"\s*to\s+(?!between\b)\w+\s+", between):
            if re.match(r"\s*to\b", between) and _is_change_amount(a, before, b):
                # "cut by 0.75 cent to 66 cents", "fell 26.3 pct to 328,221 units": how much, then the new level,
                # which is counted in the amount's money ("shed 23 marks to 1,022", "dipped 33p to 3,275")
                if b.kind == "number" and a.kind == "money" and not b.has_scale:
                    b.kind, b.unit, b.value, b.scale = a.kind, a.unit, b.value * a.scale, a.scale
                elif a.kind == "number" and a.unit is None and b.unit is not None and not _POINTS.search(a.text) \
                        and not _fraction_in_words(a):  # (not "cut by half to 66.2 billion")
                    a.kind, a.unit = b.kind, b.unit  # "rose 20 to 1,260 yen", "increased 16 to 693 mln dlrs": in yen, mln dlrs
                    if b.has_scale and not a.has_scale:
                        a.value, a.has_scale, a.scale = a.value * b.scale, True, b.scale
                _share_basis(a, b)  # "rose 50 cts to 18.50 dlrs a barrel": 50 cts a barrel
                continue
            if re.search(r"(?i)\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere)\s+from\s*(?:about|around|some|roughly|nearly)?\s*$", before):
                roles = ("low", "high")  # "prices ranged from 7 to 10 dlrs": a range, not a change
            elif _FROM.search(before):
                roles = _from_to_roles(text, a)
            elif (re.search(r"(?i)\bbetween\s*$", before) or re.fullmatch(r"-?\s*(?:-|–|to)\s*", between)) \
                    and (a.value * (b.scale if a.unit is None and b.scale < 1 and not b.has_scale else 1) <= b.value
                         or b.has_scale and not a.has_scale):  # not "Boeing 747-400"; "12-14 cents" is a range
                roles = ("low", "high")
        elif _is_change_amount(a, before) and re.match(r"(?i)\W*(?:up\s+|down\s+)?from\b", between):
            continue  # "up 2.2 pct from 448.79 billion": by how much, then the old level
        elif re.fullmatch(r"(?i)\s*(?:,\s*)?(?:up|down)?\s*from\s*(?:an?\s+\w+\s+)?", between) and _CHANGE_VERB.search(before + " " + text[a.start - 60:a.start]):
            roles = ("to", "from")
        elif re.fullmatch(r"(?i)\s*(?:,\s*)?(?:up|down)?\s*from\s*", between) and not _FROM_TO_OF_ITS_OWN.match(text, b.end):
            roles = ("to", "from")  # (not "1,440 barrels per day from 2,131 to 2,135 metres": a range of its own)
        elif not _qualified_pair(a, b, before):
            pass
        elif _QUALIFIED_FROM.fullmatch(between) and (_TO.search(before) and _CHANGE_VERB.search(text[max(0, a.start - 60):a.start])
                                                      or re.search(r"(?i)\b(?:up|down)\s+from\s", between)):
            roles = ("to", "from")  # "rose to 7.50 dlrs a share from six dlrs", "to 1.5 mln tonnes in 1987 from"
        elif _QUALIFIED_TO.fullmatch(between) and _FROM.search(before):
            roles = _from_to_roles(text, a)  # "from 242 dlrs per tonne to 180 dlrs", "from 69 in 1984 to 298"
        if roles is None:
            continue
        group += 1
        a.role, b.role = roles
        a.group_id = b.group_id = group
        if roles[0] != "low" and id(a) in alternative and id(b) in alternative:
            group += 1  # the per-share figures change alongside
            alternative[id(a)].role, alternative[id(b)].role = roles
            alternative[id(a)].group_id = alternative[id(b)].group_id = group
            _share_basis(alternative[id(a)], alternative[id(b)])
        # "between 5 and 7 percent", "from 12 to 20 million tonnes": the first borrows unit and scale
        for x, y in ((a, b), (b, a)):
            if x.unit is None and y.unit is not None and x.kind == "number":
                x.kind, x.unit = y.kind, y.unit
                if y.scale < 1 and not y.has_scale:  # "65 to 68 cts": cents, hundredths of the currency
                    x.value *= y.scale
                    x.scale = y.scale
            if not x.has_scale and y.has_scale and x.value < 1000 and x.value * y.scale < 1e15:
                x.value *= y.scale
                x.has_scale = True
        if roles == ("low", "high") and re.fullmatch(r"[-–]", between) and not a.has_scale and a.value < 1000 \
                and _THOUSANDS.search(b.text) and b.value / 10 < a.value * 1000 <= b.value:
            a.value *= 1000  # "100-150,000 metric tons": from a hundred thousand (not "1-10,000": from one)
        _share_basis(a, b)  # "to 18.50 dlrs a barrel from 17.80", "between $5 and $6 a barrel"
        if a.approximate or b.approximate:
            a.approximate = b.approximate = a.approximate or b.approximate
    for a, b in zip(figs, figs[1:], strict=False):
        # "9.8 crowns vs 9.49", "64 cts against 1.16": the figure compared with takes the unit and scale
        if b.kind == "number" and a.unit and _COMPARED_OR_PART.fullmatch(text, a.end, b.start) \
                and any(c.isdigit() for c in b.text):  # (not "of which half": a share, not an amount)
            b.kind, b.unit, b.per = a.kind, a.unit, a.per
            part = "which" in text[a.end:b.start]  # "23,442 billion lire, of which 20,322": a part, no more than the whole
            if a.scale != 1.0 and not b.has_scale and (b.value < 1000 or part and b.value * a.scale <= a.value):
                b.value *= a.scale
                b.has_scale, b.scale = True, a.scale
    for i, f in enumerate(figs):
        # "imports stood at 20.1 billion crowns while exports were 23.7 billion": a scaled bare number
        # after an amount of money (or a quantity) in the same sentence counts in the same unit
        if f.kind == "number" and f.has_scale and f.unit is None and not _counted_after(text, f.end):
            # (not from a duration: "in three months"; not "... and drew 10m visitors")
            kinds = ("money",) if _WORTH.search(text[max(0, f.start - 25):f.start]) else ("money", "quantity")
            earlier = next((g for g in reversed(figs[:i]) if _gives_unit(g, kinds) and not _in_parentheses(text, g, f.start)),
                           None)  # (not a conversion in brackets)
            if earlier is not None:
                f.kind, f.unit = earlier.kind, earlier.unit
        elif f.kind == "number" and f.unit is None and not f.has_scale and i \
                and _LEVEL_VERB_BEFORE.search(text, max(0, f.start - 25), f.start) and _LEVEL_AFTER.match(text, f.end):
            # "changing hands at 372 riyals ($99; £53) after topping 400 early in the day", "closed at 140.50
            # yen after hitting 141": a price level the sentence gave the unit of, near the level before it
            # (and a level it came from: "output declined to 104,353 tonnes carcass weight in January from
            # 112,262 in December")
            earlier = next((g for g in reversed(figs[:i]) if not _in_parentheses(text, g, f.start)), None)
            if earlier is not None and _gives_unit(earlier, ("money", "quantity")) \
                    and 0.5 <= f.value / max(earlier.value, 1e-9) <= 2:
                f.kind, f.unit, f.per = earlier.kind, earlier.unit, earlier.per
        elif f.kind == "number" and f.unit is None and not f.has_scale and 0 < i < len(figs) - 1 \
                and _LIST_ITEM_END.match(text, f.end) and _LIST_ITEM_BEFORE.search(text, max(0, f.start - 12), f.start):
            # "traders in West Germany received 34,750 tonnes, in the U.K. 13,000, in Denmark 7,250 tonnes": an
            # item of a list between two in the same unit counts in it
            g, h = figs[i - 1], figs[i + 1]
            if g.unit == h.unit and g.per == h.per and g.kind == h.kind and _gives_unit(g, ("money", "quantity")) \
                    and f.role == g.role == h.role == "value" and 0.01 <= f.value / max(g.value, 1e-9) <= 100 \
                    and not re.fullmatch(r"\s*(?:,|;|and|,\s*and)\s*", text[g.end:f.start]):
                f.kind, f.unit, f.per = g.kind, g.unit, g.per


# "9.8 crowns vs 9.49", "460,000 hectares, against 425,000", "25,000 tonnes a month, of which 5,000"
_COMPARED_OR_PART = re.compile(r"(?i)\s*,?\s*(?:vs\.?|versus|against|compared with|of which(?:\s+(?:about|around|some|only|just|"
                               r"nearly|roughly))?)\s*")
_LIST_ITEM_END = re.compile(r"\s*(?:[,;]|and\b)")
# a word before the item (not the comma of an aside, "Thanou, 29, won", nor "the 3470", a model)
_LIST_ITEM_BEFORE = re.compile(r"(?<!\bthe)(?<!\bThe)(?<=[A-Za-z.])\s+$")


def _gives_unit(g: Figure, kinds: tuple[str, ...]) -> bool:
    """Whether a bare number near ``g`` may count in ``g``'s unit: an amount of one of ``kinds`` with a unit, not
    a span of time ("in three months") nor a temperature ("572 °F, 573.15K")."""
    return g.kind in kinds and g.unit is not None \
        and not (g.kind == "quantity" and (_is_duration(g.unit) or _is_temperature(g.unit)))


# after a level: the end of a clause, or when and how ("400 early in the day", "141 in early trade"), not a
# counted noun ("hiring 400 new staff", "hitting 400 units")
_LEVEL_AFTER = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:early|late|last|earlier|later|on|in|at|during|before|after|"
                          r"yesterday|today|this|and|but|while|intraday|briefly|shortly|a\s+(?:year|month|week)\s+(?:earlier|ago|before))\b")
# a verb of a price reaching a level, or the "from" of the level a change came from, right before a bare number
_LEVEL_VERB_BEFORE = re.compile(r"(?i)\b(?:top(?:s|ped|ping)?|hit(?:s|ting)?|touch(?:es|ed|ing)|reach(?:es|ed|ing)|"
                                r"peak(?:s|ed|ing)\s+at|(?:rose|risen|rising|fell|fallen|falling|climbed|climbing|"
                                r"dropped|dropping|slipped|eased|easing)\s+to|(?:high|low)\s+of|from)\s+$")

# after "from <a number>": "to" and another number with a unit of its own ("from 2,131 to 2,135 metres")
_FROM_TO_OF_ITS_OWN = re.compile(r"\s*(?:to|-|–)\s*[\d.,]+\s*[a-z]")
_THOUSANDS = re.compile(r"\d,000(?![\d,])")


def _share_basis(a: Figure, b: Figure) -> None:
    """Two amounts of a range or a change in the same money: the one stated without a basis has the
    other's ("between $5 and $6 a barrel": both a barrel)."""
    if a.kind == b.kind == "money" and a.unit == b.unit and (a.per is None) != (b.per is None):
        a.per = b.per = a.per or b.per


_FROM = re.compile(r"(?i)\bfrom\s*(?:about|around|some|roughly|nearly)?\s*$")
_TO = re.compile(r"(?i)\bto\s*(?:about|around|some|roughly|nearly|an estimated|a record)?\s*$")


def _is_alternative(text: str, a: Figure, b: Figure) -> bool:
    """``b`` restates the amount ``a`` another way: "785 mln dlrs or 1.30 dlrs a share", "36.4 mln dlrs or
    79 cts"; a count as its share of the whole: "169,888 shares, or 3.4 pct, from 288,652 shares, or 5.8 pct"
    is two changes (the shares, and the percentages), not 3.4 pct from 288,652 pct."""
    between = text[a.end:b.start]
    if a.kind == "number" and a.unit is None and b.unit == "%":  # (without the comma, only a count no percentage
        # could be: "from 205,000 or 12.8 pct", not the list "4 or 5 pct")
        return _COUNT_OR_SHARE.fullmatch(between) is not None or a.value > 100 and _OR.fullmatch(between) is not None
    return a.kind == b.kind == "money" and re.fullmatch(r"(?i)\s*,?\s*or\s*", between) is not None \
        and (b.per == "share" or a.has_scale and not b.has_scale)


_OF_THE_WHOLE = re.compile(r"(?i)\s+of\s+(?:the\s+|its\s+)?(?:company's\s+)?(?:total|outstanding|common|voting|stock|shares)\b"
                           r"(?:\s+(?:total|outstanding|common|voting|stock|shares)\b)*")
_OF_AFTER = re.compile(r"\s+of\b")
_OR = re.compile(r"(?i)\s+or\s+")
_COUNT_OR_SHARE = re.compile(r"(?i)\s+(?:[a-z]+\s+)?(?:shares|stock|units)\s*,\s*or\s+|\s*,\s*or\s+")


def _period_of_change(text: str, f: Figure) -> bool:
    """``f`` is the length of the period a change is over: "grew to 11.0 billion schillings in the first
    four months this year from 8.2 billion"."""
    return f.unit is not None and _is_duration(f.unit) and _PERIOD_OPENING.search(text, max(0, f.start - 30), f.start) is not None


_PERIOD_OPENING = re.compile(r"(?i)\b(?:in|over|during|for)\s+the\s+(?:first|last|past|next|latest|same)\s+$")


def _qualified_pair(a: Figure, b: Figure, before: str) -> bool:
    """Whether ``a`` and ``b`` may be a change across a rate or a period between them: not by how much
    ("fell by nearly half in 1986 from ..."), not a duration ("in the first four months this year from"),
    and not an amount without a scale beside one with it ("four dlrs per share from the 545 mln dlr sale")."""
    if _is_change_amount(a, before) or a.unit and _is_duration(a.unit) or b.unit and _is_duration(b.unit):
        return False
    return "number" in (a.kind, b.kind) or a.has_scale == b.has_scale


# what may stand between the two figures of a change besides "from" / "to": a rate ("a barrel", "per
# share") or a period ("in 1986", "in the first quarter", "last year"), once or twice
_QUALIFIERS = (r"(?:\s*,?\s*(?:(?:an?|per)\s+[a-z]+|in\s+(?:the\s+)?(?:[a-z0-9]+\s+){0,3}?(?:\d{4}|[a-z]+)"
               r"|(?:last|this|next|a)\s+(?:year|quarter|month|week)(?:\s+(?:ago|earlier))?)){1,2}")
_QUALIFIED_FROM = re.compile(rf"(?i){_QUALIFIERS}\s*,?\s*(?:up\s+|down\s+)?from\s+(?:the\s+)?")
_QUALIFIED_TO = re.compile(rf"(?i){_QUALIFIERS}\s*,?\s*to\s+")


def _from_to_roles(text: str, a: Figure) -> tuple[str, str]:
    """"from ``a`` to ...": a change if something moves ("jumping from 12 to 20 mln tonnes", "cut ...
    from"), else a span ("enable from 50 to 80% to flow")."""
    clause = re.split(r"[.!?;]\s", text[max(0, a.start - 150):a.start])[-1]
    moved = _CHANGE_VERB.search(clause) or _MOVED.search(clause) \
        or any(w in _CHANGE_NOUNS or w[:-1] in _CHANGE_NOUNS for w in re.findall(r"[a-z]+", clause.lower()))
    return ("from", "to") if moved else ("low", "high")


def _joined_as_range(text: str, a: Figure, b: Figure) -> bool:
    """``a`` and ``b`` read as the ends of a range: "30-39", "5 to 7", "between 18 and 24"."""
    between = text[a.end:b.start]
    return re.fullmatch(r"\s*(?:-|–|to)\s*", between) is not None or re.fullmatch(r"\s*and\s*", between) is not None \
        and re.search(r"(?i)\bbetween\s*$", text[max(0, a.start - 12):a.start]) is not None


def _in_parentheses(text: str, g: Figure, limit: int) -> bool:
    """``g`` is inside brackets that close before ``limit``: "4.3bn rupees ($98m; £52m)"."""
    opened = text.rfind("(", 0, g.start)
    return opened >= 0 and text.rfind(")", opened, g.start) < 0 and 0 <= text.find(")", g.end) < limit


@functools.lru_cache(maxsize=256)
def _is_temperature(unit: str) -> bool:
    """``unit`` (a canonical symbol) measures temperature: "°C", "K"."""
    units = _pint_units(unit)
    return units is not None and units.dimensionality == {"[temperature]": 1}


@functools.lru_cache(maxsize=256)
def _is_duration(unit: str) -> bool:
    """``unit`` (a canonical symbol) measures time: "month", "a" (pint's year), "h"; not money."""
    units = _pint_units(unit)
    return units is not None and units.dimensionality == {"[time]": 1}


_WORTH = re.compile(r"(?i)\b(?:worth|valued at|value of|costing|cost|priced at|price of)\s+(?:about|around|some|roughly|nearly)?\s*$")
_BY = re.compile(r"(?i)\bby\s*(?:about|around|some|roughly|nearly|almost|an estimated)?\s*$")
_VERB_JUST_BEFORE = re.compile(r"(?i)\b\w+(?=\s+(?:a\s+(?:record|further|steep|sharp|modest)|another)\s*$)|\b\w+\s*$")


def _is_change_amount(a: Figure, before: str, b: Figure | None = None) -> bool:
    """``a`` says by how much something changed, so "``a`` to ``b``" is not a range: "by" before it, or a
    change verb right before a figure with its own unit ("fell 26.3 pct to ..."), or before a bare number
    that the next (``b``) is many times ("rose 2-1/4 to 101", "notes in circulation rose 360 mln to 27.7
    billion"); "rose 5 to 10 pct", where the first borrows the unit, stays a range."""
    many_times = b is not None and 0 < 8 * a.value * (b.scale if b.has_scale and not a.has_scale else 1) <= b.value
    if _BY.search(before):  # (but a bare number that the next is not many times is a range: "by 25 to 30 pct")
        return b is None or a.kind != "number" or many_times or _fraction_in_words(a)
    verb = _VERB_JUST_BEFORE.search(before)
    counted = a.kind != "number" or _POINTS.search(a.text) is not None or many_times
    # ("skidded 44.60 points to 2360.94"; not "raise 35 to 45 mln dlrs", where the first takes the scale)
    return counted and verb is not None and (_CHANGE_VERB.fullmatch(verb.group(0).strip()) is not None
                                             or verb.group(0).strip().lower() in ("off", "lost"))
    # ("fell a record 504.75 points to 2,925": how much, then the level; "sales were off 8.6 pct to 98,036")


def _no_percentage(f: Figure) -> bool:
    """A bare count of a thousand or more, or a scaled one, is no percentage: never a percentage's range, change
    or list ("fell 0.5 pct to 1,804,000", "employ 443,000, nine pct of the workforce")."""
    return f.has_scale or f.value >= 1000


def _fraction_in_words(f: Figure) -> bool:
    """ "half", "one-third": a part, which changes things by itself ("cut by about one-third to 2.56 billion
    francs"), never an amount in the next figure's unit."""
    return f.value < 1 and not any(c.isdigit() for c in f.text)


def _compatible(a: Figure, b: Figure) -> bool:
    """Two figures can form a range or a change only if they measure the same kind of thing."""
    if "number" in (a.kind, b.kind):
        # an index's points pair only with other bare numbers ("508 points to 1,738"), not "12 points to 24.6 pct";
        # a percentage never with a bare count in the thousands or scaled: "fell 0.5 pct to 1,804,000", "5.19 pct up
        # from 49.98 billion", "risen by 40 pct from 1.8 mln" are a change by so much, then a level
        return not any(_POINTS.search(x.text) and y.unit is not None or x.unit == "%" and y.unit is None and _no_percentage(y)
                       for x, y in ((a, b), (b, a)))
    return a.kind == b.kind and a.unit == b.unit


def _share_subjects(figs: list[Figure]) -> None:
    groups: dict[int, list[Figure]] = {}
    for f in figs:
        if f.group_id is not None:
            groups.setdefault(f.group_id, []).append(f)
    for members in groups.values():
        subject = next((f.subject for f in members if f.subject), None)
        for f in members:
            f.subject = subject


_UNIT_LIKE = frozenset({w for table in (UNIT_WORDS, _CURRENCY_WORDS_1987, PERCENT_WORDS) for k in table for w in k.lower().split()}
                       | {k for k in CURRENCY_WORDS if " " not in k}  # a currency's own word, not "Thai", "Kenyan", "real"
                       | set(SCALES) | {"tons", "tonnes", "barrels", "units", "points", "cents", "ecus", "sdrs", "head",
                                      "fob", "cif"}) \
    - {"european", "currency", "unit"}  # not subjects (but "unit labor costs", "the US currency" are)
_STOP_SUBJECT = re.compile(r"(?i)^(?:the|a|an|its|their|his|her|our|this|that|these|those|of|to|in|on|at|by|for|"
                           r"from|with|and|or|but|as|is|was|were|are|be|been|has|have|had|it|they|he|she|we|said|"
                           r"says|while|whereas|which|who|what|about|around|some|nearly|roughly|potentially|impressive|"
                           r"substantial|record|total|valued|worth|up|down|rose|fell|increasing|increased|jumping|"
                           r"jumped|contemplating|consider\w*|reached|hit|stood|to|than|more|less|over|under|"
                           r"an|estimated|approximately|almost|just|only|another|new|per|each|every|all|mln|bln|"
                           r"billion|million|pct|percent|dlrs|dollars|share|shares?|vs|year|years|month|week|far)$")
# the acronyms of what economic figures measure: subjects, where other capitalised words are names ("the bank
# said GDP rose 2.1 pct", "the M3 rose by 15.7 pct"; not "IBM earned")
_MEASURE_ACRONYM = re.compile(r"GDP|GNP|GNI|CPI|PPI|RPI|PSBR|M-?[0-4]")
_WORDS_BACK = re.compile(r"[A-Za-z][A-Za-z'’-]*(?<=-)\d{1,3}\b|M\d\b|[A-Za-z][A-Za-z'’-]*")  # "COVID-19 cases", "M-2" (not "mid-1988")


def _subject(text: str, f: Figure, s_start: int, s_end: int, tail: Figure | None = None) -> str | None:
    """The noun phrase a figure measures: "12 million tonnes of wheat" -> "wheat"; "a 57 mln dlr
    satellite" -> "satellite"; "an arms sale ... valued at around $11 billion" -> "arms sale"; "its
    soybean imports ... from 12 million tonnes" -> "soybean imports". NULL when no phrase is found
    nearby. A pattern over words, not a parse: content words are the ones that are not function
    words, verbs of the cue list, units or names."""
    tail = tail or f  # the figure whose end the words after are read from (a range's high end)
    after = text[tail.end:min(s_end, tail.end + 80)]
    conversion = _CONVERSION.match(after)  # "its planned £1.35bn ($2.5bn) offer": past the conversion
    if conversion:
        after = after[conversion.end():]
    if qualifier := _OR_MORE.match(after):  # "20 pct or more of Rogers' shares", "the 10 or so images": past it
        after = after[qualifier.end():]
    if "- " in after or "-," in after:
        after = _SUSPENDED_HYPHEN.sub("", after)  # "of medium- and long-term loans": of the loans
    # "80 mln dlrs of 15 pct subordinated notes", "16 pct of Chronar's common": what follows "of"
    m = re.match(r"\s+(?:worth\s+)?of\s+(?:(?:the|its|their|his|her|a|an)\s+)?(?:[A-Za-z][\w.&-]*(?:'s|’s|s'|s’)\s+)?(?:[\d.,/-]+\s+\S+\s+)?"
                 r"(?:(?:[A-Z]\.){2,}\s*)?((?:[A-Za-z][A-Za-z-]*(?:(?<=[A-Z])\d{1,4}\b)?\s?){1,4})", after)  # ("of U.S. corn": the corn; "of CO2")
    if m and not (f.kind == "percent" and _DENOMINATOR.match(m.group(1))):
        words = _content_run(m.group(1).split(), heads=_FORWARD_HEADS)
        if words:
            return " ".join(words)
    # "bought 25,000 tonnes U.S. soybeans", "100,000 tonnes white sugar": newswire leaves out the "of"
    m = _GOODS_AFTER.match(after) if f.kind == "quantity" and f.unit in _GOODS_UNITS else None
    if m:
        words = _content_run(m.group(1).split(), stop_at_verbs=True)
        if words and not _not_noun(words[-1]) and words[-1].lower() not in _HOW_WEIGHED:
            return " ".join(words)
    # "82.9 mln dlrs in assets", "$3bn in new loans": an amount in what it is made of (no article)
    # (not after "is": "the acquisition price is approximately 17.5 mln dlrs in cash" is the price, paid in cash)
    m = _IN_WHAT.match(after) if f.kind == "money" and not _COPULA_BEFORE.search(text, max(s_start, f.start - 40), f.start) \
        else None
    if m:
        words = _content_run(m.group(1).split(), stop_at_verbs=True)
        if words and words[0].lower() not in _IN_IDIOMS and not _not_noun(words[0]):
            return " ".join(words)
    # attributive: "a 42.5 pct interest", "a 57 mln dlr hurricane-tracking satellite", "1,350 inspectors",
    # "a 30-year contract"; a change noun hands on to what changed ("a 15 pct drop in 1987 earnings")
    before_word = re.search(r"(\w+)\s*$", text[max(s_start, f.start - 15):f.start])
    # "a 28 dlr a share takeover bid": past its basis (not "a dividend of one dlr per share payable")
    basis = _BASIS_AFTER.match(after) if f.per and not (before_word and before_word.group(1).lower() == "of") else None
    if basis:
        after = after[basis.end():]
    if f.kind == "quantity" and (how := _DIMENSION_AFTER.match(after)):
        after = after[how.end():]  # "a 10ft long table", "the 1,500 kms-long cable": the table, the cable
    # "7% GDP growth", "42 ethnic minority MPs"
    m = _ATTRIBUTIVE.match(after)
    attributive = f.unit is None or (before_word is not None and before_word.group(1).lower() in _DETERMINERS) \
        or _POSSESSIVE_BEFORE.search(text, max(s_start, f.start - 15), f.start) is not None \
        or conversion is not None and m is not None \
        or re.search(r"[\da-z]-[a-z]", tail.text) is not None or tail.text.lower().endswith(" annual") \
        or tail.value != 1 and _SINGULAR_UNIT.search(tail.text) is not None and not _RATE_TEXT.search(tail.text) \
        or f.kind == "quantity" and _GLUED_SYMBOL.search(tail.text) is not None and not _is_duration(f.unit) \
        and not _ATHLETICS.match(after.lstrip()) \
        or f.unit == "%" and basis is None and re.match(r"\s", after) is not None \
        and not _CLAUSE_OPENS.search(text, max(s_start, f.start - 30), f.start)
    # (the last four: "a 30-year contract", "a seven year revolving credit", "a 120GB hard drive", "looks for
    # 2.7 pct growth")
    if m and attributive:
        words = _content_run(m.group(1).split(), stop_at_verbs=True, heads=_FORWARD_HEADS)
        if not words and m.start(1) > 1 and (bare := _ATTRIBUTIVE_BARE.match(after)):
            # past names that a verb follows ("the £3m musical Billy Elliot have been delayed"): the words before them
            m = bare
            words = _content_run(m.group(1).split(), stop_at_verbs=True, heads=_FORWARD_HEADS)
        if words and words[-1].lower() in _CHANGE_NOUNS:  # "a 15 pct drop in 1987 operating earnings"
            end_of_noun = after.find(words[-1], m.start(1)) + len(words[-1])
            rest = re.match(r"\s+(?:in|of)\s+(?:\d{4}\s+)?(?:(?:the|its|their)\s+)?((?:[A-Za-z][A-Za-z-]*\s?){1,3})",
                            after[end_of_noun:])
            more = _content_run(rest.group(1).split()) if rest else []
            if more and (more[0].lower() in _MONTHS or more[-1].lower() in _IN_IDIOMS):
                more = []  # "a 0.5 pct monthly rise in February": when, not what rose; "a 32% pay cut in return"
            # with nothing after it, a percentage is the change of the noun before it: "a 3% pay rise" (not "7%
            # GDP growth": growth is the measure; an amount is the change itself: "a 39.9 mln dlrs rate increase")
            words = more or (words[:-1] if len(words) > 1 and words[-1].lower() != "growth" and f.unit in ("%", "pp")
                             and words[-2].lower() not in _CHANGE_ADJECTIVES else words)
        if len(words) > 1 and f.unit is None and words[0].lower() == "times":
            words = words[1:]  # "valued at 2.5 times sales": a multiple of the sales
        if len(words) == 1 and f.unit == "%" and _ADJECTIVE.search(words[0]) \
                and _CLAUSE_GOES_ON.match(after, after.find(words[0], m.start(1)) + len(words[0])):
            words = []  # "the vaccine is 95% effective": how the vaccine is, not a thing; what it measures is before
        if words and not (f.unit is None and words[0].lower() in _UNIT_LIKE):
            return " ".join(words)
    window_start = max(s_start, f.start - 160)
    while window_start > s_start and (text[window_start - 1].isalnum() or text[window_start - 1] in "'’") \
            and window_start < f.start:
        window_start += 1  # never from the middle of a word ("...ion" of "production", "s" of "Corp's")
    # a time adjunct between a figure and what it measures is passed over, blanked to keep the offsets
    # ("revenues for the first four months of 1987 of 13.6 mln dlrs", "sales in the year to March were")
    window = _TIME_ADJUNCT.sub(lambda m: " " * len(m.group()), text[window_start:f.start])
    # the nearest run of 1-3 content words before a linking verb or preposition, skipping names
    cues = list(_SUBJECT_CUES.finditer(window))
    offset = window_start
    for cue in reversed(cues):
        before = window[:cue.start()]
        # "the payments, used by poorer provinces to fund services, will rise to"; "the current account deficit -
        # the difference in the value of imports compared to exports - to a record"
        # (not when a dash follows the figure: "The hard drive - at 80GB for the larger model - is too small" is
        # inside an aside itself)
        aside = _ASIDE.search(before) or (_DASH_ASIDE.search(before) if _DASH.search(before)
                                          and not _DASH.search(text, f.end, s_end) else None)
        if aside and not _not_noun(aside["noun"]) \
                and (aside["noun"][0].islower() or not text[s_start:offset + aside.start("noun")].strip()) \
                and all(_linking_or_change(w) for w in aside["verbs"].split()):
            before = before[:aside.end("noun")]
        clause = before.rfind(";")  # not past a semicolon ("... beat forecasts; sales were $3.2 billion": sales)
        words = [w for w in list(_WORDS_BACK.finditer(before))[-4:] if w.start() > clause]
        if cue.group().lower() in ("above", "below") and not _NOUN_BEFORE_LEVEL.search(before):
            continue  # "the dollar above 150 yen", "a reading above 50 pct"; not "stays above", "well below"
        if cue.group().lower() == "costs" and not _DETERMINED.search(before, max(0, len(before) - 50)):
            continue  # "the service costs $15", "that system also costs"; not a table's "redundancy costs 3.6 mln vs"
        if cue.group().lower() == "off" and not _PLURAL_END.search(before):
            continue  # "sales off 6.9 pct"; not a verb's "laid off one week", "broken off two weeks ago"
        if cue.group().lower() in ("up", "down", "off") and words and (_not_noun(words[-1].group()) or len(words) > 1 and (
                words[-2].group().lower() in ("to", *_MODALS))):
            continue  # a verb's particle ("picked up four awards", "sold it down 30 points"), not "sales up 5%"
        phrase: list[str] = []
        phrase_end = len(before)  # where the phrase's last word ends
        for k in range(len(words) - 1, -1, -1):
            wm = words[k]
            w = wm.group()
            opens_sentence = not text[s_start:offset + wm.start()].strip()
            # "the dollar ... 140.00 yen": a currency named in the singular is what a price in another measures
            other_currency = w.lower() in _CURRENCY_NAMES and not _may_name(w.lower(), f.unit)
            if not phrase and w.endswith(("'s", "’s")) and w[0].islower() \
                    and _CHANGE_NEXT.match(before, wm.end()):
                phrase = [w[:-2]]  # "the dollar's drop today to 145 yen": what dropped
                first = wm
                break
            if (_not_content(w) and not other_currency and w.lower() != "shares"
                and not (w.lower() == "share" and k and words[k - 1].group().lower() == "market")) \
                    or (w[0].isupper() and not opens_sentence
                        and not (_MEASURE_ACRONYM.fullmatch(w) and before[wm.start() - 1:wm.start()] != "(")) \
                    or w.endswith(("'s", "’s")) \
                    or phrase and _VERB_LIKE.search(w) and not w.lower().endswith(("ed", "ly", "ing")) \
                    or phrase and _past_verb_after_noun(w, words[k - 1].group() if k else None, phrase[0]) \
                    or not phrase and (_VERB_LIKE.search(w) or w.lower() in _CHANGE_NOUNS - {"growth"}
                                       # an amount's "gain of" is income: "one time gain of 35,000 dlrs"
                                       - ({"gain"} if f.kind == "money" and cue.group().lower() == "of" else set())
                                       or _VERB_NEXT.search(window, max(0, wm.start() - 10), wm.start())
                                       or (w.lower().endswith("ing") or w.lower() in _BE_PARTICIPLES)
                                       and _BE_BEFORE.search(window, max(0, wm.start() - 12), wm.start())):
                if phrase:
                    break
                continue  # past "had declined", "could drop", "is set to slow", names and function words
            if not phrase:
                phrase_end = wm.end()
            phrase.insert(0, w.lower() if opens_sentence and not w.isupper() else w)  # ("M-2", "GDP" keep theirs)
            first = wm
            if len(phrase) == 3:
                break
        phrase = _head_phrase(phrase)
        if phrase and not _VERB_LIKE.search(phrase[-1]):
            # "consolidated sales in the period were ...": before a verb, the head is before the preposition,
            # unless it is a change ("the rise in exports was"), a verb or a name; not before a preposition
            # ("available in denominations of 1,000": what the figure measures is the denominations)
            # (a preposition cue after a verb is the verb's: "the yield on the bond rose to 7 pct" is the yield's)
            # (not a relative clause's verb: "sales for feeder steers that weigh between 600 and 800 lbs": the steers)
            pp = (cue.group().lower() not in _PREPOSITION_CUES
                  or "," not in before[first.start():phrase_end] and _verb_in(before[phrase_end:])) \
                and not _RELATIVE.match(before, phrase_end) \
                and _PP_BEFORE.search(text, max(window_start, offset + first.start() - 80), offset + first.start())
            if pp and (pp["head"].lower() in _FORWARD_HEADS or not _not_noun(pp["head"])) \
                    and pp["head"].lower() not in _CHANGE_NOUNS - {"growth"} \
                    and (pp["head"][0].islower() or not text[s_start:pp.start("head")].strip()) \
                    and not _VERB_NEXT.search(text, max(window_start, pp.start("head") - 10), pp.start("head")):  # not
                # "willing to trade in the market"
                first = next(_WORDS_BACK.finditer(window, pp.start("head") - offset, pp.end("head") - offset), first)
                phrase = [pp["head"].lower() if not text[s_start:pp.start("head")].strip() else pp["head"]]
                mod_opens = pp["mod"] is not None and not text[s_start:pp.start("mod")].strip()
                if pp["mod"] and not _not_content(pp["mod"]) and (pp["mod"][0].islower() or mod_opens):
                    phrase.insert(0, pp["mod"].lower() if mod_opens else pp["mod"])  # "consolidated sales"
                    first = next(_WORDS_BACK.finditer(window, pp.start("mod") - offset, pp.end("mod") - offset), first)
            # "holdings of U.S. savings bonds reached ...": the head is before the "of"
            of = re.search(r"(?i)\b([a-z][a-z-]*)\s+of\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w.'’-]+\s+){0,3}$",
                           text[window_start:offset + first.start()])
            if of and not _not_content(of.group(1)) and not _VERB_LIKE.search(of.group(1)) \
                    and not re.search(r"(?i)\b(?:said|says|that|which|who|and|but)\b", of.group(0)):  # not "Bank of Mexico said that"
                phrase = [of.group(1), "of", *phrase]
            return " ".join(phrase)
    # "include loss 131,000 dlrs": a noun right before the figure
    last = re.search(r"\b([a-z][a-z-]+)\s+$", text[window_start:f.start])
    at = window_start + last.start(1) if last else 0
    if last and not _not_content(last.group(1)) and not _VERB_LIKE.search(last.group(1)) \
            and last.group(1).lower() not in _CHANGE_NOUNS - {"gain"} \
            and not (last.group(1).lower().endswith("ing") and _BE_RIGHT_BEFORE.search(text, max(window_start, at - 8), at)) \
            and not _VERB_NEXT.search(text, max(window_start, at - 10), at):  # "will choose 14 songs"
        return last.group(1)
    return None


# "China's oil imports will be 110m tons", "inflation would probably be about 2%": a modal's "be" right
# before the figure (a cue of ``_subject``'s, which reads the window that ends at the figure); not
# "there will be 12 more", "it will be five years"
_MODALS = ("will", "would", "could", "should", "may", "might", "can", "must")
_MODAL_ALTS = "|".join(_MODALS)
_MODAL_BE = (rf"(?<!\bthere\s)(?<!\bit\s)(?:{_MODAL_ALTS})\s+(?:[a-z]+ly\s+)?be"
             r"(?=\s+(?:(?:about|around|some|roughly|nearly|approximately|less than|more than|between)\s+)?[\W\d]*$)")
_PP_BEFORE = re.compile(r"(?:(?<!['’])\b(?P<mod>[A-Za-z][\w-]*)\s+)?(?<!['’])\b(?P<head>[A-Za-z][\w-]*)\s+(?i:in|for|on|at|during|over|by|from)\s+"
                        r"(?:(?i:the|its|their|this|that|a|an)\s+)?"
                        rf"(?:(?:{'|'.join(m for m in (*calendar.month_name, *calendar.month_abbr, 'Sept') if m)})\.?\s+)?$")
# (past a month: "Cotton for December delivery was 1.35 cents higher")
# before a percentage that opens a clause, whose next word is its verb ("30% saw", "and 27% said")
_CLAUSE_OPENS = re.compile(r"(?i)(?:[,;:(]|\b(?:and|or|but|against|while|whereas|than|vs|versus|with))\s*$")
_BASIS_AFTER = re.compile(r"[\s-]*(?:/\s*|\b(?:[Aa]n?|[Pp]er)[\s-]+)[a-z]+(?=[\s-])")
# a unit in the singular after a number other than one qualifies the noun that follows ("a seven year
# revolving credit", "a 10 mile drive", "a 40 mln dlr loan")
_SINGULAR_UNIT = re.compile(r"(?i)[\s-](?:year|month|week|day|hour|minute|mile|kilometre|kilometer|metre|meter|"
                            r"foot|inch|acre|hectare|ton|tonne|barrel|gallon|litre|liter|ounce|dlr|ecu)$")
_DIMENSION_AFTER = re.compile(rf"[\s-](?:{'|'.join(_EXTENT_WORDS)})(?=\s+[a-z])")
_HOW_WEIGHED = frozenset({"weight", "basis", "equivalent", "value"})  # "480,000 tonnes shipped weight"
_GOODS_UNITS = frozenset({"t", "ton", "long_ton", "bbl", "bu", "oz", "kg", "lb"})  # what goods are weighed in
_GOODS_AFTER = re.compile(r"\s+(?:(?:[A-Z]\.){2,}\s*|[A-Z][a-z]+\s+(?=[a-z]))?(?!number\b|no\b|dw\b)((?:[a-z][a-z-]*(?:\s+|(?=[,.;:)]|$))){1,3})")
_GLUED_SYMBOL = re.compile(r"\d[A-Za-z]+$")  # a unit's symbol written onto its number: "120GB", "16mm"
_RATE_TEXT = re.compile(r"(?i)\b(?:a|an|per)\s|/")  # "thirty hours a week": its last unit is a rate's basis
_TIME_ADJUNCT = re.compile(
    r"(?i)\b(?:for|in|during|over|through)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:first|last|past|next|latest|same|full|fiscal|current|previous|prior|second|third|fourth|final|"
    r"year-ago)\s+)*(?:(?:[a-z]+|\d+)[\s-]+)?(?:months?|quarters?|years?|weeks?|half|period|mths|qtrs?)\b"
    r"(?:\s+(?:ended|ending|to|through)\s+(?:[A-Z][a-z]+\.?(?:\s+(?:\d{1,2}|(?-i:[A-Z][a-z]+)))?(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|"
    r"\d{4}))?"
    r"(?:\s+of\s+(?:\d{4}|fiscal\s+\d{4}))?"
    # an adjunct, not a modifier ("a drop in third quarter profits"): a verb, a preposition or the end follows
    r"(?=\s*,?\s*(?:$|(?:of|was|were|is|are|will|would|should|could|may|might|had|has|have|to|from|at|by|up|down|"
    r"off|rose|fell|increased|decreased|declined|dropped|gained|grew|totall?ed|totall?ing|amounted|stood|reached|"
    r"jumped|slipped|eased|climbed|soared|slumped|narrowed|widened|remained|showed|came|went)\b))")
_IN_WHAT = re.compile(r"\s+in\s+(?:(?:new|additional|fresh|further|total|annual|net|gross)\s+)?((?:[a-z][a-z-]*\s?){1,3})")
_IN_IDIOMS = frozenset({"order", "addition", "line", "return", "exchange", "contrast", "particular", "part", "turn",
                        "case", "fact", "effect", "response", "principle", "advance", "time", "all", "cash-and-stock",
                        "value", "terms", "connection", "settlement", "compensation", "lieu", "place", "excess",
                        "morning", "afternoon", "evening", "midday", "trade", "fiscal", "calendar", "real", "nominal",
                        "constant", "current", "qtr", "band", "period", "session"})
# (not "325.5p in morning trade", "in fiscal 1987", "in real terms", "in qtr", "in band one")
_PREPOSITION_CUES = frozenset({"of", "at", "to", "from", "by", "worth", "valued at", "amounted to"})
# a noun, then an aside between commas, then only verbs before a cue: the subject is the noun before the
# aside ("the cost of the settlement, after anticipated recoveries, will be less than 4 mln dlrs")
_ASIDE = re.compile(r"(?P<noun>\b[A-Za-z][\w-]*)\s*,\s*(?i:which|who|whose|where|including|excluding|after|before|"
                    r"as|like|in|on|at|of|for|with|without|by|from|under|over|mainly|mostly|largely|chiefly|"
                    r"[a-z]+ed|[a-z]+ing|[a-z]+en)\b[^,;()]{3,90}?,\s*(?P<verbs>(?:[A-Za-z]+\s+){0,2})$")
_COPULA_BEFORE = re.compile(r"(?i)(?<!\bthere\s)(?<!\bthere\swill\s)(?<!\bthere\swould\s)\b(?:is|are|was|were|be|been)\s+(?:(?:about|around|approximately|roughly|nearly|some|"
                            r"almost|just|only|an\s+estimated|estimated\s+at|put\s+at|set\s+at)\s+)?$")
_DASH = re.compile(r"\s[-–—]\s|–|—")
_DASH_ASIDE = re.compile(r"(?P<noun>\b[A-Za-z][\w-]*)\s+[-–—]\s+[^-–—;()]{3,90}?\s+[-–—]\s+(?P<verbs>(?:[A-Za-z]+\s+){0,2})$")
_RELATIVE = re.compile(r"(?i)\s+(?:that|which|who)\s")
_LINKING = frozenset({*_MODALS, "is", "are", "was", "were", "be", "been", "has", "have", "had"})


def _linking_or_change(word: str) -> bool:
    """A linking verb or a verb of change ("was", "will", "rose", "up")."""
    return word.lower() in _LINKING or _CHANGE_VERB.fullmatch(word) is not None


def _verb_in(stretch: str) -> bool:
    """Whether ``stretch`` (between a noun phrase and a preposition cue) holds a finite linking or change verb:
    not "up to" / "down to", a bound's; not an infinitive's "to raise up to $443m"."""
    words = stretch.lower().split()
    return any(_linking_or_change(w) and w not in ("up", "down", "off") and (i == 0 or words[i - 1] != "to")
               for i, w in enumerate(words))

# "funds were trading at 6-1/8 pct": an "-ing" form after "be" is a verb
_BE_BEFORE = re.compile(r"(?i)(?<!\bi\s)(?<!\bit\s)(?<!\bhe\s)(?<!\bwe\s)(?<!\bshe\s)(?<!\byou\s)(?<!\bthey\s)"
                        r"\b(?:is|are|was|were|be|been)\s+$")  # (not "it was negotiating to invest")
_PLURAL_END = re.compile(r"[a-z]{2}s\s*$")
# an adjective after a percentage, then the clause goes on without a noun ("95% effective against", "is 40%
# complete.", "100% sure that"): the percentage is a degree of something before it
_ADJECTIVE = re.compile(r"(?i)^(?:\w+(?:ive|ful|able|ible|ous)|efficient|complete|sure|certain|likely|correct|full|free|"
                        r"accurate|safe|true|right|wrong|ready|done|satisfied|happy|confident|responsible)$")
_CLAUSE_GOES_ON = re.compile(r"(?i)\s*(?:[.,;:!?)]|$|(?:against|in|at|for|than|of|that|to|on|with|when|if|by)\b)")
# a determiner or pronoun opening the noun phrase right before a word: "the software costs", "that system also costs"
_DETERMINED = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those|its|his|her|their|our|which|each|every)\s+(?:\S+\s+){0,3}$")
# what a level "above" or "below" a figure is of: a noun right before it ("the dollar above 150 yen", "orders
# below 10 mln yen", "temperatures above 40C"), not a verb, an adverb or a preposition ("stays above 20 dlrs",
# "well below", "cannot rise above", "at or below")
_NOUN_BEFORE_LEVEL = re.compile(r"(?i)\b(?!(?:well|far|just|still|back|up|down|further|slightly|comfortably|firmly|way|"
                                r"is|was|are|were|be|been|being|cannot|not|or|and|to|at|of|in|on|for|from|with|but|"
                                r"stay|stays|hold|holds|fall|falls|go|goes|get|gets|rise|rises|remain|remains|keep|keeps|"
                                r"trade|trades|close|closes|move|moves|push|pushes|drop|drops|try|intervene|appears?|"
                                r"it|them|him|her|this|that|which|who|anything|something|little|bit|stuck|cut|set|"
                                r"low|lows|high|highs|level|levels|\w+ed)\b)[a-z][\w-]*\s+$")
# past participles without "-ed" that are nouns too: a verb after "is" ("the deficit is forecast at 3%")
_BE_PARTICIPLES = frozenset({"forecast", "bid", "broadcast", "budget"})
_BE_RIGHT_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|been)\s+$")  # "they were trading 84% above": a verb
# "is set to slow to 4%", "which holds an average of 25 pct": a word after "to", "which" or "who" is a verb,
# and after a modal or "been" ("viewers will choose 14 past songs", "have been given up to 30 days")
_VERB_NEXT = re.compile(rf"(?i)\b(?:to|which|who|it|he|she|they|we|you|{_MODAL_ALTS}|been)\s+$")
# "same-store sales up five pct", "profits down 3%": "up" or "down" right before the figure, not after a
# comma ("... kilowatt hours, up 2.1 pct": what rose is further back)
_UP_DOWN = (r"(?<![,;–-]\s)(?<!\band\s)(?:up|down|off)"
            r"(?=\s+(?:by\s+)?(?:(?:about|around|some|roughly|nearly|almost|just|more than|less than|over)\s+)?[\W\d]*$)")
# linking verbs and prepositions a figure's subject comes before
_SUBJECT_CUES = re.compile(r"(?i)\b(?:valued at|worth|totall?ing|totall?ed|of|at|reached|hit|to|rose|fell|risen|fallen|"
                           r"increased|decreased|jumping|jumped|rising|falling|from|was|were|is|are|stood|"
                           rf"amounted to|by|{_MODAL_BE}|{_UP_DOWN}|grew|slid|shrank|sank|gained|lost|climbed|dropped|declined|"
                           r"slipped|soared|surged|plunged|tumbled|edged|narrowed|widened|earned|averaged|averaging|"
                           r"exceeded|topped|accounted for|above|below|dipped|slumped|eased|rallied|"
                           # what a thing measures ("the lorry weighed 44 tonnes", "the farm covers 1,200 hectares")
                           r"weigh|weighs|weighed|weighing|measures|measured|measuring|covers|covered|spans|spanned|"
                           # the verb, not the noun ("the average cost for each", "low-cost drives")
                           r"(?<![\w-])costs?(?=\s+(?:(?!(?:of|for|to|in|on|was|is|were|are|will|would|has|had|per|and|or|might|may|could|should|can|must|"
                           r"savings|cutting|overruns|increases?|rises?)\b)[\w$€£¥])|\s*$)|"  # (the window ends at the figure)
                           # after a modal, with it ("net profit will fall 71.7 pct"; "a fall", "the rise" are nouns;
                           # after "to", the "to" is the cue: "the car industry is expected to fall by 35 pct")
                           rf"(?:{_MODAL_ALTS})\s+"
                           r"(?:fall|rise|grow|drop|climb|jump|slip|gain|increase|decline|dip|shrink|exceed|top|total|reach|average|hit|"
                           r"amount\s+to))\b")
# the first members of a suspended compound ("medium- and long-term loans", "short-, medium- or long-term
# debt"): the last member names what they share
_SUSPENDED_HYPHEN = re.compile(r"\b[A-Za-z]+-(?:\s*,\s*[A-Za-z]+-)*\s*,?\s+(?:and|or|to)\s+(?=[A-Za-z]+-[A-Za-z])")
_OR_MORE = re.compile(r"\s+or\s+(?:more|less|so|fewer|higher|lower|above|below)\b")
_CONVERSION = re.compile(r"\s*\((?=[^()]{0,40}[$€£¥\d])[^()]{1,40}\)")


def _not_content(word: str) -> bool:
    w = word.lower().rstrip("-")
    return bool(_STOP_SUBJECT.match(w)) or w in _UNIT_LIKE or w in _MORE_STOPS or w in NUMBER_WORDS \
        or w.endswith(("n't", "n’t")) or word[:1].islower() and bool(_COMPASS.fullmatch(w)) \
        or "-" in w and all(p in NUMBER_WORDS or p in _FRACTION_WORDS for p in w.split("-"))  # "don't"; "one-half"


_FRACTION_WORDS = frozenset({"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"})
# where and how far a measure reaches, not what it measures: "40 kms east of Johannesburg", "70 cms deep"
# (in lower case: "South Africa", "West Germany" are names)
_COMPASS = re.compile(r"(?:north|south|east|west)(?:-?(?:north|south|east|west))*(?:wards?)?")


def _not_noun(word: str) -> bool:
    """A function word, a unit, a verb-looking word or an "-ing" form: not the noun a figure's subject ends with."""
    return _not_content(word) or bool(_VERB_LIKE.search(word)) or word.lower().endswith("ing")


def _content_run(words: list[str], stop_at_verbs: bool = False, heads: frozenset[str] = frozenset()) -> list[str]:
    """The leading run of content words, its last three, without a trailing verb-looking word. With
    ``stop_at_verbs`` the run must start at the first word ("a 57 mln dlr satellite", not "$11 billion
    was approved") and ends at a verb-looking word."""
    run: list[str] = []
    for i, w in enumerate(words):
        if stop_at_verbs and not run and w.lower() in _PRE_ADJECTIVES and i + 1 < len(words):
            continue  # "five new jets", "two more stores": what is counted follows
        content = w.lower() in heads or not _not_content(w)
        # a participle before a noun qualifies it: "three skilled nursing facilities", "20.0 mln authorized shares"
        adjective = stop_at_verbs and not run and w.lower().endswith("ed") and i + 1 < len(words) \
            and not _not_content(words[i + 1]) and not _VERB_LIKE.search(words[i + 1])
        if stop_at_verbs and not run and content and i + 1 < len(words) and words[i + 1].lower() in _CHANGE_NOUNS:
            adjective = True  # a noun before a change noun: "a 32% pay cut", "a 5% tax rise"
        if stop_at_verbs and not run and (not content or _VERB_LIKE.search(w)) and not (content and adjective):
            return []
        if not content or (stop_at_verbs and run and _VERB_LIKE.search(w)):
            if run:
                break
            continue
        run.append(w)
    return _head_phrase(run)[-3:]


_PRE_ADJECTIVES = frozenset({"new", "more", "other", "additional", "further", "extra", "another"})


def _head_phrase(words: list[str]) -> list[str]:
    """Drop a leading verb ("reported third-quarter income" -> "third-quarter income") and a trailing
    adverb or verb-looking word ("imports potentially" -> "imports"); "-ing" nouns ("borrowing") stay."""
    while len(words) > 1 and _VERB_LIKE.search(words[0]) and words[1].lower() not in _CHANGE_NOUNS:
        words = words[1:]  # (but "pay" in "a 3% pay rise" is a noun)
    while words and len(words) > 1 and (_VERB_LIKE.search(words[-1]) or words[-1].lower() in _HOW_OFTEN):
        words = words[:-1]  # (nor "roundtrips weekly": "weekly" qualifies what comes before, "hourly workers")
    return [] if all(w.lower() in _HOW_OFTEN for w in words) else words


_MONTHS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.month_abbr, "Sept") if m)
_HOW_OFTEN = frozenset(_HOW_OFTEN_PERIOD)  # the adverbs of frequency: never the last word of a subject
# the words a figure qualifies ("7% GDP growth", "42 ethnic minority MPs"), past a name or a model before
# them ("a 133-hectare Texas ranch", "30 Airbus A320 planes", "five used Boeing 737-200 aircraft", "10 737-800
# planes"; not a month: "a 1.9 pct January increase")
_ATTRIBUTIVE_WORDS = r"((?:(?:[A-Z]{2,5}(?=\s+[a-z])|[A-Z]{2,5}s\b|[a-z][a-z-]*(?![A-Za-z]))\s?){1,4})"
# past up to three capitalised words ("four Central American states", "the 4.3 pct Gramm-Rudman budget cut")
_ATTRIBUTIVE = re.compile(r"[\s-](?:(?:(?!(?:of|in|at|to|for|from|by|on|with|and|or|the|an?)\b)[a-z]+\s+(?=[A-Z]))?"
                          rf"(?!(?i:{'|'.join(sorted(_MONTHS | {d.lower() for d in calendar.day_name}))})\b)"
                          r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s+){1,3}(?:(?:[A-Z]+\d+\w*|\d+(?:-\d+)?)\s+)?(?=[a-z])|\d+-\d+\s+(?=[a-z]))?"
                          + _ATTRIBUTIVE_WORDS)
_ATTRIBUTIVE_BARE = re.compile(r"[\s-]" + _ATTRIBUTIVE_WORDS)


_VERB_LIKE = re.compile(r"(?i)(?:(?<!^hour)(?<!^dai)(?<!^week)(?<!^month)(?<!^quarter)(?<!^year)(?<!^elder)"
                        r"(?<!^supp)(?<!^assemb)ly|ed)$|^(?:grew|rose|fell|shrank|sank|slid|swung|stood|went|came|lost|spent|held|"
                        r"grow|grows|grown|risen|fallen|shrunk|thought|seen|become|becomes|became|remain|remains|"
                        r"include|includes|exclude|excludes|comprise|comprises|contain|contains|represent|represents|exceed|exceeds|"
                        r"reduce|cut|raise|buy|sell|sold|pay|paid|make|made|take|took|give|gave|"
                        r"rising|falling|increasing|decreasing|including|according|totalling|totaling|jumping|"
                        r"compared|representing|carrying|paying|seeking|being|having|making|taking|amounting|sent|put|"
                        r"drew|shot|brought|bought|broke|ran|kept|shut|got|get|gets|go|goes|come|comes|takes|gives|puts|bringing|"
                        r"expect|expects|think|thinks|believe|believes|say|want|wants|feel|agree|prefer|told|stands|"
                        r"costing|beat|hit|saw|met|led|weigh|weighs|"
                        r"vary|varies|varying|ranging|struck|began|flew|fled)$")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "some", "about", "of",
                          "around", "nearly", "roughly", "approximately", "estimated", "additional", "further",
                          "another", "first", "initial", "new", "total", "extra", "entire", "whole"})
_CHANGE_NOUNS = frozenset({"drop", "rise", "increase", "decrease", "decline", "fall", "gain", "cut", "jump", "growth",
                           "reduction"})
# how or when a change happened, not what changed: "a 0.5 pct monthly rise", "a 3% real increase"
_CHANGE_ADJECTIVES = frozenset({*_HOW_OFTEN_PERIOD, "annual", "annualised", "annualized", "real", "nominal", "average",
                                "overall", "further", "sharp", "steep", "modest", "small", "slight", "big", "large",
                                "total", "net", "underlying", "seasonal", "cumulative", "year-on-year", "month-on-month",
                                "year-over-year", "previous", "expected", "projected", "planned", "proposed"})
_CHANGE_NEXT = re.compile(rf"\s+(?:{'|'.join(sorted(_CHANGE_NOUNS))})\b")  # "the dollar's drop"
# Never a subject, beside the function words of _STOP_SUBJECT (which row labels share)
_MORE_STOPS = frozenset({"into", "onto", "through", "across", "after", "before", "during", "against", "between",
                         "among", "behind", "though", "although", "upon", "via", "within", "without", "towards",
                         "toward", "near", "off", "won", "aside",
                         "did", "does", "do", "not", "also",
                         "end", "here", "there", "then", "now", "last", "next", "earlier", "later", "ago",
                         "low", "high", "set", "underway", "currently", "outstanding", "both", "other", "such",
                         "plus", "minus", "still", "yet", "even", "if", "when", "where", "because", "so",
                         "quarter", "quarters", "half", "average", "upwards", "upward", "final", "first",
                         "second", "third", "fourth", "months", "days", "weeks", "hours", "minutes", "decades",
                         "out", "back", "ahead", "away", "past", "due", "today", "yesterday", "tomorrow", "tonight",
                         "above", "below", "beyond", "until", "since", "dn", "unch",
                         "i", "him", "them", "us", "me", "you", "least", "able", "unable", "possible",
                         "impossible", "likely", "unlikely", "going", "instead", "enough", "already", "following",
                         "versus", "higher", "lower", "cheaper", "dearer", "firmer", "weaker", "stronger", "better",
                         "worse", "p", "despite", "much", "soon", "whether", "late", "early", "ending", "either", "whole",
                         "usual", "apart", "am", "meanwhile", "however",
                         "moreover", "nevertheless", "nonetheless", "therefore", "thus", "hence",
                         "month-on-month", "year-on-year", "year-to-year", "overall", "again", "respectively", "entire",
                         "once", "twice", "thrice", "nor",
                         *_EXTENT_WORDS}) | set(_MODALS)
# the singular names of currencies: "the dollar" is what "140.00 yen" prices; "dlrs" is an amount's unit
_CURRENCY_NAMES = frozenset({"dollar", "euro", "pound", "sterling", "yen", "yuan", "renminbi", "mark", "franc", "lira",
                             "rupee", "peso", "rouble", "ruble", "rand", "guilder", "crown", "ringgit", "baht", "won"})
_FORWARD_HEADS = frozenset({"share", "shares"})  # "20 mln common shares", "an 11 pct market share"
# what a percentage is of, not what it measures: "the deficit narrowed to 4.5% of GDP" is the deficit's
# (not "of the workforce", "of the population": "shed 10% of the workforce" is the workforce's)
_DENOMINATOR = re.compile(r"(?i:GDP|GNP|gross\s+(?:domestic|national)\s+product|national\s+income)\b")
# the "-ed" forms a news sentence puts between its subject and what a figure measures ("the company reported
# earnings of ...", "China raised rates by ..."): a verb there, where most "-ed" words before a noun are its
# adjectives ("projected deficit", "accepted price", "preferred stock"); the irregular ones ("sold", "paid",
# "cut") are in _VERB_LIKE
_TRANSITIVE_PAST = frozenset({"reported", "posted", "raised", "lowered", "boosted", "lifted", "pushed", "produced",
                              "caused", "recorded", "registered", "announced", "declared", "predicted", "increased",
                              "reduced", "trimmed", "hiked", "slashed", "doubled", "tripled", "halved",
                              "generated", "earned", "booked", "returned", "delivered"})


def _past_verb_after_noun(word: str, before: str | None, after: str) -> bool:
    """One of ``_TRANSITIVE_PAST`` right after a content word is its verb, not an adjective of the noun
    after it: "the bank raised rates by 25 basis points": rates, not "bank raised rates" (but an oil
    company's "posted prices" are its list prices)."""
    return word in _TRANSITIVE_PAST and before is not None and not before.lower().endswith("ly") \
        and not _not_content(before) and not (word == "posted" and after.lower().startswith("price"))


def figure_and_date_rows(doc_id: str, text: str, sentences: list[tuple[int, int, int]], reference) -> tuple[list[dict], list[dict]]:
    """``figures`` and ``dates`` rows of one document; ``sentences`` holds (sentence_id, start, end)."""
    from pipelines.lib.dates import find_dates

    figures, dates = [], []
    group_base = 0
    for sentence_id, s, e in sentences:
        found_dates = find_dates(text, s, e, reference)
        dates.extend(dict(doc_id=doc_id, sentence_id=sentence_id, start=d.start, end=d.end, text=d.text, value=d.value)
                     for d in found_dates)
        figs = find_figures(text, s, e, dates=[(d.start, d.end) for d in found_dates])
        groups = 0
        for f in figs:
            group = None
            if f.group_id is not None:
                group = group_base + f.group_id
                groups = max(groups, f.group_id)
            figures.append(dict(doc_id=doc_id, sentence_id=sentence_id, start=f.start, end=f.end, text=f.text,
                                kind=f.kind, value=f.value, unit=f.unit, approximate=f.approximate,
                                subject=f.subject, group_id=group, role=f.role, per=f.per))
        group_base += groups
    return figures, dates


def rows_chunk(items: list[tuple]) -> list[tuple[list[dict], list[dict]]]:
    """``figure_and_date_rows`` of each ``(doc_id, text, sentences, reference)``: one unit of work for
    a worker process (see ``parallel``)."""
    return [figure_and_date_rows(doc_id, text, sentences, reference) for doc_id, text, sentences, reference in items]
