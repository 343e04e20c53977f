"""
The TF-IDF paraphrase model of the skills: what ``TfidfVectorizer(ngram_range=(1, 2),
sublinear_tf=True, stop_words="english")`` learns from the skills' texts, computed here in
plain Python, so that matching a resume never imports scikit-learn or scipy (importing
them was most of the time of a one-resume ``gapcoach assess``). ``tests/test_match.py``
checks that vocabulary, idf and weights equal scikit-learn's.
"""

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from gapcoach.vocab.stop_words import ENGLISH_STOP_WORDS

__all__ = ["TfidfModel", "fit_tfidf", "word_ngrams"]

_TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern


def word_ngrams(text: str) -> list[str]:
    """
    The terms of a text as scikit-learn's word analyzer gives them: lower-cased tokens of
    two or more word characters, English stop words removed, then unigrams and bigrams.
    """
    tokens = [t for t in _TOKEN_RE.findall(text.lower()) if t not in ENGLISH_STOP_WORDS]
    return tokens + [" ".join(pair) for pair in pairwise(tokens)]


@dataclass(frozen=True)
class TfidfModel:
    """
    The fitted model: each term's idf, and for each term the documents (skills) whose
    l2-normalised vector holds it, with the weight there.
    """

    analyzer: Callable[[str], list[str]]
    idf: dict[str, float]
    term_rows: dict[str, list[tuple[int, float]]]


def fit_tfidf(documents: Sequence[str]) -> TfidfModel:
    """
    Fit idf (smoothed: ln((1 + n) / (1 + df)) + 1) and the documents' sublinear-tf,
    l2-normalised weights.
    """
    counts = [Counter(word_ngrams(text)) for text in documents]
    frequency: Counter[str] = Counter()
    for terms in counts:
        frequency.update(terms.keys())
    n = len(documents)
    idf = {
        term: math.log((1 + n) / (1 + df)) + 1 for term, df in sorted(frequency.items())
    }
    term_rows: dict[str, list[tuple[int, float]]] = {term: [] for term in idf}
    for row, terms in enumerate(counts):
        weights = {t: (1 + math.log(c)) * idf[t] for t, c in terms.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for term in sorted(weights):
            term_rows[term].append((row, weights[term] / norm))
    return TfidfModel(analyzer=word_ngrams, idf=idf, term_rows=term_rows)
