"""What came, set against what was promised: "they quoted six weeks and it took four months".

GUIDELINES.md counts a problem "below expectation" as friction, and customers often tell one only
through amounts: a time or a price promised, quoted, agreed or planned, then the one that came
(«сказали две недели, а привезли через два месяца»). No cue word says "late" or "overcharged";
the numbers do. The same reading tells the opposite: "they said two weeks and it was here in
four days" is an outcome better than promised, a feeling told without a word of feeling.

An *amount* is a number with a unit of time (minutes to years, in days), of money (a currency
sign or word, or a number said as a price per something: "eleven fifty per position", «шестьсот
за страницу»; thousands said in talk of a bill: «на 22 тысячи»), or a date (a weekday, a day of
the month, a month), or a count of things or people ("two hundred boxes", «пятьсот упаковок»),
promised only after a word of order (`ordered`: "ordered", "booked", «заказали»): fewer than
ordered is worse, more is no outcome, and a count of another thing answers nothing. Numbers are
read as said: "two thousand eight hundred and fifty",
"thirteen forty", «пять девятьсот», «дня за три-четыре», "the next morning", «на седьмой день».

Measures and times of day are amounts too. A measure (weight, volume, length, area, a
percentage, decibels, degrees: "five-kilo bags", «не выше двенадцати процентов») ordered or
specified that came lower is worse and higher no outcome, unless a limit turns it ("max fifteen
people", "under seventy decibels", «не больше двенадцати»: past it is worse, short of it kept) or
a range bounds it ("two to eight degrees"). A time of day ("between eight and ten", "ten past
one", «в половине седьмого вечера», «без десяти пять») promised is kept up to HOUR_MARGIN past
its end; an hour said without its half of the day before the promised one is the afternoon's. A
duration promised ("a four-hour response", «за пять рабочих дней») is answered by the time
between the next two times of day or dates ("logged at seven fifteen … the reply at two in the
afternoon", "submitted on the third of April … approved on the twenty-ninth").

An amount is *promised* when a word of expectation (`expected` in `outcome.jsonl`: "quoted",
"promised", "the contract says", «обещали», «по договору») stands before it in its sentence,
within PROMISE_REACH words, with no contrast or word of what came between ("but", "and it", «а»,
«в итоге», "the invoice"). What *came* is the first amount of the same dimension after it, in the
same sentence or in the next OUTCOME_REACH sentences and the same turn, that is not promised
itself; or a number said bare in the promise's unit ("within twenty-four hours … more like
seventy-two", «в смете 120 тысяч, вышло 95»). More than (1 + MARGIN) times the promise is worse
(−1), less than (1 − MARGIN) times better (+1), in between a promise kept (0); later dates are
worse. Amounts further apart than SCALE do not measure one thing ("a two-year contract" against
three weeks to deliver). A rate or frequency ("every two weeks", "$500 a month", «каждую среду»),
a time past ("two weeks ago"), a year or an hour of the clock is no outcome. Some amounts are
outcomes by themselves: a difference ("a week early", «на шесть часов позже») and "four days
instead of the six they'd said".

`Outcomes.find` is shared by friction (a worse outcome is a problem stated, from the promise to
what came when one sentence says both; a kept or better one takes back the cues of slowness and
cost beside it) and emotion (the feeling of an outcome), and made once per doc.

Measured on probe rounds written and labelled blind by separate annotators
(tests/data/probe/friction_spans_*.txt, benchmarks/probe_spans.py), never read: round 97
(times, prices, dates) friction F1 en 0.276 → 0.406, ru 0.377 → 0.389, emotion signs en 3 → 11
and ru 5 → 11 of 29; round 98 (mostly counts) en 0.150 → 0.408, ru 0.250 → 0.435, signs en 5 →
12 and ru 2 → 11 of 30; round 100 (measures, percentages, times of day, durations against
dates; written while the rules for them were built from round 99, never read) en 0.481 → 0.596,
ru 0.415 → 0.600, signs en 12 → 16 and ru 13 → 19 of 28. The dev set does not move (it holds
few such turns).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.strings import get_string_id

from jtbd_studio.nlp.cues import lang_of, load_cues
from jtbd_studio.nlp.view import doc_view

if TYPE_CHECKING:
    from spacy.language import Language

    from jtbd_studio.nlp.clauses import SentenceIndex
    from jtbd_studio.nlp.view import DocView

TIME = "time"
MONEY = "money"
#: a number of things or people ("ordered two hundred boxes … a hundred and forty came")
COUNT = "count"
PERCENT = "percent"
#: a span of time as a quantity delivered ("ten years of patient history", "forty hours of
#: training"): less than promised is worse, not faster
SPAN = "span"
#: dates: a day of the week (1-7), a day of a month (1-31), a month (31 per month, plus the day)
WEEKDAY = "weekday"
MONTHDAY = "monthday"
MONTH = "month"
#: The size of a week in days: "next week" after a weekday moves it a week on.
WEEK = 7.0
#: How far back a later date may stand and still be read as the next week's, month's or year's
#: (a Monday after a promised Friday is the Monday after it; a Thursday, the day before;
#: February after a promised September is the next February: «к сентябрю … сейчас февраль»)
WRAP = {WEEKDAY: 3.0, MONTHDAY: 10.0, MONTH: 124.0}
#: How far the amount that came must differ from the one promised, as a share of it, per
#: dimension: a day on a two-week promise is noise, a tenth off a quote is not.
MARGIN = {"time": 0.15, "money": 0.05, "count": 0.05, "percent": 0.01}
#: the margin of a measure of weight, volume, length, area, sound or temperature (a spec is exact)
MEASURE_MARGIN = 0.02
#: Amounts of one dimension further apart than this factor measure different things ("four
#: hours" promised and "twenty minutes" that came are 12 apart; a two-year contract and three
#: weeks to deliver, 35).
SCALE = {"time": 25.0, "money": 2.5, "count": 10.0}
MEASURE_SCALE = 10.0
#: a number with a decimal part in this range, promised without a unit, is a share (an uptime:
#: «доступность девяносто девять и девять»)
SHARE = (90.0, 100.0)
#: the day of its last month a quarter said as a date stands for ("Q2": the end of June)
QUARTER_END = 28.0
#: the dimensions of dates (compared as points in time, not as amounts)
DATES = frozenset({WEEKDAY, MONTHDAY, MONTH})
#: how many words before a promised count or measure a word of limit may stand ("no more than
#: twelve", "a limit of seventy-five decibels", «не больше двенадцати человек»), or after it
#: ("fourteen percent max", "ten working days, tops")
LIMIT_REACH = 3
#: In how many sentences after the promised amount's the amount that came may stand.
OUTCOME_REACH = 2
#: How many tokens before a unit its number may reach back ("a couple of weeks", "15 000 рублей").
NUMBER_REACH = 8
#: English articles that stand for "one" and open a number, and the words after which they do
#: not ("two and a half weeks", "half a day")
ARTICLES = frozenset({"a", "an"})
HALVES = frozenset({"half", "couple", "dozen", "hundred", "thousand"})
#: How many words before an amount its word of expectation may stand, in its sentence ("the
#: yard said, you know, Thursday").
PROMISE_REACH = 14
#: Whether a bare number may answer an ordered count ("ordered five thousand … we got three
#: thousand on the 10th"); a bare number after a spec is as often a reading within it ("plus two to
#: plus eight degrees … stayed between three and six").
BARE_COUNTS = True
#: How many words before a word of expectation a word of what came may make it say what came
#: ("the March invoice says", «в накладной указано»).
SAYER_REACH = 3
#: How many words after "and" («и») its subject may stand ("and, honestly, it's usually").
SUBJECT_REACH = 3
#: Bare digits in this range are a year ("it runs till March 2026"), not an amount.
YEARS = (1900.0, 2100.0)
#: How many word forms the memo of forms with digits keeps before it starts over.
DIGIT_MEMO_LIMIT = 200_000
#: A number up to this after "at", "by" («в», «к») is an hour of the clock ("at half eight").
CLOCK = 24
#: the dimension of a time of day (hours, 0–24): "between eight and ten", «в половине седьмого»
HOUR = "hour"
#: minutes past the end of a window promised that still keep it (hours)
HOUR_MARGIN = 0.25
#: a promised time longer than this (days) is answered by dates, not by times of day
ELAPSED_HOURS_UP_TO = 2.0
#: how far apart a promised time and the time between two dates may be and still be compared
ELAPSED_SCALE = 100.0
#: the dashes between the ends of a range («тридцать пять — пятьдесят пять миллиметров»)
DASHES = frozenset({"-", "–", "—"})
_HH_MM = re.compile(r"^(\d{1,2}):(\d{2})$")
_ANY_DIGIT = re.compile(r"\d")
#: A token of digits: "12", "1,200", "2.5", "12k", "000".
_DIGITS = re.compile(r"^(\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+(?:[.,]\d+)?)(k|к|m|м)?$")


@dataclass(frozen=True)
class Amount:
    """A number with its unit: tokens [start, end), its value (days or currency units)."""

    dimension: str
    value: float
    start: int
    end: int
    promised: bool
    #: the unit's size (days per unit; 1 for money and dates): a bare number that answers a
    #: promise is read in the promise's unit ("promises twenty-four hours … more like seventy-two")
    size: float = 1.0
    #: an amount said as a difference from what was due: +1 ahead of it ("a week early", «на
    #: два дня раньше»), −1 behind it ("two days late", «на шесть часов позже»), 0 neither
    delta: int = 0
    #: for a count, the lemma of what is counted ("forty-five covers", «пятьсот упаковок»)
    noun: int = 0
    #: the low end of a range said before it ("plus two to plus eight degrees"), else 0
    low: float = 0.0
    #: a limit said with a promised count or measure: +1 at most ("max fifteen people", «не
    #: больше двенадцати»), −1 at least ("a minimum of ninety-five percent"), 0 none
    limit: int = 0
    #: for a time of day, whether its half of the day is said ("two in the afternoon", "7 am",
    #: «в восемь утра», "14:30"); without it, an hour before the window is the afternoon's. For
    #: money, whether its currency is said ("$1,200"; not "twelve thousand for the install")
    exact: bool = False
    #: a time read as the time between two times of day or dates (`_elapsed`)
    elapsed: bool = False
    #: with a limit, where its spec starts: the word of limit before the amount ("a limit of
    #: seventy-five decibels"), else the amount's start
    spec_start: int = -1


@dataclass(frozen=True)
class Outcome:
    """An amount that came set against the one promised: `sign` −1 worse, +1 better, 0 the
    same (a promise kept: "quoted twenty-one thousand a tonne … still twenty-one")."""

    promised: Amount
    came: Amount
    sign: int


class Outcomes:
    """Finds promised amounts and what came of them in a doc (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        strings = nlp.vocab.strings
        words: dict[str, set[int]] = {}
        self.units: dict[int, tuple[str, float, bool]] = {}
        self.cased_months: dict[str, float] = {}
        self.numbers: dict[int, float] = {}
        self.dates: dict[str, dict[int, float]] = {}
        self.multipliers: dict[int, float] = {}
        for cue in load_cues(lang_of(nlp), "outcome"):
            for word in cue.pattern.lower().split("|"):
                key = strings.add(word)
                if cue.role == "unit":
                    self.units[key] = (str(cue.get("dimension")), float(cue.get("value")), bool(cue.get("counted")))
                elif cue.role == "currency":
                    self.units[key] = (MONEY, float(cue.get("value", 1)), False)
                elif cue.role == "number":
                    self.numbers[key] = float(cue.get("value"))
                elif cue.role == "multiplier":
                    self.multipliers[key] = float(cue.get("value"))
                elif cue.role in (WEEKDAY, MONTH, "ordinal", "quarter_date"):
                    self.dates.setdefault(cue.role, {})[key] = float(cue.get("value"))
                elif cue.role == "month_cased":  # "May", not "may": matched as written
                    self.cased_months.update(dict.fromkeys(cue.pattern.split("|"), float(cue.get("value"))))
                else:
                    words.setdefault(cue.role, set()).add(key)

        def role(name: str) -> frozenset[int]:
            return frozenset(words.get(name, ()))

        self.expected = role("expected")
        self.alone_after = role("alone_after")
        self.rate = role("rate")
        #: a word after a number that makes it a count of times ("three times", «два раза»)
        self.times = role("times")
        self.after = role("after")
        self.contrast = role("contrast")
        self.joins = role("joins")
        self.clock = role("clock")
        self.period = role("period")
        self.every = role("every")
        self.when = role("when")
        #: words that make a count an order or a spec ("ordered", «заказали»): counts only
        self.ordered = role("ordered")
        self.range_words = role("range")
        self.signs = role("sign")
        self.per = role("per")
        self.ahead = role("ahead")
        self.behind = role("behind")
        self.instead = role("instead")
        self.day_parts = role("day_part")
        #: the words that make an amount an outcome without a promise ("a week early", "instead")
        self.differences = self.ahead | self.behind | self.instead
        self.approximate = role("approximate")
        self.day_before = role("day_before")
        self.unit_words = role("unit_word")
        self.subjects = role("subject")
        self.next_words = role("next")
        self.month_parts = (
            (role("early_in"), 3.0),
            (role("mid_in"), 15.0),
            (role("late_in"), 28.0),
        )
        self.day_words = role("day_word")
        #: times of day: minutes past or to the hour, half and quarter hours, noon, "o'clock",
        #: the half of the day (forms: «восемь утра», not «пять вечеров»), the second end of a
        #: window ("between eight and ten"), fillers skipped before an hour
        self.past = role("past")
        self.to_hour = role("to_hour")
        self.half = role("half")
        self.quarter = role("quarter")
        self.noon = role("noon")
        self.oclock = role("oclock")
        self.am = role("am")
        self.pm = role("pm")
        self.night = role("night")
        self.day_halves = self.am | self.pm | self.night
        self.window_to = role("window_to")
        self.fillers = role("filler")
        #: the words a time of day may start with ("ten past one", "half eight", "noon")
        self.clock_starts = frozenset(self.numbers) | self.half | self.quarter | self.noon
        self.working_days = role("working_day")
        #: limits said with a count or a measure ("max fifteen", «не выше двенадцати»)
        self.at_most = role("at_most")
        self.at_least = role("at_least")
        self.negation = role("negation")
        self.limit_words = role("limit")
        self.decimal = role("decimal")
        #: words after a number that are not what it counts ("two hundred max", «ни разу»)
        self.not_nouns = self.negation | self.at_most | self.at_least | self.limit_words
        #: the words that make a count or a measure a promise of its own: an order or a limit
        self.specified = self.ordered | self.limit_words
        #: a word after a number that tells it as people or things that came ("eight showed up",
        #: «пятеро приехали»): a count of what was ordered, whatever its noun
        self.arrived = role("arrived")
        #: a change of price said with an amount ("nineteen percent up", «на пять тысяч дороже»)
        self.dearer = role("dearer")
        self.cheaper = role("cheaper")
        self.rise = role("rise")
        self.fall = role("fall")
        self.rise_verbs = role("rise_verb")
        self.fall_verbs = role("fall_verb")
        self.by_words = role("by")
        self.rise_not = role("rise_not")
        self.price_words = role("price")
        self.said_after = role("said_after")
        self.consequence = role("consequence")
        #: a word that brings in the promise after what came ("twenty minutes, although the
        #: contract says four hours", «хотя по договору реакция четыре часа»)
        self.concessive = role("concessive")
        self.of_words = role("of")
        #: the words that open a stretch an outcome may be told in
        self.marks = self.expected | self.differences | self.specified | self.price_words | self.dearer | self.cheaper
        #: a word of guessing before a bare number: an expectation, not what came ("we thought
        #: eight or nine", «думали, дадут восемь-девять»)
        self.guess = role("guess")
        #: the words before the first hour of a window ("between eight and ten", «с девяти до
        #: двенадцати»): a time of day only when the window's second hour follows
        self.window_from = role("window_from")
        #: the dimensions of measures: weight, volume, length, area, percent, sound, temperature
        self.measures = frozenset(dim for dim, _, _ in self.units.values()) - {TIME, MONEY}
        self.weekdays = self.dates.get(WEEKDAY, {})
        self.months = self.dates.get(MONTH, {})
        self.ordinals = self.dates.get("ordinal", {})
        #: quarters as dates ("Q2"; "the second quarter", «во втором квартале» through their ordinal)
        self.quarter_dates = self.dates.get("quarter_date", {})
        self.quarter_words = role("quarter_word")
        #: the lower-case forms of the months matched as written ("May")
        self.cased_keys = frozenset(strings.add(word.lower()) for word in self.cased_months)
        self.date_keys = (
            frozenset(self.weekdays) | frozenset(self.months) | frozenset(self.ordinals) | self.cased_keys
            | frozenset(self.quarter_dates)
        )
        #: the words an amount needs (a unit, a currency or a multiplier: "8k" alone is missed)
        self.unit_keys = (
            frozenset(self.units) | frozenset(self.multipliers) | frozenset(self.weekdays)
            | frozenset(self.months) | frozenset(self.ordinals) | frozenset(self.quarter_dates)
        )
        self.currencies = frozenset(k for k, (dim, _, _) in self.units.items() if dim == MONEY)
        self.multiplier_keys = frozenset(self.multipliers)
        self.measure_units = frozenset(k for k, (dim, _, _) in self.units.items() if dim in self.measures)
        self._last: tuple[DocView | None, list[Outcome]] = (None, [])
        self._candidates: tuple[DocView | None, list[int]] = (None, [])
        #: the word forms seen so far, and those of them that hold a digit
        self._classified: set[int] = set()
        self._digit_forms: set[int] = set()
        #: the words that may start or end an amount (articles aside: "a week" has its unit)
        self.triggers = (
            self.unit_keys | frozenset(self.numbers) | self.next_words | self.half | self.quarter | self.noon
            | self.cased_keys
        ) - frozenset(strings.add(word) for word in ARTICLES)

    def find(self, index: SentenceIndex) -> list[Outcome]:
        """The outcomes of the doc, by the position of the amount that came."""
        view = index.view
        if self._last[0] is view:
            return self._last[1]
        found: list[Outcome] = []
        words = view.words  # set tests in C first: most docs hold no promise and no amount
        if not self.marks.isdisjoint(words) and self.candidates(view):
            found = self._find(index)
        self._last = (view, found)
        return found

    def _find(self, index: SentenceIndex) -> list[Outcome]:
        """Each promised amount against the first amount of its dimension in reach, said with
        its unit or bare in the promise's (`_bare`); a day of the month answers a promised
        month ("delivery the first week of April … it turned up on the twenty-second"). Amounts
        said as a difference ("a week early") and "X instead of Y" are outcomes of their own."""
        amounts = self.amounts(index)
        view = index.view
        starts = view.sent_starts
        found: list[Outcome] = [Outcome(a, a, a.delta) for a in amounts if a.delta]
        covered: set[int] | None = None  # the tokens of the amounts, made for the first bare search
        loose: set[int] = set()
        unsure: set[int] = set()
        used: set[int] = {a.start for a in amounts if a.delta}
        for k, promised in enumerate(amounts):
            instead = self._instead(index, promised)
            if instead is not None:
                sign = self.compare(instead.value, promised.value, MARGIN[TIME], SCALE[TIME]) if promised.dimension == TIME else None
                if sign:  # "four days instead of the six they'd said"
                    found.append(Outcome(instead, promised, sign))
                    used.add(promised.start)
                continue
            if not promised.promised:
                continue
            # OUTCOME_REACH sentences after the promise's, within its packed piece (a turn)
            at = bisect_right(starts, promised.start) - 1
            limit = starts[at + OUTCOME_REACH + 1] if at + OUTCOME_REACH + 1 < len(starts) else len(view.lemma)
            piece = bisect_right(view.segments, promised.start)
            if piece < len(view.segments):
                limit = min(limit, view.segments[piece])
            dimensions = (
                (MONTH, MONTHDAY) if promised.dimension == MONTH
                else (SPAN, TIME) if promised.dimension == SPAN else (promised.dimension,)
            )
            came: Amount | None = None
            for after in range(k + 1, len(amounts)):
                if amounts[after].start >= limit:
                    break
                if amounts[after].dimension in dimensions:
                    came = amounts[after]
                    break
            if promised.dimension not in DATES and promised.dimension != HOUR and (
                promised.dimension != COUNT or BARE_COUNTS
            ):
                if covered is None:
                    covered = {t for a in amounts for t in range(a.start, a.end)}
                    # an hour said bare may be a price said in pairs ("came in at one twenty-nine")
                    loose = {t for a in amounts if a.dimension == HOUR and not a.exact for t in range(a.start, a.end)}
                    # and thousands said without a currency may be a measure («три тысячи литров …
                    # показывает три тысячи»)
                    unsure = {t for a in amounts if a.dimension == MONEY and not a.exact for t in range(a.start, a.end)}
                covered_here = covered - loose if promised.dimension == MONEY else covered
                if promised.dimension == COUNT or promised.dimension in self.measures:
                    covered_here = covered_here - unsure  # "ten thousand students … at about two thousand"
                bare = self._bare(index, promised, came.start if came else limit, covered_here)
                if bare is not None and (came is None or index.sentence(came.start) != index.sentence(bare.start)):
                    came = bare  # a unit said in the same sentence is the outcome ("floors three
                    # and four, and the technician was there in thirty-five minutes")
            if came is None:  # «через двадцать минут, хотя по договору реакция четыре часа»
                came = self._conceded(index, amounts, k, used)
            if promised.dimension == TIME:  # two dates or times of day before what came say it
                elapsed = self._elapsed(index, amounts, k, came.start if came else limit, promised)
                came = elapsed or came
            if came is None or came.promised or came.start in used:
                continue  # a second promise: what came is told of that one
            if came.dimension == COUNT and came.noun and promised.noun and came.noun != promised.noun:
                sign = None  # a count of another thing answers nothing
            elif came.dimension == COUNT or came.dimension in self.measures or promised.dimension == SPAN:
                sign = self.judge(promised, came)
            elif came.dimension == HOUR:
                sign = self.judge_hour(promised, came)
            elif came.dimension in MARGIN:
                # a time between two dates measures the promise, however far apart ("a two-hour
                # response … Friday … Tuesday")
                scale = ELAPSED_SCALE if came.elapsed else SCALE[came.dimension]
                sign = self.compare(promised.value, came.value, MARGIN[came.dimension], scale)
            elif came.dimension == MONTHDAY and promised.dimension == MONTH:
                day = (promised.value // 31) * 31 + came.value  # the day of the promised month
                sign = self.compare_dates(MONTH, promised.value, day)
            else:
                sign = self.compare_dates(came.dimension, promised.value, came.value)
            if sign == 0 and came.start == view.skip_inline_space(index.sentence(came.start)[0]):
                continue  # "…везти две недели. Две недели, ну!": the promise echoed, not kept
            if sign is not None:
                found.append(Outcome(promised, came, sign))
                used.add(came.start)
        return sorted(found, key=lambda outcome: outcome.came.start)

    def _instead(self, index: SentenceIndex, came: Amount) -> Amount | None:
        """The amount after "instead of" («вместо») right after a time amount: what was due,
        said after what came ("four days instead of the six they'd said"); bare, it is in the
        unit of the amount before it."""
        view = index.view
        n = len(view.lemma)
        k = came.end
        seen = 0
        while k < n and seen < 3 and not view.punct[k]:
            if view.has(self.instead, k):
                break
            if not view.space[k]:
                seen += 1
            k += 1
        else:
            return None
        if k >= n or not view.has(self.instead, k):
            return None
        k += 1
        while k < n and (view.space[k] or view.text(k) in ("of", "the", "a", "an")):
            k += 1
        tokens: list[int] = []
        while k < n and self._numeric(view, k) and view.text(k) not in ARTICLES:
            tokens.append(k)
            k += 1
        if not tokens:
            return None
        value = self._value(view, tokens)
        unit = self.units.get(view.lower[k] if k < n and view.lower[k] in self.units else view.lemma[k] if k < n else 0)
        size = unit[1] if unit is not None and unit[0] == came.dimension else came.size
        return Amount(came.dimension, value * size, tokens[0], k, True, size) if value > 0 else None

    def _bare(self, index: SentenceIndex, promised: Amount, limit: int, covered: set[int]) -> Amount | None:
        """A number said without its unit after a promised amount, read in the promise's unit
        ("promises results within twenty-four hours … it's more like seventy-two", "quoted
        eleven hundred a month … the first invoice lands at thirteen forty", «в смете было 120
        тысяч, в итоге вышло 95»): the first number after the promise, before `limit`, not
        promised itself, that no noun of its own follows ("thirty-two plated
        meals") and that is no part of an amount."""
        view = index.view
        n = len(view.lemma)
        candidates = self.candidates(view)
        # not right after it: "four pound ten" is one price
        numeric = candidates[bisect_left(candidates, promised.end + 1) : bisect_left(candidates, limit)]
        at = 0
        while at < len(numeric):
            k = numeric[at]
            at += 1
            if k in covered or view.text(k) in ARTICLES or not self._numeric(view, k):
                continue
            tokens = [k]
            before = view.word_before(k)
            if before >= 0 and self._decimal_point(view, before) and not view.has(self.joins, before):
                tokens.insert(0, before)  # "point four"
                before = view.word_before(before)
                if before >= 0 and self._numeric(view, before):
                    continue  # "four point two" is read from its first number
            j = k + 1
            while j < limit and j not in covered and (
                self._numeric(view, j)
                or (view.text(j) in ("-", "and") and j + 1 < n and self._numeric(view, j + 1))
                or self._decimal_point(view, j)
            ):
                tokens.append(j)
                j += 1
            after = view.skip_inline_space(j)
            if after < n and (view.has(self.range_words, after) or view.text(after) in DASHES):
                upper = view.skip_inline_space(after + 1)
                if upper < n and self._numeric(view, upper):
                    continue  # the low end of a range ("thirty-five to fifty-five millimetres")
            free = after >= n or (bool(view.punct[after]) and view.text(after) != "-") or (
                bool(view.stop[after]) and not view.has(self.unit_keys, after) and not view.has(self.times, after)
            ) or (view.has(self.decimal, after) and not view.has(self.joins, after)) or (  # "ninety-seven point something"
                view.has(self.negation, after)  # «выше шестидесяти двух ни разу»
            )
            value = self._value(view, tokens)
            year = len(tokens) == 1 and view.text(k).isdigit() and YEARS[0] <= value <= YEARS[1]
            whole = value == int(value)
            if (
                free and (value > 1 or not whole)  # "one" alone is a pronoun ("two on nights, one on days")
                and not year
                and not (before >= 0 and view.has(self.rate, before))
                and not (before >= 0 and view.has(self.clock, before) and value <= CLOCK and whole)
                and not self._promised(index, k, self.guess)
            ):
                if promised.dimension in (TIME, SPAN):
                    value *= promised.size
                elif promised.dimension in self.measures:
                    if self.compare(promised.value, value * promised.size, 0.0, MEASURE_SCALE) is not None:
                        value *= promised.size  # "five-kilo bags … four point two", not «десять кило … девять двести»
                    elif any(view.has(self.multiplier_keys, t) for t in tokens):
                        value = 0.0  # «миллион восемьсот» after «четыре тысячи метров»: no reading of it
                elif value < 1000 <= promised.value and value * 1000 <= promised.value * SCALE[MONEY]:
                    value *= 1000  # «120 тысяч … вышло 95»
                if value > 0:
                    return Amount(promised.dimension, value, tokens[0], j, False, promised.size)
            while at < len(numeric) and numeric[at] < j:
                at += 1  # the rest of this number
        return None

    def judge(self, promised: Amount, came: Amount) -> int | None:
        """The outcome of a count or a measure: within a range specified it is kept ("two to
        eight degrees"), outside it worse; with a limit ("max fifteen people", «не выше
        двенадцати процентов»), past it is worse and short of it kept; otherwise less than
        ordered or specified is worse, the same kept, and more no outcome ("asked for twelve
        cars, got fourteen" may be either)."""
        dimension = came.dimension
        margin = MARGIN.get(dimension, MEASURE_MARGIN)
        sign = self.compare(promised.value, came.value, margin, SCALE.get(dimension, MEASURE_SCALE))
        if sign is None:
            return None
        if promised.limit:
            return -1 if sign == -promised.limit else 0
        if promised.low > 0:
            if promised.low * (1 - margin) <= came.value <= promised.value * (1 + margin):
                return 0
            if came.value < promised.low:
                return -1
            # above a range: more people than ordered or a higher share than estimated may be
            # either ("eight to ten percent more yield … fourteen"); a measure past its spec is worse
            return None if dimension in (COUNT, PERCENT) else -1
        return -1 if sign > 0 else (0 if sign == 0 else None)

    @staticmethod
    def judge_hour(promised: Amount, came: Amount) -> int:
        """A time of day against the one promised or the end of a window: later by more than
        HOUR_MARGIN is worse, else kept. An hour said without its half of the day before the
        promised one is the afternoon's when that puts it within eight hours after ("between
        eight and ten … at ten past one", «с девяти до двенадцати … в четыре»)."""
        hour = came.value
        start = promised.low or promised.value
        if not came.exact and hour < start and hour + 12 <= CLOCK and hour + 12 - promised.value <= 8:
            hour += 12
        return -1 if hour > promised.value + HOUR_MARGIN else 0

    def _conceded(self, index: SentenceIndex, amounts: list[Amount], k: int, used: set[int]) -> Amount | None:
        """What came told before its promise in the same sentence, the promise brought in by a
        word of `concessive` between them ("an engineer within twenty minutes, although the
        contract says four hours", «через двадцать минут уже был инженер, хотя по договору
        реакция четыре часа»): the nearest amount of the promise's dimension before it, not
        promised, no difference of its own and not yet answered."""
        promised = amounts[k]
        view = index.view
        floor = index.sentence(promised.start)[0]
        for before in range(k - 1, -1, -1):
            amount = amounts[before]
            if amount.start < floor:
                return None
            if amount.dimension == promised.dimension:
                if amount.promised or amount.delta or amount.start in used:
                    return None
                between = range(amount.end, promised.start)
                return amount if any(view.has(self.concessive, j) for j in between) else None
        return None

    @staticmethod
    def _pair(amounts: list[Amount], k: int, limit: int, hours: bool) -> list[Amount]:
        """The first two times of day (with `hours`) or dates after `amounts[k]`, before `limit`."""
        pair: list[Amount] = []
        for amount in amounts[k + 1:]:
            if amount.start >= limit or len(pair) == 2:
                break
            if (amount.dimension == HOUR) if hours else (amount.dimension in DATES):
                pair.append(amount)
        return pair

    def _elapsed(self, index: SentenceIndex, amounts: list[Amount], k: int, limit: int, promised: Amount) -> Amount | None:
        """The time between the first two times of day or dates after the promised time
        `amounts[k]`, before `limit`, as what came: "a four-hour response … logged at seven
        fifteen … the first reply at two in the afternoon", "ten working days … submitted on
        the third of April … approved on the twenty-ninth", «за пять рабочих дней … отдали
        четырнадцатого … получили второго числа следующего месяца». Working days are counted
        as five in seven."""
        hours = promised.value <= ELAPSED_HOURS_UP_TO
        pair = self._pair(amounts, k, limit, hours)
        if hours and len(pair) < 2:  # "a two-hour response … wrote on Friday, the answer came Tuesday"
            hours = False
            pair = self._pair(amounts, k, limit, hours)
        if len(pair) < 2 or pair[0].promised or pair[1].promised:
            return None
        first, second = pair
        if hours:
            late = second.value
            if late < first.value:
                late += 12 if not second.exact and late + 12 > first.value else CLOCK
            days = (late - first.value) / CLOCK
        elif first.dimension == second.dimension == WEEKDAY:
            days = second.value - first.value
            days += WEEK if days <= 0 else 0.0  # "in on the Monday … back the following Wednesday": 9
        elif second.dimension == MONTHDAY and first.dimension in (MONTH, MONTHDAY):
            days = second.value - first.value % 31
            days += 31 if days < 0 else 0
        elif first.dimension == second.dimension == MONTH:
            days = second.value - first.value
            if days < 0 and self._period_before(index.view, second.start):
                # "we went live in May. That's from a January kickoff": the start said second
                days, second = -days, first
            elif days < 0:
                days += 12 * 31.0  # into the next year
        else:
            return None
        view = index.view
        if any(view.has(self.working_days, t) for t in range(promised.start, promised.end)):
            days *= 5 / 7
        return Amount(TIME, days, second.start, second.end, False, promised.size, elapsed=True) if days > 0 else None

    def specs(self, index: SentenceIndex) -> list[tuple[int, int]]:
        """The limits stated as specs that an outcome answers: the stretch from the word of limit
        to the promised amount's end ("a limit of seventy-five decibels", "caps errors at two
        percent"), whose words friction and emotion leave alone (`within`)."""
        return [(o.promised.spec_start, o.promised.end) for o in self.find(index) if o.promised.limit]

    def _limit(self, view: DocView, start: int, end: int) -> tuple[int, bool, int]:
        """The limit said with the amount at [start, end): +1 at most, −1 at least, 0 none, as a
        word of `at_most` or `at_least` within LIMIT_REACH words before it (turned by a word of
        `negation` before that: "no more than twelve", «не выше восьми») or a word of `limit`
        within LIMIT_REACH - 1 words after it ("fourteen percent max"); and whether the limit is
        firm (a word of `limit`, or turned by a negation), which makes the amount promised; and
        where the spec starts (the word of limit before it, else the amount)."""
        k = start
        for _ in range(LIMIT_REACH):
            k = view.word_before(k)
            if k < 0:
                break
            sign = 1 if view.has(self.at_most, k) else -1 if view.has(self.at_least, k) else 0
            if sign:
                before = view.word_before(k)
                if before >= 0 and view.has(self.negation, before):
                    return -sign, True, k
                return sign, view.has(self.limit_words, k), k
        k = end
        seen = 0
        negated = False
        while k < len(view.lemma) and seen < LIMIT_REACH - 1:
            if view.punct[k] and view.text(k) != ",":
                break
            if not (view.space[k] or view.punct[k]):
                sign = 1 if view.has(self.at_most, k) else -1 if view.has(self.at_least, k) else 0
                if sign:  # "fourteen percent max", "ten percent more yield", ", never above eight"
                    return (-sign, True, start) if negated else (sign, view.has(self.limit_words, k), start)
                negated = view.has(self.negation, k)
                seen += 1
            k += 1
        return 0, False, start

    @staticmethod
    def compare_dates(dimension: str, promised: float, came: float) -> int:
        """−1 when the date that came is later than the promised one, +1 when earlier, 0 the
        same day (a promise kept); a weekday or a day of the month far before the promised one
        is the next week's or month's ("promised Friday, came Monday")."""
        if came == promised:
            return 0
        if came < promised and promised - came > WRAP.get(dimension, 1e9):
            return -1
        return -1 if came > promised else 1

    @staticmethod
    def compare(promised: float, came: float, margin: float, scale: float) -> int | None:
        """−1 when `came` is more than the promised amount, +1 when less, 0 when about equal (a
        promise kept), None when too far apart to be the same measure."""
        if promised <= 0 or came <= 0 or max(promised, came) > scale * min(promised, came):
            return None
        if came > promised * (1 + margin):
            return -1
        if came < promised * (1 - margin):
            return 1
        return 0

    def candidates(self, view: DocView, everywhere: bool = False) -> list[int]:
        """The tokens an amount may be read from: a word of `triggers` (a unit, a currency, a
        number word, a multiplier, a date, "next") or a form with a digit, within the stretches
        an outcome may be told in (`_windows`; with `everywhere`, in the whole doc). Set
        operations find which of them the doc holds; one pass over the columns finds where."""
        if view is self._candidates[0] and not everywhere:
            return self._candidates[1]
        words = view.words
        unseen = words - self._classified
        if unseen:
            if len(self._classified) > DIGIT_MEMO_LIMIT:
                self._classified = set()
                self._digit_forms = set()
            strings = view.strings
            self._digit_forms.update(
                key for key in unseen
                if _ANY_DIGIT.search(strings[key]) is not None
                or ("-" in strings[key] and get_string_id(strings[key].rsplit("-", 1)[1]) in self.numbers)
            )  # and ranges in one token («восемнадцать-двадцать», «две-три»)
            self._classified.update(unseen)
        wanted = self.triggers.intersection(words) | self._digit_forms.intersection(words)
        marked = frozenset() if everywhere else self.marks.intersection(words)
        found: list[int] = []
        if wanted and (everywhere or marked):
            lemma, lower = view.lemma, view.lower
            anywhere = wanted | marked
            # one pass over the columns for both kinds of word, then the rare hits sorted out
            hits = [i for i in range(len(lemma)) if lower[i] in anywhere or lemma[i] in anywhere]
            found = [i for i in hits if lower[i] in wanted or lemma[i] in wanted]
            if not everywhere:
                windows = self._windows(view, [i for i in hits if lower[i] in marked or lemma[i] in marked])
                found = [i for i in found if _inside(windows, i)]
        if not everywhere:
            self._candidates = (view, found)
        return found

    @staticmethod
    def _windows(view: DocView, marks: list[int]) -> list[tuple[int, int]]:
        """The stretches of the doc an outcome may be told in: from the start of each sentence
        with a word of expectation or of difference (`marks`) to the end of the
        OUTCOME_REACH-th sentence after it, merged. A long doc (packed turns, a transcript) is
        read only there."""
        starts = view.sent_starts
        n = len(view.lemma)
        windows: list[tuple[int, int]] = []
        for i in marks:
            k = bisect_right(starts, i) - 1
            start = starts[k]
            end = starts[k + OUTCOME_REACH + 1] if k + OUTCOME_REACH + 1 < len(starts) else n
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
        return windows

    def amounts(self, index: SentenceIndex, everywhere: bool = False) -> list[Amount]:
        """The amounts of the doc in reading order (where an outcome may be told, or with
        `everywhere` all of them)."""
        view = index.view
        found: list[Amount] = []
        taken = -1
        unit_size = 1.0
        amount: tuple[int, int, float] | None
        for u in self.candidates(view, everywhere):
            if u < taken:
                continue
            lower, lemma = view.lower[u], view.lemma[u]
            unit = self.units.get(lower if lower in self.units else lemma)
            if unit is not None and unit[0] == TIME and unit[1] < 0.05:
                number = self._number_before(view, u)  # «в восемь часов», "at 8 o'clock"
                before = view.word_before(number[0]) if number is not None else -1
                clock = None
                if number is not None and before >= 0 and view.has(self.clock, before):
                    clock = self._clock(view, number[0], index)
                if clock is not None:
                    found.append(clock)
                    taken = clock.end
                    continue
            if unit is None:
                digits = lower in self._digit_forms
                clock = self._clock(view, u, index) if (
                    digits or lower in self.clock_starts or lemma in self.clock_starts
                ) else None
                if clock is not None:
                    found.append(clock)
                    taken = clock.end
                    continue
                # the cheap set tests first: most candidates are a number word before a noun
                date = self._date(view, u) if digits or lower in self.date_keys or lemma in self.date_keys else None
                if date is not None:
                    before = view.word_before(date[1])
                    two_before = view.word_before(before) if before >= 0 else -1
                    # "every April", «каждую вторую среду», "from the first of March": no point in time
                    if before < 0 or not (
                        view.has(self.every, before) or view.has(self.period, before)
                        or (two_before >= 0 and view.has(self.every, two_before))
                    ):
                        # a month after "in" («в») is when something happened, not a date due
                        when = date[0] == MONTH and before >= 0 and view.has(self.when, before)
                        # …unless a verb of promising says it («обещали во втором квартале»)
                        promised = self._promised(index, date[1], only=self.said_after if when else None)
                        found.append(Amount(date[0], date[3], date[1], date[2], promised))
                    taken = date[2]
                    continue
                next_day = self._next_day(view, u) if lower in self.next_words or lemma in self.next_words else -1
                if next_day > 0:  # "the next morning", «на следующий день»: a day
                    dimension, unit_size = TIME, 1.0
                    amount = (u, next_day, 1.0)
                elif (
                    (digits or lower in self.multipliers or lemma in self.multipliers) and self._thousands(view, u)
                ) or (self._per_next(view, u) and self._priced(view, u)):
                    dimension = MONEY
                    number = self._number_before(view, u + 1)  # as if a currency word followed
                    amount = None if number is None else (number[0], u + 1, number[1])
                else:
                    counted_noun = self._counted(view, u)
                    if counted_noun < 0:
                        share = self._share(view, u, index)
                        if share is not None:
                            found.append(share)
                            taken = share.end
                        continue
                    number = self._number_before(view, u + 1)
                    if number is None or number[1] <= 1:
                        continue
                    start = number[0]
                    limit, firm, spec_start = self._limit(view, start, counted_noun + 1)
                    promised = firm or self._promised(index, start, self.specified)
                    noun = view.lemma[counted_noun]
                    if view.has(self.ordered, counted_noun):  # "twelve ordered, eight showed up"
                        noun, promised = 0, True
                    elif view.has(self.arrived, counted_noun):  # what came, not what was ordered
                        noun, promised = 0, False
                    found.append(Amount(
                        COUNT, number[1], start, counted_noun + 1, promised,
                        1.0, 0, noun, self._range_low(view, start), limit, spec_start=spec_start,
                    ))
                    taken = counted_noun + 1
                    continue
            elif unit[0] == MONEY:
                dimension = MONEY
                amount = self._money(view, u, unit[1])
            elif unit[0] in self.measures:  # "five-kilo bags", «не выше двенадцати процентов»
                number = self._number_before(view, u)
                if number is None or self._rate(view, number[0], unit[0]) or (
                    view.text(number[0]) in ARTICLES and found and found[-1].end >= number[0]
                ):
                    continue  # "one twelve a litre": the price read, "a litre" what it is of
                start = number[0]
                limit, firm, spec_start = self._limit(view, start, u + 1)
                before = view.word_before(start)
                if not limit and unit[0] == PERCENT and before >= 0 and view.has(self.signs, before):
                    limit = -1  # "plus ten percent" promised: a rise, of which more keeps it
                change = self._price_change(view, index, start, u + 1, False) if unit[0] == PERCENT else 0
                if change:  # "the renewal came in nineteen percent up", «счёт вырос на двадцать процентов»
                    found.append(Amount(MONEY, number[1], start, u + 1, False, 1.0, change))
                    taken = u + 1
                    continue
                found.append(Amount(
                    unit[0], number[1] * unit[1], start, u + 1,
                    firm or self._promised(index, start, self.specified), unit[1], 0, 0,
                    self._range_low(view, start) * unit[1], limit, spec_start=spec_start,
                ))
                taken = u + 1
                continue
            else:
                dimension, unit_size, counted = unit
                amount = self._time(view, u, unit_size, counted)
            if amount is None:
                continue
            start, end, value = amount
            delta = self._delta(view, end)
            if delta is None:
                continue  # "two weeks ago"
            if dimension == TIME and self._of_after(view, end) and not self._deadline_before(view, start):
                dimension = SPAN  # "ten years of patient history" ("within a day of a call" is a time)
            if dimension == MONEY and not delta:  # "$300 more than the quote", «на двадцать тысяч дороже»
                delta = self._price_change(view, index, start, end, True)
            if self._rate(view, start, dimension):
                price = self._number_before(view, start) if dimension == TIME else None
                if price is None or (found and found[-1].end > price[0]):
                    continue  # no number before, or one an amount already read ("$500 a month")
                # "four-twenty a month", «пятьдесят в месяц»: the number before a rate is a price
                dimension, start, end, value = MONEY, price[0], start, price[1]
            found.append(Amount(
                dimension, value, start, end, (self._promised(index, start) or self._said_after(view, end)) and not delta,
                unit_size if dimension in (TIME, SPAN) else 1.0, delta, exact=unit is not None,
            ))
            taken = end
        return found

    def _clock(self, view: DocView, u: int, index: SentenceIndex, window: bool = False) -> Amount | None:
        """A time of day starting at token `u`: "at ten", "7:15", "seven fifteen in the
        morning", "ten past one", "quarter to five", "half eight", "noon", «в восемь утра», «в
        половине седьмого», «без десяти пять», «в 14:30». A bare hour needs a word of `clock`
        before it («в четыре», "by nine") or its half of the day after it, and no noun after
        it («в четыре раза», "at two percent" are no times). A window ("between eight and
        ten", «с девяти до двенадцати») is one amount: its end, with its start as `low`. With
        `window`, the hour is the second of a window, whose "and" or «до» stands before it."""
        n = len(view.lemma)
        before = self._word_before_fillers(view, u)
        said = window or (before >= 0 and view.has(self.clock, before))
        opens = not said and before >= 0 and view.has(self.window_from, before)  # "from one in five" is no hour
        inherent = False  # a form that is a time of day by itself ("ten past one", "7:15")
        hour: float | None = None
        end = u + 1
        text = view.text(u)
        match = _HH_MM.match(text)
        if match is not None:
            hour = float(match.group(1)) + float(match.group(2)) / 60
            said = inherent = True
        elif view.has(self.noon, u):
            hour, said, inherent = 12.0, True, True
        elif view.has(self.half, u) or view.has(self.quarter, u):
            minutes = 30.0 if view.has(self.half, u) else 15.0
            k = view.skip_inline_space(u + 1)
            turn = 0.0
            if k < n and (view.has(self.past, k) or view.has(self.to_hour, k)):
                turn = 1.0 if view.has(self.past, k) else -1.0
                k = view.skip_inline_space(k + 1)
            if k >= n or view.text(k) in ARTICLES:
                return None  # "half a day", "a quarter of an hour": no time of day
            ordinal = self.ordinals.get(view.lower[k], self.ordinals.get(view.lemma[k]))
            whole = self._small(view, k)
            if turn == 0.0 and ordinal is not None:  # «в половине седьмого», «четверть восьмого»
                hour = ordinal - 1 + minutes / 60
            elif whole is not None:  # "half past six", "quarter to five", "half eight"
                hour = whole + (turn or 1.0) * minutes / 60
            else:
                return None
            end, said, inherent = k + 1, True, True
        else:
            value = self._small(view, u)
            if value is None or (u + 1 < n and view.text(u + 1) == "-"):
                return None  # "at sixteen-twenty" is a price said in pairs, "six-thirty" too
            k = view.skip_inline_space(u + 1)
            hour_at = view.skip_inline_space(k + 1) if k < n else n
            whole = self._small(view, hour_at) if hour_at < n else None
            if k < n and whole is not None and view.has(self.past, k) and value < 60:
                hour, end, said, inherent = whole + value / 60, hour_at + 1, True, True  # "ten past one"
            elif k < n and whole is not None and view.has(self.to_hour, k) and said and value < 60:
                hour, end, inherent = whole - value / 60, hour_at + 1, True  # "at twenty to five"
            elif before >= 0 and view.has(self.to_hour, before) and k < n and self._small(view, k) is not None:
                # «без десяти пять»
                hour, end, said, inherent = (self._small(view, k) or 0.0) - value / 60, k + 1, True, True
            else:
                hour = value
                said_minutes = self._small(view, k) if k < n else None
                if said_minutes is not None and 10 <= said_minutes < 60 and not view.punct[k]:
                    hour, end = value + said_minutes / 60, k + 1  # "seven fifteen", «восемь тридцать»
                    if end + 1 < n and view.text(end) == "-" and (self._small(view, end + 1) or 10) < 10:
                        hour, end = hour + (self._small(view, end + 1) or 0.0) / 60, end + 2  # "one twenty-nine"
        if hour is None or not 0 < hour <= CLOCK:
            return None
        k = view.skip_inline_space(end)
        if k < n and view.has(self.oclock, k):
            end = k + 1
            k = view.skip_inline_space(end)
        exact = False
        if k < n and view.text(k) == "in":  # "in the morning"
            j = view.skip_inline_space(k + 1)
            j = view.skip_inline_space(j + 1) if j < n and view.text(j) == "the" else j
            if j < n and view.lower[j] in self.day_halves:
                k = j
        if k < n and view.lower[k] in self.day_halves:  # forms: «восемь утра», not «пять вечеров»
            if view.lower[k] in self.pm or (view.lower[k] in self.night and hour >= 6):
                hour = hour + 12 if hour < 12 else hour
            elif hour == 12:
                hour = 0.0
            end, exact, said = k + 1, True, True
            k = view.skip_inline_space(end)
        if not (said or opens) or (k < n and (view.has(self.per, k) or view.has(self.rate, k))):
            return None  # "at eleven fifty per position", "at one twelve a litre": a price
        if not (inherent or exact) and k < n and (
            not (view.punct[k] or view.stop[k]) or view.has(self.unit_keys, k)
        ):
            return None  # «в четыре раза», "at two percent"
        low = 0.0
        if not window and k < n and view.has(self.window_to, k):  # "between eight and ten"
            second_at = view.skip_inline_space(k + 1)
            second = self._clock(view, second_at, index, window=True) if second_at < n else None
            if second is not None:
                low, end = hour, second.end
                hour, exact = second.value, second.exact
                if not exact and hour < low:
                    hour += 12  # "between eleven and one"
                opens = False
        if opens:
            return None
        return Amount(HOUR, hour, u, end, self._promised(index, u), 1.0, 0, 0, low, 0, exact)

    def _word_before_fillers(self, view: DocView, i: int) -> int:
        """The word before token `i` past commas and words of `filler` ("at, uh, eight
        twenty", «в, ну, четыре»), or -1 at other punctuation or a line break."""
        j = i - 1
        while j >= 0 and (
            view.is_inline_space(j) or (view.punct[j] and view.text(j) == ",") or view.has(self.fillers, j)
        ):
            j -= 1
        return -1 if j < 0 or view.punct[j] or view.space[j] else j

    def _small(self, view: DocView, k: int) -> float | None:
        """The value of token `k` when it is a whole number said alone, up to 60 (a number
        word or digits)."""
        value = self.numbers.get(view.lower[k], self.numbers.get(view.lemma[k]))
        if value is None:
            text = view.text(k)
            value = float(text) if text.isdigit() and len(text) <= 2 else None
        return value if value is not None and value == int(value) and 0 <= value <= 60 else None

    def _time(self, view: DocView, u: int, size: float, counted: bool) -> tuple[int, int, float] | None:
        """A time amount whose unit is token `u`: its number before it ("six weeks", "a
        couple of weeks", «полтора месяца»), or one of the unit alone after a word of
        `alone_after` («через неделю») or when the unit counts itself («полгода»)."""
        number = self._number_before(view, u)
        if number is not None:
            return number[0], u + 1, number[1] * size
        before = view.word_before(u)
        if before >= 0 and size == 1.0:
            ordinal = self._ordinal(view, before, plain=False)
            if ordinal is not None:  # «на седьмой день»: the day it came, counted from the start
                return ordinal[0], u + 1, ordinal[1]
        after = self._number_after_unit(view, u)
        if after is not None:  # «дня за три-четыре», «месяца через два»: about so many
            return u, after[0], after[1] * size
        if counted or (before >= 0 and (view.has(self.alone_after, before) or view.has(self.expected, before))):
            return u, u + 1, size
        return None

    def _money(self, view: DocView, u: int, size: float) -> tuple[int, int, float] | None:
        """A money amount around the currency token `u`: "$1,200", "12k $", "1,800 bucks",
        «12 тысяч рублей»."""
        after = self._number_after(view, u)
        if after is not None:
            return u, after[0], after[1] * size
        number = self._number_before(view, u)
        if number is not None:
            return number[0], u + 1, number[1] * size
        return None

    def _number_before(self, view: DocView, u: int) -> tuple[int, float] | None:
        """The number that ends right before token `u` (fillers, "of" and a word of the unit
        such as "working" or «рабочих» aside): its first token and value."""
        k = u - 1
        while k >= 0 and (view.space[k] or view.has(self.unit_words, k)):
            k -= 1
        tokens: list[int] = []
        while k >= 0 and len(tokens) < NUMBER_REACH:
            if view.space[k]:
                k -= 1
                continue
            if self._numeric(view, k) or (
                view.text(k) in ("-", "and", "of") and (tokens or (k > 0 and self._numeric(view, k - 1)))
            ) or (tokens and self._decimal_point(view, k)):
                tokens.append(k)
                k -= 1
                if view.text(k + 1) in ARTICLES and not (
                    k >= 0 and (view.text(k) == "half" or (
                        view.text(k) == "and" and len(tokens) > 1 and view.text(tokens[-2]) in HALVES
                    ))
                ):
                    break  # "a" opens a number ("eleven hundred a month" is a rate after money)
                continue
            break
        while tokens and not self._numeric(view, tokens[-1]) and not (
            self._decimal_point(view, tokens[-1]) and not view.has(self.joins, tokens[-1])
        ):
            tokens.pop()  # not "and" or «и» before the number; "point four" keeps its point
        if not tokens:
            return None
        value = self._value(view, sorted(tokens))
        return (min(tokens), value) if value > 0 else None

    def _number_after_unit(self, view: DocView, u: int) -> tuple[int, float] | None:
        """A number after its unit and a preposition of `approximate` («дня за три», "day
        thirty-one" after "on"): the end of its tokens and its value."""
        k = view.skip_inline_space(u + 1)
        before = view.word_before(u)
        if k < len(view.lemma) and view.has(self.approximate, k):
            k = view.skip_inline_space(k + 1)
        elif not (before >= 0 and view.has(self.day_before, before)):
            return None
        tokens: list[int] = []
        while k < len(view.lemma) and len(tokens) < NUMBER_REACH and (
            self._numeric(view, k)
            or (tokens and view.text(k) == "-" and k + 1 < len(view.lemma) and self._numeric(view, k + 1))
        ):
            if view.text(k) in ARTICLES:
                break
            tokens.append(k)
            k += 1
        if not tokens:
            return None
        value = self._value(view, tokens)
        return (tokens[-1] + 1, value) if value > 0 else None

    def _number_after(self, view: DocView, u: int) -> tuple[int, float] | None:
        """The number right after a currency sign ("$1,200", "$12k", "$15 thousand"): the end of
        its tokens and its value."""
        k = u + 1
        if k >= len(view.lemma) or self._digits(view.text(k)) is None:
            return None
        tokens = [k]
        k += 1
        while k < len(view.lemma) and len(tokens) < NUMBER_REACH and (
            view.lower[k] in self.multipliers or view.lemma[k] in self.multipliers
        ):
            tokens.append(k)
            k += 1
        value = self._value(view, tokens)
        return (tokens[-1] + 1, value) if value > 0 else None

    def _numeric(self, view: DocView, k: int) -> bool:
        return (
            view.lower[k] in self.numbers
            or view.lemma[k] in self.numbers
            or view.lower[k] in self.multipliers
            or view.lemma[k] in self.multipliers
            or self._digits(view.text(k)) is not None
            or self._hyphened(view, k) is not None
        )

    def _share(self, view: DocView, u: int, index: SentenceIndex) -> Amount | None:
        """A promised share said without "percent": a number with a decimal part just under a
        hundred, ending at token `u`, after a word of expectation («по договору доступность
        девяносто девять и девять», "the SLA is ninety-nine point nine"): an uptime, read as a
        percentage."""
        after = view.skip_inline_space(u + 1)
        if after < len(view.lemma) and (self._decimal_point(view, after) or view.has(self.unit_keys, after)):
            return None  # the number goes on, or its unit reads it
        number = self._number_before(view, u + 1)
        if number is None or not SHARE[0] <= number[1] < SHARE[1] or number[1] == int(number[1]):
            return None
        if not self._promised(index, number[0]):
            return None
        return Amount(PERCENT, number[1], number[0], u + 1, True)

    def _decimal_point(self, view: DocView, k: int) -> bool:
        """Whether token `k` is a word of `decimal` before a single digit said as a word or in
        digits ("ninety-nine point nine", «девяносто девять и девять»): «девятьсот и шестьсот»
        is two numbers."""
        if not view.has(self.decimal, k):
            return False
        n = view.skip_inline_space(k + 1)
        if n >= len(view.lemma):
            return False
        digit = self.numbers.get(view.lower[n], self.numbers.get(view.lemma[n]))
        if digit is None:
            text = view.text(n)
            digit = float(text) if len(text) == 1 and text.isdigit() else None
        return digit is not None and 0 < digit < 10

    def _hyphened(self, view: DocView, k: int) -> float | None:
        """The value of a range in one token, the higher end («две-три» → 3)."""
        text = view.strings[view.lemma[k]]
        if "-" not in text:
            return None
        return self.numbers.get(get_string_id(text.rsplit("-", 1)[1]))  # a hash, nothing stored

    @staticmethod
    def _digits(text: str) -> float | None:
        match = _DIGITS.match(text)
        if match is None:
            return None
        digits, suffix = match.groups()
        if re.fullmatch(r"\d{1,3}(?:[,\u00a0 ]\d{3})+", digits):
            value = float(re.sub(r"[,\u00a0 ]", "", digits))
        else:
            value = float(digits.replace(",", "."))
        if suffix:
            value *= 1_000_000 if suffix in ("m", "м") else 1000
        return value

    def _value(self, view: DocView, tokens: list[int]) -> float:
        """The value of the number tokens in reading order: words summed ("twenty-five",
        "two thousand eight hundred and fifty", «двадцать пять»), multiplied by a multiplier
        ("twelve thousand", "15 k"), digits joined by a thousands group («15 000»), a price said
        in pairs ("thirteen forty", "four-twenty": 1340, 420), a range read at its higher end
        ("two, three weeks", "2-3 weeks", «две-три недели»), halves ("half a day", "two and a
        half weeks", «полтора месяца»)."""
        total = 0.0
        current = 0.0
        sep = ""  # the separator before this token: "", "-", "and", "of", "." (a decimal point)
        place = 0.0  # after a decimal point, the place of the next digit (0.1, 0.01, …)
        last_digits = False
        for position, k in enumerate(tokens):
            text = view.text(k)
            if text in ("-", "and", "of"):
                sep = text
                continue
            lemma = view.lemma[k]
            if view.has(self.decimal, k):
                sep, place = ".", 0.1
                continue
            digits = self._digits(text)
            mult = self.multipliers.get(view.lower[k], self.multipliers.get(lemma))
            number = self.numbers.get(view.lower[k], self.numbers.get(lemma))
            if number is None:
                number = self._hyphened(view, k)
            if text in ARTICLES:
                after = view.text(tokens[position + 1]) if position + 1 < len(tokens) else ""
                number = None if after in HALVES or current == 0.5 else 1.0
                if number is None:
                    continue
            if digits is not None:
                if current and last_digits and sep == "" and len(text) == 3 and text.isdigit():
                    current = current * 1000 + digits  # «15 000»
                else:
                    current = digits
            elif mult is not None:
                current = (current or 1.0) * mult
                if mult >= 1000:
                    total += current
                    current = 0.0
            elif number is not None:
                if place and number < 10:
                    current += number * place  # "ninety-nine point nine eight", "point four"
                    place /= 10
                elif number == 0.5:
                    current = current + 0.5 if current and sep == "and" else 0.5
                elif current >= 20 and current % 10 == 0 and number < 10 and sep != "and":
                    current += number  # "twenty-five", «сто сорок три»
                elif current >= 100 and current % 100 == 0 and number < 100:
                    current += number  # "two hundred and fifty", «сто двадцать»
                elif total and not current and number < 1000:
                    current = number  # "two thousand one hundred"
                elif 1 <= current < 100 and 10 <= number < 100 and sep in ("", "-") and current == int(current):
                    current = current * 100 + number  # "thirteen forty", "four-twenty"
                elif 1 <= current < 100 and 100 <= number < 1000 and number % 100 == 0 and sep == "":
                    current = current * 1000 + number  # «пять девятьсот», «шесть четыреста пятьдесят»
                else:
                    current = number  # a range ("two, three weeks") reads at its last number
            last_digits = digits is not None
            sep = ""
            if number is None or number >= 10:
                place = 0.0
        return total + current

    def _thousands(self, view: DocView, k: int) -> bool:
        """Whether token `k` ends a number in thousands said without a currency ("twelve
        thousand for the install", "8k", «на 22 тысячи»), which in talk of a bill is money: a
        multiplier of 1,000 or more, or digits with "k", not followed by a unit or a content
        word ("two thousand units", «тысяча заказов»)."""
        thousands = self.multipliers.get(view.lower[k], self.multipliers.get(view.lemma[k], 0.0)) >= 1000
        if not thousands:
            digits = view.text(k)
            thousands = digits[-1:] in ("k", "к") and self._digits(digits) is not None
        if not thousands:
            return False
        n = view.skip_inline_space(k + 1)
        if n < len(view.lemma) and (
            view.lower[n] in self.units or view.lemma[n] in self.units or self._numeric(view, n)
        ):
            return False  # a currency, a unit or more of the number after it reads it itself
        return n >= len(view.lemma) or bool(view.punct[n]) or bool(view.stop[n]) or (
            view.has(self.dearer, n) or view.has(self.cheaper, n)  # «на сорок тысяч дороже»
        )

    def _rate(self, view: DocView, start: int, dimension: str) -> bool:
        """Whether the amount starting at `start` is a rate or a frequency: a `rate` word right
        before it ("every two weeks", «раз в неделю»), or, for time, a money amount right before
        it ("$500 a month", «5 тысяч в месяц»)."""
        before = view.word_before(start)
        if before < 0:
            return False
        if view.has(self.rate, before):
            return True
        return dimension == TIME and (
            view.has(self.currencies, before) or self._numeric(view, before) or view.has(self.unit_keys, before)
        )  # "$500 a month", "seven hundred hours a month"

    def _delta(self, view: DocView, end: int) -> int | None:
        """What the word after an amount makes of it: None a time past ("two weeks ago"), +1 a
        difference ahead of what was due ("a week early", «на две недели раньше»), −1 one behind
        it ("two days late", «на шесть часов позже»), 0 neither."""
        k = view.skip_inline_space(end)
        if k >= len(view.lemma):
            return 0
        if view.lower[k] in self.ahead:  # forms, not lemmas: "later" is no "late"
            return 1
        if view.lower[k] in self.behind:
            return -1
        return None if view.has(self.after, k) else 0

    def _price_change(self, view: DocView, index: SentenceIndex, start: int, end: int, priced: bool) -> int:
        """A change of price said by the amount at [start, end): −1 a rise ("nineteen percent
        up", "$300 more", «на двадцать процентов дороже», «счёт вырос на двадцать процентов»),
        +1 a fall ("ten percent cheaper", «на пять тысяч дешевле»), 0 none. A word of `dearer` or
        `cheaper` after the amount says it alone; `rise` or `fall` after it, or a verb of
        `rise_verb` / `fall_verb` just before it, only of a price: a money amount (`priced`) or a
        word of `price` earlier in its sentence ("sales were up nineteen percent" is no cost)."""
        n = len(view.lemma)
        k = view.skip_inline_space(end)
        if k < n and view.has(self.dearer, k):
            return -1
        if k < n and view.has(self.cheaper, k):
            return 1
        if k < n and view.has(self.price_words, k):  # "a 20% price increase"
            k, priced = view.skip_inline_space(k + 1), True
        sign = -1 if k < n and view.has(self.rise, k) else 1 if k < n and view.has(self.fall, k) else 0
        after = view.skip_inline_space(k + 1) if sign else n
        if after < n and view.has(self.rise_not, after):
            sign = 0  # "forty grand up front", "up to twenty percent"
        if not sign:
            before = view.word_before(start)
            if before >= 0 and view.has(self.by_words, before):
                before = view.word_before(before)  # "went up by", «вырос на»
            if before >= 0 and view.has(self.price_words, before):
                before, priced = view.word_before(before), True  # «повышение цены на 20%»
            if before >= 0 and view.has(self.rise_verbs, before):
                sign = -1
            elif before >= 0 and view.has(self.fall_verbs, before):
                sign = 1
        if not sign or priced:
            return sign
        floor = index.sentence(start)[0]
        return sign if any(view.has(self.price_words, j) for j in range(floor, start)) else 0

    def _of_after(self, view: DocView, end: int) -> bool:
        """Whether a word of `of` follows the amount ending at `end` ("ten years of it", «три
        года данных» has none: only the English "of" marks it)."""
        k = view.skip_inline_space(end)
        return k < len(view.lemma) and view.has(self.of_words, k)

    def consequence_after(self, index: SentenceIndex, i: int) -> int:
        """The first word of what an outcome worse than promised led to, when the sentence after
        the one holding token `i` opens with a word of `consequence` ("So, uh, the whole shift
        was standing around", «Короче, монтажники уехали», «В итоге кладовщики…») in the same
        packed piece; -1 when it does not."""
        view = index.view
        n = len(view.lemma)
        k = index.sentence(i)[1]
        if k >= n or view.segment_start(k) != view.segment_start(i):
            return -1
        seen = 0
        opened = False
        while k < n and seen < 3:
            if view.has(self.consequence, k):
                opened = True
                k += 1
                continue
            if view.space[k] or view.punct[k] or view.has(self.fillers, k):
                k += 1
                continue
            if opened:
                return k
            else:
                seen += 1
                if seen > 1:
                    return -1  # «в итоге»: one word may stand before the opener
            k += 1
        return -1

    def _period_before(self, view: DocView, start: int) -> bool:
        """Whether a word of `period` stands within two words before the date at `start`
        ("from a January kickoff", «с января»): the start of a period."""
        k = start
        for _ in range(2):
            k = view.word_before(k)
            if k < 0:
                return False
            if view.has(self.period, k):
                return True
        return False

    def _deadline_before(self, view: DocView, start: int) -> bool:
        """Whether a word of `at_most` or `when` stands right before the amount ("within
        twenty-four hours of a call-out", "in two weeks of signing")."""
        before = view.word_before(start)
        return before >= 0 and (view.has(self.at_most, before) or view.has(self.when, before))

    def _said_after(self, view: DocView, end: int) -> bool:
        """Whether the amount ending at `end` is followed by a comma, at most one word of
        `subject` and a verb of `said_after` ("Four weeks, they said, and it took eleven", «Две
        недели, сказали»): a promise told after its amount («…, хотя обещали» is no such)."""
        k = view.skip_inline_space(end)
        if k >= len(view.lemma) or view.text(k) != ",":
            return False
        k = view.skip_inline_space(k + 1)
        if k < len(view.lemma) and view.has(self.subjects, k) and not view.has(self.said_after, k):
            k = view.skip_inline_space(k + 1)
        return k < len(view.lemma) and view.has(self.said_after, k)

    def _next_day(self, view: DocView, u: int) -> int:
        """The end of "next day / morning" («на следующий день», «на следующие сутки») opened
        by token `u`, or -1."""
        if not view.has(self.next_words, u):
            return -1
        k = u + 1
        while k < len(view.lemma) and (view.space[k] or view.text(k) == "-"):
            k += 1
        return k + 1 if k < len(view.lemma) and view.has(self.day_parts, k) else -1

    def _counted(self, view: DocView, k: int) -> int:
        """The noun counted by the number ending at token `k` ("forty-five covers", «пятьсот
        упаковок»): the next word when it is a content word (no stop word, punctuation, number,
        unit or date), or -1."""
        if not self._numeric(view, k) or view.text(k) in ARTICLES:
            return -1
        n = view.skip_inline_space(k + 1)
        if n >= len(view.lemma) or view.punct[n] or view.stop[n] or self._numeric(view, n) or view.has(self.decimal, n):
            return -1
        if view.has(self.unit_keys, n) or view.has(self.per, n) or not view.text(n).isalpha() or view.has(self.not_nouns, n):
            return -1  # "two hundred max", «шестидесяти двух ни разу»
        # "thirty working days", «тридцать рабочих дней»: a time, not a count
        after = view.skip_inline_space(n + 1)
        if view.has(self.unit_words, n) or (after < len(view.lemma) and view.has(self.unit_keys, after)):
            return -1
        return n

    def _range_low(self, view: DocView, start: int) -> float:
        """The low end of a range whose high end starts at `start` ("two to eight", «от двух до
        восьми», "2-8"): the number before "to" («до», "-"), or 0."""
        k = view.word_before(start)
        if k >= 0 and view.has(self.signs, k):
            k = view.word_before(k)  # "to plus eight"
        if k < 0:
            k = start - 1
            while k >= 0 and view.space[k]:
                k -= 1
            if k < 0 or view.text(k) != "-":
                return 0.0
        elif not view.has(self.range_words, k):
            return 0.0
        j = k - 1
        while j >= 0 and (view.space[j] or not self._numeric(view, j)) and k - j <= 3:
            j -= 1  # "plus two to plus eight": a sign word may stand between
        if j < 0 or not self._numeric(view, j):
            return 0.0
        number = self._number_before(view, j + 1)
        return number[1] if number is not None else 0.0

    def _per_next(self, view: DocView, k: int) -> bool:
        """Whether a word of `per` follows token `k` ("eleven fifty per", «шестьсот за»)."""
        n = view.skip_inline_space(k + 1)
        return n < len(view.lemma) and view.has(self.per, n)

    def _priced(self, view: DocView, k: int) -> bool:
        """Whether token `k` ends a number said as a price per something, without a currency
        ("eleven fifty per position", "one twelve a litre", «шестьсот за страницу»)."""
        if not self._numeric(view, k) or view.text(k) in ARTICLES:
            return False
        n = view.skip_inline_space(k + 1)
        if n + 1 >= len(view.lemma) or not view.has(self.per, n) or (self._numeric(view, n) and view.text(n) not in ARTICLES):
            return False
        word = view.skip_inline_space(n + 1)
        if word >= len(view.lemma) or view.punct[word] or self._numeric(view, word):
            return False
        unit = self.units.get(view.lower[word] if view.lower[word] in self.units else view.lemma[word])
        # "one twelve a litre" is a price; "two a week", "four hundred a month" are rates
        return (unit is None or unit[0] in self.measures) and not view.has(self.unit_keys - self.measure_units, word)

    def _date(self, view: DocView, u: int) -> tuple[str, int, int, float] | None:
        """A date at token `u`: (dimension, start, end, value). A weekday ("Thursday", «в
        пятницу»; a week on after "next", «следующий»), a month with its part or day ("the end
        of March", «двадцатого марта», "March 15th"), or a day of the month alone: an ordinal
        after "the" that no noun follows ("by the sixth"), or before «числа»."""
        lower, lemma = view.lower[u], view.lemma[u]
        day = self.weekdays.get(lower, self.weekdays.get(lemma))
        if day is not None:
            before = view.word_before(u)
            if before >= 0 and view.has(self.next_words, before):
                return WEEKDAY, before, u + 1, day + 7
            after = self._next_week_after(view, u)
            if after > 0:  # «в среду следующей недели», "Wednesday next week"
                return WEEKDAY, u, after, day + 7
            return WEEKDAY, u, u + 1, day
        quarter = self.quarter_dates.get(lower)
        if quarter is not None:  # "for Q2": by the end of its last month
            return MONTH, u, u + 1, 3 * quarter * 31 + QUARTER_END
        month = self.months.get(lower, self.months.get(lemma))
        if month is None and lower in self.cased_keys and u not in view.sent_start_set:
            month = self.cased_months.get(view.doc[u].text)  # "mid-May", "in May", not "May I"
        if month is not None:
            start, part = u, 15.0
            before = view.word_before(u)
            ordinal = self._ordinal(view, before, plain=True) if before >= 0 else None
            if ordinal is not None:
                start, part = ordinal
            else:
                k = u
                for _ in range(3):  # "the end of March", «в конце марта»
                    k = view.word_before(k)
                    if k < 0:
                        break
                    hit = next((at for words, at in self.month_parts if view.has(words, k)), None)
                    if hit is not None:
                        start, part = k, hit
                        break
            return MONTH, start, u + 1, month * 31 + part
        ordinal = self._ordinal(view, u)
        if ordinal is None:
            return None
        start, value = ordinal
        after = view.skip_inline_space(u + 1)
        if after < len(view.lemma) and view.has(self.day_words, after):
            return MONTHDAY, start, after + 1, value
        before = view.word_before(start)
        if after < len(view.lemma) and view.has(self.quarter_words, after) and 1 <= value <= 4:
            # "by the second quarter", «во втором квартале»
            return MONTH, before if before >= 0 and view.text(before) == "the" else start, after + 1, 3 * value * 31 + QUARTER_END
        if after < len(view.lemma) and view.text(after) == "of":  # "the third of April"
            month_at = view.skip_inline_space(after + 1)
            month = self.months.get(view.lower[month_at], self.months.get(view.lemma[month_at])) if month_at < len(view.lemma) else None
            if month is not None:
                return MONTH, before if before >= 0 and view.text(before) == "the" else start, month_at + 1, month * 31 + value
        free = after >= len(view.lemma) or view.punct[after] or (
            view.stop[after] and view.lower[after] not in self.months and view.lemma[after] not in self.months
        )
        if before >= 0 and view.text(before) == "the" and free:
            return MONTHDAY, before, u + 1, value
        if free and view.text(u).endswith(("ого", "его")):
            return MONTHDAY, start, u + 1, value  # «закончили девятого»: a genitive ordinal is a date
        return None

    def _next_week_after(self, view: DocView, u: int) -> int:
        """The end of "next week" («следующей недели», "of the following week") right after
        the weekday at `u`, or -1."""
        k = u + 1
        n = len(view.lemma)
        seen = 0
        while k < n and seen < 3 and not view.punct[k]:
            if view.space[k]:
                k += 1
                continue
            if view.has(self.next_words, k):
                j = view.skip_inline_space(k + 1)
                unit = self.units.get(view.lemma[j]) if j < n else None
                return j + 1 if unit is not None and unit[0] == TIME and unit[1] == WEEK else -1
            seen += 1
            k += 1
        return -1

    def _ordinal(self, view: DocView, k: int, plain: bool = False) -> tuple[int, float] | None:
        """The ordinal number ending at token `k` ("sixth", "20th", "twenty-first",
        «двадцать пятого»): its first token and value."""
        value = self.ordinals.get(view.lower[k], self.ordinals.get(view.lemma[k]))
        if value is None:
            match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|-?го|-?е)?", view.text(k))
            if match is None or not (plain or view.text(k)[-1:].isalpha()):
                return None  # bare digits are a day only before a month («15 марта»)
            value = float(match.group(1))
            return (k, value) if 1 <= value <= 31 else None
        start = k
        before = k - 1
        while before >= 0 and (view.space[before] or view.text(before) == "-"):
            before -= 1
        if before >= 0:
            decade = self.numbers.get(view.lower[before], self.numbers.get(view.lemma[before]))
            if decade in (20.0, 30.0) and value < 10:
                start, value = before, decade + value
        return start, value

    def _promised(
        self, index: SentenceIndex, start: int, also: frozenset[int] = frozenset(), only: frozenset[int] | None = None
    ) -> bool:
        """Whether a word of expectation (or of `also`; with `only`, a word of that alone)
        stands before the amount in its sentence, within PROMISE_REACH words, with no contrast
        word between ("they quoted us six weeks", «по договору — две недели») and none right
        before it ("the invoice says fourteen twenty" is what came)."""
        view = index.view
        floor = index.sentence(start)[0]
        k = start - 1
        seen = 0
        while k >= floor and seen < PROMISE_REACH:
            if not (view.space[k] or view.punct[k]):
                seen += 1
            if view.has(self.contrast, k) or (view.has(self.joins, k) and self._subject_after(view, k, start)):
                return False  # "…, but it took", "and it took": what came, not what was promised
            if view.has(self.expected if only is None else only, k) or (also and view.has(also, k)):
                j = k
                for _ in range(SAYER_REACH):
                    j = view.word_before(j)
                    if j < floor or j < 0:
                        break
                    if view.has(self.contrast, j) and not view.has(self.concessive, j):
                        return False  # "the invoice says", not «хотя по договору»
                return True
            k -= 1
        return False

    def _subject_after(self, view: DocView, k: int, limit: int) -> bool:
        """Whether a subject word («они», "it", "the") stands within SUBJECT_REACH words after
        the joining word at `k`: "and it took four months" starts a clause of its own, "and
        have them by Friday" goes on with the promise."""
        seen = 0
        for j in range(k + 1, limit):
            if view.space[j] or view.punct[j]:
                continue
            if view.has(self.subjects, j):
                return True
            seen += 1
            if seen >= SUBJECT_REACH:
                break
        return False


def _inside(windows: list[tuple[int, int]], i: int) -> bool:
    """Whether position `i` falls in one of the sorted, disjoint `windows`."""
    k = bisect_right(windows, (i, 1 << 62)) - 1
    return k >= 0 and windows[k][0] <= i < windows[k][1]


def within(stretches: list[tuple[int, int]], i: int) -> bool:
    """Whether position `i` falls in one of `stretches` ([start, end) pairs, in any order): the
    specs stated (`Outcomes.specs`), whose words friction and emotion leave alone."""
    return any(start <= i < end for start, end in stretches)


def outcomes(nlp: Language) -> Outcomes:
    """The pipeline's one Outcomes (shared by friction and emotion, so a doc is read once)."""
    from jtbd_studio.nlp.clauses import per_pipeline

    return per_pipeline(nlp, Outcomes)


__all__ = ["MONEY", "TIME", "Amount", "Outcome", "Outcomes", "doc_view", "outcomes", "within"]
