"""How results are ordered, in one place, so every engine ranks the same way.

A result's score is its text relevance (BM25 on SQLite and OpenSearch, cover density on PostgreSQL),
with the fields weighted as below, then

- multiplied by its kind's weight: papers, definitions and case studies above standard pages when equally
  matched; a definition by ``DEFINITION_QUESTION_BONUS`` more when the query asks what something is
  ("what is …", "define …", "what does … mean");
- multiplied by ``NAME_BONUS`` when the title or one of the other names holds every word typed (the page
  *about* what was asked, above pages that mention it), and by ``EXACT_NAME_BONUS`` more when the title or
  an other name is exactly what was typed ("social capital" above "bonding social capital");
- multiplied by ``TOPIC_BONUS`` when it is filed under a topic whose name holds every word typed (stems
  compared: "regenerating neighbourhoods" and the topic "Neighbourhood regeneration");
- multiplied by ``PHRASE_BONUS`` when the query's words appear together as typed (a phrase), and by
  ``ALL_WORDS_BONUS`` when every word appears somewhere in the entry (scattered words rank lower);
- multiplied by ``1 + RECENCY_WEIGHT * RECENCY_HALF_LIFE_DAYS / (RECENCY_HALF_LIFE_DAYS + age in days)``
  (plain arithmetic, so each database computes it without a user function): up to 1 + RECENCY_WEIGHT for
  an entry dated today, half that at RECENCY_HALF_LIFE_DAYS; a tie-break, never enough to lift a weaker
  match over a stronger one.
"""

from __future__ import annotations

from datetime import date

# Field weights: title, then a definition's other names, then the summary, then the body.
FIELD_WEIGHTS = {"title": 10.0, "keywords": 8.0, "summary": 3.0, "text": 1.0}

KIND_WEIGHTS = {
    "definition": 1.5,
    "paper": 1.5,
    "case_study": 1.3,
    "series": 1.2,
    "blog": 1.0,
    "page": 0.6,
}
DEFAULT_KIND_WEIGHT = 1.0
DEFINITION_QUESTION_BONUS = 2.0
SQLITE_SCORE_FLOOR = 1.0  # added to FTS5's bm25 (see search/engines/database.py)
NAME_BONUS = 2.5
EXACT_NAME_BONUS = 2.0
TOPIC_BONUS = 1.5
PHRASE_BONUS = 1.6
PROXIMITY_BONUS = 1.2  # the words within PROXIMITY_WINDOW words of one another, in any order
PROXIMITY_WINDOW = 8
ALL_WORDS_BONUS = 1.4
RECENCY_WEIGHT = 0.1
RECENCY_HALF_LIFE_DAYS = 730


def kind_weights(asks_definition: bool = False) -> dict[str, float]:
    weights = dict(KIND_WEIGHTS)
    if asks_definition:
        weights["definition"] = weights.get("definition", DEFAULT_KIND_WEIGHT) * DEFINITION_QUESTION_BONUS
    return weights


def kind_weight(kind: str, asks_definition: bool = False) -> float:
    return kind_weights(asks_definition).get(kind, DEFAULT_KIND_WEIGHT)


def recency_factor(day: date | None, today: date | None = None) -> float:
    """1 for an undated entry, up to 1 + RECENCY_WEIGHT for one dated today."""
    if day is None:
        return 1.0
    age = max(0, ((today or date.today()) - day).days)
    return 1.0 + RECENCY_WEIGHT * RECENCY_HALF_LIFE_DAYS / (RECENCY_HALF_LIFE_DAYS + age)
