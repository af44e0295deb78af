"""One function builds the spaCy pipeline per language: lemmas, sentences, the `jtbd_*` kinds.

Order: [trained model's own pipes, if one is installed] -> jtbd_lemmatizer -> jtbd_sentencizer ->
the kind components that are registered (KIND_COMPONENTS) -> jtbd_competitor.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any

from jtbd_studio.errors import UsageError
from jtbd_studio.nlp.competitor_list import CompetitorList

if TYPE_CHECKING:
    from spacy.language import Language

LANGUAGES = ("ru", "en")
KIND_COMPONENTS = [
    "jtbd_friction", "jtbd_emotion", "jtbd_force", "jtbd_job", "jtbd_churn_risk", "jtbd_phrase",
]
#: `JTBD_STUDIO_SPACY_MODEL=none` keeps the blank pipeline even when a trained one is installed;
#: a package name forces that model.
ENV_MODEL = "JTBD_STUDIO_SPACY_MODEL"
_MODEL_PREFIX = {"ru": "ru_core_news_", "en": "en_core_web_"}
_SIZE_ORDER = ("sm", "md", "lg", "trf")
#: Chunks (space-separated strings) whose tokens the tokenizer remembers: about 190 bytes each,
#: 36 MB when full (measured by tokenizing 200,000 distinct words).
TOKENIZER_CACHE_SIZE = 200_000
#: spaCy refuses texts longer than max_length; extract() chunks texts well below it.
MAX_LENGTH = 2_000_000


@functools.lru_cache(maxsize=8)
def build_pipeline(
    lang: str,
    *,
    competitors: CompetitorList | None = None,
    discover: bool | None = None,
    ner: str = "gated",
) -> Language:
    """The analysis pipeline for `lang` ("ru" or "en"), cached per arguments.

    `competitors`: the study's list (matched in every form); `discover`: also propose names
    not on the list (default: only when no list is given); `ner`: where Natasha NER runs for
    Russian discovery — "gated" (sentences with candidate names), "all" or "off".
    """
    if lang not in LANGUAGES:
        raise UsageError(f"unsupported analysis language {lang!r} (expected ru or en)")
    if ner not in ("gated", "all", "off"):
        raise UsageError(f"unknown NER mode {ner!r} (expected gated, all or off)")
    import jtbd_studio.nlp.competitors
    import jtbd_studio.nlp.tokens  # noqa: F401  (both register their factories)
    from jtbd_studio.nlp.spans import register_extensions

    register_extensions()
    nlp = _base_pipeline(lang)
    trained = bool(nlp.pipe_names)
    nlp.max_length = MAX_LENGTH
    _split_on_every_whitespace(nlp)
    trained_pos = any(n in nlp.pipe_names for n in ("tagger", "morphologizer"))
    nlp.add_pipe("jtbd_lemmatizer", config={"keep_pos": trained_pos})
    if not any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("jtbd_sentencizer")
    for name in registered_kinds():
        nlp.add_pipe(name)
    nlp.add_pipe(
        "jtbd_competitor",
        config={
            "competitors": (competitors or CompetitorList()).as_config(),
            "discover": competitors is None if discover is None else discover,
            "ner": ner,
        },
    )
    # the components tokenized their lexicons while they were built: a cache full of lexicon
    # entries would leave less room for the texts'
    nlp.tokenizer = _tokenizer(nlp, nlp.tokenizer, keep_norms=trained)
    return nlp


def registered_kinds() -> list[str]:
    """The kind components whose factories exist (the kinds package registers them on import)."""
    from spacy.language import Language

    try:
        import jtbd_studio.nlp.kinds  # noqa: F401
    except ModuleNotFoundError as exc:
        if exc.name != "jtbd_studio.nlp.kinds":
            raise
    return [name for name in KIND_COMPONENTS if Language.has_factory(name)]


def trained_model_name(lang: str) -> str | None:
    """The installed trained spaCy package for `lang` (smallest first), or None."""
    chosen = os.environ.get(ENV_MODEL, "").strip()
    if chosen.lower() == "none":
        return None
    if chosen:
        return chosen
    import spacy.util

    names = [n for n in spacy.util.get_installed_models() if n.startswith(_MODEL_PREFIX[lang])]
    rank = {size: i for i, size in enumerate(_SIZE_ORDER)}
    names.sort(key=lambda n: rank.get(n.rsplit("_", 1)[-1], len(rank)))
    return names[0] if names else None


def _base_pipeline(lang: str) -> Language:
    import spacy

    name = trained_model_name(lang)
    if name is None:
        return spacy.blank(lang)
    # The stock lemmatizer is the slow part of the trained pipelines; ours replaces it.
    try:
        nlp = spacy.load(name, exclude=["lemmatizer"])
    except (OSError, ValueError) as exc:  # not found, no meta.json, a broken config
        chosen = os.environ.get(ENV_MODEL, "").strip()
        origin = f"{ENV_MODEL}={chosen}" if chosen else f"the installed spaCy pipeline {name}"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(
            f"{origin} could not be loaded: {reason} ({ENV_MODEL}=none uses the built-in pipeline)"
        ) from exc
    if nlp.lang != lang:
        raise UsageError(f"{ENV_MODEL}={name} is a {nlp.lang!r} pipeline, not {lang!r}")
    return nlp


def _split_on_every_whitespace(nlp: Language) -> None:
    """Every whitespace run its own token: spaCy leaves a zero-width space inside a token and
    glues "\\n " into one. Also a final period after a digit and a capital is split off
    (_PERIOD_AFTER_CODE)."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    blank = [r"[\r\n\t\v\f\u2028\u2029\u200b]+"]
    defaults = nlp.Defaults
    tokenizer: Any = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([*blank, *(defaults.prefixes or [])]).search
    suffixes = [*blank, *(defaults.suffixes or []), _PERIOD_AFTER_CODE]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    infixes: list[Any] = list(defaults.infixes or [])
    if nlp.lang == "ru":
        infixes = [_keep_hyphenated_words(rule) for rule in infixes] + [_HYPHEN_BESIDE_LATIN]
    tokenizer.infix_finditer = compile_infix_regex([*blank, *infixes]).finditer


#: spaCy splits a final period off after two letters or a lowercase one, not after a digit and
#: a capital: «Перешли на 1С.», "We sell B2B." kept the period in the name, and the sentence
#: did not end there
_PERIOD_AFTER_CODE = r"(?<=[0-9][A-ZА-ЯЁ])\."

#: spaCy's infix alternatives of hyphens and dashes between letters, and the same without the
#: plain hyphen
_HYPHENS_BETWEEN_LETTERS = "(?:-|–|—|--|---|——|~)"
_DASHES_BETWEEN_LETTERS = "(?:–|—|--|---|——|~)"
#: a hyphen beside a Latin letter or a digit still splits: «Zoom-звонок», «B2B-сегмент», «IT-отдел»
#: name the brand or the term before the hyphen
_HYPHEN_BESIDE_LATIN = r"(?<=[A-Za-z0-9])-(?=[^\W_])|(?<=[^\W\d_])-(?=[A-Za-z0-9])"


def _keep_hyphenated_words(rule: Any) -> Any:
    """A Russian word with a hyphen is one word («что-то», «из-за», «кое-как», «интернет-магазин»,
    «Уолл-стрит»): pymorphy3 knows them whole. spaCy splits it in three, and a cue or a span
    then starts inside a word («то не так» of «что-то не так»). Dashes still split, and so does
    a hyphen beside a Latin letter or a digit (_HYPHEN_BESIDE_LATIN)."""
    if not isinstance(rule, str):
        return rule  # a compiled pattern: spaCy's own are strings
    return rule.replace(_HYPHENS_BETWEEN_LETTERS, _DASHES_BETWEEN_LETTERS)


def _tokenizer(nlp: Language, like: Any, *, keep_norms: bool) -> Any:
    """A new tokenizer with the rules of `like` that split, an empty cache and room for more in it.

    spaCy's tokenizer remembers the tokens of each space-separated chunk it has split, but
    only of the first `max_cache_size` chunks (10,000 by default); every other chunk goes
    through the affix expressions again. Russian inflection gives a study far more distinct
    word forms than that. And it remembers nothing more of a doc once one chunk of it was a
    special case (spaCy's tokenizer.pyx: `has_special` is set per doc, not per chunk): one
    non-breaking space, a special case of its own, and every later new word of the paragraph
    is split by the expressions again on every pass. `_splitting_rules` drops the special cases
    that split a chunk as the expressions do anyway.
    """
    return _like(nlp, like, _splitting_rules(nlp, like, keep_norms=keep_norms), TOKENIZER_CACHE_SIZE)


def _like(nlp: Language, like: Any, rules: dict[str, Any], cache_size: int = 10_000) -> Any:
    """A new tokenizer on `nlp`'s vocab with the affix rules of `like` and these special cases."""
    from spacy.tokenizer import Tokenizer

    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=like.prefix_search,
        suffix_search=like.suffix_search,
        infix_finditer=like.infix_finditer,
        token_match=like.token_match,
        url_match=like.url_match,
        faster_heuristics=like.faster_heuristics,
        max_cache_size=cache_size,
    )


def _splitting_rules(nlp: Language, like: Any, *, keep_norms: bool) -> dict[str, Any]:
    """The special cases of `like` that split their string otherwise than the tokenizer would
    without them (the affix expressions and the other cases kept: «°c.» needs its case because
    «c.» has one).

    The others change nothing but `token.norm_` (a non-breaking space → two spaces, «Авг» →
    «август»), which no component of ours reads. A trained pipeline's own components read
    norms, so with one (`keep_norms`) a special case that sets a norm is kept too.
    """
    from spacy.attrs import NORM, ORTH

    key = (keep_norms, *map(_pattern_of, (
        like.prefix_search, like.suffix_search, like.infix_finditer, like.token_match, like.url_match,
    )), like.faster_heuristics, repr(sorted(like.rules.items(), key=lambda item: item[0])))
    known = _SPLITTING_RULES.get(key)
    if known is not None:  # every build of a language's pipeline (another list, NER mode) asks again
        return dict(known)

    def needed(string: str, pieces: list[dict[Any, str]], without: Any) -> bool:
        tokens = without(string)
        if [t.text for t in tokens] != [piece.get(ORTH, piece.get("ORTH")) for piece in pieces]:
            return True
        norms = [piece.get(NORM, piece.get("NORM")) for piece in pieces]
        return keep_norms and any(n is not None and n != t.norm_ for n, t in zip(norms, tokens, strict=True))

    rules = dict(like.rules)
    plain = _like(nlp, like, {})
    kept = {string: pieces for string, pieces in rules.items() if needed(string, pieces, plain)}
    while True:  # a dropped case may split otherwise beside the kept ones: keep it too
        with_kept = _like(nlp, like, kept)
        more = {
            string: pieces for string, pieces in rules.items()
            if string not in kept and needed(string, pieces, with_kept)
        }
        if not more:
            _SPLITTING_RULES[key] = kept
            return dict(kept)
        kept.update(more)


#: `_splitting_rules` per tokenizer setting: filtering English's 1,347 cases takes a tenth of a
#: second, a seventh of building a pipeline again with another competitor list.
_SPLITTING_RULES: dict[tuple[Any, ...], dict[str, Any]] = {}


def _pattern_of(search: Any) -> Any:
    """The expression behind a tokenizer's bound search method (or the value itself)."""
    return getattr(getattr(search, "__self__", None), "pattern", search)


def pipeline_summary(nlp: Any) -> dict[str, Any]:
    """What the pipeline contains and whether spaCy's analysis finds problems (for tests, docs)."""
    analysis = nlp.analyze_pipes(pretty=False)
    return {"pipes": list(nlp.pipe_names), "problems": analysis["problems"]}
