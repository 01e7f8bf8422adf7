"""Number vocabulary per language: spelled numbers, scale words, qualifiers, units. Pure data.

These are facts of each language, not of any story, so they live in code; `numbers.py` reads them.
Keys are lower case. A language missing from a table falls back to English.
"""

from __future__ import annotations

from monitor.types import Qualifier

# fmt: off

# Words for 2..19 and the tens (and the hundreds where they are words of their own: "двести"). One ("one", "uno",
# "un") is English only: elsewhere it is also the article.
SMALL: dict[str, dict[str, int]] = {
    "en": {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    },
    "es": {
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "veinte": 20,
        "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
        "noventa": 90,
    },
    "pt": {
        "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
        "dez": 10, "onze": 11, "doze": 12, "quinze": 15, "vinte": 20, "trinta": 30, "quarenta": 40,
        "cinquenta": 50,
    },
    "fr": {
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
        "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
        "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    },
    "it": {
        "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
        "undici": 11, "dodici": 12, "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40,
        "cinquanta": 50,
    },
    "de": {
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
        "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    },
    # Russian declines its numbers: "более двух тысяч", "около трёхсот", "с пятидесяти". The cases that reports
    # use are listed (nominative, genitive, dative, instrumental); "семью" is left out: it is also "family".
    "ru": {
        "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2, "три": 3, "трёх": 3, "трём": 3, "тремя": 3,
        "четыре": 4, "четырёх": 4, "четырём": 4, "четырьмя": 4, "пять": 5, "пяти": 5, "пятью": 5, "шесть": 6,
        "шести": 6, "шестью": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "восемью": 8, "девять": 9,
        "девяти": 9, "девятью": 9, "десять": 10, "десяти": 10, "десятью": 10, "одиннадцать": 11,
        "одиннадцати": 11, "двенадцать": 12, "двенадцати": 12, "тринадцать": 13, "тринадцати": 13,
        "четырнадцать": 14, "четырнадцати": 14, "пятнадцать": 15, "пятнадцати": 15, "шестнадцать": 16,
        "шестнадцати": 16, "семнадцать": 17, "семнадцати": 17, "восемнадцать": 18, "восемнадцати": 18,
        "девятнадцать": 19, "девятнадцати": 19, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30,
        "сорок": 40, "сорока": 40, "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60, "шестидесяти": 60,
        "семьдесят": 70, "семидесяти": 70, "восемьдесят": 80, "восьмидесяти": 80, "девяносто": 90,
        "девяноста": 90, "сто": 100, "ста": 100, "двести": 200, "двухсот": 200, "триста": 300, "трёхсот": 300,
        "четыреста": 400, "четырёхсот": 400, "пятьсот": 500, "пятисот": 500, "шестьсот": 600, "шестисот": 600,
        "семьсот": 700, "семисот": 700, "восемьсот": 800, "восьмисот": 800, "девятьсот": 900, "девятисот": 900,
    },
    # "on iki" is 12 and "on bin" 10,000 ("on binlerce" is no number: see INDEFINITE_AMOUNTS).
    "tr": {
        "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9, "on": 10,
        "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "altmış": 60, "yetmiş": 70, "seksen": 80, "doksan": 90,
    },
    # Ukrainian declines its numbers as Russian does: nominative and genitive ("понад двох тисяч").
    "uk": {
        "два": 2, "дві": 2, "двох": 2, "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4, "п'ять": 5, "п’ять": 5,
        "п'яти": 5, "шість": 6, "шести": 6, "сім": 7, "семи": 7, "вісім": 8, "восьми": 8, "дев'ять": 9,
        "дев’ять": 9, "десять": 10, "десяти": 10, "одинадцять": 11, "дванадцять": 12, "п'ятнадцять": 15,
        "двадцять": 20, "двадцяти": 20, "тридцять": 30, "тридцяти": 30, "сорок": 40, "сорока": 40,
        "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90, "сто": 100,
        "ста": 100, "двісті": 200, "двохсот": 200, "триста": 300, "трьохсот": 300, "чотириста": 400,
        "п'ятсот": 500, "шістсот": 600, "сімсот": 700, "вісімсот": 800, "дев'ятсот": 900,
    },
}

# The word for zero (and its case forms). A zero counts ("zero deaths", "dropped to zero") unless it is part of a
# name (see ZERO_NAMES); "no hostages" is no number.
ZERO: dict[str, tuple[str, ...]] = {
    "en": ("zero",), "es": ("cero",), "pt": ("zero",), "fr": ("zéro",), "it": ("zero",), "de": ("null",),
    "ru": ("ноль", "нуль", "ноля", "нуля", "нолю", "нулю"), "tr": ("sıfır", "sıfıra"), "ar": ("صفر",), "he": ("אפס",),
}

# Words that make a zero next to them part of a name or an idiom, not a count: "ground zero", "zero tolerance",
# "tolérance zéro", "year zero", "Stunde null".
ZERO_NAMES = (
    "ground", "patient", "year", "tolerance", "sum", "point", "tolerancia", "año", "punto", "tolérance",
    "année", "risque", "degré", "tolleranza", "anno", "tolerância", "marco", "ano", "ponto", "toleranz", "stunde",
    "jahr", "tolerans", "noktası", "סובלנות",
)

# Words that make a number right before them part of an indefinite amount: "on binlerce" is "tens of
# thousands", not ten.
INDEFINITE_AMOUNTS = ("onlarca", "yüzlerce", "binlerce", "milyonlarca")

# Multipliers written after a number ("68.5 thousand", "68,5 тыс.", "69 bin 513", "70 ألفًا"), with the case
# forms that Russian and Turkish give them ("двух тысяч", "2 binden fazla", "5 bini aşkın").
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "millions": 10**6, "billion": 10**9, "k": 1000,
    "mn": 10**6, "bn": 10**9, "cien": 100, "ciento": 100, "mil": 1000, "millón": 10**6, "millon": 10**6,
    "millones": 10**6, "cem": 100, "milhão": 10**6, "milhões": 10**6, "cent": 100, "mille": 1000,
    "milliers": 1000, "milliards": 10**9, "milliard": 10**9, "cento": 100, "mila": 1000, "milione": 10**6,
    "milioni": 10**6, "miliardi": 10**9, "hundert": 100, "tausend": 1000, "millionen": 10**6, "mio": 10**6,
    "mrd": 10**9, "сто": 100, "тыс": 1000, "тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "тысячу": 1000,
    "тысячам": 1000, "тысячами": 1000, "тысячах": 1000, "млн": 10**6, "миллион": 10**6, "миллиона": 10**6,
    "миллионов": 10**6, "миллионам": 10**6, "миллионами": 10**6, "миллионах": 10**6, "млрд": 10**9,
    "миллиард": 10**9, "миллиарда": 10**9, "миллиардов": 10**9, "yüz": 100, "bin": 1000, "bine": 1000,
    "binden": 1000, "binin": 1000, "bini": 1000, "milyon": 10**6, "milyona": 10**6, "milyondan": 10**6,
    "milyonun": 10**6, "milyonu": 10**6, "milyar": 10**9, "milyara": 10**9, "milyardan": 10**9,
    "milyarın": 10**9, "milyarı": 10**9, "milliarde": 10**9, "milliarden": 10**9, "тисяча": 1000,
    "тисячі": 1000, "тисяч": 1000, "тис": 1000, "мільйон": 10**6, "мільйона": 10**6, "мільйонів": 10**6,
    "мільярд": 10**9, "мільярда": 10**9, "мільярдів": 10**9, "ribu": 1000, "juta": 10**6, "miliar": 10**9,
    "bilion": 10**9, "ألف": 1000, "ألفا": 1000, "ألفًا": 1000, "ألفاً": 1000, "آلاف": 1000,
    "مليون": 10**6, "אלף": 1000, "מיליון": 10**6,
}

# Fractions that stand before a scale word: "half a million", "a quarter of a million".
FRACTIONS: dict[str, float] = {
    "half a": 0.5, "half": 0.5, "a quarter of a": 0.25, "a third of a": 1 / 3, "a": 1.0,
    "one and a half": 1.5, "medio": 0.5, "un demi": 0.5, "полтора": 1.5, "полторы": 1.5, "полутора": 1.5,
    "yarım": 0.5, "bir buçuk": 1.5,
}

# Qualifier phrases written before a number, in every supported language. A Hebrew prefix glued to the number
# counts as a word of its own: "כ-500" is "כ" (about) 500.
QUALIFIERS: dict[Qualifier, tuple[str, ...]] = {
    "at_least": (
        "at least", "no fewer than", "no less than", "a minimum of", "al menos", "por lo menos",
        "como mínimo", "au moins", "au minimum", "almeno", "pelo menos", "mindestens", "не менее",
        "по меньшей мере", "как минимум", "по крайней мере", "en az", "לפחות", "على الأقل",
    ),
    "more_than": (
        "more than", "over", "upwards of", "in excess of", "above", "exceeding", "just over", "más de",
        "mas de", "plus de", "oltre", "più di", "mais de", "mehr als", "über", "более", "свыше", "больше",
        "более чем", "أكثر من", "יותר מ", "למעלה מ", "מעל", "מעל ל",
    ),
    "about": (
        "about", "around", "approximately", "roughly", "some", "an estimated", "estimated at", "put at",
        "estimado en", "estimé à", "stimato in", "оценивается в", "estimated", "alrededor de", "unos", "unas",
        "aproximadamente", "ronda los", "ronda las", "cerca de", "environ", "quelque", "circa", "intorno a",
        "cerca di", "rund", "etwa", "ungefähr", "около", "примерно", "порядка", "yaklaşık", "כ", "בערך", "حوالي", "نحو",
    ),
    "nearly": (
        "nearly", "almost", "close to", "just under", "casi", "près de", "presque", "quasi", "quase", "fast",
        "почти", "neredeyse", "כמעט", "קרוב ל", "قرابة",
    ),
    "up_to": (
        "up to", "as many as", "hasta", "jusqu'à", "fino a", "até", "bis zu", "до", "עד",
    ),
    "less_than": (
        "less than", "fewer than", "under", "below", "menos de", "moins de", "meno di", "weniger als",
        "менее", "меньше", "פחות מ", "أقل من",
    ),
}

# Verbs whose particle looks like a qualifier: "handed over 20 captives" is not "more than 20".
PARTICLE_VERBS = (
    "hand", "hands", "handed", "handing", "take", "takes", "took", "taking", "taken", "turn", "turns",
    "turned", "turning", "pass", "passes", "passed", "passing", "carry", "carried", "won", "win", "wins",
    "hold", "held",
)

PERCENT_WORDS = (
    "percent", "per cent", "pct", "por ciento", "por cento", "pour cent", "per cento", "prozent", "процента",
    "процентов", "процент", "بالمئة", "بالمائة", "في المئة", "אחוז", "אחוזים",
)

# Currency signs and codes written before an amount, and currency words written after it, with their ISO 4217
# codes (a metric of unit money may ask for one).
CURRENCY_BEFORE: dict[str, str] = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₪": "ILS", "usd": "USD", "eur": "EUR", "nis": "ILS",
    "gbp": "GBP", "uah": "UAH", "rub": "RUB", "₴": "UAH", "₽": "RUB", "₺": "TRY",
}

CURRENCY_AFTER: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "shekels": "ILS",
    "shekel": "ILS", "usd": "USD", "eur": "EUR", "nis": "ILS", "dólares": "USD", "dollari": "USD",
    "долларов": "USD", "доллара": "USD", "евро": "EUR", "dolar": "USD", "avro": "EUR", "دولار": "USD",
    "شيكل": "ILS", "שקל": "ILS", "שקלים": "ILS", "דולר": "USD", "dollaro": "USD",
    "dólar": "USD", "гривен": "UAH", "гривень": "UAH",
    "гривны": "UAH", "рублей": "RUB", "євро": "EUR", "доларів": "USD", "долара": "USD", "гривні": "UAH",
    "euroluk": "EUR", "avroluk": "EUR", "dolarlık": "USD", "€": "EUR", "$": "USD", "£": "GBP", "рубля": "RUB",
    "lira": "TRY", "lirası": "TRY",
}

TIME_UNITS = (
    "hours", "hour", "days", "day", "weeks", "week", "months", "month", "years", "year", "minutes", "minute",
    "decades", "horas", "hora", "días", "día", "semanas", "meses", "años", "heures", "jours", "semaines",
    "mois", "ans", "années", "ore", "giorni", "settimane", "mesi", "anni", "stunden", "tage", "wochen",
    "monate", "jahre", "часов", "часа", "дней", "дня", "недель", "месяцев", "лет", "года", "saat", "gün",
    "günde", "hafta", "ay", "yıl", "ساعة", "يوما", "يومًا", "أيام", "شهرا", "عاما", "שעות", "ימים", "שנים",
    "השעות", "הימים", "השנים", "שנה", "חודשים", "שבועות", "суток",
    "a.m.", "p.m.", "am", "pm", "gmt", "utc",
)

MULTIPLES = (
    "times", "fold", "veces", "fois", "volte", "mal", "раз", "раза", "kez", "kat", "مرة",
)

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "setiembre", "octubre", "noviembre", "diciembre", "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre", "gennaio", "febbraio", "aprile",
    "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "janeiro", "fevereiro", "março", "maio",
    "junho", "julho", "setembro", "outubro", "novembro", "dezembro", "januar", "februar", "märz", "juni",
    "juli", "oktober", "dezember", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
    "сентября", "октября", "ноября", "декабря", "ocak", "şubat", "mart", "nisan", "mayıs", "haziran",
    "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık", "يناير", "فبراير", "مارس", "أبريل", "مايو",
    "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני",
    "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר", "בינואר", "בפברואר", "במרץ", "באפריל", "במאי",
    "ביוני", "ביולי", "באוגוסט", "בספטמבר", "באוקטובר", "בנובמבר", "בדצמבר",
    "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
    "листопада", "грудня", "січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
    "вересень", "жовтень", "листопад", "грудень", "januari", "februari", "maret", "mac", "mei", "agustus",
    "ogos", "desember", "disember", "تشرين", "كانون", "آذار", "نيسان", "أيار", "حزيران", "تموز", "أيلول",
)

# Words right before a number word that make it no count in a language: Turkish "her iki taraf" is "both
# sides", not two of them.
NOT_A_COUNT_AFTER: dict[str, tuple[str, ...]] = {"tr": ("her",)}

# Nouns after which a number is a label, not a quantity ("Resolution 2803", "No. 5").
LABELS = (
    "resolution", "resolución", "résolution", "risoluzione", "резолюция", "article", "chapter", "no.",
    "number", "nr.", "#", "phase", "flight", "route", "section", "page", "gate", "unit",
)

# Languages that group thousands with "." (and write decimals with ","); the others use ",".
DOT_GROUPING = frozenset({
    "da", "de", "el", "es", "hr", "id", "it", "nl", "pt", "ro", "sl", "sr", "tr",
})

# Languages that group thousands with a plain space (and write decimals with ",").
SPACE_GROUPING = frozenset({
    "bg", "cs", "de", "es", "et", "fi", "fr", "hu", "it", "lt", "lv", "nb", "no", "pl", "pt", "ru", "sk",
    "sv", "tr", "uk",
})
# fmt: on
