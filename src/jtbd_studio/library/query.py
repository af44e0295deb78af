"""The search box's language: words, "quoted phrases", -exclusion, prefix*; any string is safe.

User text never reaches SQL or FTS syntax: it is cut into words (runs of letters and digits),
each word becomes a `Term` with its lemma candidates, and the full-text backend quotes them.
Raw backend syntax is only used when the caller asks for it explicitly (`raw=True`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from types import ModuleType

from jtbd_studio.errors import UsageError
from jtbd_studio.store.fts import WORD, Clause, FtsQuery, Phrase, Term, fold

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 16
_QUOTES = {'"': '"', "«": "»", "“": "”", "„": "“", "»": "«", "”": "“"}
_MINUS = ("-", "−", "–")
#: English endings that always inflect; an unknown word ending so is searched by its stem*.
_EN_ENDINGS = ("ing", "ed")
_LATIN = re.compile(r"[a-z]+")


def nlp() -> ModuleType:
    """The NLP engine's lemma API, imported on first use (never at start-up)."""
    import jtbd_studio.nlp as engine

    return engine


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query: the backend AST plus what highlighting and suggestions need."""

    text: str
    fts: FtsQuery
    raw: bool = False

    @property
    def positive_items(self) -> tuple[Term | Phrase, ...]:
        return tuple(c.item for c in self.fts.positive)

    def words(self) -> list[str]:
        """The positive words as typed (folded), for vocabulary suggestions."""
        found: list[str] = []
        for item in self.positive_items:
            found += [item.forms[0]] if isinstance(item, Term) else list(item.surface)
        return found


def clean(text: str) -> str:
    """NFC, control and format characters (NUL included) turned into spaces."""
    text = unicodedata.normalize("NFC", text)
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)


def parse_query(text: str, *, raw: bool = False) -> ParsedQuery:
    """Parse what a user typed; UsageError (a clear one-line message) if nothing is searchable."""
    if not isinstance(text, str):
        raise UsageError("the query must be text")
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError(f"the query is {len(text)} characters long; at most {MAX_QUERY_CHARS} are searched")
    if raw:
        body = clean(text).strip()
        if not body:
            raise UsageError("the raw query is empty")
        return ParsedQuery(text, FtsQuery(raw=body), raw=True)
    clauses = list(dict.fromkeys(_clauses(clean(text))))
    if len(clauses) > MAX_CLAUSES:
        raise UsageError(f"the query has {len(clauses)} words and phrases; at most {MAX_CLAUSES} are searched")
    query = FtsQuery(tuple(clauses))
    if query.is_empty():
        if clauses:
            raise UsageError("the query only excludes words; add a word or phrase to search for")
        raise UsageError("nothing to search for: type a word or a phrase")
    return ParsedQuery(text, query)


def _clauses(text: str) -> list[Clause]:
    found: list[Clause] = []
    for token, negated, quoted in _tokens(text):
        words = [fold(w) for w in WORD.findall(token)]
        if not words:
            continue
        if quoted or (negated and len(words) > 1):
            found.append(Clause(_phrase(words), negated))
        elif len(words) > 1:
            # «бизнес-процесс», "e-mail", "a.b": consecutive words, as the backends index them
            found.append(Clause(_phrase(words), negated))
        else:
            found.append(Clause(_term(words[0], prefix=token.endswith("*")), negated))
    return found


def _tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(token, negated, quoted) in order; an unclosed quote runs to the end of the text."""
    tokens: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] in _MINUS and i + 1 < n and not text[i + 1].isspace()
        start = i + 1 if negated else i
        if start < n and text[start] in _QUOTES:
            close = text.find(_QUOTES[text[start]], start + 1)
            end = n if close < 0 else close
            tokens.append((text[start + 1 : end], negated, True))
            i = end + 1
            continue
        end = start
        while end < n and not text[end].isspace() and text[end] not in _QUOTES:
            end += 1
        tokens.append((text[start:end], negated, False))
        i = max(end, start + 1)
    return tokens


def _term(word: str, *, prefix: bool) -> Term:
    if prefix:
        return Term((word,), prefix=True)
    candidates = [fold(c) for c in nlp().query_lemmas(word)]
    stem = _unknown_english_stem(word, candidates)
    if stem:
        # the lemma table does not know it («onboarding»): its stem* covers every inflection
        return Term((word, stem), prefix=True)
    return Term(tuple(dict.fromkeys([word, *candidates])))


def _unknown_english_stem(word: str, candidates: list[str]) -> str | None:
    if not _LATIN.fullmatch(word) or any(c != word for c in candidates):
        return None
    for ending in _EN_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4:
            return stem
    return None


def _phrase(words: list[str]) -> Phrase:
    lemmas = [fold(nlp().lemma_text(w) or w) for w in words]
    return Phrase(tuple(words), tuple(lemmas))
