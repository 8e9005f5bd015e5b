"""The demo site's search synonyms: what an editor adds after reading the searches that found too little.

Each group is words readers use for the same thing where no glossary term names them all (a definition's
other names are synonyms already). Kept to a few plain pairs a practitioner would agree with.
"""

SEARCH_SYNONYMS = [
    {
        "words": "loneliness, lonely, isolation, isolated",
        "note": "Case studies say 'isolated residents'; readers search for loneliness.",
    },
    {
        "words": "spending decisions, participatory budgeting",
        "note": "Readers ask how residents take part in spending decisions: that is participatory budgeting.",
    },
    {
        "words": "early help, family support",
        "note": "Councils call their family support services 'early help'.",
    },
    {
        "words": "health, wellbeing",
        "note": "Papers write 'wellbeing' where readers type 'health'.",
    },
]
