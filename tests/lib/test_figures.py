from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.lib.dates import find_dates
from pipelines.lib.figures import figure_and_date_rows, find_figures, parse_number


def one(text):
    figs = find_figures(text)
    assert len(figs) == 1, [(f.text, f.value) for f in figs]
    return figs[0]


@pytest.mark.parametrize(
    "text, values, units, roles",
    [
        # an amount and the same per share change together, each with its own
        ("Profit fell to 785 mln dlrs or 1.30 dlrs a share from 1.02 billion dlrs or 1.65 dlrs.",
         [785e6, 1.30, 1.02e9, 1.65], ["USD"] * 4, ["to", "to", "from", "from"]),
        ("Profits declined to 66.0 mln dlrs, or 3.07 dlrs a share, from 66.2 mln dlrs, or 3.08 dlrs a share.",
         [66e6, 3.07, 66.2e6, 3.08], ["USD"] * 4, ["to", "to", "from", "from"]),
        # by how much, then the old level: no pair, and no scale passed to the percentage
        ("Output was 458.51 billion kilowatt hours, up 2.2 pct from 448.79 billion last year.",
         [458.51e9, 2.2, 448.79e9], ["kWh", "%", "kWh"], ["value"] * 3),
        ("Export earnings fell by nearly half in 1986 from 11.6 billion dlrs in 1985.",
         [0.5, 11.6e9], [None, "USD"], ["value"] * 2),
        # index and price points are not percentage points; by how much, then the level, in the same money
        ("The Dow Jones industrial average skidded 44.60 points to 2360.94.", [44.6, 2360.94], [None, None],
         ["value"] * 2),
        ("Labour has a lead of 10 points in the latest poll.", [10], ["pp"], ["value"]),
        ("In autos Daimler shed 23 marks to 1,022.", [23, 1022], ["DEM", "DEM"], ["value"] * 2),
        ("Unilever dipped 33p to 3,275.", [0.33, 32.75], ["GBP", "GBP"], ["value"] * 2),
        # the length of the period is not an end of the change
        ("The surplus grew to 11.0 billion schillings in the first four months this year from 8.2 billion.",
         [11e9, 4, 8.2e9], ["ATS", "month", "ATS"], ["to", "value", "from"]),
        # an amount per share is no end of a change in a sale's price
        ("It expects a gain of four dlrs per share from the 545 mln dlr sale of its business.",
         [4, 545e6], ["USD", "USD"], ["value"] * 2),
    ],
)
def test_changes_across_rates_periods_and_alternatives(text, values, units, roles):
    figs = find_figures(text)
    assert [f.value for f in figs] == pytest.approx(values)
    assert [f.unit for f in figs] == units
    assert [f.role for f in figs] == roles


@pytest.mark.parametrize(
    "text, kind, value, unit",
    [
        ("It cost $11 billion.", "money", 11e9, "USD"),
        ("A loan of US$3.5 bn was agreed.", "money", 3.5e9, "USD"),
        ("Sales were 13.5 billion dlrs.", "money", 13.5e9, "USD"),
        ("It issued a 50 mln stg eurobond.", "money", 50e6, "GBP"),
        ("The fine was €20m.", "money", 20e6, "EUR"),
        ("He paid £2,000 for it.", "money", 2000, "GBP"),
        ("Revenue reached 4 trillion yen.", "money", 4e12, "JPY"),
        ("Investment of 370 mln yuan is planned.", "money", 370e6, "CNY"),
        ("They bought 12 million tonnes of soybeans.", "quantity", 12e6, "t"),
        ("It weighs 20 kg.", "quantity", 20, "kg"),
        ("They generated 458.51 billion kilowatt hours.", "quantity", 458.51e9, "kWh"),
        ("It will sell 70 terawatt-hours a year.", "quantity", 70, "TWh/a"),
        ("The 2,500-square-foot home was sold.", "quantity", 2500, "ft²"),
        ("It offers 100Mbps broadband.", "quantity", 100, "Mbit/s"),
        ("The central bank raised rates by 25 basis points.", "percent", 0.25, "pp"),
        ("Spreads widened 5 bps.", "percent", 0.05, "pp"),
        ("GDP shrank 0.3pc in the quarter.", "percent", 0.3, "%"),
        ("Shares rose 5¢ on the day.", "money", 0.05, "USD"),
        ("I found an old 386 PC in the office.", "number", 386, None),
        ("Output is 1.5 mln barrels per day.", "quantity", 1.5e6, "bbl/d"),
        ("Output is 900,000 bpd.", "quantity", 900000, "bbl/d"),
        ("The wall is 16 metres high.", "quantity", 16, "m"),
        ("The road runs 1,500,000 kilometres.", "quantity", 1.5e6, "km"),
        ("It covers 40 hectares.", "quantity", 40, "ha"),
        ("Temperatures hit 35 °C there.", "quantity", 35, "°C"),
        ("Winds of 120 km/h struck.", "quantity", 120, "km/h"),
        ("Exports rose 4.5 pct.", "percent", 4.5, "%"),
        ("Exports rose 91% in all.", "percent", 91, "%"),
        ("Rates rose 0.25 percentage points.", "percent", 0.25, "pp"),
        ("Rates were 6-3/16 pct.", "percent", 6.1875, "%"),
        ("They sold twelve tonnes.", "quantity", 12, "t"),
        ("He ordered a dozen tonnes.", "quantity", 12, "t"),
        ("About one and a half million barrels were lost.", "quantity", 1.5e6, "bbl"),
        ("The company employs 525 people.", "number", 525, None),
        ("Margins moved -3.5 pct in a year.", "percent", -3.5, "%"),
        ("Prices were −2.1% lower.", "percent", -2.1, "%"),
        ("Shr profit 13 cts.", "money", 0.13, "USD"),
        ("It traded at 277 pence.", "money", 2.77, "GBP"),
        ("Revenue was -15€ this year.", "money", -15, "EUR"),
        ("The annual result is $-99.99.", "money", -99.99, "USD"),
        ("Its GDP is $2.174T.", "money", 2.174e12, "USD"),
        ("Reserves stood at 876 mln ringgit.", "money", 876e6, "MYR"),
        ("Protons circulate in the 27-kilometer ring.", "quantity", 27, "km"),
        ("Italy covers 301,338 km2 of land.", "quantity", 301338, "km²"),
        ("The lake holds 4 km^3 of water.", "quantity", 4, "km³"),
        ("The lake holds 4 cubic kilometers of water.", "quantity", 4, "km³"),
        ("The estate covers 300 square miles.", "quantity", 300, "mi²"),
        ("The train reached 200 kilometres per hour.", "quantity", 200, "km/h"),
        ("The field pumps 1.2 million barrels a day.", "quantity", 1.2e6, "bbl/d"),
        ("The plant handles 4,500 tpd.", "quantity", 4500, "t/d"),
        ("They store 10 exabytes of data.", "quantity", 10, "EB"),
        # newswire currencies and units (session 7, from hand-labelled Reuters sentences)
        ("It is issuing a 125 mln luxembourg franc bond.", "money", 125e6, "LUF"),
        ("It issued a 40 mln Australian dlr eurobond.", "money", 40e6, "AUD"),
        ("They paid 300 mln Belgian francs.", "money", 300e6, "BEF"),
        ("The vessel, 4,217 dwt, was towed in.", "quantity", 4217, "t"),
        ("Net for the nine mths was lower.", "quantity", 9, "month"),
        ("The loan runs 5 yrs in all.", "quantity", 5, "a"),
        # temperatures as British news writes them, "minus" as a sign, compound number words (session 9)
        ("Temperatures reached 35C on Monday.", "quantity", 35, "°C"),
        ("The heatwave saw 40.3C recorded.", "quantity", 40.3, "°C"),
        ("It was -5C overnight.", "quantity", -5, "°C"),
        ("It fell to minus 20C and less.", "quantity", -20, "°C"),
        ("Highs of 95F are forecast.", "quantity", 95, "°F"),
        ("It survives as low as minus 20 degrees C there.", "quantity", -20, "°C"),
        ("It is cooled to minus 160 degrees centigrade daily.", "quantity", -160, "°C"),
        ("The balance was minus 400 mln stg.", "money", -400e6, "GBP"),
        ("Britain came in at minus 30.2 for the year.", "number", -30.2, None),
        ("Rates are set at LIBOR minus 6-1/2 pct.", "percent", 6.5, "%"),
        ("Prices may move plus or minus 10 pct.", "percent", 10, "%"),
        ("More than half a million people were moved.", "number", 5e5, None),
        ("Debt stood at close to half a trillion dollars.", "money", 5e11, "USD"),
        ("She hired half a dozen people.", "number", 6, None),
        ("He cut a hundred and fifty jobs.", "number", 150, None),
        ("One hundred and two people came.", "number", 102, None),
        # British and Indian news: pence, "m" for millions or metres, feet and inches, crore
        ("Shares closed at 270.25p on Friday.", "money", 2.7025, "GBP"),
        ("The single is on sale for 79p now.", "money", 0.79, "GBP"),
        ("The finale drew 10.9m viewers.", "number", 10.9e6, None),
        ("Up to 1.4m workers could strike.", "number", 1.4e6, None),
        ("The wall is 10m high.", "quantity", 10, "m"),
        ("She won the women's 60m at the indoor games.", "quantity", 60, "m"),
        ("Idowu landed 17.30m at the trials.", "quantity", 17.3, "m"),
        ("Light travels at 3x10^8 m/s.", "quantity", 3e8, "m/s"),
        ("He is 6ft 4in now.", "quantity", 6 + 4 / 12, "ft"),
        ("The firm lost Rs 500 crore.", "money", 5e9, "INR"),
        ("Sales of the 3M products rose.", "number", 3, None),
        ("The TV shows 1080p video.", "number", 1080, None),
        # fractions: Reuters writes fees and margins as "5/8 pct"; recipes and gaps "⅓ cup", "1/4 inch"
        ("Underwriting combined pays 5/8 pct.", "percent", 0.625, "%"),
        ("Rates were 11 3/4 pct on Monday.", "percent", 11.75, "%"),
        ("A mouse gets through a 1/4 inch gap.", "quantity", 0.25, "in"),
        ("Add a ⅓ cup of sauce.", "quantity", 1 / 3, "cp"),
        ("The door is 2 1/2 in thick.", "quantity", 2.5, "in"),
        ("The odds are exactly one sixth.", "number", 1 / 6, None),
        ("Coal yields about 15,000 British thermal units of heat.", "quantity", 15000, "Btu"),
        # counts in words before what they count; a distance in a sentence without money (session 9)
        ("Tsunamis hit six tourist provinces.", "number", 6, None),
        ("Police arrested four men on Monday.", "number", 4, None),
        ("She was the only British competitor in the women's 1500m.", "quantity", 1500, "m"),
        ("The 25-year-old has not played since.", "quantity", 25, "a"),
        ("It said on Monday that it holds 388,600 shares in Ogelbay, the Delaware-based company.", "number", 388600, None),
        # ages after "aged"; a country's abbreviation before the unit (session 10)
        ("The singer died aged 27 in Paris.", "quantity", 27, "a"),
        ("She defended her decision to go on at the age of 48.", "quantity", 48, "a"),
        ("The contract size will be 42,000 U.S. gallons.", "quantity", 42000, "gal"),
        ("Reserves fell to 7.15 billion N.Z. Dlrs.", "money", 7.15e9, "NZD"),
        ("It will sign a 45 mln U.S. Dlr loan tomorrow.", "money", 45e6, "USD"),
        # currencies of the corpora's years that a name alone identifies (session 19)
        ("The deficit was 164 billion forints.", "money", 164e9, "HUF"),
        ("Shacks now cost 2,000 cruzados.", "money", 2000, "BRC"),
        ("It upheld a duty of 84.9 U.S. cents a bushel.", "money", 0.849, "USD"),
        ("The price is 49-1/2 Canadian cts a pound.", "money", 0.495, "CAD"),
        # a rate after what the quantity is of; "a year" that says when; data sizes in lower case (session 18)
        ("The field pumps around 1 million barrels of oil a day.", "quantity", 1e6, "bbl/d"),
        ("They buy 700,000 tonnes of palm oil a year.", "quantity", 7e5, "t/a"),
        ("The mill processed 3,257 tons of ore per day.", "quantity", 3257, "ton/d"),  # US short tons (session 20)
        ("Stocks were 5 mln tonnes a year ago.", "quantity", 5e6, "t"),
        ("Exports were 20.3 mln bushels a week earlier.", "quantity", 20.3e6, "bu"),
        ("A model with 512mb of storage costs more.", "quantity", 512, "MB"),
        ("It comes with a 1gb card.", "quantity", 1, "GB"),
        # session 20: a scale and a currency joined by hyphens, a line-wrapped currency, pounds that are a
        # weight, bits, inches and feet as primes, a value and its error, kelvins among temperatures,
        # negative powers
        ("Brazil's 108-billion-dlr foreign debt grew.", "money", 108e9, "USD"),
        ("It is a half-billion-dollar estimate.", "money", 5e8, "USD"),
        ("It plans a one-billion-Canadian-dlr purchase.", "money", 1e9, "CAD"),
        ("It bought a 1.2-million-hectare area.", "quantity", 1.2e6, "ha"),
        ("The bank lost about 3.8 billion U.S.\nDlrs last year.", "money", 3.8e9, "USD"),
        ("Fees are 55 basis\npoints.", "percent", 0.55, "pp"),
        ("The unit weighs 17 pounds.", "quantity", 17, "lb"),
        ("It has a take-off weight of 870,000 pounds.", "quantity", 870000, "lb"),
        ("He was fined with a 50-pound fine.", "money", 50, "GBP"),
        ("It handed him a five-pound note.", "money", 5, "GBP"),
        ("It is a 10-million-pound deal.", "money", 1e7, "GBP"),
        ("Many rivals offer 2Mbps services.", "quantity", 2, "Mbit/s"),
        ("They introduced 2Mb services.", "quantity", 2, "Mbit"),
        ("Data moves at up to 1.25gbps.", "quantity", 1.25, "Gbit/s"),
        ("It sells 256-Kb chips.", "quantity", 256, "kbit"),
        ('It is an adjustable wrench, 8" long.', "quantity", 8, "in"),
        ("It has a 42″ screen.", "quantity", 42, "in"),
        ("He is about 5' 10\" tall.", "quantity", 5 + 10 / 12, "ft"),
        ("It weighs no more than 2,000.45±0.01 pounds.", "quantity", 2000.45, "lb"),
        ("It fell with an acceleration of 9.83e-3 +/- 1e-5 km/s2.", "quantity", 0.00983, "km/s²"),
        ("The yield was 4.5 ± 0.3 percent.", "percent", 4.5, "%"),
        ("The sample was cooled to a temperature of 5K.", "quantity", 5, "K"),
        ("Violet light oscillates at 4e14 s-1.", "quantity", 4e14, "1/s"),
        ("It recorded 5 fb−1 of collisions.", "quantity", 5, "1/fb"),
        # the European Community's unit of account (session 21: 176 Reuters sentences had read a bare number)
        ("The scheme cost 68 mln European currency units.", "money", 68e6, "XEU"),
        ("The rebate was set at 141 Ecus a tonne.", "money", 141, "XEU"),
        ("Net profit was 16.66 mln H.K. Dlrs.", "money", 16.66e6, "HKD"),
        ("The IMF approved 125.9 mln SDR's for Jamaica.", "money", 125.9e6, "XDR"),
        ("It reported a loss of 83 mln markka.", "money", 83e6, "FIM"),
        # a word saying what kind of time, between a number and its unit (session 21)
        ("Checking the menus took 45 human hours.", "quantity", 45, "h"),
        ("The offer was extended by five business days.", "quantity", 5, "d"),
        ("Prices fell for three consecutive months.", "quantity", 3, "month"),
        # how often, said by an adverb: a rate (session 26, set 13)
        ("Deliveries will rise to reach 4.5 billion cubic metres annually.", "quantity", 4.5e9, "m³/a"),
        ("The field pumps 2 mln barrels daily.", "quantity", 2e6, "bbl/d"),
        ("It ships 30,000 tonnes yearly.", "quantity", 30000, "t/a"),
        ("The mill makes 300 t/d of steel.", "quantity", 300, "t/d"),  # a letter after a slash is a unit
        # plurals without an "s", and what is counted past a name, an acronym or a model (session 26)
        ("It sold its interest in five used Boeing 737-200 aircraft.", "number", 5, None),
        ("They hired five staff.", "number", 5, None),
        ("Two MPs voted against it.", "number", 2, None),
        ("Three BBC journalists were hurt.", "number", 3, None),
        # a currency's name several countries use: the one country the sentence names (session 27, set 18)
        ("The IMF promised to lend Sri Lanka 6.5 billion rupees.", "money", 6.5e9, "LKR"),
        ("Norway's reserves totalled 73.71 billion crowns.", "money", 73.71e9, "NOK"),
        ("Jordan's capital requirement was three mln dinars.", "money", 3e6, "JOD"),
        ("The issue is in denominations of 10,000 francs and listed in Luxembourg.", "money", 1e4, "FRF"),
        ("India and Pakistan spent 5 bln rupees.", "money", 5e9, "INR"),  # two countries: the default
        # plural abbreviations (session 27, set 17)
        ("The base is 145 kms northeast of Faya.", "quantity", 145, "km"),
        ("The bag weighs 20 kgs.", "quantity", 20, "kg"),
        ("Snow lay up to 70 cms deep.", "quantity", 70, "cm"),
    ],
)
def test_kinds_values_units(text, kind, value, unit):
    f = one(text)
    assert (f.kind, f.unit) == (kind, unit)
    assert f.value == pytest.approx(value)
    assert text[f.start:f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "In 1987 the company was founded.",
        "Views: 6508",
        "Rating: 5 / 5",
        "He lives on Fifth Avenue.",
        "It beats the iPod in the Top Ten Essentials list which predicts what gadget-lovers covet.",  # a name
        "She came 3rd in the race.",
        "Call 5934435460663 now.",
        "On Feb 26 the talks ended.",
        "It happened on 15 April.",
        "The page had 60 votes.",
        "At 2 pm everybody will be gone.",
        "The robbery began at 2pm and was over by 2.17pm.",
        "The quake struck at 0620 hrs.",
        "It was 0920 GMT when trading began.",
        "The exchange will hold a press conference at 16:20 EDT.",  # a time of day with its minutes
        "NY COCOA 12:00",
        "It uses Intel Corp's 80386 microprocessor called the Mylex 386-A motherboard.",  # names of models
        "TWA filed a 13-D with the Securities and Exchange Commission.",  # a form's name
        "It used 3-D mapping of the formations.",
        "The motor vessel Northern 1 sank.",
        "Profit rose in the first half.",
        "Sales fell in the second quarter.",
        "It is a backup for Insat 1C, they said.",
        "Two of them left.",
        "Britain won the 4x100m relay.",
        "Fahrenheit 9/11 won the best documentary.",
        "The 21 Grams actress plays a budding star.",  # a unit's name in capitals mid-sentence: a title
        "Unit Two of the Nine Mile nuclear plant was shut.",
        "It was rated 5/5 by readers.",
        "It is open 24/7 now.",
        "Two of them left.",
        "Newport sealed a 3-0 win at home.",
        "Henman went 2-0 up in the second set.",
        "He overcame Melzer 6-7 (3-7) 6-3 6-3.",
        "She won 6-4, 6-2.",
        "He told BBC Radio 4's Today programme so.",
        "The cameras are based on the HP 607 model.",
        "The version came in at number 11.",
        "It is a 2.5G handset.",
        "The rights were paid April nine to holders.",
        "They held one to one talks.",
        "It moved from one to another.",
        # a sentence that gives a score gives others, at its end too (session 20)
        "He won his 4-6 6-3 7-6 victory, saving match points at 6-4 before claiming it 8-6.",
        "Everton ultimately lost 1-0.",
        "The Tigers stormed 22-6 ahead.",
        "Nadal beat Roddick 6-7 (6/8) 6-2 7-6 (8/6) 6-2.",
        # names (session 20)
        "Ministers from the Group of 24 developing countries met.",
        "Ron Miller, vice president for UAW local 594, said so.",
        "The meeting was shown in a BBC 3 film on him.",
        # what opens a sentence with a number names it; an acronym names up to three digits (session 27)
        "Unit 1 was operating at full power.",
        "Egypt bought it under an existing PL 480 agreement.",
        "In London, the FTSE 100 index closed higher.",
        "Pier 1 Imports Inc amended its dates.",
        # a number word in capitals right after a name is part of it (session 27, set 18)
        "Weaker sales by all of the Detroit Big Three carmakers have compelled the companies to offer rebates.",
        "It was the first time since World War Two that employers have proposed cutting working hours.",
        "The Group Four fixtures were hammered out at a meeting in Dublin on Tuesday.",
    ],
)
def test_not_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text, roles, values",
    [
        ("Imports could jump from 12 million tonnes to 20 million tonnes.", ["from", "to"], [12e6, 20e6]),
        ("Profit rose to 12.5 mln dlrs from 9.8 mln dlrs.", ["to", "from"], [12.5e6, 9.8e6]),
        ("The wall is 8 to 16 metres high.", ["low", "high"], [8, 16]),
        ("Growth will be between 5 and 7 percent.", ["low", "high"], [5, 7]),
        ("Growth of 5-7 pct is expected.", ["low", "high"], [5, 7]),
        ("Stocks rose from 12 to 20 million tonnes.", ["from", "to"], [12e6, 20e6]),
        ("An 8- to 16-meter telescope is planned.", ["low", "high"], [8, 16]),
        ("Smashed at 3.5–4.0 TeV.", ["low", "high"], [3.5, 4.0]),
        ("Prices ranged from 7 to 10 dlrs.", ["low", "high"], [7, 10]),
        ("Estimates vary from 2.3 to 2.6 mln tonnes.", ["low", "high"], [2.3e6, 2.6e6]),
        ("Lows will be minus 10 to 0 degrees F.", ["low", "high"], [-10, 0]),
        ("The Macintosh II is priced from 3,898 dlrs to 5,498 dlrs.", ["low", "high"], [3898, 5498]),
        ("The youths, aged from 15 to 17, were found.", ["low", "high"], [15, 17]),
        ("India raised the limit for investment in telecoms companies from 49% to 74%.", ["from", "to"], [49, 74]),
        ("Analysts see prices ranging from 65 to 68 cts a pound.", ["low", "high"], [0.65, 0.68]),
        ("Pires will be ready in two to three weeks.", ["low", "high"], [2, 3]),
        ("It takes between two and three weeks.", ["low", "high"], [2, 3]),
        # "one" opening a range (session 18)
        ("Rains of one to four inches fell.", ["low", "high"], [1, 4]),
        ("Values recovered from losses of one to two stg per tonne.", ["low", "high"], [1, 2]),
        ("It has sales of between one and two mln dlrs.", ["low", "high"], [1e6, 2e6]),
        ("Notes will have maturities of one to five years.", ["low", "high"], [1, 5]),
        # a low end in thousands written short, as newswires do (not "1-10,000", which runs from one)
        ("Shipments would measure between 100-150,000 metric tons.", ["low", "high"], [100_000, 150_000]),
        ("They paid penalties of between $50-100,000.", ["low", "high"], [50_000, 100_000]),
        ("Tickets are numbered 1-10,000.", ["low", "high"], [1, 10_000]),
        # a rate or a period between the two ends of a change
        ("Crude rose to 18.50 dlrs a barrel from 17.80 dlrs.", ["to", "from"], [18.5, 17.8]),
        ("Prices rose to 18.50 dlrs per barrel from 17.80.", ["to", "from"], [18.5, 17.8]),
        ("It raised its quarterly dividend to 50 cts a share from the 42 cts paid.", ["to", "from"], [0.5, 0.42]),
        ("Profit fell to 5 mln dlrs in 1986 from 7 mln dlrs in 1985.", ["to", "from"], [5e6, 7e6]),
        ("Imports will fall to 1.5 mln tonnes in calendar 1987 from 1.69 mln in 1986.", ["to", "from"], [1.5e6, 1.69e6]),
        ("The surplus rose to 7.4 billion dlrs last year from 4.3 billion dlrs.", ["to", "from"], [7.4e9, 4.3e9]),
        ("Output was 5 mln tonnes in 1986, up from 4.2 mln in 1985.", ["to", "from"], [5e6, 4.2e6]),
        ("They plan to lower the price of wheat from 242 dlrs per tonne to 180 dlrs.", ["from", "to"], [242, 180]),
        ("Cases jumped from 69 in 1984 to 298 the following year.", ["from", "to"], [69, 298]),
        # a hyphen right after a percent sign joins a range; it is no minus ("-4.50%" was read, session 33)
        ("The central bank held its key rate at 4.25%-4.50%.", ["low", "high"], [4.25, 4.5]),
        ("Stocks recorded an 8%-10% rise since Monday.", ["low", "high"], [8, 10]),
        ("Temperatures ranged from -5C to 3C.", ["low", "high"], [-5, 3]),
    ],
)
def test_ranges_and_changes(text, roles, values):
    figs = find_figures(text)
    assert [f.role for f in figs] == roles
    assert [f.value for f in figs] == pytest.approx(values)
    assert figs[0].group_id is not None and figs[0].group_id == figs[1].group_id
    assert figs[0].unit == figs[1].unit


@pytest.mark.parametrize(
    "text, units, values",
    [
        ("It cut the price by 0.75 cent to 66 cents a lb.", ["USD", "USD"], [0.0075, 0.66]),
        ("Production fell 26.3 pct to 328,221 units.", ["%", None], [26.3, 328221]),
        ("Prices rose 5 pct to 10 pct.", ["%", "%"], [5, 10]),
    ],
)
def test_an_amount_of_change_then_a_level_is_not_a_range(text, units, values):
    figs = find_figures(text)
    assert [f.unit for f in figs] == units
    assert [f.value for f in figs] == pytest.approx(values)
    assert all(f.group_id is None for f in figs)




@pytest.mark.parametrize(
    "text, money",
    [
        # the singular "mark" qualifying what follows is Deutsche marks, as "dlr" is dollars
        ("It launched a 300 mln mark bond.", [(300e6, "DEM")]),
        ("Bonn plans a 44 billion mark tax reform.", [(44e9, "DEM")]),
        ("VW will pay an unchanged three mark a share dividend.", [(3, "DEM")]),
        ("The bank minted a five-mark coin.", [(5, "DEM")]),
        # a threshold is no money; "Mark IV" is a name
        ("The index passed the 2,000 mark on Monday.", [(2000, None)]),
        ("The Dax topped the 1,000 mark again.", [(1000, None)]),
        ("It hit the 100 mark.", [(100, None)]),
        ("They bought 2 Mark IV tanks.", [(2, None)]),
    ],
)
def test_a_singular_mark_before_what_it_qualifies_is_money(text, money):
    assert [(f.value, f.unit) for f in find_figures(text)] == money


@pytest.mark.parametrize(
    "text, pers",
    [
        # what an amount of money is per: a unit as ``unit`` writes it, a period, or the thing counted
        ("Oil prices rose to 18.50 dlrs a barrel from 17.80.", ["bbl", "bbl"]),
        ("The cost of gallium rose from about $350 per kg to $680 per kg.", ["kg", "kg"]),
        ("He asked for $15.4/hour.", ["h"]),
        ("Wheat was quoted at 3.50 dlrs per bushel.", ["bu"]),
        ("Gold closed at 400 dlrs an ounce, platinum at 550 dlrs per troy ounce.", ["oz", "toz"]),
        ("Beef sells at 5 dlrs a kilo and rice at 300 euros per tonne.", ["kg", "t"]),
        ("The scheme costs $2 billion a year; the rent is £400 a month.", ["a", "month"]),
        ("She earns £30,000 per annum, or 15 dlrs an hour.", ["a", "h"]),
        ("Offices let at $40 per square foot and power at $50 per megawatt hour.", ["ft²", "MWh"]),
        ("The dividend is 30 cts per common share, or 4 mln dlrs.", ["share", None]),
        ("Profit fell to 785 mln dlrs or 1.30 dlrs a share from 1.02 billion dlrs or 1.65 dlrs.",
         [None, "share", None, "share"]),
        ("GDP is $20,000 per capita and the fee $20 per student.", ["person", "student"]),
        ("Crude traded between $5 and $6 a barrel.", ["bbl", "bbl"]),
        ("Prices rose 5 cts to 3.50 dlrs a bushel.", ["bu", "bu"]),
        ("Crude was priced at 4, 5 or 6 dlrs a barrel.", ["bbl", "bbl", "bbl"]),
        ("The dollar fell to 142 yen per dollar; sterling was 1.60 dlrs per pound sterling.", ["USD", "GBP"]),
        ("Copper fetched four cts per dry pound, steel 25 dlrs per net ton.", ["lb", "ton"]),  # a net ton is a short ton
        ("It paid 5.45 dlrs per ADR and 60 dlrs per First Federal share in cash.", ["ADR", "share"]),
        ("It earned 99 cts per share last year and 1.20 dlrs a share after the split.", ["share", "share"]),
        ("Petrol rises to 110 sucres a U.S. gallon from 1.20 dlrs per U.S. Gallon.", ["gal", "gal"]),  # not "u"
        # when, not a rate; not a basis at all; a basis with a scale ("per mln Btu") is not said
        ("Gas sold at 2.69 dlrs per mln Btu.", [None]),
        ("Profit rose to $5 billion from $4 billion a year earlier.", [None, None]),
        ("The site sold for $300 million a decade ago, and 5 mln dlrs a year-earlier.", [None, None]),
        ("It was $5, a good deal, and 5 pct a year.", [None, None]),
        ("Output was 300,000 tonnes a year.", [None]),  # a rate of a quantity is its unit: t/a
        ("It rejected the 27 dlr-per-share tender offer and a $10-an-hour wage.", ["share", "h"]),
        ("They earn 500 dlrs monthly and the firm pays $11 billion annually.", ["month", "a"]),  # an adverb (session 26)
    ],
)
def test_what_an_amount_of_money_is_per(text, pers):
    assert [f.per for f in find_figures(text)] == pers


@pytest.mark.parametrize(
    "text, units, values",
    [
        ("They were given 45 and 50 mg of ethanol.", ["mg", "mg"], [45, 50]),
        ("Sales of 4, 5 and 6 mln tonnes.", ["t", "t", "t"], [4e6, 5e6, 6e6]),
        ("Earnings were 9.8 crowns vs 9.49.", ["SEK", "SEK"], [9.8, 9.49]),
        ("Revs 394.0 mln dlrs vs 351.0", ["USD", "USD"], [394e6, 351e6]),
        ("Imports were 20.1 billion crowns while exports were 23.7 billion.", ["SEK", "SEK"], [20.1e9, 23.7e9]),
        ("Qantas flies the Boeing 747-400 to Sydney.", [], []),  # a model's name: neither a range nor two numbers
        # a price level after a verb of reaching it, in the money of the level before it (session 26)
        ("Shares changed hands at 372 riyals ($99; £53) after topping 400 early in the day.",
         ["SAR", "USD", "GBP", "SAR"], [372, 99, 53, 400]),
        ("The dollar opened at 140.95 yen and fell to a low of 140.40.", ["JPY", "JPY"], [140.95, 140.40]),
        ("It earned 300 dlrs after reaching 400 new staff.", ["USD", None], [300, 400]),  # a count
        # the level a change came from, in the unit of the level before it; a range of its own after "from";
        # a speed glued to its metres (session 26, set 15)
        ("Beef output declined to 104,353 tonnes carcass weight in January from 112,262 in December.",
         ["t", "t"], [104353, 112262]),
        ("The lifts' top speed of 17m/s is about 38mph.", ["m/s", "mph"], [17, 38]),
        ("Its monthly surplus fell to 150 mln dlrs in the final three months, against one billion before.",
         ["USD", "month", "USD"], [150e6, 3, 1e9]),
        ("It sold 43,540 tonnes worth 11.7 mln dlrs, against 86,959 tonnes worth 23.8 mln.",
         ["t", "USD", "t", "USD"], [43540, 11.7e6, 86959, 23.8e6]),
 
        # an item of a list between two in the same unit counts in it; not an age in an aside, not a model
        # (session 27, set 17)
        ("Traders in West Germany received 34,750 tonnes, in the U.K. 13,000, in Denmark 7,250 tonnes.",
         ["t", "t", "t"], [34750, 13000, 7250]),
        ("Kenteris, 31, won the 200m, where Thanou, 29, won the 100m.", [None, "m", None, "m"], [31, 200, 29, 100]),
        ("One modem, the 3450, costs 8,900 dlrs and the other, the 3470, costs 11,500 dlrs.",
         [None, "USD", None, "USD"], [3450, 8900, 3470, 11500]),
    ],
)
def test_units_shared_along_lists_and_comparisons(text, units, values):
    figs = find_figures(text)
    assert [f.unit for f in figs] == units
    assert [f.value for f in figs] == pytest.approx(values)
    assert all(f.role == "value" for f in figs)


@pytest.mark.parametrize(
    "text, units, values",
    [
        ("It runs at 300 °C (572 °F, 573.15K), then stops.", ["°C", "°F", "K"], [300, 572, 573.15]),
        ("It ran the 10K race in 30°C heat.", [None, "°C"], [10000, 30]),
        ("It runs at speeds of 1-2mbps now.", ["Mbit/s", "Mbit/s"], [1, 2]),
        ('The index "will rise toward 13,000", he said.', [None], [13000]),  # a closing quote, not inches
        ('He said "I was 9" and left.', [None], [9]),
        ("The army sent 3 T-72 tanks and 12 Mi-24 helicopters.", [None, None], [3, 12]),  # models, not t or mi
        ("A bike weighing 20 kg cost 200 pounds.", ["kg", "GBP"], [20, 200]),
        # session 20: tons are short tons (metric ones say so), a grade per ton, durations in parts
        ("Reserves are 538,000 tons assayed at 0.212 ounce of gold per ton.", ["ton", "oz/ton"], [538000, 0.212]),
        ("It shipped 500 metric tons and 200 tonnes.", ["t", "t"], [500, 200]),
        ("The ore grades 5.2 grams of gold per tonne.", ["g/t"], [5.2]),
        ("Reserves are one mln long tons at 0.20 ounce gold per ton.", ["long_ton", "oz/ton"], [1e6, 0.2]),  # no "of"
        ("He took two hours 15 minutes to win.", ["h"], [2.25]),
        ("Radcliffe ran it in two hours 18 minutes 15 seconds.", ["h"], [2 + 18 / 60 + 15 / 3600]),
        ("Dibaba won in 14 minutes 32.93 seconds.", ["min"], [14 + 32.93 / 60]),
        ("Prices ranged 12-14 cents a pound.", ["USD", "USD"], [0.12, 0.14]),
        # an index's points beside a percentage are points; a change amount after "a record"; a retirement age
        ("The share index fell a record 504.75 points to 2,925.26, a decline of 14.7 pct.", [None, None, "%"],
         [504.75, 2925.26, 14.7]),
        ("Inflation fell more than 12 points to 24.6 pct.", ["pp", "%"], [12, 24.6]),
        ("They cannot force workers to retire before 65.", ["a"], [65]),
        ("A group of 10 companies agreed.", [None], [10]),
    ],
)
def test_units_read_from_what_surrounds_them(text, units, values):
    figs = find_figures(text)
    assert [f.unit for f in figs] == units
    assert [f.value for f in figs] == pytest.approx(values)


@pytest.mark.parametrize("text", [
    "The four U.S. banks have been seeking approval for months.",
    "A survey of purchasing managers at 250 U.S. industrial companies found it.",
    "He met 30 U.K. exporters.",
])
def test_the_first_letter_of_an_abbreviation_is_not_a_unit(text):
    assert all(f.unit is None for f in find_figures(text))


def test_a_range_of_ages_keeps_its_unit_beside_a_list_of_percentages():
    text = "This compares to 14% of those aged 30-39 and 14% of those aged 40-48."
    figs = find_figures(text)
    assert [(f.value, f.unit, f.role) for f in figs] == [
        (14, "%", "value"), (30, "a", "low"), (39, "a", "high"), (14, "%", "value"), (40, "a", "low"), (48, "a", "high")]


def test_a_bare_amount_takes_the_currency_of_the_figure_not_of_its_conversion_in_brackets():
    text = "Net income was 4.3bn rupees ($98m; £52m), against 2.7bn a year earlier."
    assert [(f.text, f.unit) for f in find_figures(text)][-1] == ("2.7bn", "INR")


@pytest.mark.parametrize(
    "text, approximate",
    [("It is valued at around $11 billion.", True), ("It sold about 5 tonnes.", True), ("Nearly 40 pct agreed.", True),
     ("Roughly 3 mln dlrs.", True), ("It is valued at $11 billion.", False)],
)
def test_approximate(text, approximate):
    assert one(text).approximate is approximate


@pytest.mark.parametrize(
    "text, subject",
    [
        ("Beijing is increasing its soybean imports, potentially jumping from 12 million tonnes to 20 million tonnes.",
         "soybean imports"),
        ("An arms sale to Taiwan valued at around $11 billion was approved.", "arms sale"),
        ("They shipped 30,000 tonnes of white sugar.", "white sugar"),
        ("Net profit rose to 12.5 mln dlrs.", "net profit"),
        ("It must show why its planned £1.35bn ($2.5bn) offer for the LSE is good.", "offer"),
        ("Coupled with the 7% GDP growth expected by June, shares rose.", "GDP growth"),
        # irregular change verbs are neither subjects nor in them
        ("Japan's economy grew 2.6% overall last year.", "economy"),
        ("The Bank of Mexico said that remittances grew 24% last year.", "remittances"),
        ("Its sales have slid 41% in the past year.", "sales"),
        # a change's subject is found from its first figure, past a period between its ends
        ("Wheat imports will fall to 1.5 mln tonnes in calendar 1987 from 1.69 mln in 1986.", "wheat imports"),
        # "will be" right before the figure, past a fronted clause (session 18); not "there will be"
        ("In 2004, according to forecasts from the ministry, China's oil imports will be 110m tons.", "oil imports"),
        ("The union said the total severance payment will probably be about five mln dlrs.", "severance payment"),
        ("Inflation would be 1.75% next year.", "inflation"),
        ("Its profit will be 5 mln dlrs.", "profit"),  # "profit will": not "it will"
        ("Toshiba said that it will probably be five years before it can sell them.", None),
        # "up" / "down" right before the figure follows what changed; not a verb's particle
        ("The chain said same-store sales up 4 pct were its best.", "same-store sales"),
        ("With exports down 2.3% to $95.6bn, the deficit grew.", "exports"),
        ("The brokers had to pick up 67 pct.", "brokers"),  # not "pick"
        ("The fund sold it down about 30 points.", None),
        # a change verb after a modal is a cue, as are "dipped", "eased", ...; "between" after a modal's "be";
        # "more than" after "up"; after "to", the "to" stays the cue (the phrase before it is longer)
        ("Net profit will fall 71.7 pct to three billion yen.", "net profit"),
        ("Growth will be between 4.7% and 4.8%.", "growth"),
        ("Revenue dipped 1.4% to 86.7bn Swiss francs.", "revenue"),
        ("Shares in SSL were up more than 6%.", "shares"),
        ("The car industry is expected to fall by 35 pct.", "car industry"),
        # a percentage qualifies the noun right after it, unless it opens a clause whose verb follows
        ("The administration looks for 2.7 pct growth this year.", "growth"),
        ("The loan carries 4.95 pct interest in the first year.", "interest"),
        ("Of the companies surveyed, 30% saw orders rise.", None),
        ("Only nine pct expect output to fall.", None),
        # a verb, a particle, a preposition or a time word is never the subject
        ("The number of gadgets is predicted to grow by 11%.", "number of gadgets"),
        ("The site had been unavailable for the past 10 days.", None),
        ("He has since paid the £180 back.", None),
        ("The stock closed in Milan today at 12,540 lire.", None),
        ("Interest margins are now below one pct.", "interest margins"),
        # a word after "which" or "who" is a verb
        ("Delhi Fund, which holds an average of 25 pct in the projects, said so.", None),
        # "growth" measures itself: not handed on like "a rise" or "a drop"
        ("Economic growth is set to slow to 4%.", "economic growth"),
        # a currency named in the plural is an amount's unit, not what a percentage measures
        ("Sales were up 17 pct to 241 mln dlrs, with same-store sales up five pct.", "sales"),
        # "shares" before a cue is what a price measures
        ("The report values WMC shares at A$7.17.", "shares"),
        # an amount "worth of" or "in" what it is made of; "averaged" is a cue; "gain" before an amount
        ("Tracor received 49.3 mln dlrs worth of contracts.", "contracts"),
        ("First Federal, with 82.9 mln dlrs in assets, was closed.", "assets"),
        ("The package includes 615 mln dlrs in cash grants.", "cash grants"),  # not "includes"
        ("It will pay 5 mln dlrs in order to settle.", None),
        ("Net borrowings in the prior week averaged 451 mln dlrs.", "net borrowings"),
        ("1985 year net excludes gain 482,000 dlrs from a change in accounting.", "gain"),
        # before a verb, the head comes before a preposition's phrase; not before a preposition, not a change
        ("Consolidated sales in the region were 1,459,193,000 dlrs.", "consolidated sales"),
        ("The deficit on invisibles was 241 mln dlrs.", "deficit"),
        ("Orders for nondurable goods were up 1.8 pct in February.", "orders"),
        ("Shares in the retailer were up 19.6% in early trading.", "shares"),
        ("The rise in exports was 5 pct.", "exports"),
        ("The notes are available in denominations of 1,000 dlrs.", "denominations"),
        ("Liquidity, the number of parties willing to trade in the market, was about half.", "market"),
        ("The move follows a decision by News Corp's board to cut 24 jobs.", "jobs"),
        # not a time adjunct (those are passed over: test_subject_patterns): "in third quarter profits" qualifies
        ("The company reported a drop in third quarter profits to 51 mln dlrs.", "profits"),
        # session 20: after a possessive, a figure qualifies the noun after it; a word may end in digits
        # after a hyphen; a basis joined by hyphens is read past
        ("Leaders agreed on the EU's €750bn fund last year.", "fund"),
        ("COVID-19 cases rose by 20,000.", "COVID-19 cases"),
        ("About 9,000 hourly workers walked off the job.", "hourly workers"),
        ("It agreed to purchase three skilled nursing facilities.", "nursing facilities"),
        ("M-2 rose 8.28 pct in April.", "M-2"),
        ("The board rejected Waste Management Inc's 27 dlr-per-share tender offer.", "tender offer"),
        # what a figure qualifies, past its basis ("a share"), after a unit in the singular, a plural acronym
        ("He rejected a 28 dlr a share takeover bid.", "takeover bid"),
        ("The banks want seven year revolving credits.", "revolving credits"),  # "year": qualifies
        ("There would be 42 ethnic minority MPs.", "ethnic minority MPs"),
        ("The dividend of one dlr per share payable to holders was declared.", "dividend"),  # not "payable"
        ("Brazilian soybean prices are now some 10 cents a bushel cheaper.", "brazilian soybean prices"),
        # a range is read after its high end
        ("It provides 70 to 85 pct of the mortgages in Alaska.", "mortgages"),
        ("Between 100,000 and 150,000 workers are expected to lose their jobs.", "workers"),
        ("Cattle slaughter is put at about 126,000 to 131,000 head.", "cattle slaughter"),  # "head" counts
        # an adjective after the noun ("due") is not part of it
        ("It is issuing a 100 mln dlr eurobond due March 20, 1997.", "eurobond"),
        # a word after a modal or "been" is a verb, not what the figure counts: none rather than the verb
        ("The Port of Singapore Authority will spend 1.2 billion dlrs on its docks.", None),
        ("Viewers will choose 14 past songs.", None),
        # a verb of reaching a level after a modal is a cue, like "will fall" (session 27)
        ("The shortfall could reach two billion dollars in 1988.", "shortfall"),
        ("The harvest could total 18 mln tonnes, versus 13.7 mln last year.", "harvest"),
        ("Output may average 300,000 bpd.", "output"),
        # newswire leaves out the "of" after a unit that goods are weighed in, not before how they are weighed
        ("Taiwan bought 25,000 tonnes U.S. soybeans today at 203.40 dlrs a tonne.", "soybeans"),
        ("Egypt bought 200,000 tonnes white sugar for May.", "white sugar"),
        ("Cargill sold 10,000 tonnes number two SRW wheat.", None),
        ("Exports will fall to 480,000 tonnes shipped weight.", "exports"),
        # a glued symbol qualifies what follows it; a measure's "long" or "deep" is how, not what
        ("It comes with 120GB hard drive and a mouse.", "hard drive"),
        ("They saw a large room with a 10ft long table.", "table"),
        ("They will operate the 1,500 kms-long cable by 1989.", "cable"),
        # directions, "am" and sentence adverbs are no subjects; a compass word in a name is
        ("It is located 30 kms east of the Adelaide River.", None),
        ("Now I am 86.9kg.", None),
        ("Consumption, meanwhile, has jumped to 2.4 million bpd.", "consumption"),
        ("It supplies about 90 pct of South Africa's power.", "South Africa"),
        # "forecast" after "is" is the verb; a multiple measures what follows "times" (session 33)
        ("The budget deficit is forecast at 3% of GDP in 2025.", "budget deficit"),
        ("USSR wheat imports are forecast at 15.00 mln tonnes in 1986/87.", "wheat imports"),
        ("The firm was valued at 2.5 times sales.", "sales"),
        # "costs" as the verb after a determined noun, not a table's heading; a degree after a percentage
        ("The car costs 30,000 euros.", "car"),
        ("That system also costs 1,250 dlrs.", "system"),
        ("Reorganisation and redundancy costs 3.6 mln vs 1.3 mln.", "costs"),
        ("The vaccine is 95% effective against the virus.", "vaccine"),
        ("Brazil's soybean harvest was 13 pct complete by March 20.", "soybean harvest"),
        # a level above or below a figure is the noun's right before it, not a verb's or an adverb's
        ("The heatwave pushed temperatures above 40C in Madrid.", "temperatures"),
        ("The Bank of Japan intervened to keep the dollar above 149 yen.", "dollar"),
        ("Under EU rules, member countries must keep their deficits below 3%.", "deficits"),
        ("Coffee futures dipped further today and closed below 1 dlr a pound.", "coffee futures"),
    ],
)
def test_subject(text, subject):
    assert find_figures(text)[0].subject == subject


def test_a_count_before_a_model_counts_what_follows_the_model_and_a_range_of_weights_is_no_model():
    assert [(f.value, f.subject) for f in find_figures("It agreed the sale of 10 737-800 planes.")] == [(10, "planes")]
    figs = find_figures("US 1-3 215-260 lbs 51.00-51.50.")  # a grade, then weights: not "3 215" (3,215)
    assert [(f.value, f.unit) for f in figs][:4] == [(1, None), (3, None), (215, "lb"), (260, "lb")]


def test_a_range_after_from_is_its_own_not_the_old_level_of_the_figure_before():
    figs = find_figures("The well flowed 1,440 barrels per day from 2,131 to 2,135 metres.")
    assert [(f.unit, f.role) for f in figs] == [("bbl/d", "value"), ("m", "low"), ("m", "high")]


@pytest.mark.parametrize("text", ["Qantas ordered 12 Boeing 747s.", "It flies five used Boeing 737-200 aircraft.",
                                  "It agreed the sale of 10 737-800 planes for $630m."])
def test_a_model_number_after_a_name_is_no_figure(text):
    assert not any(f.text[0].isdigit() and f.value > 100 for f in find_figures(text))


def test_a_conversion_in_brackets_measures_what_the_figure_before_it_measures():
    figs = find_figures("It must show why its planned £1.35bn ($2.5bn) offer for the LSE is good.")
    assert [(f.text, f.subject) for f in figs] == [("£1.35bn", "offer"), ("$2.5bn", "offer")]
    figs = find_figures("Thailand may lose 30bn baht (£398m; $768m) in earnings from tourism.")
    assert [f.subject for f in figs] == ["earnings"] * 3  # every conversion in the brackets


@pytest.mark.parametrize(
    "text, subjects",
    [
        ("It sold 80 mln dlrs of secured debentures.", ["debentures"]),
        ("It launched a 57 mln dlr hurricane-tracking satellite.", ["hurricane-tracking satellite"]),
        ("Blocker said an offering of 20 mln common shares is underway.", ["common shares"]),
        ("It signed a 30-year contract with the utility.", ["contract"]),
        ("Total holdings of U.S. savings bonds reached 94.76 billion dlrs.", ["holdings of savings bonds"]),
        ("Brazil's monthly surplus had declined to some 150 mln dlrs.", ["monthly surplus"]),  # how often: kept (session 20)
        ("Assets reached 345 billion yuan at end-1986, up from 260.5 billion at end-1985.", ["assets", "assets"]),
        ("The company forecast a 15 pct drop in operating earnings.", ["operating earnings"]),
        ("The quarter includes loss 131,000 dlrs.", ["loss"]),
        ("The dollar opened at a record Tokyo low of 140.00 yen.", ["dollar"]),
        ("Citicorp has some 10 mln accounts and an 11 pct market share.", ["accounts", "market share"]),
        ("An arms sale to Taiwan valued at around $11 billion was approved.", ["arms sale"]),
        ("It is seeking a 40 mln dlr, seven year revolving credit.", [None, "revolving credit"]),
        # a count "of the" a second: both count the same things; not "nine of the 35 billion schillings"
        ("He said 66 of the 75 municipalities in the county have signed.", ["municipalities", "municipalities"]),
        ("The sources said the last six of 20 fighters were held back.", ["fighters", "fighters"]),
        ("Nine of the 35 billion schillings were owed to foreign banks.", [None]),
        # a time adjunct between the figure and what it measures is passed over
        ("It had revenues for the first four months of 1987 of 13.6 mln dlrs.", [None, "revenues"]),
        ("Net profit in the six months ending 31 December rose 28% to A$458.4m.", [None, "net profit", "net profit"]),
        # an aside between commas before a linking verb is passed over (session 21)
        ("The payments, used by poorer provinces to fund services, will rise to 5.6 bln dlrs.", ["payments"]),
        ("The cost of the settlement, after expected recoveries, will be less than 4 mln dlrs.",
         ["cost of settlement"]),
        # an "-ing" form after "be" is a verb, not a noun; "had risen" is a cue
        ("Dealers said Federal funds were trading at 6-1/8 pct.", ["funds"]),
        ("The Dow Jones index had risen 20.54 points.", ["index"]),
        # past "U.S.", a name or a model before the noun; "entire" is no noun (session 21)
        ("China has added 30,000 tonnes of U.S. corn to its commitments.", ["corn"]),
        ("They roam around a 133-hectare Texas ranch.", ["ranch"]),
        ("The airline ordered 30 Airbus A320 planes.", ["planes"]),
        ("He said the entire 178,500 bpd refinery has been shut.", ["refinery"]),
        ("Sales rose 2.0 pct in February after a 1.9 pct January increase.", ["sales", "sales"]),
        ("It sold its interest in five used Boeing 737-200 aircraft.", ["aircraft"]),  # (session 26)
        ("He bought five new jets and two more stores.", ["jets", "stores"]),
        # a conversion in brackets measures what the figure before it measures, whatever precedes it
        ("Previews of the $7.5m (£4m) show were due to begin.", ["show", "show"]),
        # a period ended on a day in words is a time adjunct; "off" is a change like "up" and "down"; an
        # "-ing" word right after "be" is a verb, not a noun before the figure
        ("Revenues for the five weeks ended March One were up 27 pct, with same-store revenues off one pct.",
         [None, "revenues", "same-store revenues"]),
        ("They were trading 84% above the offer price.", [None]),
        # a span of time opened by a preposition of time says when, and measures nothing (session 26);
        # a span of something, or one qualifying a noun, keeps its subject; "so far" is no subject
        ("Homeowners expect house prices to rise by 1% over the next six months.", ["house prices", None]),
        ("Chambers was banned for two years after testing positive.", [None]),
        ("After five hours of meetings they signed a 30-year contract.", ["meetings", "contract"]),
        ("It brought the total so far this year to 86.21 billion dlrs.", [None]),
        # past "or more" and "or so" to what follows; a plural possessive; a contraction is no subject
        ("The rights trigger if a group acquires 20 pct or more of Rogers' shares.", ["shares"]),
        ("Of the 10 or so images on the site, only one showed it.", ["images"]),
        ("Many believe the unit, which produces 60% of Yukos' oil output, could be sold.", ["oil output"]),
        ("I don't want to be told when it's hit £750.", [None]),
        # the members of a list of counts with their own proper adjectives count what the last one counts;
        # a member with its own noun keeps it
        ("It included about 100 Muslim, 100 Evangelical Christian and 50 Jewish schools.", ["schools"] * 3),
        ("It had 5 wins, 3 losses and 2 draws.", ["wins", "losses", "draws"]),
        # a word right after a subject pronoun is a verb ("It pumps", "it expects"), not what a figure measures
        ("It pumps 2 mln barrels daily.", [None]),
        ("It said it expects to earn six dlrs a share in 1987.", [None]),
        # past capitalised words, unless a verb follows them; a fraction in words is no subject (session 27)
        ("It approved 300 mln dlrs in economic aid for four Central American states.", ["economic aid", "states"]),
        ("Preview performances of the £3m musical Billy Elliot have been delayed.", ["musical"]),
        ("It raised the price for lead by one-half cent to 27.0 cents a lb.", ["lead", "lead"]),
        # a count right before a measure counts what the measure qualifies, not past a verb (session 27)
        ("The business comprised two 6,000 tonne cargoes for March.", ["cargoes", "cargoes"]),
        ("Assays from zone two averaged 0.693 ounces of gold a ton.", ["gold"]),
        # session 29: the last member of a suspended compound; a month between a preposition and its noun;
        # the level a change reached measures what changed; after "is", what an amount is paid in is not
        # its subject ("there would be" is no copula)
        ("The bank holds 68 billion dlrs of medium- and long-term debt.", ["long-term debt"]),
        ("Wheat for September delivery was 2.5 cents higher at 2.85 dlrs.", ["wheat", "wheat"]),
        ("The purchase price is about 40 mln dlrs in cash.", ["purchase price"]),
        ("There would be 130 mln dlrs in fees.", ["fees"]),
        # the acronyms of economic measures are subjects, not names; not the one in brackets after its name
        ("Officials said GDP rose 2.1 pct last year.", ["GDP"]),
        ("The central bank said M3 grew 9.5 pct.", ["M3"]),
        ("Japan's gross national product (GNP) rose 0.8 pct.", ["gross national product"]),
        # a percentage before "<noun> rise" is the noun's change; an amount is the change itself; "in
        # return" is no noun, "in real internal demand" is
        ("Nurses were offered a 3% pay rise.", ["pay"]),
        ("The union wants a 5% pay rise in return for longer hours.", ["pay"]),
        ("It won a 39.9 mln dlr rate increase.", ["rate increase"]),
        ("He cited a six pct increase in real internal demand.", ["real internal demand"]),
        # an amount's "gain of" is income; a verb ends the phrase read back; a possessive before a change
        ("1986 net includes a one-time gain of 35,000 dlrs.", ["one-time gain"]),
        ("1985 net excludes extraordinary gain of 892,000 dlrs.", ["extraordinary gain"]),
        ("Traders blamed the dollar's fall to 140 yen.", ["dollar"]),
        # an aside between dashes is passed over, like one between commas
        ("Overall exports - including both goods and services - rose by 3.2%.", ["exports"]),
        ("The trade deficit - the gap between imports and exports - widened to $2bn.", ["trade deficit"]),
        # ...but not when the figure sits in one itself
        ("The hard drive - at 80GB for the larger model - is too small.", ["hard drive"]),
        # before a verb, the head is before the preposition, whatever the cue after the verb
        ("The yield on the bond rose to 7 pct.", ["yield"]),
        ("The coupon on this issue was fixed at 1-3/8 pct earlier today.", ["coupon"]),
        ("Revenues in the aerospace division edged up to 1.144 billion dlrs.", ["revenues"]),
        ("They were available in denominations of 1,000 dlrs.", ["denominations"]),  # no verb: the noun after it
        ("Prices ranged down to 212 dlrs a tonne.", ["prices"]),
        # (the same far into a long sentence, where the phrase's offsets are the window's, not the text's)
        ("In a statement released after the close of trading on Thursday afternoon in the city, officials of the "
         "exchange told reporters that the price of a seat on the exchange dropped to 86,000 dlrs.", ["price of seat"]),
    ],
)
def test_subject_patterns(text, subjects):
    """What a figure measures, found after it ("of", a noun it qualifies) or before it (past verbs,
    names and an "of" to the head), or taken from an earlier figure in the same unit."""
    assert [f.subject for f in find_figures(text)] == subjects


@pytest.mark.parametrize(
    "row, subject",
    [
        ("Shr 1.53 dlrs vs 1.21 dlrs", "Shr"),
        ("Net profit 215,000 vs profit 4,647,000", "Net profit"),
        ("Qtly div eight cts vs 7.5 cts prior", "Qtly div"),
        ("Avg shrs 2,332,397 vs 1,428,000", "Avg shrs"),
        ("Oil at 20 dlrs a barrel", "oil"),  # a headline, not a row: the label may not end in "at"
    ],
)
def test_a_table_row_is_about_its_label(row, subject):
    assert {f.subject for f in find_figures(row)} == {subject}


# a proportion is one figure, its value the fraction (its numbers alone read as counts: "one in five adults"
# was 5 adults, "nine out of 10 separations" 10 separations)
@pytest.mark.parametrize(
    "text, figures",
    [
        ("One in five adults smoke, the survey found.", [("One in five", 0.2, "adults smoke")]),
        ("Nine out of 10 separations ended in court.", [("Nine out of 10", 0.9, "separations")]),
        ("Only one in 13 of the 48 million cards is now in default.", [("one in 13", 1 / 13, "cards"), ("48 million", 48e6, "cards")]),
        ("No more than four out of 1,000 condoms leak.", [("four out of 1,000", 0.004, "condoms leak")]),
        ("In the East, one in 12 banks had losses.", [("one in 12", 1 / 12, "banks")]),
        ("A third of the workforce was laid off.", [("A third", 1 / 3, "workforce")]),
        ("A quarter of the loans were repaid.", [("A quarter", 0.25, "loans")]),
        ("Two-thirds of voters backed the plan.", [("Two-thirds", 2 / 3, "voters")]),
        ("It is his third number one in three weeks.", [("three weeks", 3, None)]),  # a span of time, not a share
        ("A third of a century later the firm was sold.", []),  # a measure, not a share of something
        ("The third quarter of the year was weak.", []),  # ordinals
        ("Profits rose $5 in 10 years.", [("$5", 5, "profits"), ("10 years", 10, None)]),  # amounts, not a share
    ],
)
def test_proportions(text, figures):
    assert [(f.text, pytest.approx(f.value), f.subject) for f in find_figures(text)] == figures


def test_a_proportion_after_almost_is_approximate():
    f = one("Last year, almost one in six cars sold by the group was a Mini.")
    assert (f.text, f.kind, f.unit, f.approximate) == ("one in six", "number", None, True)


@pytest.mark.parametrize("num, value", [("1,500,000", 1.5e6), ("4.5", 4.5), ("6-3/16", 6.1875), ("2 1/2", 2.5),
                                        ("twelve", 12), ("twenty-five", 25), ("a dozen", 12), ("one and a half", 1.5)])
def test_parse_number(num, value):
    assert parse_number(num) == pytest.approx(value)


REF = date(2026, 11, 28)


@pytest.mark.parametrize(
    "text, value",
    [
        ("He will visit China in April.", "2027-04"),
        ("They spoke in November.", "2026-11"),
        ("In December, the administration made headlines.", "2025-12"),
        ("It was signed on April 15, 2026.", "2026-04-15"),
        ("It was signed on 15 April 2026.", "2026-04-15"),
        ("Shares fell on Tuesday.", "2026-11-24"),
        ("Prices rose last week.", "2026-11-16/2026-11-22"),
        ("Sales rose in 1987.", "1987"),
        ("Profit fell in the first quarter of 1987.", "1987-01-01/1987-03-31"),
        ("It closed yesterday.", "2026-11-27"),
        ("It closed the day before yesterday.", "2026-11-26"),  # not yesterday's
        # "of this / last / next year" belongs to the half or quarter (it was a half of the year by the tense, and
        # "this year" a date of its own)
        ("Sales will rise in the second half of this year.", "2026-07-01/2026-12-31"),
        ("Sales fell in the first half of last year.", "2025-01-01/2025-06-30"),
        ("Profits fell in the second quarter of this year.", "2026-04-01/2026-06-30"),
        ("The vote is the day after tomorrow.", "2026-11-30"),
        ("It opened two years ago.", "2024"),
        ("The plan starts next month.", "2026-12"),
        ("Data for March 2026 came out.", "2026-03"),
        ("Growth slowed in Q4 2025.", "2025-10-01/2025-12-31"),
        ("Sales rose in the first half of 2025.", "2025-01-01/2025-06-30"),
        ("Revenue in the third quarter rose.", "2026-07-01/2026-09-30"),
        ("Inflation peaked in the 1970s.", "1970/1979"),
        ("The strike lasted from March 2 to March 6.", "2026-03-02/2026-03-06"),
        ("The fair runs 20-22 March.", "2027-03-20/2027-03-22"),
        ("Output doubled between 2019 and 2021.", "2019/2021"),
        ("The plan covers 2026-2030.", "2026/2030"),
        ("The 2024-25 season ended.", "2024/2025"),
        ("Prices doubled over the past two weeks.", "2026-11-14/2026-11-28"),
        ("The loan matures in three months.", "2027-02"),
        ("Trading was halted this morning.", "2026-11-28"),
        ("It was the worst year since the 2008 crisis.", "2008"),
        ("The sale should close by mid-2027.", "2027"),
        ("The meeting was postponed until April.", "2027-04"),
        ("It declared a dividend payable December 15.", "2026-12-15"),  # a schedule: nearest, not past
        ("Sales figures for May were weak.", "2026-05"),  # "for May" is the month, not the verb
        ("The fighting went on through last night.", "2026-11-27"),
        ("It bought shares between Nov 3 and 9.", "2026-11-03/2026-11-09"),
        ("It expects a loss for its second quarter ending December 31.", "2026-10-01/2026-12-31"),
        ("It reported a profit for the first half ended September 30.", "2026-04-01/2026-09-30"),
        ("Repayments are due over the next five years.", "2026-11-28/2031-11-28"),
        ("Prices will stay high for the coming two weeks.", "2026-11-28/2026-12-12"),
        ("Oil fetched 30 dlrs at end-1985.", "1985"),
        ("It will spend more in the financial year 2027/8.", "2027/2028"),
        ("Payable May one", "2027-05-01"),  # a day spelled out, as dividend notices have it
        ("The plant closed eleven days ago.", "2026-11-17"),  # every number word the figures know
        ("The tax will start next January.", "2027-01"),
        ("He left the board last December.", "2025-12"),
        ("LONDON DOLLAR FLUCTUATIONS 1300 - APRIL 7", "2027-04-07"),
        ("Closing will come in the third fiscal quarter ending June 30.", "2027-04-01/2027-06-30"),
        # numeric dates: day and month told apart where one exceeds 12, else only the year is sure
        ("The deadline is 3/31/2027.", "2027-03-31"),
        ("Filed on 15.03.2024 in Berlin.", "2024-03-15"),
        ("Published 2024/03/15.", "2024-03-15"),
        ("He was born on 12/05/1990.", "1990"),
        ("The deal closes at the end of the month.", "2026-11"),
        ("Prices peaked at the end of the year 2025.", "2025"),
        # seasons (meteorological, northern), holidays, decades and centuries (session 20); REF is 2026-11-28
        ("Sales were weak last summer.", "2026-06-01/2026-08-31"),
        ("The plant will open this spring.", "2026-03-01/2026-05-31"),
        ("Severe cold is expected this winter.", "2026-12-01/2027-02-28"),
        ("The car will be introduced in the spring of 1988.", "1988-03-01/1988-05-31"),
        ("It offers service in the summer 1987.", "1987-06-01/1987-08-31"),
        ("Shops will stay open until Christmas.", "2026-12-25"),
        ("Sales fell over Easter 2021.", "2021-04-04"),
        ("The wave hit on Boxing Day.", "2026-12-26"),
        ("Stores opened on Thanksgiving Day.", "2026-11-26"),
        ("Assets doubled during the past decade.", "2016-11-28/2026-11-28"),
        # periods of months, twelve months to a month, fiscal and short years, centuries, a weekday before
        # its date (session 20)
        ("Exports rose in the first nine months of 2019.", "2019-01-01/2019-09-30"),
        ("Sales fell in the first three months of the year.", "2026-01-01/2026-03-31"),
        ("Losses narrowed in the first nine months of fiscal 1987.", "1987"),
        ("Prices rose one pct in the year to March 2004.", "2003-04-01/2004-03-31"),
        ("Net profit rose in the year ended June 30, 1986.", "1986-06-30"),
        ("FY21 results beat forecasts.", "2021"),
        ("He recalled the hits of the '90s.", "1990/1999"),
        ("They won the title in '94.", "1994"),
        ("The painting dates from the 18th century.", "1701/1800"),
        ("The ceremony will be held on Sunday 27 February 2005.", "2005-02-27"),
        ("Trading resumes on Tuesday, Dec. 1.", "2026-12-01"),
        ("The shares will be sold in the second half of July.", "2027-07-16/2027-07-31"),
    ],
)
def test_dates_resolve(text, value):
    found = find_dates(text, 0, len(text), REF)
    assert [d.value for d in found[:1]] == [value]
    assert all(text[d.start:d.end] == d.text for d in found)


@pytest.mark.parametrize("text", [
    "The fall in prices was steep.",
    "Prices fall sharply when supply rises.",
    "He sent a Christmas card.",
    "Because of the Easter holidays, banks were shut.",
    "Farmers seeded 30 pct of the spring wheat acres.",
    "A free kick by Winter was met by Byrne.",
    "It's a '90 car.",
])
def test_seasons_and_holidays_only_as_times(text):
    assert find_dates(text, 0, len(text), REF) == []


@pytest.mark.parametrize(
    "text, values",
    [
        # a "range" that would run ten months into the next year is two dates
        ("The company moved its payment date from June 26 to May 8.", ["2026-06-26", "2026-05-08"]),
        ("The exhibition runs December 20 to January 5.", ["2026-12-20/2027-01-05"]),
        ("It may rise in May.", ["2027-05"]),
        ("DEC said it may one day cut prices.", []),  # Digital Equipment Corp; the verb "may"
        ("Profit rose in May 2025 and may rise again.", ["2025-05"]),
        ("Profits fell last quarter.", ["2026-07-01/2026-09-30"]),  # no other unit word in the sentence
        # a weekday in its clause's tense (session 21; REF is a Saturday): "will" before it, not "said" after;
        # a plan word; an "-ed" verb in its own clause
        ("Jordan will tender Thursday for wheat, sources said.", ["2026-12-03"]),
        ("Meetings at a senior level are scheduled for Thursday, officials said.", ["2026-12-03"]),
        ("The locals, which rejected a contract Monday, will meet again.", ["2026-11-23"]),
        ("Goods for April through November shipment were sold.", ["2026-04/2026-11"]),
        ("Reserves rose in the third week of March.", ["2026-03-15/2026-03-21"]),
        ("Deposits fell in the last week of February.", ["2026-02-22/2026-02-28"]),
        # a month and its year after a comma or "in"; a year before a quarter; "qtr"; "Pay" as a schedule;
        # "ending last June"; a capitalised "May" mid-sentence is the month, unless a name (session 21)
        ("March billings were the strongest since November, 1984.", ["2026-03", "1984-11"]),
        ("Sales shifted from March in 1986 to April this year.", ["1986-03", "2026-04", "2026"]),
        ("The 1986 fourth quarter was weak.", ["1986-10-01/1986-12-31"]),
        ("1985 4th qtr net rose.", ["1985-10-01/1985-12-31"]),
        ("Qtly div 50 cts vs 50 cts prior Pay April 30 Record April 15", ["2027-04-30", "2027-04-15"]),
        ("Growth was below the figure in the 12 months ending last June.", ["2025-07-01/2026-06-30"]),
        ("Futures bounced back to 1,260 stg per tonne on May.", ["2026-05"]),
        ("Federated is to buy rival May Department Stores.", []),
        ("Without this deal May would have been washed up.", []),
        # "should" looks ahead like "will" (session 26: "the tax should start ... on October 1")
        ("Results for the third quarter should be about the same as the second.", ["2027-07-01/2027-09-30"]),
        # a year said by the one the sentence states before it, else by the reference's (session 27, set 8)
        ("Turnover for 1986 fell to 130.9 billion from 142.1 billion the previous year.", ["1986", "1985"]),
        ("The portfolio shrank by the end of last year from 66.6 billion the previous year.", ["2025", "2024"]),
        ("Sales should exceed 1.4 billion dlrs, up from 1.27 billion dlrs the prior year.", ["2025"]),
        ("Net equity was 2.71 billion in December 1986, against 3.46 billion the year before.", ["1986-12", "1985"]),
        ("Cases jumped from 69 in 1984 to 298 the following year.", ["1984", "1985"]),
        ("The bonds of 1975 and of the same year were called.", ["1975", "1975"]),
        ("Exports in the 1986/87 season rose 40 pct from the previous year.", ["1986/1987", "1985/1986"]),
        ("Earnings exceeded those of the same year-ago period.", []),
        # a day coordinated with a scheduled one is placed on its side of the reference date; "by" a month's
        # something is by what, not by when ("before Tuesday's data" is before it)
        ("The calls, to be made effective January 31 and October 31, affected the bonds.", ["2027-01-31", "2027-10-31"]),
        ("This year the situation has been made worse by December's rush.", ["2026", "2025-12"]),
        ("The market may be wary of selling before Tuesday's trade data.", ["2026-12-01"]),
        # session 32: a past "-ed" is a lower-case word that is a verb ("the Fed", "the United Nations",
        # "a hundred", "need" are none); "due to" a cause looks nowhere ahead; "this December" is the
        # reference's year whatever the tense
        ("The Fed meets on December 9.", ["2026-12-09"]),
        ("The United Nations meets on December 9-10.", ["2026-12-09/2026-12-10"]),
        ("A hundred people need help on December 9.", ["2026-12-09"]),
        ("Talks were halted in February due to a conflict over prices.", ["2026-02"]),
        ("The plant is due to open in March.", ["2027-03"]),
        ("The contract, which expires this December, was signed in 2020, officials said.", ["2026-12", "2020"]),
        # day-first ranges across months, decades ago, analysts' quarter codes
        ("The tournament runs from 14 June to 14 July.", ["2026-06-14/2026-07-14"]),
        ("The poll ran between 15 November 2026 and 3 January 2027.", ["2026-11-15/2027-01-03"]),
        ("The firm was founded two decades ago, and closed three decades later.", ["2006"]),
        ("Sales rose in 1Q24 and 2H 2025.", ["2024-01-01/2024-03-31", "2025-07-01/2025-12-31"]),
        ("The week was the second half of a two-week statement period.", []),  # a half of something else
        ("The first half of the match was dull.", []),
        ("Prices rose in the first half of the year.", ["2026-01-01/2026-06-30"]),
    ],
)
def test_dates_resolve_all(text, values):
    assert [d.value for d in find_dates(text, 0, len(text), REF)] == values


@pytest.mark.parametrize(
    "text, months",
    [("Copra Apr 275.00 May 280.00 Jun 285.00", ["Apr", "May", "Jun"]), ("No 1 rss Apr 44-7/8 May 45-1/8", ["Apr", "May"]),
     ("It was signed on March 5,1987 in Paris.", ["March 5"])],  # (a comma before a year is no decimal)
)
def test_a_price_beside_a_futures_month_is_no_day(text, months):
    """The decimals of a price before a month ("275.00 May") or a price after it ("May 45-1/8") are no day
    of it (session 26: 163 Reuters dates in price tables had no value)."""
    assert [d.text for d in find_dates(text, 0, len(text), REF)] == months


@pytest.mark.parametrize("text, years", [("NY COCOA 12:00\nMAY7  1921 OFF 13\nJUL7  1957 UP 10\nDEC7  2012 UNCH", []),
                                         ("Output fell in 1986, up from 1985.", ["1986", "1985"])])
def test_a_price_with_its_change_in_a_table_is_no_year(text, years):
    assert [d.text for d in find_dates(text, 0, len(text), REF)] == years


@pytest.mark.parametrize(
    "text, value",
    [
        ("Writing in the March issue, he cited a rise.", "1987-03"),  # past, and March has begun
        ("Talks will resume in March.", "1987-03"),  # to come, and March has not ended
        ("Exports rose in April.", "1986-04"),
    ],
)
def test_a_month_is_past_once_begun_and_to_come_until_ended(text, value):
    assert [d.value for d in find_dates(text, 0, len(text), date(1987, 3, 5))] == [value]


@pytest.mark.parametrize(
    "text, ref, found",
    [
        # a month with "last year" or "a year earlier" after it is that month a year back
        ("Prices rose 0.3 pct compared with 0.1 pct in February last year.", date(1987, 3, 19), [("February last year", "1986-02")]),
        ("Output was 96.9 mln lbs, vs 122.7 mln lbs in February a year earlier.", date(1987, 4, 1),
         [("February a year earlier", "1986-02")]),
        # "the previous month / week": before the one stated before it, else before the reference's
        ("February output was 96.9 mln lbs vs 111.4 mln the previous month.", date(1987, 4, 1),
         [("February", "1987-02"), ("the previous month", "1987-01")]),
        ("M1 rose 12 pct in January after a 5.0 pct rise the previous month.", date(1987, 3, 3),
         [("January", "1987-01"), ("the previous month", "1986-12")]),
        ("Stocks fell in the week ended Feb 27 from 131.50 mln the previous week.", date(1987, 3, 3),
         [("Feb 27", "1987-02-27"), ("the previous week", "1987-02-14/1987-02-20")]),
        ("Sales were down from the preceding week.", date(1987, 3, 26), [("the preceding week", "1987-03-16/1987-03-22")]),
        ("Sales were down from the past month.", date(1987, 3, 26), [("the past month", "1987-02-26/1987-03-26")]),
        # a month of delivery is ahead, whatever the tense (not a month's own "shipments")
        ("Japan bought 5,000 tonnes of rapeseed for May shipment.", date(1987, 4, 9), [("May", "1987-05")]),
        ("It sold two cargoes for April/May shipment.", date(1987, 3, 6), [("April", "1987-04"), ("May", "1987-05")]),
        ("Resistance held near 7.0 cents basis May.", date(1987, 4, 7), [("May", "1987-05")]),
        ("February shipments were up 5.8 billion dlrs.", date(1987, 3, 31), [("February", "1987-02")]),
        # a half named by the day it ends is its six months, as a quarter is; "1987 nine mths" January-September
        ("It will not pay a dividend for the half year ended December 31, 1986.", date(1987, 3, 13),
         [("half year ended December 31, 1986", "1986-07-01/1986-12-31")]),
        ("No dividend for the first half year ending April 30, 1987.", date(1987, 4, 8),
         [("half year ending April 30, 1987", "1986-11-01/1987-04-30")]),
        ("1987 nine mths includes loss 1,519,000 dlrs.", date(1987, 10, 20), [("1987 nine mths", "1987-01-01/1987-09-30")]),
        ("NOTE: 1987 six months includes a charge.", date(1987, 3, 24), [("1987 six months", "1987-01-01/1987-06-30")]),
        # ...but a week or three months so ended stays the day or the month (our sets' reading)
        ("Shipments for the week ended February 28 were 1.2 mln tonnes.", date(1987, 3, 5), [("February 28", "1987-02-28")]),
    ],
)
def test_months_back_anaphors_delivery_months_and_halves(text, ref, found):
    assert [(d.text, d.value) for d in find_dates(text, 0, len(text), ref)] == found


@pytest.mark.parametrize(
    "text, ref, found",
    [
        ("It expects revenues for its fourth quarter ended March 31 to beat the same quarter a year earlier.", date(1987, 3, 19),
         [("fourth quarter", "1987-01-01/1987-03-31"), ("March 31", "1987-03-31"),
          ("the same quarter a year earlier", "1986-01-01/1986-03-31")]),
        ("For the third quarter of 1987 it expects 1.5 billion dlrs against one billion in the same period of 1986.",
         date(1987, 6, 1), [("the third quarter of 1987", "1987-07-01/1987-09-30"),
                            ("the same period of 1986", "1986-07-01/1986-09-30")]),
        ("Prices fell 0.8 pct in January against the same month a year earlier.", date(1987, 3, 4),
         [("January", "1987-01"), ("the same month a year earlier", "1986-01")]),
        ("Shipments in the week to April 1 fell from the previous week and the same week in 1986.", date(1987, 4, 3),
         [("April 1", "1987-04-01"), ("the previous week", "1987-03-19/1987-03-25"),
          ("the same week in 1986", "1986-03-26/1986-04-01")]),
        # with no period stated before it, "a year earlier" is read alone, as before
        ("Profits rose from the same period a year earlier.", date(1987, 3, 4), [("a year earlier", "1986")]),
    ],
)
def test_the_same_period_is_the_one_stated_before_it_in_that_year(text, ref, found):
    assert [(d.text, d.value) for d in find_dates(text, 0, len(text), ref)] == found


def test_a_part_of_a_month_is_placed_as_its_month():
    text = "It will take place in the second half of March."  # said on March 18: this March's, not next year's
    assert [d.value for d in find_dates(text, 0, len(text), date(1987, 3, 18))] == ["1987-03-16/1987-03-31"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
       | st.lists(st.sampled_from(["12", "million", "tonnes", "$", "from", "to", "pct", "5", "-", "April",
                                   "1987", "about", " ", ",", ".", "bln", "dlrs", "½", "twelve"]), max_size=40).map(" ".join))
def test_offsets_always_slice_the_text(text):
    figures, dates = figure_and_date_rows("d", text, [(0, 0, len(text))], REF)
    for row in figures + dates:
        assert text[row["start"]:row["end"]] == row["text"]
        assert 0 <= row["start"] < row["end"] <= len(text)


CUE_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200) | st.lists(st.tuples(
    st.sampled_from(["12", "1.5", "1987", "2024-03-15", "3/31/2027", "1980s", "½", "twelve", "Twelve", "one", "half", "a", "dozen", "hundred", "Rs", "Rs.", "rs",
                     "$", "US$", "-", "minus", "May", "JAN", "Q3", "h1", "QUARTER", "Half", "days", "Week", "YEAR",
                     "tonight", "Morning", "last", "next", "from", "to", "pct", ".", ",", "(", "é", "ſ", "K"]),
    st.sampled_from([" ", " ", ""])), max_size=30).map(lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=1500, deadline=None)
@given(CUE_TEXT)
def test_the_cues_never_hide_a_match(text):
    """A sentence is skipped when it lacks a cue: every match of FIGURE, and of each date pattern,
    must come with the cue that lets it run."""
    from pipelines.lib import dates, figures

    if figures.FIGURE.search(text):
        assert figures.may_hold_figures(text)
    found = dates.cues(text, 0, len(text))
    for kind, rx in dates.PATTERNS:
        if rx.search(text):
            assert dates._NEEDS[kind] in found, kind


def test_skipping_patterns_by_their_cues_changes_no_answer(monkeypatch):
    """find_dates runs a pattern only if the sentence holds what the pattern needs (a month name, a
    digit, ...); with every cue forced present it must find exactly the same dates."""
    import json
    from pathlib import Path

    from pipelines.lib import dates

    data = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
    cases = [json.loads(line) for name in ("dates.jsonl", "dates-fresh.jsonl") for line in (data / name).open()]
    cases += [{"ref": "2026-03-18", "text": t} for t in (
        "It fell 4.5 pct in the first half.", "The 1970s were hard.", "Q3 sales rose.", "Not a date at all.")]

    def found():
        return [[(d.start, d.end, d.value) for d in find_dates(c["text"], 0, len(c["text"]), date.fromisoformat(c["ref"]))]
                for c in cases]

    with_cues = found()
    monkeypatch.setattr(dates, "cues", lambda *_: set(dates._NEEDS.values()))
    assert found() == with_cues
    assert sum(map(len, with_cues)) >= 100


def test_a_duration_in_a_date_is_a_figure_and_a_date_but_a_calendar_date_is_only_a_date():
    text = "Sales fell 3 pct in the past two weeks and the ties are on 12-13 March."
    figures, dates = figure_and_date_rows("d", text, [(0, 0, len(text))], date(2005, 2, 1))
    assert [(f["text"], f["unit"]) for f in figures] == [("3 pct", "%"), ("two weeks", "week")]
    assert "12-13 March" in [d["text"] for d in dates]


def test_a_one_that_opens_no_range_leaves_the_other_end_alone():
    """ "from one to 15" of a team's shirts: no unit, so no range, and the 15 is not left as the high end
    of a range that is not there."""
    assert [(f.text, f.role, f.group_id) for f in find_figures("They have stars from one to 15.")] == [("15", "value", None)]


@pytest.mark.parametrize(("text", "expected"), [
    # "in <n> <units>" is a date ahead only when nothing says it is a span of time
    ("The plant will open in a year.", [("in a year", "2006")]),
    ("The merger should close in three months.", [("in three months", "2005-06")]),
    ("Sales fell in 1987 and will recover in two years.", [("1987", "1987"), ("in two years", "2007")]),
    ('"In three months, we should rebuild 70% of the damage," said the governor.', [("In three months", "2005-06")]),
    ("Broadband users almost doubled in a year.", []),                       # a past verb before it
    ("Prices rose 5% in two years.", []),
    ("Shares hit their highest level in two years on Monday.", [("Monday", "2005-02-28")]),  # a record
    ("It was the first rise in three months.", []),
    ("It is the second time in two weeks that Apple has sued.", []),         # a count over the span
    ("Iraqi troops suffered losses in a week-old offensive.", []),           # not "in a week"
    ('"Phase two (the second sale) will be in a month or so," he said.', [("in a month", "2005-04")]),
])
def test_in_some_units_is_a_date_ahead_only_when_nothing_makes_it_a_span(text, expected):
    assert [(d.text, d.value) for d in find_dates(text, 0, len(text), date(2005, 3, 1))] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # session 29: "annual" between a measure and its noun makes a yearly rate
        ("The smelter has 80,000 tonnes annual capacity.", [(80000, "t/a", "value")]),
        # a bare number compared after a comma, or a part "of which", takes the unit (and the scale of a part
        # no larger than the whole); a fraction is a share, not an amount
        ("It planted 460,000 hectares, against 425,000 in 1986.", [(460000, "ha", "value"), (425000, "ha", "value")]),
        ("Arrivals total 194,000 tonnes, of which 45,000 are grains.", [(194000, "t", "value"), (45000, "t", "value")]),
        ("It holds 23,442 billion lire, of which 20,322 is in bills.",
         [(23442e9, "ITL", "value"), (20322e9, "ITL", "value")]),
        ("It is a loan of 500 mln dlrs, of which half is guaranteed.", [(500e6, "USD", "value"), (0.5, None, "value")]),
        # a change to a range: the range is the new level ("from X to between Y and Z")
        ("Output will rise from 60,000 barrels a day to between 80,000 and 100,000 barrels a day.",
         [(60000, "bbl/d", "value"), (80000, "bbl/d", "low"), (100000, "bbl/d", "high")]),
    ],
)
def test_units_carried_to_compared_and_partial_figures(text, expected):
    assert [(f.value, f.unit, f.role) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # session 31: ISO 4217 codes in capitals, before or after the amount (pycountry's list), not in a
        # table of tickers nor where a code is an English word or a common acronym
        ("The contract is worth AED 1.2 billion.", [(1.2e9, "AED")]),
        ("Sales were 3.2 billion SEK.", [(3.2e9, "SEK")]),
        ("It paid SGD 50m and ZAR 2 billion.", [(50e6, "SGD"), (2e9, "ZAR")]),
        ("ALL 12 MEMBERS VOTED.", [(12, None)]),
        ("PHP 8.1 was released.", [(8.1, None)]),
        ("JOHANNESBURG CLSG JVR 198.00 JMD 15.30 JOS 133.25", [(198, None), (15.3, None), (133.25, None)]),
        # the signs and abbreviations of today's English-language press
        ("Nigeria allocated ₦50 billion, or N50 billion, to roads.", [(50e9, "NGN"), (50e9, "NGN")]),
        ("Indonesia set aside Rp 5 trillion and Malaysia RM1.2 billion.", [(5e12, "IDR"), (1.2e9, "MYR")]),
        ("The government will spend R2.5 billion.", [(2.5e9, "ZAR")]),
        ("Kenya will borrow KSh 3 billion.", [(3e9, "KES")]),
        ("It costs NIS 40, or 40 shekels.", [(40, "ILS"), (40, "ILS")]),
        ("The R2 engine and the N95 mask.", []),                      # one letter only before a scaled amount
        # a currency that several countries use: the one the sentence names, else the most frequent
        ("Pakistan's budget is Rs8 trillion.", [(8e12, "PKR")]),
        ("Morocco's budget is 40 billion dirhams.", [(40e9, "MAD")]),
        ("He sold it for 50 Ugandan shillings and 20 Sri Lankan rupees.", [(50, "UGX"), (20, "LKR")]),
        ("The fund sold 5 billion kroner of Danish shares.", [(5e9, "DKK")]),
        ("Bangladesh's deficit narrowed to 1.91 billion taka.", [(1.91e9, "BDT")]),
        # compound Indian scales
        ("Sales reached Rs 1.5 lakh crore.", [(1.5e12, "INR")]),
        # fractions of a percentage point; a bond's or an index's points are no percentage
        ("Unemployment rose by half a percentage point.", [(0.5, "pp")]),
        ("The Fed cut rates by a quarter of a percentage point.", [(0.25, "pp")]),
        ("The bank cut its base rate by half a point.", [(0.5, "pp")]),
        ("T-bond futures gained half a point in minutes.", [(0.5, None)]),
        ("The index fell 2.3 points, or 0.5 per cent.", [(2.3, None), (0.5, "%")]),
        ("The Sensex rose 500 points.", [(500, None)]),
        # heights in feet and inches written as one word; decibels
        ("A 5-foot-10 guard scored.", [(70 / 12, "ft")]),
        ("The 6-foot-2-inch forward played.", [(74 / 12, "ft")]),
        ("Noise reached 85 decibels.", [(85, "dB")]),
    ],
)
def test_currencies_codes_and_points_of_todays_press(text, expected):
    assert [(pytest.approx(f.value), f.unit) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    "document, expected",
    [
        # session 32: a currency's name that several countries use, in a sentence that names none of
        # them, takes the one country the document names; none or several named: the default
        ("Uganda's minister spoke. He asked for 1,000 billion shillings.", [(1e12, "UGX")]),
        ("Carlsberg is a Danish brewer. Sales rose 4% to 36bn kroner.", [(4, "%"), (36e9, "DKK")]),
        ("Swiss banks reported. Assets grew by 1.2 billion francs.", [(1.2e9, "CHF")]),
        ("The Philippine Long Distance Telephone Co reported. Shr 95.30 pesos vs 29.71 pesos",
         [(95.3, "PHP"), (29.71, "PHP")]),
        ("Kenya and Uganda met. Each pledged 5 billion shillings.", [(5e9, "KES")]),
        ("The brewer reported. Sales rose to 36bn kroner.", [(36e9, "NOK")]),
        ("Tanzania's budget was cut. Uganda lent it 5 billion shillings.", [(5e9, "UGX")]),  # the sentence's first
        # the West and the Central African CFA francs; every sign after the number as before it
        ("Senegal's price. It stays at 200 CFA francs a kilo.", [(200, "XOF")]),
        ("Cameroon's finance ministry. Corruption cost it 1bn CFA francs a month.", [(1e9, "XAF")]),
        ("Tickets. One costs 100 ₽, 500 ₹ or 20 ₺.", [(100, "RUB"), (500, "INR"), (20, "TRY")]),
    ],
)
def test_currency_of_the_country_the_document_names(document, expected):
    last = document.index(". ") + 2  # the figures of the document's second sentence
    assert [(pytest.approx(f.value), f.unit) for f in find_figures(document, last)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # session 32: the energy trade's volumes with their scale in the name; "mcf" is not one (newswire
        # writes it for a million cubic feet as often as the trade's thousand)
        ("Europe imported 20 bcm of LNG.", [(20e9, "m³", "LNG")]),
        ("Reserves are estimated at 3.5 tcf.", [(3.5e12, "ft³", "reserves")]),
        ("Output rose to 1.2 bcf/d.", [(1.2e9, "ft³/d", "output")]),
        ("Brooklyn Union took 75 mcf of the contract gas.", [(75, None, "mcf")]),
        # a name with digits is whole in a subject
        ("The plant emits 2.5 million tonnes of CO2 a year.", [(2.5e6, "t", "CO2")]),
        ("The remaining 50 pct of TF1 is to be split.", [(50, "%", "TF1")]),
        # a range of two amounts with their signs: "£1.5bn-£2bn" (the second had been lost after "bn-")
        ("The deal is worth £1.5bn-£2bn.", [(1.5e9, "GBP", "deal"), (2e9, "GBP", "deal")]),
    ],
)
def test_energy_volumes_and_names_with_digits(text, expected):
    assert [(pytest.approx(f.value), f.unit, f.subject) for f in find_figures(text)] == expected


def test_a_price_per_scaled_energy_unit_has_no_basis_as_per_mln_btu():
    assert [f.per for f in find_figures("Henry Hub gas traded at $3.20 per mmbtu.")] == [None]  # was Btu



@pytest.mark.parametrize(
    "text, subject",
    [
        # session 31: what a thing weighs, measures, covers or costs is about the thing before the verb
        ("The lorry weighed 44 tonnes.", "lorry"),
        ("The farm covers 1,200 hectares.", "farm"),
        ("The apartment measures 85 square metres.", "apartment"),
        ("The 2001 election cost £80m.", "election"),
        ("The plants will cost more than 300 mln dlrs.", "plants"),
        # the noun "cost" is no such verb, and a relative clause's verb belongs to the noun before "that"
        ("The cost savings totalled 48.05 dlrs.", "cost savings"),
        ("It is based on country sales for feeder steers that weigh between 600 and 800 lbs.", "feeder steers"),
        # not past a semicolon, and not a verb's particle or an irregular verb
        ("Revenue of $4.5 billion beat forecasts; sales were $3.2 billion.", "sales"),
        ("Indonesia set aside $5 trillion.", None),
        # session 32: the Swiss "franc" of a Swiss story is the figures' own currency, no other one's
        ("The Swiss bank showed a 756 mln franc loss instead of 692 mln.", "loss"),
        # a news sentence's transitive verb between its subject and what the figure measures
        ("The company reported earnings of 40 cts a share.", "earnings"),
        ("China raised rates by 0.27 percentage points.", "rates"),
        ("The storm produced winds of about 75 mph.", "winds"),
        ("Murphy Oil said it increased its crude oil posted prices by 50 cts a barrel.", "oil posted prices"),
        ("The minimum accepted price was 95.50 pct.", "minimum accepted price"),  # an "-ed" adjective stays
        # irregular past forms and "once / twice" are no part of a subject (but "the won" is Korea's currency)
        ("The dose is 5ml twice a day.", "dose"),
        ("Construction of the 510 mln yuan plant began in April 1984.", "plant"),
        ("In Bosnia 1,700 workers struck.", "workers"),
        ("The Korean won climbed only four pct.", "won"),
        # a verb of saying or being before what the figure measures; a share of GDP is the numerator's
        ("The bank expects inflation of between 2% and 2.5%.", "inflation"),
        ("Debt stands at roughly 100% of GDP.", "debt"),
        ("The deficit narrowed to 4.5% of GDP.", "deficit"),
        ("The programme will shed 10% of the workforce.", "workforce"),
    ],
)
def test_subject_of_measuring_verbs(text, subject):
    assert find_figures(text)[-1].subject == subject


def figures_as(text: str, *fields: str) -> list[tuple]:
    """The ``fields`` of each figure found in ``text``, as tuples."""
    return [tuple(getattr(f, name) for name in fields) for f in find_figures(text)]


def approximately(expected: list[tuple]) -> list[tuple]:
    """``expected`` with each first member (a value) compared approximately."""
    return [(pytest.approx(value), *rest) for value, *rest in expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # two number words side by side are two numbers, not their sum; a tens' word takes a digit's
        ("England have lost three Six Nations games in a row.", [(3, None)]),
        ("Twenty six people died and twenty-six members were hurt.", [(26, None), (26, None)]),
        ("It took one hundred twenty five days.", [(125, "d")]),
        ("It weighed nine hundred and ninety-nine pounds.", [(999, "lb")]),
        ("The bank expects three-six pct growth.", [(3, "%"), (6, "%")]),  # a range, as "3-6 pct"
        ("It costs eight-10 dlrs a share.", [(8, "USD"), (10, "USD")]),
        ("The contract has two one-year options.", [(1, "a")]),
        # a number word is a whole word: "tends" is no ten of anything, "two quarterly" no half
        ("Inflation tends to rise.", []),
        ("Its first two quarterly payments were made.", []),
        # a half in a compound is no figure, but a half point is one
        ("England wasted a 17-6 half-time lead.", []),
        ("His half-brother and half-hearted attempts halfway through the show.", []),
        ("The Bank of England's half-point cut in interest rates came in March.", [(0.5, "pp")]),
        ("They expect another half point cut in base rates.", [(0.5, "pp")]),
        ("It was a half-hour show.", [(0.5, "h")]),
        # the first number of a score, a vote or a ratio is no count
        ("Declines led advances three-one.", []),
        ("The FOMC voted nine to one.", []),
        ("Two or three people came.", [(2, None), (3, None)]),
        # a number glued to letters that make no unit is part of a name or a code
        ("It was shown at the 3GSM World Congress.", []),
        ("The game introduced 3D graphics on a 5G network.", []),
        ("He is in his 40s.", []),
        ("A 10x zoom.", [(10, None)]),  # a multiple
        ("Shares firmed to 670p from 480p.", [(6.7, "GBP"), (4.8, "GBP")]),  # pence, from the change
        ("Screens of at least 42in (106cm).", [(42, "in"), (106, "cm")]),  # glued, "in" is inches
        # the noun "half" is no figure; a half of something is
        ("Scotland made a foray into the Italian half.", []),
        ("He scored from inside his own half.", []),
        ("The other half of the voters stayed home.", [(0.5, None)]),
        ("The currency lost half its value.", [(0.5, None)]),
        ("Profit fell in the half year to June.", [(0.5, "a")]),
    ],
)
def test_number_words_names_and_halves(text, expected):
    assert figures_as(text, "value", "unit") == approximately(expected)


@pytest.mark.parametrize(
    "text",
    [
        # a prefix pint puts before any unit: "acts" attocarats, "EC" exacoulombs, "3ami" attomiles
        "All three acts confer cash penalties.",
        "The 12 EC countries and the 25 EU members met at three GM factories.",
        "It joined security firm 3ami.",
        # physical constants are no units ("600R" the molar gas constant)
        "The A300-600R will seat 16.",
        # English nouns that also name old units
        "On the one hand, 15 league games; seven bars in Moscow; two hotel chains; a one shot deal.",
        "There were seven grain ships loading.",
    ],
)
def test_words_pint_reads_as_units_are_not_units(text):
    assert all(f.unit is None for f in find_figures(text))


@pytest.mark.parametrize(
    "text, unit",
    [("It sells 70 billion kilowatt hours.", "kWh"), ("A 1.8GHz processor.", "GHz"), ("A 512 KiB cache.", "KiB"),
     ("A dose of 3 mSv.", "mSv"), ("Pulses of 10 femtoseconds.", "fs"), ("Three hectolitres of beer.", "hl"),
     ("A 20 kilotonne bomb.", "kt"), ("An access time of 250 milliseconds.", "ms"), ("A 5 megapixel camera.", "Mpixel")],
)
def test_prefixes_on_the_units_they_are_written_with(text, unit):
    assert [f.unit for f in find_figures(text)] == [unit]


@pytest.mark.parametrize(
    "text",
    [
        "His win four years ago was his last.",
        "Rangers were not threatened until 10 minutes after the break.",
        "Elvis is set to top the UK singles chart, 27 years after his death.",
        "Ireland last won the title in 1985, but 20 years on, they share top spot.",
        "The rigs fell to 83, compared with 134 rigs one year ago.",
        "A flurry of acquisitions was expected five years from now.",
        "Imbalances in 50 major stocks will be disclosed 30 minutes prior to the close.",
    ],
)
def test_a_span_that_places_something_in_time_measures_nothing(text):
    spans = [f for f in find_figures(text) if f.unit in ("a", "min", "d", "week", "month")]
    assert spans and all(f.subject is None for f in spans)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count restated as its share of the whole: two changes side by side, not a percentage from a count
        ("It cut its stake to 169,888 shares, or 3.4 pct, from 288,652 shares, or 5.8 pct.",
         [(169888, None, "to", "shares"), (3.4, "%", "to", "shares"), (288652, None, "from", "shares"), (5.8, "%", "from", "shares")]),
        ("It raised its stake to 260,500 shares, or 6.4 pct of the total outstanding common stock, from 370,500 shares, or 9.2 pct.",
         [(260500, None, "to", "shares"), (6.4, "%", "to", "common stock"), (370500, None, "from", "shares"),
          (9.2, "%", "from", "shares")]),
        ("It raised its stake to 238,000 shares, or 14.6 pct of the total, from 205,000 or 12.8 pct.",
         [(238000, None, "to", "shares"), (14.6, "%", "to", "stake"), (205000, None, "from", "shares"), (12.8, "%", "from", "shares")]),
        ("The jobless total fell to 3.23 mln, or 11.7 pct, from 3.30 mln.",
         [(3.23e6, None, "to", "jobless"), (11.7, "%", "value", "jobless"), (3.3e6, None, "from", "jobless")]),
    ],
)
def test_a_count_and_its_share_change_side_by_side(text, expected):
    figs = find_figures(text)
    assert [(f.value, f.unit, f.role) for f in figs] == [(pytest.approx(v), u, r) for v, u, r, _ in expected]
    assert [f.subject for f in figs if f.unit == "%"] == [s for _, u, _, s in expected if u == "%"]


def test_a_list_of_percentages_still_shares_its_unit():
    assert [(f.value, f.unit) for f in find_figures("Output was 4 or 5 pct higher.")] == [(4, "%"), (5, "%")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a percentage is how much something changed; a bare count or a scaled amount after it is the level
        ("Car sales were off 20.7 pct to 286,771 from 361,785 a year before.",
         [(20.7, "%", "value"), (286771, None, "to"), (361785, None, "from")]),
        ("In January, housing starts fell a revised 0.5 pct to 1,804,000 units.", [(0.5, "%", "value"), (1804000, None, "value")]),
        ("French unemployment has risen by more than 40 pct from 1.8 mln.", [(40, "%", "value"), (1.8e6, None, "value")]),
        ("This was 5.19 pct up from 49.98 billion at the end of November.", [(5.19, "%", "value"), (49.98e9, None, "value")]),
        ("They now employ 443,000, nine pct of the workforce.", [(443000, None, "value"), (9, "%", "value")]),
        # a year, or a year's date, is no span of years
        ("Tax increase reduced 1986 yr per shr by 26 cts.", [(0.26, "USD", "value")]),
        ("It excludes a loss of 12.9 mln dlrs vs 14.9 mln year earlier.", [(12.9e6, "USD", "value"), (14.9e6, "USD", "value")]),
        # an index's points, even where the sentence speaks of rates
        ("Stock prices plunged 393.31 points as the market speculated that interest rates would rise.", [(393.31, None, "value")]),
        ("The bank cut its prime rate half a point to 9.25 pct.", [(0.5, "pp", "value"), (9.25, "%", "value")]),
    ],
)
def test_a_change_by_so_much_then_a_level(text, expected):
    assert figures_as(text, "value", "unit", "role") == approximately(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "by" a bare number to another: a range of how much ("by 25 to 30 pct"), unless the next is many times
        # the first (then by so much, to a level) or the first is a fraction
        ("Sales are expected to grow by 25 to 35 pct in 1987.", [(25, "%", "low"), (35, "%", "high")]),
        ("The deficit will fall by 15 billion to 20 billion dlrs.", [(15e9, "USD", "low"), (20e9, "USD", "high")]),
        ("Reserves rose by 484 mln to 56.89 billion guilders.", [(484e6, "NLG", "value"), (56.89e9, "NLG", "value")]),
        ("Bank debt had been cut by about one-third to 2.56 billion francs.", [(1 / 3, None, "value"), (2.56e9, "FRF", "value")]),
        # a change verb before a bare number the next is many times: by so much, in the next one's unit
        ("Bristol-Myers rose 2-1/4 to 101.", [(2.25, None, "value"), (101, None, "value")]),
        ("Dai Nippon's share price rose 20 to 1,800 yen.", [(20, "JPY", "value"), (1800, "JPY", "value")]),
        ("Chinese Estates lost 25 cents to 20.15 dlrs.", [(0.25, "USD", "value"), (20.15, "USD", "value")]),
        # and the ranges stay ranges
        ("Prices rose 5 to 10 pct.", [(5, "%", "low"), (10, "%", "high")]),
        ("The offering is expected to raise 35 to 45 mln dlrs.", [(35e6, "USD", "low"), (45e6, "USD", "high")]),
    ],
)
def test_by_how_much_or_a_range(text, expected):
    assert figures_as(text, "value", "unit", "role") == approximately(expected)


@pytest.mark.parametrize(
    "text, ref, found",
    [
        # irregular past forms give a sentence its past, as "-ed" verbs do
        ("The dispute began on January 19 in protest at plans for 800 redundancies.", date(1987, 3, 11),
         [("January 19", "1987-01-19")]),
        ("The marketing year for corn began September 1.", date(1987, 3, 17), [("September 1", "1986-09-01")]),
        ("Spanish dockers began a nine-day strike on Wednesday.", date(1987, 6, 19), [("Wednesday", "1987-06-17")]),
        ("The team won on Saturday.", date(2024, 6, 12), [("Saturday", "2024-06-08")]),
        # not the verbs of trade, whose dates are often ahead, nor a schedule
        ("It bought bills for resale to the market on April 2.", date(1987, 3, 5), [("April 2", "1987-04-02")]),
        ("The budget gave civil servants a pay rise with effect from July 1.", date(1987, 6, 18), [("July 1", "1987-07-01")]),
    ],
)
def test_irregular_past_verbs_set_the_tense(text, ref, found):
    assert dates_of(text, ref) == found


def dates_of(text: str, ref: date) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, 0, len(text), ref)]


@pytest.mark.parametrize(
    "text, found",
    [
        # a bare half or quarter in a sentence of sport is the match's
        ("Alan Thompson scored from the penalty spot at the start of the second half.", []),
        ('"We didn\'t play in the first half against England," he said.', []),
        # in a sentence of business, or with its year, the year's
        ("Growth did slow in the second half, but only slightly.", [("the second half", "2004-07-01/2004-12-31")]),
        ("Total orders in the first quarter were up, with a sharp increase in defense orders.",
         [("the first quarter", "2004-01-01/2004-03-31")]),  # (past: the last one)
    ],
)
def test_a_match_half_is_no_half_year(text, found):
    assert dates_of(text, date(2005, 1, 1)) == found


@pytest.mark.parametrize("text", ["Its market share rose to 12 pct.", "Kingfisher has market share of about 29%.",
                                  "Ford's market share was 28.1 pct, up from 27.7 pct."])
def test_market_share_is_one_subject(text):
    assert {f.subject for f in find_figures(text)} == {"market share"}
