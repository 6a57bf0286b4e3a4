"""News-specific tokenizer exceptions and sentence-boundary guards.

Used both when building the training corpora (so that training tokens match
run-time tokens) and when assembling the shipped pipeline (the exceptions are
serialised with the tokenizer, so loading the model does not need this module
for tokenisation; the sentence guard component is registered here).
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, IS_TITLE, IS_UPPER, LIKE_NUM, LOWER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import get_string_id

# Abbreviations that must stay one token *including* the final period.
TITLE_ABBREVIATIONS = [
    "Col.", "Lt.", "Maj.", "Gen.", "Brig.", "Sgt.", "Capt.", "Cpl.", "Pvt.",
    "Adm.", "Cmdr.", "Cdr.", "Lt.Col.", "Lt.Gen.", "Maj.Gen.", "Brig.Gen.",
    "Sr.", "Jr.", "Hon.", "Amb.", "Supt.", "Insp.", "Prof.", "Rev.", "Sen.",
    "Rep.", "Gov.", "Pres.", "Dr.", "Mr.", "Mrs.", "Ms.", "Messrs.", "St.",
    "Mt.", "Ft.", "Sheikh.",
]
MONTH_ABBREVIATIONS = [
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
    "Oct.", "Nov.", "Dec.",
]
OTHER_ABBREVIATIONS = [
    "U.S.", "U.N.", "U.K.", "E.U.", "U.A.E.", "U.S.A.", "U.S.S.R.", "D.C.",
    "No.", "Nos.", "Vol.", "approx.", "est.", "Dept.", "Inc.", "Corp.",
    "Ltd.", "Co.", "Bros.", "vs.", "etc.", "a.m.", "p.m.", "i.e.", "e.g.",
]

# Tokens after which a new sentence must never start.
NO_BREAK_AFTER = set(TITLE_ABBREVIATIONS) | set(MONTH_ABBREVIATIONS) | {
    "No.", "Nos.", "Vol.", "vs.", "approx.", "e.g.", "i.e.", "Dept.",
}
# Tokens after which a sentence may not start *if* followed by a capitalised
# word or a number (U.S. Army, U.N. envoy); a lowercase continuation is
# handled by the parser anyway.
NO_BREAK_BEFORE_CAP = {"U.S.", "U.N.", "U.K.", "E.U.", "U.A.E.", "D.C."}

# Particles of Arabic, Persian and Kurdish names: what follows is the rest of the name.
NAME_PARTICLES = {"Abu", "Abi", "Abd", "Abdel", "Abdul", "Umm", "bin", "Bin", "ibn", "Ibn", "bint", "Bint",
                  "al", "Al", "el", "El", "Bani", "Ould"}
# A sentence may follow these with no space between ("attack.The convoy", "said:"); any other
# token glued to the next one is part of a word.
_MAY_END_GLUED = {".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "]", "…", "...", "*"}

SENT_GUARD_NAME = "news_sentence_guard"


def add_news_exceptions(nlp: Language) -> Language:
    """Add special-case rules for news abbreviations to ``nlp.tokenizer``."""
    for abbr in TITLE_ABBREVIATIONS + MONTH_ABBREVIATIONS + OTHER_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        # Sentence-final "U.S." is followed by another period only in
        # degenerate text; spaCy's suffix rules handle "U.S.." fine.
    return nlp


@Language.component(SENT_GUARD_NAME)
def news_sentence_guard(doc):
    """Forbid sentence starts right after titles/months/"U.S." + capital, inside a word, and
    after a name particle before a capital ("Abu Zeid", "bin Rashed").

    Runs before the parser: the parser keeps pre-set ``is_sent_start=False``.

    A paragraph break ("\n\n") is a sentence of its own: the parser never saw whitespace tokens in
    training, and one at the start of a sentence became that sentence's root, leaving every verb a
    dependent of the blank line.

    The rules are applied as array operations over the whole document: a loop over Token objects
    cost 10 µs a token, 5% of the pipeline's time, for rules that only compare string ids.
    """
    if len(doc) == 0:
        return doc
    cols = doc.to_array(_GUARD_COLUMNS)
    orth, lower, glued, space, title, upper, number = (cols[:, k] for k in range(7))
    glued = glued == 0  # SPACY is 1 when whitespace follows the token
    space, capital = space.astype(bool), (title | upper).astype(bool)
    starts = cols[:, 7].astype("int64")
    blank_line = np.zeros(len(doc), dtype=bool)
    for i in np.flatnonzero(space):
        blank_line[i] = "\n\n" in doc[int(i)].text
    starts[blank_line] = 1
    starts[1:][blank_line[:-1]] = 1

    prev = orth[:-1]
    no_start = np.isin(prev, _NO_BREAK_AFTER_IDS)
    no_start |= glued[:-1] & ~space[:-1] & ~np.isin(prev, _MAY_END_GLUED_IDS)  # "Najafi-|Shirazi"
    no_start |= np.isin(prev, _NAME_PARTICLE_IDS) & capital[1:]  # "Abu | Zeid", "bin | Rashed"
    # "the U.S. The next day" is ambiguous; we bias towards keeping acronyms with a following
    # proper-noun/number phrase together, except for common sentence-initial function words.
    no_start |= (np.isin(prev, _NO_BREAK_BEFORE_CAP_IDS) & (capital[1:] | (number[1:] != 0))
                 & ~np.isin(lower[1:], _SENT_INITIAL_IDS))
    starts[1:][no_start] = -1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


_GUARD_COLUMNS = [ORTH, LOWER, SPACY, IS_SPACE, IS_TITLE, IS_UPPER, LIKE_NUM, SENT_START]


def _ids(words) -> np.ndarray:
    return np.array(sorted(get_string_id(w) for w in words), dtype="uint64")


_SENT_INITIAL = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and",
    "in", "on", "at", "this", "that", "these", "those", "there", "his", "her",
    "their", "its", "however", "meanwhile", "after", "before", "when", "if",
    "as", "some", "many", "most", "officials", "one", "two", "three",
}
_NO_BREAK_AFTER_IDS = _ids(NO_BREAK_AFTER)
_MAY_END_GLUED_IDS = _ids(_MAY_END_GLUED)
_NAME_PARTICLE_IDS = _ids(NAME_PARTICLES)
_NO_BREAK_BEFORE_CAP_IDS = _ids(NO_BREAK_BEFORE_CAP)
_SENT_INITIAL_IDS = _ids(_SENT_INITIAL)


# --- lemma fixes -----------------------------------------------------------
# spaCy's English rule lemmatizer has no tables for AUX (UD tags "were",
# "has", "did" ... as AUX), so auxiliaries keep their surface form.  This
# component (placed after the lemmatizer) fills them in.
AUX_LEMMAS = {
    "am": "be", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be",
    "being": "be", "be": "be", "'s": "be", "'re": "be", "'m": "be", "’s": "be",
    "’re": "be", "’m": "be", "has": "have", "had": "have", "have": "have",
    "having": "have", "'ve": "have", "’ve": "have", "does": "do", "did": "do",
    "do": "do", "doing": "do", "done": "do", "'ll": "will", "’ll": "will",
    "wo": "will", "ca": "can", "'d": "would", "’d": "would", "n't": "not",
    "’t": "not",
}
LEMMA_FIX_NAME = "news_lemma_fixes"


@Language.component(LEMMA_FIX_NAME)
def news_lemma_fixes(doc):
    for t in doc:
        if t.pos_ in ("AUX", "PART"):
            lem = AUX_LEMMAS.get(t.lower_)
            if lem is not None and (t.pos_ == "AUX" or lem == "not"):
                t.lemma_ = lem
            elif t.pos_ == "AUX":
                t.lemma_ = t.lower_
    return doc


# --- fast cached lemmatizer ------------------------------------------------
from spacy.attrs import LEMMA, MORPH, POS  # noqa: E402
from spacy.lang.en.lemmatizer import EnglishLemmatizer  # noqa: E402
from spacy.lookups import Lookups, Table  # noqa: E402

NEWS_LEMMATIZER_NAME = "news_lemmatizer"


class NewsLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with a per-(form, POS, morph) cache and
    the auxiliary fixes of :func:`news_lemma_fixes` built in.  Same tables
    (spacy-lookups-data), same output, several times less Python overhead.

    A document's forms, POS and morphology are read as one array and its lemmas written as one
    (a Token object per token cost more than the look-ups); a form missing from the cache is
    lemmatized by spaCy's rules against the word index held as sets (spacy-lookups-data gives
    lists: ``form in index`` scanned 57,000 nouns, ~0.2 ms per new form)."""

    _fast_cache: dict
    _set_lookups: Lookups  # built from _set_lookups_of, the tables spaCy loaded

    def __call__(self, doc):
        if not self._validated:
            self._validate_tables()
        if len(doc) == 0:
            return doc
        cache = self.__dict__.setdefault("_fast_cache", {})
        lemmas = []
        for i, key in enumerate(map(tuple, doc.to_array(_LEMMA_KEY).tolist())):
            lem = cache.get(key)
            if lem is None:
                lem = self.vocab.strings.add(self._lemma_of(doc[i]))
                if len(cache) < 500_000:
                    cache[key] = lem
            lemmas.append(lem)
        doc.from_array([LEMMA], np.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc

    def _lemma_of(self, token) -> str:
        pos = token.pos_
        if pos == "AUX":
            return AUX_LEMMAS.get(token.lower_, token.lower_)
        if pos == "PART" and AUX_LEMMAS.get(token.lower_) == "not":
            return "not"
        return self.lemmatize(token)[0]

    def rule_lemmatize(self, token):
        """spaCy's rules, reading the word index as sets (the tables it saves stay spaCy's)."""
        tables = self.lookups
        if self.__dict__.get("_set_lookups_of") is not tables:
            self._set_lookups, self._set_lookups_of = _with_set_index(tables), tables
        self.lookups = self._set_lookups
        try:
            return super().rule_lemmatize(token)
        finally:
            self.lookups = tables


# The key of a lemma in the lemmatizer's cache: a token's form, coarse POS and morphology.
_LEMMA_KEY = [ORTH, POS, MORPH]


def _with_set_index(lookups: Lookups) -> Lookups:
    """``lookups`` with the word lists of its ``lemma_index`` table as sets (the other tables shared)."""
    fast = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            as_sets = Table(name=name)
            for key, words in table.items():
                as_sets[key] = frozenset(words)
            table = as_sets
        fast.set_table(name, table)
    return fast


@Language.factory(
    NEWS_LEMMATIZER_NAME,
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": True,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_news_lemmatizer(nlp, model, name, mode, overwrite, scorer):
    return NewsLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
