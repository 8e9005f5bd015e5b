"""Hand-judged search queries for measuring relevance on the hub.

These judgements were written by hand against the demo content in
``content/demo/content/`` (one YAML file per page). Each entry is a
query that a practitioner or local authority officer might realistically type
into the site search, with the pages a good engine should return for it.

Relevance is graded:

* 3 -- the page that should rank first (occasionally two pages tie for that);
* 2 -- clearly relevant;
* 1 -- somewhat relevant;
* a page that is not listed is judged not relevant.

The judgements are for a logged-out reader. For case studies only the public
teaser counts: the title, the local authority's name, the summary and the
topic names. The challenge, what-we-did, outcomes and lessons text is for
members only and has deliberately not influenced any grade, so a case study
is never judged relevant because of something only a member could read.

A misspelt query is judged by what the person meant, as if it were spelt
correctly, and an acronym like its spelt-out name. A quoted phrase or an
excluded word is what the person asked for: a page that does not contain a
quoted phrase, or that contains an excluded word or phrase, is not listed even
if it would be relevant to the words alone. A page is never judged relevant
just because it contains a common word of the query ("data" on the privacy
notice, "Local Trust" for "trust").

Paths are URL paths derived from the slugs in the demo data: papers in the
Social Capital 2025 series at ``/papers/social-capital-2025/<slug>/``, blog
posts at ``/blog/<slug>/``, definitions at ``/definitions/<slug>/``, case
studies at ``/case-studies/<slug>/`` and the standard pages ``/about/``,
``/accessibility/``, ``/privacy/`` and ``/contact/``. No query depends only on
the announced paper ``connected-and-well``, whose body is still empty.
"""

from __future__ import annotations

_SERIES = "/papers/social-capital-2025/"  # papers live under the series page


def _paper(slug: str) -> str:
    return f"{_SERIES}{slug}/"


def _blog(slug: str) -> str:
    return f"/blog/{slug}/"


def _definition(slug: str) -> str:
    return f"/definitions/{slug}/"


def _case_study(slug: str) -> str:
    return f"/case-studies/{slug}/"


# Case study slugs, for readability below.
_CS_STOKE = _case_study("stoke-on-trent-community-wealth-from-the-neighbourhood-up")
_CS_BARNSLEY = _case_study("barnsley-resident-grant-panels")
_CS_LEWISHAM = _case_study("lewisham-early-help-in-familiar-places")
_CS_NORFOLK = _case_study("norfolk-mapping-rural-social-infrastructure")
_CS_HASTINGS = _case_study("hastings-community-asset-transfer")
_CS_BLACKPOOL = _case_study("blackpool-connecting-people-in-inner-wards")
_CS_WEST_MIDLANDS = _case_study("west-midlands-anchor-network-neighbourhoods")
_CS_GATESHEAD = _case_study("gateshead-residents-measuring-social-capital")


JUDGED_QUERIES: list[dict] = [
    # ------------------------------------------------------------------
    # Glossary questions
    # ------------------------------------------------------------------
    {
        "query": "what is social infrastructure",
        "relevant": {
            _definition("social-infrastructure"): 3,
            _blog("what-counts-as-social-infrastructure"): 2,
            _paper("doubly-disadvantaged"): 2,
            _definition("civic-assets"): 1,
            _definition("doubly-disadvantaged-neighbourhoods"): 1,
        },
    },
    {
        "query": "what is social capital",
        "relevant": {
            _definition("social-capital"): 3,
            _paper("the-ties-that-bind"): 2,
            _definition("bonding-social-capital"): 1,
            _definition("bridging-social-capital"): 1,
            _definition("linking-social-capital"): 1,
            _blog("introducing-social-capital-2025"): 1,
        },
    },
    {
        # Bare acronym: the glossary entry lists LAC as an alternative name.
        "query": "LAC",
        "relevant": {
            _definition("looked-after-children"): 3,
            _definition("residential-placement"): 1,
            _paper("safe-at-home"): 1,
        },
    },
    {
        "query": "looked after children",
        "relevant": {
            _definition("looked-after-children"): 3,
            _paper("safe-at-home"): 2,
            _blog("the-case-for-prevention"): 2,
            _definition("residential-placement"): 1,
            # Public teaser is about families and early help; topic "Children and families".
            _CS_LEWISHAM: 1,
        },
    },
    {
        "query": "define community wealth building",
        "relevant": {
            _definition("community-wealth-building"): 3,
            _paper("wealth-from-the-ground-up"): 2,
            _definition("anchor-institutions"): 1,
            _blog("notes-from-stoke-on-trent"): 1,
        },
    },
    {
        "query": "anchor institutions",
        "relevant": {
            _definition("anchor-institutions"): 3,
            _blog("anchors-and-the-neighbourhoods-next-door"): 2,
            _paper("wealth-from-the-ground-up"): 2,
            _CS_WEST_MIDLANDS: 2,
            _definition("community-wealth-building"): 1,
            _definition("community-anchor-organisations"): 1,
        },
    },
    {
        "query": "Preston model",
        "relevant": {
            _definition("community-wealth-building"): 3,
        },
    },
    {
        "query": "left behind neighbourhoods",
        "relevant": {
            _definition("left-behind-neighbourhoods"): 3,
            _definition("doubly-disadvantaged-neighbourhoods"): 2,
            _paper("doubly-disadvantaged"): 2,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        "query": "linking social capital",
        "relevant": {
            _definition("linking-social-capital"): 3,
            _paper("the-ties-that-bind"): 2,
            _definition("social-capital"): 1,
            _paper("patient-money"): 1,
            _blog("participatory-budgeting-lessons"): 1,
        },
    },
    {
        "query": "bonding bridging and linking ties",
        "relevant": {
            _paper("the-ties-that-bind"): 3,
            _definition("social-capital"): 2,
            _definition("bonding-social-capital"): 2,
            _definition("bridging-social-capital"): 2,
            _definition("linking-social-capital"): 2,
        },
    },
    {
        # PB means participatory budgeting: judged like the spelt-out query below.
        "query": "PB",
        "relevant": {
            _definition("participatory-budgeting"): 3,
            _blog("participatory-budgeting-lessons"): 2,
            _paper("patient-money"): 2,
            _CS_BARNSLEY: 1,
        },
    },
    {
        "query": "VCSE",
        "relevant": {
            _definition("voluntary-and-community-sector"): 3,
        },
    },
    {
        "query": "IMD deprivation index",
        "relevant": {
            _definition("indices-of-deprivation"): 3,
            _paper("the-ties-that-bind"): 2,
            _definition("doubly-disadvantaged-neighbourhoods"): 1,
            _CS_NORFOLK: 1,
        },
    },
    {
        "query": "ABCD asset-based community development",
        "relevant": {
            _definition("asset-based-community-development"): 3,
            _blog("notes-from-stoke-on-trent"): 2,
            _paper("wealth-from-the-ground-up"): 1,
            # Teaser: "residents mapped local strengths".
            _CS_STOKE: 1,
        },
    },
    {
        "query": "community anchor organisations",
        "relevant": {
            _definition("community-anchor-organisations"): 3,
            _paper("doubly-disadvantaged"): 2,
            _definition("anchor-institutions"): 1,
            _definition("community-led-regeneration"): 1,
        },
    },
    {
        # American spelling of a glossary term; stemming alone will not map it.
        "query": "community anchor organizations",
        "relevant": {
            _definition("community-anchor-organisations"): 3,
            _paper("doubly-disadvantaged"): 2,
            _definition("anchor-institutions"): 1,
        },
    },
    {
        "query": "early help",
        "relevant": {
            _definition("early-intervention"): 3,
            _CS_LEWISHAM: 2,
            _paper("safe-at-home"): 2,
            # Written by an early help manager about where early intervention happens.
            _blog("the-case-for-prevention"): 2,
        },
    },
    # ------------------------------------------------------------------
    # Paper topics and titles
    # ------------------------------------------------------------------
    {
        "query": "cost of children's residential placements",
        "relevant": {
            _paper("safe-at-home"): 3,
            _blog("the-case-for-prevention"): 2,
            _definition("residential-placement"): 2,
            _definition("looked-after-children"): 1,
        },
    },
    {
        "query": "£281,000",
        "relevant": {
            _blog("the-case-for-prevention"): 3,
            _paper("safe-at-home"): 2,
            _definition("residential-placement"): 2,
        },
    },
    {
        "query": "Social Capital 2025 looked-after children",
        "relevant": {
            _paper("safe-at-home"): 3,
            _definition("looked-after-children"): 2,
            _blog("the-case-for-prevention"): 1,
            _SERIES: 1,
        },
    },
    {
        "query": "social infrastructure and children's social care",
        "relevant": {
            _paper("safe-at-home"): 3,
            _blog("the-case-for-prevention"): 2,
            _CS_LEWISHAM: 2,
            _definition("social-infrastructure"): 1,
        },
    },
    {
        "query": "measuring social capital neighbourhoods",
        "relevant": {
            _paper("the-ties-that-bind"): 3,
            _CS_GATESHEAD: 2,
            _definition("social-capital"): 1,
            _blog("what-counts-as-social-infrastructure"): 1,
            _CS_NORFOLK: 1,
        },
    },
    {
        "query": "Social Capital 2025",
        "relevant": {
            _SERIES: 3,
            _blog("introducing-social-capital-2025"): 2,
            _paper("the-ties-that-bind"): 1,
        },
    },
    {
        "query": "Demos Local Trust research series",
        "relevant": {
            _SERIES: 3,
            _blog("introducing-social-capital-2025"): 2,
            _paper("the-ties-that-bind"): 1,
        },
    },
    {
        "query": "doubly disadvantaged",
        "relevant": {
            _paper("doubly-disadvantaged"): 3,
            _definition("doubly-disadvantaged-neighbourhoods"): 2,
            _blog("revisiting-double-disadvantage"): 2,
            _definition("left-behind-neighbourhoods"): 1,
        },
    },
    {
        "query": "loss of community centres and pubs",
        "relevant": {
            _paper("doubly-disadvantaged"): 3,
            _definition("civic-assets"): 2,
            _definition("social-infrastructure"): 2,
            _blog("what-counts-as-social-infrastructure"): 1,
        },
    },
    {
        "query": "long term funding for communities",
        "relevant": {
            _paper("patient-money"): 3,
            _definition("place-based-funding"): 2,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        "query": "place-based funding",
        "relevant": {
            _definition("place-based-funding"): 3,
            _paper("patient-money"): 2,
            _definition("community-led-regeneration"): 1,
        },
    },
    {
        "query": "Big Local",
        "relevant": {
            _paper("patient-money"): 3,
            _definition("place-based-funding"): 2,
        },
    },
    {
        "query": "neighbourhood regeneration",
        "relevant": {
            _paper("wealth-from-the-ground-up"): 3,
            _definition("community-led-regeneration"): 2,
            _blog("notes-from-stoke-on-trent"): 1,
            _paper("doubly-disadvantaged"): 1,
            _CS_STOKE: 1,
        },
    },
    {
        # American spelling: a decent engine should treat it like the British one.
        "query": "neighborhood regeneration",
        "relevant": {
            _paper("wealth-from-the-ground-up"): 3,
            _definition("community-led-regeneration"): 2,
            _blog("notes-from-stoke-on-trent"): 1,
            _paper("doubly-disadvantaged"): 1,
            _CS_STOKE: 1,
        },
    },
    {
        # Title of the announced paper: fine as a query because the blog post
        # that trails it is also relevant.
        "query": "Connected and well",
        "relevant": {
            _paper("connected-and-well"): 3,
            _blog("revisiting-double-disadvantage"): 2,
        },
    },
    {
        "query": "trust and relationships in neighbourhoods",
        "relevant": {
            _paper("the-ties-that-bind"): 3,
            _definition("social-capital"): 2,
            _blog("introducing-social-capital-2025"): 2,
        },
    },
    # ------------------------------------------------------------------
    # Blog topics
    # ------------------------------------------------------------------
    {
        "query": "participatory budgeting",
        "relevant": {
            _definition("participatory-budgeting"): 3,
            _blog("participatory-budgeting-lessons"): 2,
            _paper("patient-money"): 2,
            # Teaser describes residents deciding on grants, without naming PB.
            _CS_BARNSLEY: 1,
            _definition("linking-social-capital"): 1,
        },
    },
    {
        "query": "lessons from participatory budgeting rounds",
        "relevant": {
            _blog("participatory-budgeting-lessons"): 3,
            _definition("participatory-budgeting"): 2,
            _paper("patient-money"): 2,
            _CS_BARNSLEY: 1,
        },
    },
    {
        "query": "double disadvantage what has changed",
        "relevant": {
            _blog("revisiting-double-disadvantage"): 3,
            _paper("doubly-disadvantaged"): 2,
            _definition("doubly-disadvantaged-neighbourhoods"): 1,
        },
    },
    {
        "query": "why a shared glossary of jargon matters",
        "relevant": {
            _blog("why-a-shared-glossary-matters"): 3,
            _blog("introducing-social-capital-2025"): 1,
            "/about/": 1,
        },
    },
    {
        "query": "hospitals and universities spending in local neighbourhoods",
        "relevant": {
            _blog("anchors-and-the-neighbourhoods-next-door"): 3,
            _CS_WEST_MIDLANDS: 2,
            _definition("anchor-institutions"): 2,
            _paper("wealth-from-the-ground-up"): 1,
        },
    },
    {
        "query": "social value procurement",
        "relevant": {
            _definition("social-value"): 3,
            _CS_STOKE: 2,
            _CS_WEST_MIDLANDS: 2,
            _blog("anchors-and-the-neighbourhoods-next-door"): 2,
            _paper("wealth-from-the-ground-up"): 2,
        },
    },
    {
        "query": "Daniel Mensah prevention",
        "relevant": {
            _blog("the-case-for-prevention"): 3,
            _paper("safe-at-home"): 2,
        },
    },
    # ------------------------------------------------------------------
    # Case-study teasers, by authority or by type
    # ------------------------------------------------------------------
    {
        "query": "Stoke-on-Trent community wealth building",
        "relevant": {
            _CS_STOKE: 3,
            _paper("wealth-from-the-ground-up"): 3,
            _blog("notes-from-stoke-on-trent"): 2,
            _definition("community-wealth-building"): 1,
        },
    },
    {
        # No metropolitan borough case study is about family support, so the
        # family-support case study (a London borough) should still come first;
        # the two metropolitan borough case studies match only the authority type.
        "query": "case studies metropolitan boroughs family support",
        "relevant": {
            _CS_LEWISHAM: 3,
            _CS_BARNSLEY: 1,
            _CS_GATESHEAD: 1,
        },
    },
    {
        "query": "metropolitan borough council case study",
        "relevant": {
            _CS_BARNSLEY: 3,
            _CS_GATESHEAD: 3,
        },
    },
    {
        "query": "London borough early help",
        "relevant": {
            _CS_LEWISHAM: 3,
            _definition("early-intervention"): 2,
            _paper("safe-at-home"): 1,
            _blog("the-case-for-prevention"): 1,
        },
    },
    {
        "query": "Lewisham",
        "relevant": {
            _CS_LEWISHAM: 3,
        },
    },
    {
        "query": "Barnsley mining villages grants",
        "relevant": {
            _CS_BARNSLEY: 3,
        },
    },
    {
        "query": "residents deciding how grants are spent",
        "relevant": {
            _definition("participatory-budgeting"): 3,
            _CS_BARNSLEY: 2,
            _blog("participatory-budgeting-lessons"): 2,
            _paper("patient-money"): 1,
        },
    },
    {
        "query": "Gateshead peer researchers",
        "relevant": {
            _CS_GATESHEAD: 3,
            _paper("the-ties-that-bind"): 1,
        },
    },
    {
        "query": "community asset transfer",
        "relevant": {
            _definition("community-asset-transfer"): 3,
            _CS_HASTINGS: 2,
            _paper("doubly-disadvantaged"): 1,
            _definition("civic-assets"): 1,
        },
    },
    {
        "query": "Hastings asset transfer case study",
        "relevant": {
            _CS_HASTINGS: 3,
            _definition("community-asset-transfer"): 1,
        },
    },
    {
        "query": "transferring council buildings to community groups",
        "relevant": {
            _definition("community-asset-transfer"): 3,
            _CS_HASTINGS: 2,
            _paper("doubly-disadvantaged"): 1,
        },
    },
    {
        "query": "village halls rural Norfolk",
        "relevant": {
            _CS_NORFOLK: 3,
            _definition("civic-assets"): 1,
        },
    },
    {
        "query": "mapping places to meet",
        "relevant": {
            _CS_NORFOLK: 3,
            _paper("the-ties-that-bind"): 2,
            _definition("civic-assets"): 1,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        "query": "Blackpool isolated residents",
        "relevant": {
            _CS_BLACKPOOL: 3,
        },
    },
    {
        "query": "community connectors health and wellbeing",
        "relevant": {
            _CS_BLACKPOOL: 3,
            _paper("connected-and-well"): 1,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        "query": "West Midlands Combined Authority anchor spending",
        "relevant": {
            _CS_WEST_MIDLANDS: 3,
            _blog("anchors-and-the-neighbourhoods-next-door"): 2,
            _definition("anchor-institutions"): 2,
        },
    },
    # ------------------------------------------------------------------
    # Standard pages
    # ------------------------------------------------------------------
    {
        "query": "accessibility statement",
        "relevant": {
            "/accessibility/": 3,
        },
    },
    {
        "query": "contact the network",
        "relevant": {
            "/contact/": 3,
            "/about/": 1,
        },
    },
    {
        "query": "privacy notice",
        "relevant": {
            "/privacy/": 3,
        },
    },
    {
        "query": "how do I delete my account",
        "relevant": {
            "/privacy/": 3,
            "/contact/": 1,
        },
    },
    {
        "query": "who can join the network",
        "relevant": {
            "/about/": 3,
            "/contact/": 2,
        },
    },
    # ------------------------------------------------------------------
    # Misspellings: judged by what the person meant
    # ------------------------------------------------------------------
    {
        # "Resilience" itself appears only in the Doubly disadvantaged PDF
        # report, which search does not read; the pages about neighbourhoods
        # that cope well with hardship are what the person is after.
        "query": "resilence",
        "relevant": {
            _paper("the-ties-that-bind"): 3,
            _paper("doubly-disadvantaged"): 2,
            _definition("bonding-social-capital"): 1,
            _definition("social-capital"): 1,
        },
    },
    {
        # Loneliness is named publicly only in the blog post that trails
        # Connected and well; the Blackpool teaser is about isolated residents
        # (the word itself is in the members' text only).
        "query": "lonliness",
        "relevant": {
            _CS_BLACKPOOL: 3,
            _blog("revisiting-double-disadvantage"): 2,
            _paper("connected-and-well"): 1,
        },
    },
    {
        "query": "partcipatory budgetting",
        "relevant": {
            _definition("participatory-budgeting"): 3,
            _blog("participatory-budgeting-lessons"): 2,
            _paper("patient-money"): 2,
            _CS_BARNSLEY: 1,
            _definition("linking-social-capital"): 1,
        },
    },
    {
        # No page is mainly about volunteering: the glossary entry on the
        # voluntary sector is the nearest, and the Blackpool teaser says many
        # participants went on to volunteer.
        "query": "volunteerng",
        "relevant": {
            _definition("voluntary-and-community-sector"): 3,
            _CS_BLACKPOOL: 2,
            _paper("the-ties-that-bind"): 1,
            _definition("social-capital"): 1,
            _CS_BARNSLEY: 1,
        },
    },
    {
        "query": "comunity wealth bulding",
        "relevant": {
            _definition("community-wealth-building"): 3,
            _paper("wealth-from-the-ground-up"): 2,
            _CS_STOKE: 2,
            _blog("notes-from-stoke-on-trent"): 2,
            _definition("anchor-institutions"): 1,
            _blog("anchors-and-the-neighbourhoods-next-door"): 1,
            _CS_WEST_MIDLANDS: 1,
            _definition("social-value"): 1,
        },
    },
    {
        "query": "socail capital",
        "relevant": {
            _definition("social-capital"): 3,
            _paper("the-ties-that-bind"): 2,
            _SERIES: 2,
            _blog("introducing-social-capital-2025"): 1,
            _CS_GATESHEAD: 1,
            _definition("bonding-social-capital"): 1,
            _definition("bridging-social-capital"): 1,
            _definition("linking-social-capital"): 1,
        },
    },
    {
        "query": "anchor instutions",
        "relevant": {
            _definition("anchor-institutions"): 3,
            _blog("anchors-and-the-neighbourhoods-next-door"): 2,
            _paper("wealth-from-the-ground-up"): 2,
            _CS_WEST_MIDLANDS: 2,
            _definition("community-wealth-building"): 1,
            _definition("community-anchor-organisations"): 1,
        },
    },
    {
        "query": "community assett transfer",
        "relevant": {
            _definition("community-asset-transfer"): 3,
            _CS_HASTINGS: 2,
            _paper("doubly-disadvantaged"): 1,
            _definition("civic-assets"): 1,
        },
    },
    {
        "query": "looked after childen",
        "relevant": {
            _definition("looked-after-children"): 3,
            _paper("safe-at-home"): 2,
            _blog("the-case-for-prevention"): 2,
            _definition("residential-placement"): 1,
            _CS_LEWISHAM: 1,
        },
    },
    {
        "query": "social infrastucture",
        "relevant": {
            _definition("social-infrastructure"): 3,
            _blog("what-counts-as-social-infrastructure"): 2,
            _paper("doubly-disadvantaged"): 2,
            _CS_NORFOLK: 2,
            _definition("civic-assets"): 1,
            _definition("doubly-disadvantaged-neighbourhoods"): 1,
            _paper("safe-at-home"): 1,
        },
    },
    {
        "query": "residental placements",
        "relevant": {
            _definition("residential-placement"): 3,
            _paper("safe-at-home"): 2,
            _blog("the-case-for-prevention"): 2,
            _definition("looked-after-children"): 1,
        },
    },
    {
        "query": "early intervension",
        "relevant": {
            _definition("early-intervention"): 3,
            _paper("safe-at-home"): 2,
            _blog("the-case-for-prevention"): 2,
            # Early help is the glossary's other name for early intervention.
            _CS_LEWISHAM: 2,
            _definition("looked-after-children"): 1,
        },
    },
    {
        "query": "bridgeing social capital",
        "relevant": {
            _definition("bridging-social-capital"): 3,
            _paper("the-ties-that-bind"): 2,
            _definition("social-capital"): 1,
            _definition("bonding-social-capital"): 1,
            _blog("participatory-budgeting-lessons"): 1,
            _paper("patient-money"): 1,
        },
    },
    {
        "query": "accessability statement",
        "relevant": {
            "/accessibility/": 3,
        },
    },
    # ------------------------------------------------------------------
    # Natural questions, as typed (mostly stop words)
    # ------------------------------------------------------------------
    {
        # The glossary entry and the blog post both give the figure as their answer.
        "query": "how much does a residential placement cost",
        "relevant": {
            _definition("residential-placement"): 3,
            _blog("the-case-for-prevention"): 3,
            _paper("safe-at-home"): 2,
            _definition("looked-after-children"): 1,
        },
    },
    {
        # Only the Blackpool case study shows a council acting on isolation; the
        # blog post names loneliness but says what comes next, not what to do.
        "query": "what can a council do about loneliness",
        "relevant": {
            _CS_BLACKPOOL: 3,
            _blog("revisiting-double-disadvantage"): 1,
            _paper("connected-and-well"): 1,
        },
    },
    {
        # No published page sets out such evidence, so nothing is graded 3: the
        # blog post notes that poor health clusters where meeting places were
        # lost, and Connected and well (announced, no body yet) is the paper
        # that will answer the question.
        "query": "is there evidence that social capital improves health",
        "relevant": {
            _blog("revisiting-double-disadvantage"): 2,
            _paper("connected-and-well"): 2,
            _definition("linking-social-capital"): 1,
            _paper("the-ties-that-bind"): 1,
            _blog("anchors-and-the-neighbourhoods-next-door"): 1,
            _CS_BLACKPOOL: 1,
        },
    },
    {
        "query": "where can I find out about community asset transfer",
        "relevant": {
            _definition("community-asset-transfer"): 3,
            _CS_HASTINGS: 2,
            _paper("doubly-disadvantaged"): 1,
            _definition("civic-assets"): 1,
        },
    },
    {
        "query": "what is the difference between bonding and bridging social capital",
        "relevant": {
            _definition("bonding-social-capital"): 3,
            _definition("bridging-social-capital"): 3,
            _definition("social-capital"): 2,
            _paper("the-ties-that-bind"): 2,
            _definition("linking-social-capital"): 1,
        },
    },
    {
        "query": "how can councils measure social capital in a neighbourhood",
        "relevant": {
            _paper("the-ties-that-bind"): 3,
            _CS_GATESHEAD: 2,
            _definition("social-capital"): 2,
            _CS_NORFOLK: 1,
            _blog("introducing-social-capital-2025"): 1,
            _blog("what-counts-as-social-infrastructure"): 1,
        },
    },
    {
        "query": "how can hospitals help the neighbourhoods around them",
        "relevant": {
            _blog("anchors-and-the-neighbourhoods-next-door"): 3,
            _CS_WEST_MIDLANDS: 2,
            _definition("anchor-institutions"): 2,
            _paper("wealth-from-the-ground-up"): 1,
        },
    },
    {
        "query": "why do some deprived neighbourhoods do worse than others",
        "relevant": {
            _paper("doubly-disadvantaged"): 3,
            _definition("doubly-disadvantaged-neighbourhoods"): 2,
            _paper("the-ties-that-bind"): 2,
            _definition("left-behind-neighbourhoods"): 1,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        "query": "what does looked after mean",
        "relevant": {
            _definition("looked-after-children"): 3,
            _definition("residential-placement"): 1,
            _paper("safe-at-home"): 1,
        },
    },
    {
        "query": "how do we get residents involved in spending decisions",
        "relevant": {
            _definition("participatory-budgeting"): 3,
            _blog("participatory-budgeting-lessons"): 2,
            _CS_BARNSLEY: 2,
            _paper("patient-money"): 2,
            # Teaser: residents helped to set the social value asked of contractors.
            _CS_STOKE: 1,
            _definition("community-led-regeneration"): 1,
        },
    },
    {
        "query": "what should a council do before handing a building over to a community group",
        "relevant": {
            _definition("community-asset-transfer"): 3,
            _CS_HASTINGS: 2,
            _paper("doubly-disadvantaged"): 2,
            _definition("civic-assets"): 1,
        },
    },
    {
        "query": "how long should place-based funding last",
        "relevant": {
            _paper("patient-money"): 3,
            _definition("place-based-funding"): 2,
            _definition("community-led-regeneration"): 1,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        "query": "what personal data do you keep about me",
        "relevant": {
            "/privacy/": 3,
            "/contact/": 1,
        },
    },
    {
        "query": "how do I report an accessibility problem",
        "relevant": {
            "/accessibility/": 3,
            "/contact/": 2,
        },
    },
    {
        "query": "is membership free",
        "relevant": {
            "/about/": 3,
            "/contact/": 1,
        },
    },
    # ------------------------------------------------------------------
    # Acronyms, in any case: alternative names in the glossary, or in the text
    # ------------------------------------------------------------------
    {
        "query": "lac",
        "relevant": {
            _definition("looked-after-children"): 3,
            _definition("residential-placement"): 1,
            _paper("safe-at-home"): 1,
        },
    },
    {
        "query": "CLA",
        "relevant": {
            _definition("looked-after-children"): 3,
            _definition("residential-placement"): 1,
            _paper("safe-at-home"): 1,
        },
    },
    {
        "query": "cwb",
        "relevant": {
            _definition("community-wealth-building"): 3,
            _paper("wealth-from-the-ground-up"): 2,
            _CS_STOKE: 2,
            _blog("notes-from-stoke-on-trent"): 2,
            _definition("anchor-institutions"): 1,
            _blog("anchors-and-the-neighbourhoods-next-door"): 1,
            _CS_WEST_MIDLANDS: 1,
            _definition("social-value"): 1,
        },
    },
    {
        "query": "CAT",
        "relevant": {
            _definition("community-asset-transfer"): 3,
            _CS_HASTINGS: 2,
            _paper("doubly-disadvantaged"): 1,
            _definition("civic-assets"): 1,
        },
    },
    {
        "query": "LBNs",
        "relevant": {
            _definition("left-behind-neighbourhoods"): 3,
            _definition("doubly-disadvantaged-neighbourhoods"): 2,
            _paper("doubly-disadvantaged"): 2,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        "query": "imd",
        "relevant": {
            _definition("indices-of-deprivation"): 3,
            _paper("the-ties-that-bind"): 2,
            _definition("doubly-disadvantaged-neighbourhoods"): 1,
            _CS_NORFOLK: 1,
        },
    },
    {
        "query": "Vcse",
        "relevant": {
            _definition("voluntary-and-community-sector"): 3,
        },
    },
    {
        "query": "WCAG",
        "relevant": {
            "/accessibility/": 3,
        },
    },
    {
        "query": "NHS anchor institutions",
        "relevant": {
            _definition("anchor-institutions"): 3,
            _blog("anchors-and-the-neighbourhoods-next-door"): 2,
            _CS_WEST_MIDLANDS: 2,
            _paper("wealth-from-the-ground-up"): 1,
            _definition("community-wealth-building"): 1,
        },
    },
    # ------------------------------------------------------------------
    # Quoted phrases and exclusions: a page must contain each quoted phrase
    # and none of the excluded words to be listed
    # ------------------------------------------------------------------
    {
        # Nothing graded 3: the announced paper on exactly this has no body yet,
        # and the glossary entry only says where the idea came from. Pages that
        # mention health without "social capital" (the blog post on double
        # disadvantage, the Blackpool teaser) do not have the phrase.
        "query": '"social capital" health',
        "relevant": {
            _definition("linking-social-capital"): 2,
            _paper("connected-and-well"): 2,
            _paper("the-ties-that-bind"): 1,
        },
    },
    {
        "query": '"community wealth building"',
        "relevant": {
            _definition("community-wealth-building"): 3,
            _paper("wealth-from-the-ground-up"): 2,
            _CS_STOKE: 2,
            _blog("notes-from-stoke-on-trent"): 2,
            _blog("anchors-and-the-neighbourhoods-next-door"): 1,
            _definition("anchor-institutions"): 1,
            _definition("social-value"): 1,
            # Teaser: "Community wealth building" is one of its topic names.
            _CS_WEST_MIDLANDS: 1,
        },
    },
    {
        "query": '"early help" community venues',
        "relevant": {
            _CS_LEWISHAM: 3,
            _paper("safe-at-home"): 2,
            _blog("the-case-for-prevention"): 2,
            _definition("early-intervention"): 1,
        },
    },
    {
        # The blog post on double disadvantage is relevant to the words but
        # never says "left behind".
        "query": '"left behind" neighbourhoods',
        "relevant": {
            _definition("left-behind-neighbourhoods"): 3,
            _definition("doubly-disadvantaged-neighbourhoods"): 2,
            _paper("doubly-disadvantaged"): 2,
            "/about/": 1,
            _definition("place-based-funding"): 1,
        },
    },
    {
        "query": '"social value"',
        "relevant": {
            _definition("social-value"): 3,
            _paper("wealth-from-the-ground-up"): 2,
            _CS_STOKE: 2,
            _CS_WEST_MIDLANDS: 2,
            _blog("anchors-and-the-neighbourhoods-next-door"): 2,
            _blog("notes-from-stoke-on-trent"): 1,
            _paper("doubly-disadvantaged"): 1,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        # Early help away from Stoke-on-Trent: Safe at home and the prevention
        # blog post both describe Stoke's early help service, so they are out;
        # the person wants practice from elsewhere, so the case study leads.
        "query": '"early help" -Stoke',
        "relevant": {
            _CS_LEWISHAM: 3,
            _definition("early-intervention"): 2,
        },
    },
    {
        # Even the glossary entry and the anchors blog post mention
        # Stoke-on-Trent; what is left is the West Midlands case study and the
        # two glossary entries that name community wealth building.
        "query": '"community wealth building" -Stoke',
        "relevant": {
            _CS_WEST_MIDLANDS: 3,
            _definition("anchor-institutions"): 2,
            _definition("social-value"): 2,
        },
    },
    {
        "query": '"place-based funding" Big Local',
        "relevant": {
            _definition("place-based-funding"): 3,
            _paper("patient-money"): 3,
            _definition("community-led-regeneration"): 1,
            _definition("linking-social-capital"): 1,
            _paper("doubly-disadvantaged"): 1,
        },
    },
    {
        "query": '"peer researchers"',
        "relevant": {
            _CS_GATESHEAD: 3,
        },
    },
    {
        # An alternative name of the glossary entry; no other public page uses
        # the phrase (Safe at home says "looked-after children").
        "query": '"children in care"',
        "relevant": {
            _definition("looked-after-children"): 3,
        },
    },
    {
        # The Stoke case study and the notes from Stoke describe the same
        # approach ("from the neighbourhood up") but never say "bottom-up".
        "query": '"bottom-up" community wealth building',
        "relevant": {
            _paper("wealth-from-the-ground-up"): 3,
            _definition("community-wealth-building"): 2,
            _blog("anchors-and-the-neighbourhoods-next-door"): 1,
            _blog("introducing-social-capital-2025"): 1,
            _definition("asset-based-community-development"): 1,
            "/about/": 1,
        },
    },
    # ------------------------------------------------------------------
    # Single words and short topical queries
    # ------------------------------------------------------------------
    {
        # The about page mentions "health bodies" among possible members: not relevant.
        "query": "health",
        "relevant": {
            _CS_BLACKPOOL: 3,
            _blog("revisiting-double-disadvantage"): 2,
            _blog("anchors-and-the-neighbourhoods-next-door"): 2,
            _paper("connected-and-well"): 2,
            _definition("anchor-institutions"): 1,
            _definition("linking-social-capital"): 1,
        },
    },
    {
        # Trust between people, not "Local Trust" or "NHS trusts", which appear
        # on many pages without making them relevant.
        "query": "trust",
        "relevant": {
            _paper("the-ties-that-bind"): 3,
            _definition("social-capital"): 2,
            _blog("introducing-social-capital-2025"): 2,
            _SERIES: 1,
            _paper("patient-money"): 1,
        },
    },
    {
        "query": "children's social care",
        "relevant": {
            _paper("safe-at-home"): 3,
            _blog("the-case-for-prevention"): 2,
            _definition("looked-after-children"): 2,
            _CS_LEWISHAM: 2,
            _definition("residential-placement"): 1,
            _definition("early-intervention"): 1,
        },
    },
    {
        "query": "village halls",
        "relevant": {
            _CS_NORFOLK: 3,
            _definition("civic-assets"): 2,
        },
    },
    {
        "query": "family support",
        "relevant": {
            _CS_LEWISHAM: 3,
            _paper("safe-at-home"): 2,
            _definition("early-intervention"): 2,
            _blog("the-case-for-prevention"): 1,
        },
    },
    {
        # The privacy notice has both words ("personal data", "network for
        # neighbourhood improvement") but is not what a practitioner means.
        "query": "neighbourhood data",
        "relevant": {
            _paper("the-ties-that-bind"): 3,
            _CS_NORFOLK: 2,
            _definition("indices-of-deprivation"): 2,
            _CS_GATESHEAD: 1,
            _definition("doubly-disadvantaged-neighbourhoods"): 1,
        },
    },
    {
        # The contact page mentions research and papers (whom to email about
        # them) but the person wants the papers themselves.
        "query": "research papers",
        "relevant": {
            _SERIES: 3,
            _paper("the-ties-that-bind"): 2,
            _paper("doubly-disadvantaged"): 2,
            _paper("safe-at-home"): 2,
            _paper("wealth-from-the-ground-up"): 2,
            _paper("patient-money"): 2,
            _paper("connected-and-well"): 1,
            _blog("introducing-social-capital-2025"): 1,
        },
    },
    {
        "query": "membership",
        "relevant": {
            "/about/": 3,
            "/contact/": 2,
            "/privacy/": 1,
        },
    },
    {
        "query": "cookies",
        "relevant": {
            "/privacy/": 3,
        },
    },
    {
        "query": "small grants",
        "relevant": {
            _CS_BARNSLEY: 3,
            _definition("participatory-budgeting"): 2,
            _paper("doubly-disadvantaged"): 1,
            _blog("revisiting-double-disadvantage"): 1,
        },
    },
    {
        "query": "local economy",
        "relevant": {
            _definition("community-wealth-building"): 3,
            _paper("wealth-from-the-ground-up"): 2,
            _definition("anchor-institutions"): 2,
            _blog("anchors-and-the-neighbourhoods-next-door"): 1,
            _CS_STOKE: 1,
            _CS_WEST_MIDLANDS: 1,
        },
    },
    {
        # She co-wrote Wealth from the ground up and is quoted in it. She is
        # also the contact for the Stoke case study, but contacts are members-only,
        # so that case study is not judged relevant.
        "query": "Helen Booth",
        "relevant": {
            _blog("notes-from-stoke-on-trent"): 3,
            _paper("wealth-from-the-ground-up"): 2,
        },
    },
]
