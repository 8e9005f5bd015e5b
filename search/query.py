"""What a person types into the search box, as a structured query that no engine reads as syntax.

``parse(text)`` understands three things and nothing else::

    query   := item*
    item    := word | phrase | "-" word | "-" phrase
    word    := letters, marks and digits, with single hyphens or apostrophes inside ("looked-after",
               "council's"), and commas or full stops between digits ("281,000", "3.5")
    phrase  := '"' word* '"'          (an unclosed quote runs to the end of the text)

- **words**: any of them may match; more matches rank higher. Common words ("the", "and", "how", "does":
  ``STOP_WORDS``) are ignored unless quoted, or unless nothing else was typed.
- **"quoted phrases"**: each must match, its words adjacent and in order.
- **-excluded** words or phrases (a hyphen at the start of the text or after a space): none may match.

Everything else is a separator, so the query languages of the engines never see it: ``AND``, ``OR``, ``NOT``
and ``NEAR`` are ordinary words; brackets, colons, asterisks, carets, backslashes, emoji and the like are
dropped. Control characters are removed and the text is NFKC-normalised (full-width letters, ligatures)
before it is read; at most ``MAX_CHARS`` characters are read, ``MAX_TERMS`` words kept and each word is
cut at ``MAX_WORD_CHARS``. The engines build their queries from ``SearchQuery``'s fields (FTS5 quoted strings,
bound ``tsquery`` parameters, the cluster's query DSL), never from the typed text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from content.core import params

DEFINITION_QUESTIONS = ("what is ", "what are ", "what's ", "whats ", "define ", "definition of ", "meaning of ")
MAX_CHARS = 200
MAX_TERMS = 32
MAX_WORD_CHARS = 64
JOINERS = frozenset("-'’")  # inside a word: "looked-after", "council's"
NUMBER_JOINERS = frozenset(",.")  # inside a number: "281,000", "3.5"

Words = tuple[str, ...]
STOP_WORDS = frozenset(
    """a about am an and any are as at be been being but by can could define did do does doing for from had
    has have he her his how i if in into is it its me my no not of on or our she should so such than that the
    their them then there these they this those to us was we were what when where which who whom whose why
    will with would you your""".split()  # noqa: SIM905 - a list of 80 words reads better as text
)


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query. Falsy when there is nothing to look for (only exclusions, or nothing at all)."""

    words: Words = ()
    phrases: tuple[Words, ...] = ()
    excluded: tuple[Words, ...] = ()  # each a word (one item) or a phrase
    # Other names of what was typed (a glossary term's: "cwb" -> "community wealth building"), each matching
    # like one more word. Added by the engines (search.synonyms), never read from the typed text.
    alternatives: tuple[Words, ...] = ()
    asks_definition: bool = False  # "what is …", "define …", "what does … mean": a glossary term ranks higher

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    @property
    def terms(self) -> Words:
        """Every word that should match, phrase words included: for highlighting, suggestions and answers."""
        return self.words + tuple(word for phrase in self.phrases for word in phrase)

    @property
    def plain(self) -> str:
        """The words that should match, as plain text."""
        return " ".join(self.terms)

    @property
    def excluded_words(self) -> Words:
        return tuple(item[0] for item in self.excluded if len(item) == 1)

    @property
    def excluded_phrases(self) -> tuple[Words, ...]:
        return tuple(item for item in self.excluded if len(item) > 1)

    def __str__(self) -> str:
        """The canonical text of the query: what it means, written back in the syntax it was read in."""

        def item(words: Words, quoted: bool) -> str:
            return f'"{" ".join(words)}"' if quoted else words[0]

        parts = [*self.words, *(item(p, True) for p in self.phrases)]
        parts += ["-" + item(e, len(e) > 1) for e in self.excluded]
        return " ".join(parts)


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def _joins(text: str, i: int) -> bool:
    """Whether text[i] continues the word it follows: a hyphen or apostrophe before a letter or digit,
    a comma or full stop between digits ("281,000", "3.5")."""
    if i + 1 >= len(text) or not _is_word_char(text[i + 1]):
        return False
    if text[i] in JOINERS:
        return True
    return text[i] in NUMBER_JOINERS and text[i - 1].isdigit() and text[i + 1].isdigit()


def clean(text: object) -> str:
    """The typed text, normalised and without control characters, at most MAX_CHARS characters; a word the
    limit cuts through is left out ("social capital" repeated was cut to "… socia", which the spelling
    step then corrected)."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFKC", params.strip_controls(text[: MAX_CHARS * 4]))
    longer = params.text(text, MAX_CHARS + 1)
    kept = longer[:MAX_CHARS]
    if len(longer) > MAX_CHARS and not longer[MAX_CHARS].isspace() and " " in kept:
        kept = kept.rsplit(" ", 1)[0]
    return kept.strip()


def _scan(text: str):
    """(kind, value, negated) tokens: ("quote", '"', …) and ("word", "looked-after", …)."""
    i, length = 0, len(text)
    while i < length:
        char = text[i]
        negated = i > 0 and text[i - 1] == "-" and (i == 1 or text[i - 2].isspace())
        if char == '"':
            yield "quote", char, negated
            i += 1
        elif _is_word_char(char):
            start = i
            while i < length and (_is_word_char(text[i]) or (i > start and _joins(text, i))):
                i += 1
            yield "word", text[start:i], negated
        else:
            i += 1


def parse(text: object) -> SearchQuery:
    """Read what a person typed; see the module's docstring for the grammar. Never raises."""
    words: list[str] = []
    phrases: list[Words] = []
    excluded: list[Words] = []
    seen: set[str] = set()
    count = 0
    phrase: list[str] | None = None
    phrase_negated = False

    def close_phrase() -> None:
        if phrase:
            target = excluded if phrase_negated else phrases
            if tuple(phrase) not in target:
                target.append(tuple(phrase))

    for kind, value, negated in _scan(clean(text)):
        if kind == "quote":
            if phrase is None:
                phrase, phrase_negated = [], negated
            else:
                close_phrase()
                phrase = None
            continue
        if count == MAX_TERMS:
            break
        word = value[:MAX_WORD_CHARS].rstrip("".join(JOINERS))
        count += 1
        if phrase is not None:
            phrase.append(word)
        elif negated:
            if (word,) not in excluded:
                excluded.append((word,))
        elif word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    close_phrase()
    content_words = [word for word in words if word.casefold() not in STOP_WORDS]
    if content_words or phrases:
        words = content_words
    return SearchQuery(tuple(words), tuple(phrases), tuple(excluded), asks_definition=_asks_definition(text))


def _asks_definition(text: object) -> bool:
    lowered = " ".join(clean(text).casefold().replace("’", "'").split()).rstrip(" ?")
    return lowered.startswith(DEFINITION_QUESTIONS) or lowered.endswith((" mean", " stand for"))
