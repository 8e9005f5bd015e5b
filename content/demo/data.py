"""Demo content for the hub.

Sample content only. All people named here are fictional. Organisations are
real, but the papers, blogs and quotations attributed to them are illustrative
demo material. Figures in tables and charts are illustrative unless a source is
given.
"""

from __future__ import annotations

SITE_NAME = "National Network for Neighbourhood Improvement"

HOME = {
    "title": "The hub",
    "hero_heading": "Stronger neighbourhoods, built from the ground up",
    "hero_text": (
        "The hub is home to the national network for neighbourhood improvement: "
        "a place where councils, researchers and community organisations share "
        "evidence and practice on improving England’s most disadvantaged neighbourhoods."
    ),
    "purpose": (
        "<p>The network brings together local authorities, community organisations, "
        "funders and researchers who want to see lasting change in the places that "
        "have too often been left out of regeneration. We believe that neighbourhoods "
        "improve when residents have the spaces, relationships and power to shape "
        "what happens where they live, and when public bodies work with them rather "
        "than around them.</p>"
        "<p>Here you will find our research papers, including the <strong>Social "
        "Capital 2025</strong> series written by Demos with Local Trust and the "
        "network, blogs from practitioners, and a <em>glossary of definitions</em> "
        "that gives everyone working on neighbourhood improvement a shared language.</p>"
    ),
    "signup_heading": "Join the network",
    "signup_text": (
        "If you work in local government or have an interest in neighbourhood "
        "improvement, sign up to get involved. Members follow papers and topics to "
        "hear about new research first, keep a reading list and read case studies; "
        "local government members also share their own."
    ),
    "featured_definitions": [
        "social-infrastructure",
        "doubly-disadvantaged-neighbourhoods",
        "community-wealth-building",
        "social-capital",
    ],
}

TOPICS = [
    {
        "slug": "social-infrastructure",
        "name": "Social infrastructure",
        "description": "The places, spaces and organisations that allow people to meet, connect and act together, and what happens to neighbourhoods when they are lost.",
    },
    {
        "slug": "community-wealth-building",
        "name": "Community wealth building",
        "description": "Approaches that keep more of the wealth generated in a place circulating locally and in the hands of local people.",
    },
    {
        "slug": "children-and-families",
        "name": "Children and families",
        "description": "How neighbourhoods and the organisations within them help families to thrive and reduce the need for crisis intervention in children’s social care.",
    },
    {
        "slug": "neighbourhood-regeneration",
        "name": "Neighbourhood regeneration",
        "description": "Physical, economic and social renewal of neighbourhoods, with a focus on approaches led by residents rather than done to them.",
    },
    {
        "slug": "local-government-finance",
        "name": "Local government finance",
        "description": "Council budgets, demand pressures and the case for spending to prevent problems rather than respond to them.",
    },
    {
        "slug": "volunteering-and-civil-society",
        "name": "Volunteering and civil society",
        "description": "Charities, community groups, faith organisations and volunteers, and the conditions they need to flourish.",
    },
    {
        "slug": "health-and-wellbeing",
        "name": "Health and wellbeing",
        "description": "The links between connected communities, physical and mental health, loneliness and health inequalities.",
    },
    {
        "slug": "measuring-social-capital",
        "name": "Measuring social capital",
        "description": "Data, indicators and methods for understanding the strength of relationships and trust in a place.",
    },
    {
        "slug": "community-power",
        "name": "Community power and participation",
        "description": "Ways of sharing decisions, budgets and assets with residents, from participatory budgeting to community ownership.",
    },
]

ORGANISATIONS = [
    {
        "slug": "neighbourhood-improvement-network",
        "name": "National Network for Neighbourhood Improvement",
        "url": "https://hub.example.org/",
        "description": "A national network of councils, community organisations and researchers working to improve England’s most disadvantaged neighbourhoods through evidence, practice sharing and peer support.",
    },
    {
        "slug": "demos",
        "name": "Demos",
        "url": "https://demos.co.uk/",
        "description": "A cross-party think tank based in London that carries out research and deliberative work on social and public policy. Lead research partner for the Social Capital 2025 series.",
    },
    {
        "slug": "local-trust",
        "name": "Local Trust",
        "url": "https://localtrust.org.uk/",
        "description": "A place-based funder that supports resident-led change, best known for the Big Local programme. Its research on ‘left behind’ neighbourhoods shaped the network’s focus.",
    },
    {
        "slug": "stoke-on-trent-city-council",
        "name": "Stoke-on-Trent City Council",
        "url": "https://www.stoke.gov.uk/",
        "description": "The unitary authority for Stoke-on-Trent, working with the network on neighbourhood regeneration and a bottom-up approach to community wealth building.",
    },
    {
        "slug": "cles",
        "name": "Centre for Local Economic Strategies (CLES)",
        "url": "https://cles.org.uk/",
        "description": "A Manchester-based charity and think tank for local economies, closely associated with the development of community wealth building in the UK.",
    },
    {
        "slug": "ocsi",
        "name": "Oxford Consultants for Social Inclusion (OCSI)",
        "url": "https://ocsi.uk/",
        "description": "A social research organisation that helps public and community sector bodies use local data, including work on measuring social infrastructure and community need.",
    },
]

PEOPLE = [
    {
        "slug": "tom-hargreaves",
        "name": "Tom Hargreaves",
        "job_title": "Head of Research",
        "organisation": "demos",
        "bio": "Tom leads Demos’s work on communities and place. He previously worked in local government policy in the North West and writes about social capital and public service reform.",
    },
    {
        "slug": "amara-okafor",
        "name": "Amara Okafor",
        "job_title": "Senior Researcher",
        "organisation": "demos",
        "bio": "Amara specialises in mixed-methods research on children’s services and civil society. She leads the fieldwork for the Social Capital 2025 series.",
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "job_title": "Head of Research and Learning",
        "organisation": "local-trust",
        "bio": "Priya oversees Local Trust’s research on resident-led change and social infrastructure, drawing on more than a decade of learning from Big Local areas.",
    },
    {
        "slug": "gareth-lloyd",
        "name": "Gareth Lloyd",
        "job_title": "Network Director",
        "organisation": "neighbourhood-improvement-network",
        "bio": "Gareth leads the network and its membership of councils and community organisations. He spent fifteen years in community development in South Wales and the West Midlands.",
    },
    {
        "slug": "sophie-kerr",
        "name": "Sophie Kerr",
        "job_title": "Policy and Practice Lead",
        "organisation": "neighbourhood-improvement-network",
        "bio": "Sophie runs the network’s practice groups and looks after the glossary. She is a former youth worker and neighbourhood manager.",
    },
    {
        "slug": "helen-booth",
        "name": "Helen Booth",
        "job_title": "Strategic Manager, Neighbourhood Regeneration",
        "organisation": "stoke-on-trent-city-council",
        "bio": "Helen leads the council’s neighbourhood regeneration programme and its work to develop a bottom-up approach to community wealth building across the six towns.",
    },
    {
        "slug": "daniel-mensah",
        "name": "Daniel Mensah",
        "job_title": "Service Manager, Early Help and Prevention",
        "organisation": "stoke-on-trent-city-council",
        "bio": "Daniel is a qualified social worker who manages early help services for families and leads the council’s partnerships with the voluntary and community sector.",
    },
    {
        "slug": "rachel-dunmore",
        "name": "Rachel Dunmore",
        "job_title": "Senior Associate",
        "organisation": "cles",
        "bio": "Rachel advises councils and anchor institutions on procurement, employment and land as levers for community wealth building.",
    },
]

SERIES = {
    "slug": "social-capital-2025",
    "title": "Social Capital 2025",
    "intro": "A series of papers by Demos with Local Trust and the national network for neighbourhood improvement on why social capital matters for England’s neighbourhoods, and what councils can do about it.",
    "description": (
        "<p>Social Capital 2025 brings together new analysis, fieldwork and practice "
        "from councils and community organisations to ask a simple question: what "
        "difference do relationships, trust and the places that sustain them make to "
        "the neighbourhoods that need improvement most? Each paper takes one part of "
        "that question, from how we measure social capital to what it means for "
        "children’s social care and local economies.</p>"
        "<p>The series is written by Demos with Local Trust and the network, and draws "
        "on our partnership with Stoke-on-Trent City Council. Papers are released "
        "through the year, each with a short summary, key findings and a downloadable "
        "report. Figures marked as illustrative are included to show the shape of an "
        "argument and should not be cited as research findings.</p>"
    ),
}

PAPERS = [
    # ------------------------------------------------------------------ 1
    {
        "slug": "the-ties-that-bind",
        "title": "The ties that bind",
        "subtitle": "Measuring social capital in England’s neighbourhoods",
        "summary": (
            "The opening paper in the series sets out what we mean by social capital, "
            "why it matters for neighbourhood improvement and how it can be measured "
            "locally. It proposes a practical set of indicators that councils and "
            "community organisations can use alongside the indices of deprivation."
        ),
        "release_date": "2025-03-18",
        "announced": False,
        "authors": [["tom-hargreaves", "Lead author"], ["priya-raman", "Co-author"]],
        "partners": ["demos", "local-trust", "neighbourhood-improvement-network"],
        "topics": ["measuring-social-capital", "social-infrastructure", "volunteering-and-civil-society"],
        "key_findings": [
            "Social capital is not a single quantity: bonding, bridging and linking ties behave differently and should be measured separately.",
            "Deprivation measures on their own miss much of what distinguishes neighbourhoods that cope well with hardship from those that do not.",
            "A useful local picture of social capital can be assembled at low cost from data that councils and community organisations already hold.",
            "Linking social capital, the connections between residents and the institutions that make decisions about them, is the form most often missing in the places that need it most.",
        ],
        "body": [
            ["heading", {"text": "Why social capital, and why now", "level": "h2"}],
            ["paragraph", (
                "<p>Anyone who has worked in a struggling neighbourhood knows that two "
                "places with the same income levels, the same housing stock and the same "
                "unemployment rate can feel entirely different. In one, people know their "
                "neighbours, a tenants’ group meets every month and the local primary "
                "school is a hub for parents. In the other, people keep to themselves, the "
                "community centre closed years ago and nobody is quite sure who to call "
                "when something goes wrong. The difference is what researchers call "
                "[[term:social-capital|social capital]]: the networks, shared norms and "
                "trust that allow people to act together.</p>"
                "<p>For neighbourhood improvement, this is not an abstract point. Public "
                "services lean on social capital every day, whether it is a neighbour "
                "checking on an older resident, a parent volunteering at a youth club or "
                "a residents’ association telling the council about fly-tipping before it "
                "becomes a health hazard. When those ties fray, demand on services rises "
                "and programmes designed from outside struggle to take root.</p>"
            )],
            ["paragraph", (
                "<p>Yet most of the data that councils use to target resources describes "
                "what neighbourhoods lack in material terms. The "
                "[[term:indices-of-deprivation|English Indices of Deprivation]] are an "
                "indispensable tool, but they were never designed to capture relationships, "
                "trust or the presence of places to meet. This paper asks how we can fill "
                "that gap without creating an expensive new survey industry.</p>"
            )],
            ["key_statistic", {
                "figure": "32,844",
                "label": "small areas (lower-layer super output areas) in England ranked by the English Indices of Deprivation 2019",
                "source": "Ministry of Housing, Communities and Local Government (2019) English Indices of Deprivation 2019",
            }],
            ["heading", {"text": "Three kinds of connection", "level": "h2"}],
            ["paragraph", (
                "<p>We follow a well-established distinction between three forms of social "
                "capital. [[term:bonding-social-capital|Bonding social capital]] describes "
                "close ties among people who are alike: family, old friends, members of the "
                "same congregation. [[term:bridging-social-capital|Bridging social capital]] "
                "connects people across differences of age, ethnicity, class or tenure. "
                "[[term:linking-social-capital|Linking social capital]] connects residents "
                "to people and institutions with power and resources, such as councillors, "
                "housing providers, funders and employers.</p>"
                "<p>In our fieldwork, bonding ties were often strong even in the most "
                "deprived neighbourhoods. What distinguished places that were coping from "
                "places that were not was much more often the presence of bridging and "
                "linking ties, and the [[term:social-infrastructure|social infrastructure]] "
                "that makes them possible.</p>"
            )],
            ["chart", {
                "title": "Illustrative social capital profile of two neighbourhoods with similar deprivation scores",
                "unit": "%",
                "alt": "Bar chart comparing two neighbourhoods with similar deprivation scores on three forms of social capital, as the percentage of residents reporting each kind of tie. Bonding ties are similar: 68 per cent in Neighbourhood A and 64 per cent in Neighbourhood B. Bridging ties differ: 51 per cent in A and 29 per cent in B. Linking ties differ most: 38 per cent in A and 14 per cent in B.",
                "caption": "Illustrative figures, based on the pattern observed in our fieldwork rather than on a representative survey.",
                "bars": [
                    ["Bonding (A)", 68], ["Bonding (B)", 64],
                    ["Bridging (A)", 51], ["Bridging (B)", 29],
                    ["Linking (A)", 38], ["Linking (B)", 14],
                ],
            }],
            ["pull_quote", {
                "quote": "Everyone round here would help you out. But if you want something from the council, you need to know someone who knows someone, and we don’t.",
                "attribution": "Resident, focus group in a West Midlands neighbourhood",
            }],
            ["heading", {"text": "A practical measurement framework", "level": "h2"}],
            ["paragraph", (
                "<p>We propose a small set of indicators grouped under four headings: "
                "places to meet, participation, trust and connection to power. None of them "
                "is perfect on its own, and we are wary of turning relationships into a "
                "league table. Used together, and interpreted with residents, they give a "
                "far richer picture than deprivation data alone.</p>"
            )],
            ["table", {
                "caption": "Proposed indicators for local measurement of social capital (illustrative framework)",
                "columns": ["Dimension", "Example indicator", "Likely data source"],
                "rows": [
                    ["Places to meet", "Community spaces open to the public per 1,000 residents", "Council asset register, local directories"],
                    ["Participation", "Active community groups and volunteering opportunities", "Charity Commission data, local infrastructure organisation"],
                    ["Trust", "Residents who feel people in the area can be trusted", "Resident survey or existing council panel"],
                    ["Bridging ties", "Mixed-age and mixed-background activities running regularly", "Community mapping with residents"],
                    ["Connection to power", "Residents who feel able to influence local decisions", "Resident survey, ward councillor records"],
                ],
            }],
            ["paragraph", (
                "<p>Much of this information already exists. Councils hold registers of "
                "[[term:civic-assets|civic assets]], local infrastructure organisations "
                "track the [[term:voluntary-and-community-sector|voluntary and community "
                "sector]] and many authorities run resident panels. The missing ingredient "
                "is usually not data but the habit of bringing it together at "
                "neighbourhood level.</p>"
            )],
            ["heading", {"text": "What this means for practice", "level": "h2"}],
            ["paragraph", (
                "<p>We recommend that councils treat social capital as something to be "
                "measured, protected and invested in, just as they would roads or schools. "
                "In practice, that means three things:</p>"
                "<ul><li>mapping social infrastructure alongside deprivation when deciding "
                "where to target regeneration and prevention spending;</li>"
                "<li>asking residents to help interpret the data, so that numbers are "
                "tested against lived experience;</li>"
                "<li>paying particular attention to linking ties, by creating routes for "
                "residents to influence decisions, from ward forums to "
                "[[term:participatory-budgeting|participatory budgeting]].</li></ul>"
                "<p>The remaining papers in this series apply the framework to particular "
                "questions, starting with the neighbourhoods that Local Trust has described "
                "as [[term:left-behind-neighbourhoods|left behind]].</p>"
            )],
            ["references", [
                {"text": "Putnam, R. D. (2000) Bowling Alone: The Collapse and Revival of American Community. Simon & Schuster.", "url": ""},
                {"text": "Szreter, S. and Woolcock, M. (2004) Health by association? Social capital, social theory, and the political economy of public health. International Journal of Epidemiology, 33(4).", "url": ""},
                {"text": "Ministry of Housing, Communities and Local Government (2019) English Indices of Deprivation 2019.", "url": "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019"},
                {"text": "Local Trust and OCSI (2019) Left behind? Understanding communities on the edge. Local Trust.", "url": "https://www.learningfrombiglocal.org.uk/resources/left-behind-understanding-communities-on-the-edge"},
            ]],
        ],
        "report_sections": [
            ["Introduction", "Neighbourhoods with similar levels of deprivation can have very different experiences of daily life and very different capacities to respond to change. This report argues that much of the difference lies in social capital: the relationships, shared norms and trust that allow residents to act together and to get things done. It is the first in the Social Capital 2025 series, written by Demos with Local Trust and the national network for neighbourhood improvement. It sets out the concepts used throughout the series, reviews the main approaches to measuring social capital and proposes a practical set of indicators that local authorities and community organisations can use at neighbourhood level without commissioning expensive new surveys."],
            ["Defining social capital", "We use a widely accepted distinction between bonding, bridging and linking social capital. Bonding ties connect people who share characteristics and are often strong in close-knit communities. Bridging ties connect people across differences and help information and opportunities travel. Linking ties connect residents to institutions with power and resources. Each plays a different role. Strong bonding ties can sustain people through hardship, but on their own they can also reinforce isolation from wider opportunities. Our fieldwork suggests that bridging and, above all, linking ties are what most often distinguish neighbourhoods that are coping from those that are struggling."],
            ["Limits of existing data", "The English Indices of Deprivation remain the most widely used tool for targeting neighbourhood resources. They rank every small area in England across income, employment, education, health, crime, housing and living environment. But they say little about the social fabric of a place. National surveys that do ask about trust and belonging rarely have sample sizes large enough to say anything useful about a single neighbourhood. As a result, decisions about regeneration and prevention are frequently made with only half the picture, and the loss of community spaces or groups goes unrecorded until its effects show up in demand for services."],
            ["A practical framework", "We propose indicators under four headings: places to meet, participation, trust and connection to power. Most can be drawn from existing sources, including council asset registers, charity data, information held by local infrastructure organisations and resident panels. We recommend that indicators are always interpreted with residents, who can explain what the numbers miss, and that they are not used to produce league tables of neighbourhoods. The framework is intended as a starting point for local adaptation rather than a fixed standard, and the figures in this report are illustrative examples rather than findings."],
            ["Recommendations", "Local authorities should map social infrastructure alongside deprivation when targeting regeneration and prevention spending; involve residents in collecting and interpreting neighbourhood data; and give particular attention to linking social capital by creating clear routes for residents to influence decisions. Funders and national government should support shared, open neighbourhood data on community spaces and organisations, so that every area can build a fuller picture at modest cost. The remaining papers in the series apply this framework to left behind neighbourhoods, children’s social care, community wealth building and long-term place-based funding."],
        ],
    },
    # ------------------------------------------------------------------ 2
    {
        "slug": "doubly-disadvantaged",
        "title": "Doubly disadvantaged",
        "subtitle": "Where deprivation meets missing social infrastructure",
        "summary": (
            "This paper looks at neighbourhoods that combine high deprivation with poor "
            "social infrastructure, the places Local Trust calls ‘left behind’. It "
            "explains why the double disadvantage matters, what residents told us about "
            "the loss of places to meet, and what councils can do to rebuild."
        ),
        "release_date": "2025-05-13",
        "announced": False,
        "authors": [["priya-raman", "Lead author"], ["amara-okafor", "Co-author"]],
        "partners": ["demos", "local-trust", "neighbourhood-improvement-network"],
        "topics": ["social-infrastructure", "neighbourhood-regeneration", "community-power"],
        "key_findings": [
            "Neighbourhoods that are both highly deprived and short of social infrastructure face problems that deprivation alone does not explain.",
            "The loss of a single community building can remove the base for several groups at once, with effects that spread well beyond its walls.",
            "Community anchor organisations are the most reliable route to rebuilding social infrastructure, but they need time and patient support to grow.",
            "Transferring under-used public buildings to community ownership can help, provided groups receive support to manage them sustainably.",
        ],
        "body": [
            ["heading", {"text": "A double disadvantage", "level": "h2"}],
            ["paragraph", (
                "<p>Since 2019, Local Trust and its research partners have drawn attention to "
                "a group of neighbourhoods that are not only among the most deprived in "
                "England but also lack the places, organisations and connections that help "
                "communities to respond. These "
                "[[term:doubly-disadvantaged-neighbourhoods|doubly disadvantaged "
                "neighbourhoods]] tend to be on the edges of towns and cities, often on "
                "post-war estates or in former industrial and coastal areas. They have "
                "fewer community centres, pubs, libraries and sports facilities, fewer "
                "active charities and lower levels of civic participation than other "
                "deprived places.</p>"
                "<p>The term [[term:left-behind-neighbourhoods|left behind neighbourhoods]] "
                "has since entered the vocabulary of government and parliament. It is a "
                "label that some residents dislike, and we use it with care. The point it "
                "captures is important: these places have been left behind not only by "
                "economic change but by the retreat of the shared spaces and institutions "
                "that once held communities together.</p>"
            )],
            ["key_statistic", {
                "figure": "225",
                "label": "neighbourhoods in England identified by Local Trust and OCSI as ‘left behind’: highly deprived and lacking social infrastructure",
                "source": "Local Trust and OCSI, Community Needs Index analysis (2019-2020)",
            }],
            ["heading", {"text": "What residents told us", "level": "h2"}],
            ["paragraph", (
                "<p>Across our fieldwork sites, residents described the same sequence. A "
                "building closes, perhaps a community centre whose lease was not renewed or "
                "a pub converted into flats. The groups that met there, a lunch club, a "
                "boxing club, a parents’ coffee morning, try to find somewhere else and "
                "often cannot. Within a couple of years, the people who ran them have "
                "drifted away, and with them the informal knowledge of who needs help and "
                "how to get it. [[term:social-infrastructure|Social infrastructure]] is "
                "easy to lose and slow to rebuild.</p>"
            )],
            ["pull_quote", {
                "quote": "When the centre shut we didn’t just lose a building. We lost the place where you’d find out what was going on, and who to ask.",
                "attribution": "Volunteer, community group in the East Midlands",
            }],
            ["chart", {
                "title": "Illustrative count of community spaces per 10,000 residents by neighbourhood type",
                "unit": "per 10,000 residents",
                "alt": "Bar chart showing illustrative numbers of community spaces per 10,000 residents for three types of neighbourhood. Doubly disadvantaged neighbourhoods have about 3. Other deprived neighbourhoods have about 7. The England average is about 8.",
                "caption": "Illustrative figures to show the pattern described in Local Trust’s research; not official statistics.",
                "bars": [
                    ["Doubly disadvantaged", 3],
                    ["Other deprived areas", 7],
                    ["England average", 8],
                ],
            }],
            ["heading", {"text": "Rebuilding from the ground up", "level": "h2"}],
            ["paragraph", (
                "<p>The most promising routes we found all put residents in the lead. "
                "[[term:community-anchor-organisations|Community anchor organisations]], "
                "multi-purpose bodies rooted in a neighbourhood and controlled by local "
                "people, were at the heart of almost every success story. They host other "
                "groups, hold assets, employ local people and act as a trusted go-between "
                "with the council and other agencies.</p>"
                "<p>Ownership matters too. Several councils in our network have used "
                "[[term:community-asset-transfer|community asset transfer]] to hand "
                "under-used buildings to local groups. Where this worked, it came with "
                "support: a realistic business plan, help with repairs and a period of "
                "shared risk. Where it did not, groups found themselves holding a "
                "liability rather than an asset.</p>"
            )],
            ["table", {
                "caption": "Approaches to rebuilding social infrastructure and their typical requirements (illustrative)",
                "columns": ["Approach", "What it involves", "What it needs to succeed"],
                "rows": [
                    ["Community anchor organisation", "A resident-controlled body that hosts groups and services", "Core funding for several years and a building"],
                    ["Community asset transfer", "Transfer of a public building to community ownership", "Repairs, a business plan and shared risk at the start"],
                    ["Small grants for groups", "Modest funds for new or existing activities", "Simple application and light-touch reporting"],
                    ["Shared-use agreements", "Opening schools, libraries or churches to community use", "A named contact, insurance and out-of-hours access"],
                ],
            }],
            ["heading", {"text": "Recommendations", "level": "h2"}],
            ["paragraph", (
                "<p>We recommend that councils identify doubly disadvantaged neighbourhoods "
                "within their boundaries using both the "
                "[[term:indices-of-deprivation|indices of deprivation]] and local "
                "information about [[term:civic-assets|civic assets]]; protect remaining "
                "community spaces by considering social value before disposals; and "
                "prioritise long-term, resident-led investment over short competitive "
                "funding rounds. National funders should recognise that these places "
                "often lack the capacity to bid for money in the first place, and design "
                "[[term:place-based-funding|place-based funding]] accordingly.</p>"
            )],
            ["references", [
                {"text": "Local Trust and OCSI (2019) Left behind? Understanding communities on the edge. Local Trust.", "url": "https://www.learningfrombiglocal.org.uk/resources/left-behind-understanding-communities-on-the-edge"},
                {"text": "All-Party Parliamentary Group for ‘left behind’ neighbourhoods (2020) Communities of trust: why we must invest in the social infrastructure of ‘left behind’ neighbourhoods. Local Trust.", "url": "https://localtrust.org.uk/insights/research/communities-of-trust-why-we-must-invest-in-the-social-infrastructure-of-left-behind-neighbourhoods"},
                {"text": "Klinenberg, E. (2018) Palaces for the People: How Social Infrastructure Can Help Fight Inequality, Polarization, and the Decline of Civic Life. Crown.", "url": ""},
            ]],
        ],
        "report_sections": [
            ["Introduction", "This report, the second in the Social Capital 2025 series, examines neighbourhoods that combine high levels of deprivation with poor social infrastructure. Drawing on Local Trust’s research on left behind neighbourhoods and on fieldwork in network member areas, it explains why the combination matters, how residents experience the loss of shared spaces and organisations, and what local authorities, funders and community organisations can do to rebuild. We use the term left behind with care, recognising that many residents reject it, but we believe the underlying analysis is essential for anyone targeting neighbourhood improvement."],
            ["Understanding double disadvantage", "Deprivation measures describe what households lack: income, work, good health, decent housing. Social infrastructure describes what a neighbourhood has in common: places to meet, active organisations and connections to the wider world. Neighbourhoods that are short of both face a compounding problem. Residents have greater need for support and fewer routes to find it. Outside investment struggles because there are few local organisations able to receive and direct it. Over time, lower participation and trust make it harder still to organise. This combination, rather than deprivation alone, helps explain why some places have seen little benefit from successive regeneration programmes."],
            ["Residents’ experiences", "Residents in our fieldwork areas described how the closure of a single building could unravel a web of activity. Groups that lost their meeting place frequently folded within two years. Volunteers described feeling that the neighbourhood had been forgotten, and some described a loss of confidence that anything could change. At the same time, we found striking examples of resilience: residents running activities from kitchens, church halls and school playgrounds, and small groups that had grown into organisations employing local people."],
            ["Routes to rebuilding", "Community anchor organisations were central to almost every successful example we found. Controlled by residents and rooted in place, they provide a home for other groups and a trusted link with public agencies. Community asset transfer can give such organisations a base, but only where it comes with repairs, a realistic business plan and a period of shared risk. Lighter-touch measures, such as small grants and shared-use agreements for schools and libraries, can quickly reopen space for activity while longer-term plans are developed."],
            ["Recommendations", "Councils should identify doubly disadvantaged neighbourhoods using both deprivation data and local knowledge of civic assets; assess social value before disposing of community buildings; and prefer long-term, resident-led investment over short competitive funding rounds. Funders should design place-based programmes that do not require communities to have capacity before they can receive support. National government should ensure that future neighbourhood renewal policy explicitly targets social infrastructure as well as economic need. Community organisations, for their part, can help by recording what spaces and groups exist in their area and sharing that knowledge with councils."],
        ],
    },
    # ------------------------------------------------------------------ 3
    {
        "slug": "safe-at-home",
        "title": "Safe at home",
        "subtitle": "Social infrastructure, the voluntary sector and children’s social care",
        "summary": (
            "Neighbourhoods with a stronger voluntary and community sector and better "
            "social infrastructure tend to see fewer children needing crisis intervention. "
            "This paper explores why, what it means for councils facing rising children’s "
            "social care costs, and how early help can be built with communities."
        ),
        "release_date": "2025-07-08",
        "announced": False,
        "authors": [["amara-okafor", "Lead author"], ["daniel-mensah", "Co-author"], ["sophie-kerr", "Co-author"]],
        "partners": ["demos", "local-trust", "neighbourhood-improvement-network", "stoke-on-trent-city-council"],
        "topics": ["children-and-families", "social-infrastructure", "local-government-finance", "volunteering-and-civil-society"],
        "key_findings": [
            "Areas with more social infrastructure and a stronger voluntary and community sector tend to have fewer children needing crisis intervention from children’s social care.",
            "The average annual cost to a local authority of a child’s residential placement is £281,000, so even small reductions in crisis demand free up significant resources.",
            "Families are more likely to accept early help when it is offered by trusted local organisations rather than statutory services alone.",
            "Councils can strengthen prevention by funding community organisations for the long term and involving them in designing family support.",
        ],
        "body": [
            ["heading", {"text": "The pressure on children’s social care", "level": "h2"}],
            ["paragraph", (
                "<p>Children’s social care has become one of the largest and fastest-growing "
                "pressures on council budgets. The number of "
                "[[term:looked-after-children|looked-after children]] in England has risen "
                "over the past decade, and the cost of care has risen faster still, driven "
                "in large part by a shortage of foster carers and growing reliance on "
                "[[term:residential-placement|residential placements]] provided by "
                "independent companies. For many councils, money spent on crisis "
                "intervention is money that cannot be spent on the services that might "
                "have prevented the crisis.</p>"
            )],
            ["key_statistic", {
                "figure": "£281,000",
                "label": "average annual cost to a local authority of a child’s residential placement",
                "source": "Demos, Local Trust and the national network for neighbourhood improvement, Social Capital 2025",
            }],
            ["paragraph", (
                "<p>Behind that figure are children whose lives have been disrupted, often "
                "placed many miles from their school, friends and family. Nobody argues that "
                "residential care is never the right answer. But there is broad agreement, "
                "reflected in the Independent Review of Children’s Social Care, that too "
                "many families reach crisis point without having received help early "
                "enough, and that support rooted in communities is a large part of the "
                "answer.</p>"
            )],
            ["heading", {"text": "What neighbourhoods contribute", "level": "h2"}],
            ["paragraph", (
                "<p>Our analysis found that neighbourhoods with richer "
                "[[term:social-infrastructure|social infrastructure]] and a stronger "
                "[[term:voluntary-and-community-sector|voluntary and community sector]] "
                "tend to have fewer children needing crisis intervention, even once "
                "deprivation is taken into account. This is an association rather than "
                "proof of cause, but the mechanisms described by families and practitioners "
                "are plausible and consistent.</p>"
                "<p>Community organisations offer parents somewhere to go before problems "
                "become emergencies: a baby group where a health visitor drops in, a food "
                "club where someone notices that a family is struggling, a youth project "
                "that keeps a teenager out of harm’s way. They also help build the "
                "[[term:bonding-social-capital|bonding]] and "
                "[[term:bridging-social-capital|bridging]] ties that give families a "
                "network to fall back on.</p>"
            )],
            ["chart", {
                "title": "Illustrative rate of children entering care per 10,000 children, by level of neighbourhood social infrastructure",
                "unit": "per 10,000 children",
                "alt": "Bar chart of an illustrative model showing the rate of children entering care per 10,000 children falling as social infrastructure increases, among neighbourhoods with similar deprivation. The lowest social infrastructure group has a rate of 42, the second group 36, the middle group 31, the fourth group 27 and the highest social infrastructure group 24.",
                "caption": "Illustrative modelled figures showing the direction of the association found; not published statistics.",
                "bars": [
                    ["Lowest", 42], ["Low", 36], ["Middle", 31], ["High", 27], ["Highest", 24],
                ],
            }],
            ["pull_quote", {
                "quote": "Families will walk through the door of the community centre long before they will pick up the phone to children’s services. That’s where early help has to start.",
                "attribution": "Family support worker, Stoke-on-Trent",
            }],
            ["heading", {"text": "Building early help with communities", "level": "h2"}],
            ["paragraph", (
                "<p>In Stoke-on-Trent, the council’s early help service has been working "
                "with community organisations to bring family support into familiar local "
                "settings. Rather than commissioning a single provider for the whole city, "
                "the approach funds a mix of [[term:community-anchor-organisations|community "
                "anchor organisations]] and smaller groups in each locality, with social "
                "workers and family practitioners based alongside them for part of the "
                "week. It is too early to judge the long-term results, but practitioners "
                "report earlier referrals and stronger relationships with families who "
                "had previously avoided contact.</p>"
            )],
            ["table", {
                "caption": "A continuum of support for families (illustrative)",
                "columns": ["Level of need", "Typical response", "Who usually delivers it", "Relative cost"],
                "rows": [
                    ["Universal", "Play groups, youth clubs, community activities", "Voluntary and community groups, schools", "Low"],
                    ["Emerging needs", "Parenting support, mentoring, debt advice", "Community organisations with early help teams", "Low to medium"],
                    ["Complex needs", "Family support plan, targeted intervention", "Council early help and partners", "Medium"],
                    ["Significant harm", "Child protection, care proceedings", "Children’s social care", "High"],
                    ["Care", "Foster care or residential placement", "Council and independent providers", "Very high"],
                ],
            }],
            ["heading", {"text": "Recommendations", "level": "h2"}],
            ["paragraph", (
                "<p>We recommend that councils:</p>"
                "<ul><li>treat investment in social infrastructure as part of their "
                "children’s services strategy, not a separate community budget;</li>"
                "<li>fund community organisations on multi-year terms to deliver "
                "[[term:early-intervention|early intervention]], with light-touch reporting "
                "focused on relationships and outcomes;</li>"
                "<li>co-locate early help practitioners in trusted community settings;</li>"
                "<li>use [[term:doubly-disadvantaged-neighbourhoods|doubly disadvantaged]] "
                "neighbourhood data to target prevention where social infrastructure is "
                "weakest.</li></ul>"
            )],
            ["references", [
                {"text": "MacAlister, J. (2022) The Independent Review of Children’s Social Care: Final Report. Independent Review of Children’s Social Care.", "url": ""},
                {"text": "Competition and Markets Authority (2022) Children’s social care market study: final report. CMA.", "url": ""},
                {"text": "Allen, G. (2011) Early Intervention: The Next Steps. HM Government.", "url": ""},
                {"text": "Children Act 1989. legislation.gov.uk.", "url": "https://www.legislation.gov.uk/ukpga/1989/41/contents"},
            ]],
        ],
        "report_sections": [
            ["Introduction", "This report, the third in the Social Capital 2025 series, explores the relationship between neighbourhood social infrastructure, the presence of the voluntary and community sector, and demand for children’s social care. It is written by Demos with Local Trust and the national network for neighbourhood improvement, with practice input from Stoke-on-Trent City Council’s early help service. Its starting point is the growing financial and human cost of crisis intervention, and the widely shared view that many families reach crisis without having received the help they needed earlier."],
            ["The cost of crisis", "Spending on children’s social care has grown rapidly in recent years, driven by rising numbers of children in care, the increasing complexity of their needs and a shortage of foster carers that has increased reliance on residential placements. The average annual cost to a local authority of a child’s residential placement is £281,000. Placements are frequently made far from a child’s home area, separating children from school, friends and family. The cost of these placements limits what councils can spend on family support and preventive services, creating a cycle in which crisis demand crowds out the help that might reduce it."],
            ["Neighbourhoods and prevention", "Our analysis found that neighbourhoods with stronger social infrastructure and more voluntary and community sector activity tend to see fewer children needing crisis intervention, after accounting for deprivation. We treat this as an association rather than proof of cause. Interviews with parents and practitioners suggest several mechanisms: community organisations provide accessible, non-stigmatising places to seek help; they notice signs of strain early; they help families build networks of support; and they give young people safe activities and trusted adults outside the home."],
            ["Practice in Stoke-on-Trent", "Stoke-on-Trent City Council’s early help service has begun to fund a mix of community anchor organisations and smaller local groups across the city, with social workers and family practitioners spending part of each week in community settings. Early feedback from practitioners points to earlier referrals and improved engagement with families who had previously avoided statutory services. A fuller evaluation will be needed before drawing firm conclusions about outcomes or savings. The council and the network plan to track referral patterns, family feedback and the stability of community partners over the next three years, and to publish what they learn, including what does not work."],
            ["Recommendations", "Councils should treat investment in social infrastructure as part of their strategy for children and families; fund community organisations on multi-year terms to deliver early help; co-locate practitioners in trusted community settings; and use neighbourhood data on deprivation and social infrastructure to target prevention. National government should recognise the role of community organisations in the reform of children’s social care and ensure that funding for family help reaches them on a stable, long-term basis. Above all, prevention should be designed with families and the organisations they trust, not simply delivered to them."],
        ],
    },
    # ------------------------------------------------------------------ 4
    {
        "slug": "wealth-from-the-ground-up",
        "title": "Wealth from the ground up",
        "subtitle": "Community wealth building and neighbourhood regeneration in Stoke-on-Trent",
        "summary": (
            "Community wealth building is usually described as a strategy for anchor "
            "institutions. Drawing on the network’s work with Stoke-on-Trent City "
            "Council, this paper argues for a bottom-up approach that starts in "
            "neighbourhoods and treats social capital as part of local wealth."
        ),
        "release_date": "2025-09-23",
        "announced": False,
        "authors": [["tom-hargreaves", "Lead author"], ["helen-booth", "Co-author"], ["rachel-dunmore", "Co-author"]],
        "partners": ["demos", "local-trust", "neighbourhood-improvement-network", "stoke-on-trent-city-council", "cles"],
        "topics": ["community-wealth-building", "neighbourhood-regeneration", "community-power", "local-government-finance"],
        "key_findings": [
            "Community wealth building works best when anchor institution strategies are matched by investment in neighbourhood-level organisations that can benefit from them.",
            "A bottom-up approach in Stoke-on-Trent has begun with residents’ own priorities for their neighbourhoods rather than a city-wide procurement plan.",
            "Social value commitments in contracts are more meaningful when community organisations help to define and monitor them.",
            "Community ownership of land and buildings gives neighbourhoods a lasting stake in regeneration.",
        ],
        "body": [
            ["heading", {"text": "From the top down to the bottom up", "level": "h2"}],
            ["paragraph", (
                "<p>[[term:community-wealth-building|Community wealth building]] has become "
                "one of the most influential ideas in UK local economic policy. Its core "
                "insight is that the money already spent in a place, by councils, hospitals, "
                "universities and housing associations, can be directed to build a fairer "
                "local economy: buying from local firms, employing local people, using land "
                "for community benefit and supporting forms of ownership that keep wealth "
                "local. These large, rooted organisations are known as "
                "[[term:anchor-institutions|anchor institutions]].</p>"
                "<p>Most community wealth building strategies start with anchors and work "
                "outwards. That has produced real gains. But practitioners in our network "
                "have noticed a gap: in the most disadvantaged neighbourhoods, there are "
                "often too few local businesses, co-operatives or community organisations "
                "ready to benefit when an anchor changes the way it spends.</p>"
            )],
            ["key_statistic", {
                "figure": "5",
                "label": "pillars of community wealth building: spending, workforce, land and property, finance, and plural ownership of the economy",
                "source": "Centre for Local Economic Strategies (CLES)",
            }],
            ["heading", {"text": "The Stoke-on-Trent approach", "level": "h2"}],
            ["paragraph", (
                "<p>Stoke-on-Trent is a polycentric city of six towns, with a proud "
                "industrial history and neighbourhoods that have experienced decades of "
                "economic change. Working with the network, the city council has been "
                "developing a bottom-up approach that begins with neighbourhoods rather "
                "than procurement. Council officers, ward members and local organisations "
                "have held conversations in each area about what residents value, what "
                "they want to change and which local assets, from buildings and green "
                "spaces to skills and networks, could be built on.</p>"
                "<p>This draws explicitly on "
                "[[term:asset-based-community-development|asset-based community "
                "development]]: starting with what a neighbourhood has rather than what it "
                "lacks. It also treats social capital as a form of local wealth, something "
                "to be grown and protected alongside jobs and income.</p>"
            )],
            ["pull_quote", {
                "quote": "We had a community wealth building strategy on paper. What we didn’t have was a way for people on our estates to see themselves in it.",
                "attribution": "Helen Booth, Stoke-on-Trent City Council",
            }],
            ["paragraph", (
                "<p>Three strands of work have emerged. First, the council is using "
                "[[term:social-value|social value]] commitments in contracts more "
                "deliberately, with neighbourhood organisations helping to decide what "
                "those commitments should be and whether they are met. Second, it is "
                "exploring [[term:community-asset-transfer|community asset transfer]] of "
                "buildings that could become bases for local enterprise and activity. "
                "Third, it is testing small neighbourhood funds in which residents decide "
                "priorities through [[term:participatory-budgeting|participatory "
                "budgeting]].</p>"
            )],
            ["table", {
                "caption": "Top-down and bottom-up approaches to community wealth building compared (illustrative)",
                "columns": ["Feature", "Anchor-led (top-down)", "Neighbourhood-led (bottom-up)"],
                "rows": [
                    ["Starting point", "Anchor spending and employment data", "Residents’ priorities and local assets"],
                    ["Main levers", "Procurement, recruitment, land", "Community ownership, local enterprise, social value"],
                    ["Who decides", "Anchor institution leaders", "Residents with council and anchors"],
                    ["Typical timescale", "Two to five years", "Five to ten years or more"],
                    ["Main risk", "Benefits bypass the poorest areas", "Slow progress and limited scale"],
                ],
            }],
            ["heading", {"text": "Early signs of change", "level": "h2"}],
            ["paragraph", (
                "<p>It is too early to measure economic impact, and we are cautious about "
                "claiming it. But there are signs of change in how residents and "
                "organisations relate to the council. The chart below shows how many "
                "neighbourhood organisations took part in each stage of the process in "
                "the pilot areas, illustrating how engagement grew as residents saw that "
                "their priorities were being acted on.</p>"
            )],
            ["chart", {
                "title": "Illustrative number of neighbourhood organisations taking part at each stage of the pilot",
                "alt": "Bar chart showing illustrative numbers of neighbourhood organisations involved at four stages of the Stoke-on-Trent pilot. 12 organisations took part in initial conversations, 19 in asset mapping, 26 in priority setting and 31 in participatory budgeting rounds.",
                "caption": "Illustrative figures describing the pattern of engagement in pilot areas.",
                "bars": [
                    ["Conversations", 12], ["Asset mapping", 19], ["Priority setting", 26], ["Budgeting rounds", 31],
                ],
            }],
            ["heading", {"text": "Lessons for other places", "level": "h2"}],
            ["paragraph", (
                "<p>Our central lesson is that anchor strategies and neighbourhood work "
                "need each other. Without anchors, neighbourhoods lack the spending power "
                "to change local economies. Without investment in neighbourhood "
                "organisations, and in the [[term:community-led-regeneration|community-led "
                "regeneration]] that they make possible, the benefits of anchor spending "
                "flow to places that are already doing well. Councils should build both "
                "into a single strategy, with patient funding for community organisations "
                "in the most disadvantaged areas.</p>"
            )],
            ["references", [
                {"text": "Centre for Local Economic Strategies (2019) Community wealth building 2019: theory, practice and next steps. CLES.", "url": "https://cles.org.uk/community-wealth-building/"},
                {"text": "Kretzmann, J. P. and McKnight, J. L. (1993) Building Communities from the Inside Out: A Path Toward Finding and Mobilizing a Community’s Assets. ACTA Publications.", "url": ""},
                {"text": "Public Services (Social Value) Act 2012. legislation.gov.uk.", "url": "https://www.legislation.gov.uk/ukpga/2012/3/enacted"},
            ]],
        ],
        "report_sections": [
            ["Introduction", "This report, the fourth in the Social Capital 2025 series, examines community wealth building through the lens of neighbourhoods. It draws on the network’s partnership with Stoke-on-Trent City Council, which has been developing a bottom-up approach to community wealth building and neighbourhood regeneration. The report is written by Demos with Local Trust and the national network for neighbourhood improvement, with input from the Centre for Local Economic Strategies. It argues that community wealth building reaches its potential only when strategies led by anchor institutions are matched by investment in the social capital and organisations of the neighbourhoods they aim to benefit."],
            ["Community wealth building in context", "Community wealth building seeks to change how local economies work by directing the spending, employment and assets of anchor institutions towards local benefit. Its five commonly described pillars are progressive procurement, fair employment, socially productive use of land and property, finance that stays local, and plural ownership of the economy. Across the UK, councils have used it to increase local spending and to support co-operatives and social enterprises. However, practitioners report that the most disadvantaged neighbourhoods often lack the organisations needed to benefit from these changes. Without deliberate action, the gains from anchor strategies can flow mainly to areas that already have strong local businesses and active civil society."],
            ["A bottom-up approach", "In Stoke-on-Trent, the city council has begun with neighbourhood conversations about what residents value and want to change, drawing on asset-based community development. These conversations informed three strands of work: defining and monitoring social value commitments with neighbourhood organisations; exploring community asset transfer of buildings that could host local enterprise and activity; and piloting small neighbourhood funds allocated through participatory budgeting. Social capital is treated as part of local wealth, to be grown alongside jobs and income. Ward councillors have played an important role as connectors between residents and council services."],
            ["Emerging lessons", "Early experience suggests that engagement grows when residents see their priorities acted on, that social value commitments are more meaningful when community organisations help shape them, and that community ownership gives neighbourhoods a lasting stake in regeneration. The approach is slower than anchor-led strategies and its economic impact is not yet measurable. Figures presented in this report are illustrative descriptions of engagement rather than evaluated outcomes. The council has also learned that internal processes, from finance to property management, need to adapt if neighbourhood-led work is to move at the pace residents expect."],
            ["Recommendations", "Councils should combine anchor-led and neighbourhood-led community wealth building in a single strategy; provide patient, multi-year funding for community organisations in the most disadvantaged neighbourhoods; involve residents in defining social value; and use land and buildings to create community-owned bases for enterprise and activity. Anchor institutions should work with councils to ensure that changes in spending and recruitment reach the neighbourhoods with the least capacity to benefit unaided. Progress should be reported openly to residents, in plain language, at neighbourhood level."],
        ],
    },
    # ------------------------------------------------------------------ 5
    {
        "slug": "patient-money",
        "title": "Patient money",
        "subtitle": "Place-based funding and the long-term value of social capital",
        "summary": (
            "Short, competitive funding rounds tend to reward places that already have "
            "capacity. This paper draws on learning from long-term, resident-led funding "
            "to set out how councils and funders can invest in social capital in the "
            "places that need it most, and how local government finance could support it."
        ),
        "release_date": "2025-11-18",
        "announced": False,
        "authors": [["sophie-kerr", "Lead author"], ["priya-raman", "Co-author"], ["tom-hargreaves", "Co-author"]],
        "partners": ["demos", "local-trust", "neighbourhood-improvement-network"],
        "topics": ["local-government-finance", "community-power", "volunteering-and-civil-society", "neighbourhood-regeneration"],
        "key_findings": [
            "Competitive, short-term funding tends to flow to places with existing capacity, widening the gap between neighbourhoods.",
            "Long-term, resident-led funding builds confidence and skills that outlast individual projects.",
            "Participatory budgeting is a useful entry point for residents, but works best as part of a longer relationship rather than a one-off event.",
            "Councils can support patient funding by pooling budgets across services and measuring preventive returns over several years.",
        ],
        "body": [
            ["heading", {"text": "The problem with bidding", "level": "h2"}],
            ["paragraph", (
                "<p>Over the past fifteen years, much of the money available for "
                "neighbourhood improvement has been distributed through competitions. "
                "Councils and community groups bid against each other, often to tight "
                "deadlines, for funds that must be spent within a year or two. This "
                "favours places that already have experienced bid writers, established "
                "organisations and good relationships with funders. The "
                "[[term:doubly-disadvantaged-neighbourhoods|doubly disadvantaged "
                "neighbourhoods]] that most need investment are, almost by definition, "
                "least equipped to win it.</p>"
                "<p>There is an alternative. [[term:place-based-funding|Place-based "
                "funding]] that is long-term, flexible and controlled by residents gives "
                "communities the time to build relationships, try things, make mistakes "
                "and learn. Its returns are real, but they take years to show.</p>"
            )],
            ["key_statistic", {
                "figure": "150",
                "label": "Big Local areas in England each trusted with at least £1 million of resident-led funding to spend over 10 to 15 years",
                "source": "Local Trust, Big Local programme",
            }],
            ["heading", {"text": "What long-term funding builds", "level": "h2"}],
            ["paragraph", (
                "<p>Learning from long-term programmes such as Big Local points to gains "
                "that short-term projects rarely achieve. Residents who started by "
                "attending a single meeting have gone on to chair partnerships, manage "
                "budgets and negotiate with councils and housing associations. Local "
                "groups have become [[term:community-anchor-organisations|community anchor "
                "organisations]], employing local people and holding buildings. In the "
                "language of the first paper in this series, patient funding builds "
                "[[term:linking-social-capital|linking social capital]]: it connects "
                "residents to power.</p>"
            )],
            ["pull_quote", {
                "quote": "The first two years were mostly about learning to trust each other. If the money had stopped then, you would have called it a failure. Ten years on, we run the community hub.",
                "attribution": "Resident and partnership chair, North West England",
            }],
            ["chart", {
                "title": "Illustrative share of residents’ time spent on different activities over a ten-year funding programme",
                "unit": "%",
                "alt": "Bar chart of an illustrative ten-year programme showing the percentage of partnership effort spent on building relationships and capacity falling over time while effort on delivering projects rises: relationships and capacity 70 per cent in years one to two, 45 per cent in years three to five and 25 per cent in years six to ten; delivering projects 30 per cent, 55 per cent and 75 per cent in the same periods.",
                "caption": "Illustrative figures showing a typical pattern; not drawn from a specific evaluation.",
                "bars": [
                    ["Capacity, yrs 1-2", 70], ["Projects, yrs 1-2", 30],
                    ["Capacity, yrs 3-5", 45], ["Projects, yrs 3-5", 55],
                    ["Capacity, yrs 6-10", 25], ["Projects, yrs 6-10", 75],
                ],
            }],
            ["heading", {"text": "Giving residents the decisions", "level": "h2"}],
            ["paragraph", (
                "<p>[[term:participatory-budgeting|Participatory budgeting]] has become a "
                "popular way for councils to share decisions with residents. Done well, it "
                "introduces new people to local action and builds "
                "[[term:bridging-social-capital|bridging ties]] as residents from different "
                "backgrounds debate priorities together. Done as a one-off, it risks "
                "becoming a beauty contest in which the best-organised groups win. Our "
                "members’ experience suggests it works best as the first step in a longer "
                "relationship, with support for groups before and after the vote.</p>"
            )],
            ["table", {
                "caption": "Characteristics of short-term and patient funding (illustrative)",
                "columns": ["Characteristic", "Short-term competitive funding", "Patient place-based funding"],
                "rows": [
                    ["Duration", "One to two years", "Ten years or more"],
                    ["Who decides", "Funder panel", "Resident-led partnership"],
                    ["Eligibility", "Organisations able to bid", "Defined neighbourhoods, including those with little capacity"],
                    ["Reporting", "Outputs against a plan", "Learning and long-term outcomes"],
                    ["Typical legacy", "Individual projects", "Skills, organisations and community assets"],
                ],
            }],
            ["heading", {"text": "Making it work in local government finance", "level": "h2"}],
            ["paragraph", (
                "<p>Councils face real constraints. Annual budget cycles, ring-fenced "
                "grants and rising statutory demand make long-term commitments difficult. "
                "Yet several of our members have found ways to do it: pooling small "
                "amounts from public health, children’s services and regeneration into a "
                "single neighbourhood fund; agreeing multi-year grants with "
                "[[term:voluntary-and-community-sector|voluntary and community sector]] "
                "partners; and measuring preventive returns over five years rather than "
                "one. National government could help by offering multi-year settlements "
                "and backing a dedicated endowment for the most disadvantaged "
                "neighbourhoods.</p>"
                "<p>None of this requires councils to stop measuring results. It requires them to measure the right things over the right timescale: "
                "growth in local organisations, in residents’ skills and confidence, and "
                "in the relationships that allow communities to act for themselves.</p>"
            )],
            ["references", [
                {"text": "Local Trust and OCSI (2019) Left behind? Understanding communities on the edge. Local Trust.", "url": "https://www.learningfrombiglocal.org.uk/resources/left-behind-understanding-communities-on-the-edge"},
                {"text": "All-Party Parliamentary Group for ‘left behind’ neighbourhoods (2020) Communities of trust: why we must invest in the social infrastructure of ‘left behind’ neighbourhoods. Local Trust.", "url": "https://localtrust.org.uk/insights/research/communities-of-trust-why-we-must-invest-in-the-social-infrastructure-of-left-behind-neighbourhoods"},
                {"text": "Putnam, R. D. (2000) Bowling Alone: The Collapse and Revival of American Community. Simon & Schuster.", "url": ""},
            ]],
        ],
        "report_sections": [
            ["Introduction", "This report, the fifth in the Social Capital 2025 series, examines how funding for neighbourhood improvement is designed and distributed, and how different approaches affect the growth of social capital. It is written by Demos with Local Trust and the national network for neighbourhood improvement. We argue that competitive, short-term funding systematically disadvantages the neighbourhoods that most need investment, and that long-term, resident-led place-based funding offers a better route to lasting change. We also consider what this means for local government finance, where annual budget cycles make long-term commitments hard to sustain."],
            ["The limits of competition", "Competitive funding rounds reward capacity: experienced bid writers, established organisations and existing relationships with funders. Neighbourhoods that are both deprived and short of social infrastructure rarely have these, so they tend to receive less. Short funding periods also make it hard for new groups to become established, and encourage organisations to chase funding priorities rather than respond to residents. The result can be a cycle in which well-resourced places attract further investment while others fall further behind. Competition can also set neighbouring groups against each other when collaboration would serve residents better."],
            ["Learning from long-term funding", "Long-term programmes in which residents control decisions, such as Local Trust’s Big Local programme, show the value of patience. In the early years, much effort goes into building relationships, trust and confidence. Over time, residents develop skills in governance and negotiation, local groups grow into anchor organisations, and neighbourhoods acquire assets. These are the foundations of linking social capital, which connects residents to decision makers and resources. These gains are rarely visible in the first two or three years, which is why short evaluation periods tend to understate the value of patient funding."],
            ["Participatory budgeting and resident decision-making", "Participatory budgeting can introduce residents to local decision-making and build bridging ties across different groups. It is most effective when it forms part of a longer relationship between councils and communities, with support for groups to develop ideas before a vote and to deliver them afterwards. One-off exercises risk favouring the best-organised groups and leaving others disillusioned. Network members report better results when voting takes place in familiar community settings, when groups that lose a vote are supported to try again, and when councils are honest about how small the sums involved are compared with mainstream budgets."],
            ["Recommendations", "Councils should pool small amounts from several budgets into long-term neighbourhood funds, agree multi-year grants with voluntary and community sector partners, and measure preventive returns over several years. Funders should target neighbourhoods with low capacity rather than requiring capacity as a condition of funding. National government should provide multi-year settlements for local government and support a dedicated, long-term endowment for the most disadvantaged neighbourhoods. Evaluation frameworks should measure growth in skills, organisations and relationships, not only project outputs, and should be agreed with residents from the outset."],
        ],
    },
    # ------------------------------------------------------------------ 6 (announced)
    {
        "slug": "connected-and-well",
        "title": "Connected and well",
        "subtitle": "Social capital, health and wellbeing in left behind neighbourhoods",
        "summary": (
            "The final paper in the series will look at the links between social "
            "connection, health and wellbeing in neighbourhoods that lack social "
            "infrastructure, and at what councils, the NHS and community organisations "
            "can do together. Sign up to be told when it is published."
        ),
        "release_date": None,
        "announced": True,
        "authors": [["amara-okafor", "Lead author"], ["gareth-lloyd", "Co-author"]],
        "partners": ["demos", "local-trust", "neighbourhood-improvement-network"],
        "topics": ["health-and-wellbeing", "social-infrastructure", "measuring-social-capital"],
        "key_findings": [],
        "body": [],
        "report_sections": [],
    },
]

BLOGS = [
    {
        "slug": "introducing-social-capital-2025",
        "title": "Introducing Social Capital 2025",
        "date": "2025-01-21",
        "authors": ["gareth-lloyd"],
        "topics": ["measuring-social-capital", "social-infrastructure"],
        "intro": "This year the network is publishing a series of papers with Demos and Local Trust on why relationships and trust matter for neighbourhood improvement. Here is what to expect.",
        "body": [
            ["heading", {"text": "Why a series on social capital?", "level": "h2"}],
            ["paragraph", (
                "<p>When members of the network talk about what makes a difference in their "
                "neighbourhoods, the conversation rarely stays on buildings or budgets for "
                "long. It turns to people: the tenants’ association chair who knows every "
                "family on the estate, the youth worker who has been around long enough to "
                "be trusted, the church hall that hosts five different groups a week. What "
                "they are describing is [[term:social-capital|social capital]], and the "
                "[[term:social-infrastructure|social infrastructure]] that sustains it.</p>"
                "<p>Yet when councils decide where to invest, they mostly rely on measures "
                "of what neighbourhoods lack. Social Capital 2025 is our attempt to bring "
                "relationships and trust into the centre of neighbourhood improvement, "
                "with evidence that councils, funders and community organisations can "
                "use.</p>"
            )],
            ["heading", {"text": "What the series will cover", "level": "h2"}],
            ["paragraph", (
                "<p>Over the course of the year, Demos will publish a series of papers "
                "written with Local Trust and the network. Each will be short, practical "
                "and grounded in the experience of our members. We plan to cover:</p>"
                "<ul><li>how to measure social capital at neighbourhood level, using "
                "data that councils already hold;</li>"
                "<li>the neighbourhoods Local Trust has described as "
                "[[term:left-behind-neighbourhoods|left behind]], where high deprivation "
                "meets poor social infrastructure;</li>"
                "<li>the link between strong communities and fewer children needing "
                "crisis support from children’s social care;</li>"
                "<li>our work with Stoke-on-Trent City Council on a bottom-up approach to "
                "[[term:community-wealth-building|community wealth building]];</li>"
                "<li>how long-term funding can grow social capital where it is "
                "weakest.</li></ul>"
            )],
            ["heading", {"text": "How you can get involved", "level": "h2"}],
            ["paragraph", (
                "<p>Every paper will come with a summary, key findings and a downloadable "
                "report, and we will be running member sessions to discuss each one. We "
                "also want to hear from you. If your council or organisation has tried "
                "something that helped build relationships in a neighbourhood, or tried "
                "something that did not work, please share it as a case study. The "
                "honest accounts are often the most useful.</p>"
                "<p>Alongside the papers, we are expanding the glossary on the hub. "
                "Neighbourhood improvement is full of jargon, and the same word can mean "
                "different things in a council meeting and a community centre. A shared "
                "language will not solve every problem, but it helps people to work "
                "together.</p>"
            )],
            ["pull_quote", {
                "quote": "We want relationships and trust to be treated as seriously as roads and schools when decisions are made about a neighbourhood.",
                "attribution": "Gareth Lloyd, Network Director",
            }],
            ["paragraph", (
                "<p>The first paper, <em>The ties that bind</em>, is published in March. "
                "Sign up to the network to be told when it is released.</p>"
            )],
        ],
        "related_papers": ["the-ties-that-bind"],
    },
    {
        "slug": "what-counts-as-social-infrastructure",
        "title": "What counts as social infrastructure?",
        "date": "2025-04-10",
        "authors": ["amara-okafor"],
        "topics": ["social-infrastructure", "measuring-social-capital"],
        "intro": "Libraries and community centres, certainly. But what about the corner shop, the bus stop or the school gates? Defining social infrastructure is harder than it looks.",
        "body": [
            ["paragraph", (
                "<p>During fieldwork for Social Capital 2025, I asked residents in several "
                "neighbourhoods a simple question: where do you bump into people? The "
                "answers were more varied than any list I could have drawn up in advance. "
                "The school gates came up again and again. So did the launderette, the "
                "bookmaker’s, the barber’s, a particular bench outside a parade of shops "
                "and the number 23 bus.</p>"
            )],
            ["heading", {"text": "A working definition", "level": "h2"}],
            ["paragraph", (
                "<p>In the glossary we define [[term:social-infrastructure|social "
                "infrastructure]] as the places, spaces and organisations that allow people "
                "to meet, form relationships and act together. That includes the obvious "
                "[[term:civic-assets|civic assets]] such as libraries, parks and community "
                "centres. It includes organisations: tenants’ groups, faith communities, "
                "sports clubs and the wider [[term:voluntary-and-community-sector|voluntary "
                "and community sector]]. And it includes commercial spaces that play a "
                "social role, from pubs and cafés to the shop where the owner knows "
                "everyone’s name.</p>"
                "<p>Local Trust’s research adds a third element: connectivity. A "
                "neighbourhood with no bus service and poor broadband is cut off from "
                "opportunities elsewhere, however strong its internal ties.</p>"
            )],
            ["heading", {"text": "Why definitions matter", "level": "h2"}],
            ["paragraph", (
                "<p>This is not an academic quibble. What counts as social infrastructure "
                "determines what gets counted, and what gets counted shapes what gets "
                "protected. If a council’s asset register lists only buildings it owns, "
                "the loss of a privately owned pub or a church hall will not show up "
                "anywhere, even if it was the busiest meeting place in the ward.</p>"
                "<p>Our second paper, <em>Doubly disadvantaged</em>, looks at what happens "
                "in neighbourhoods where these spaces have largely disappeared. Residents "
                "there described a slow unravelling: groups losing their base, volunteers "
                "drifting away and a growing sense that nobody was listening.</p>"
            )],
            ["heading", {"text": "Three questions to ask locally", "level": "h2"}],
            ["paragraph", (
                "<p>If you want to understand social infrastructure in your area, we "
                "suggest starting with three questions, ideally asked with residents "
                "rather than about them:</p>"
                "<ol><li>Where do people meet, formally and informally, and who runs "
                "those spaces?</li>"
                "<li>Which groups and organisations are active, and where are they "
                "based?</li>"
                "<li>What has been lost in the past ten years, and what replaced it, if "
                "anything?</li></ol>"
                "<p>The answers will rarely fit neatly into a spreadsheet, but they will "
                "tell you far more about a neighbourhood than deprivation data alone. "
                "They are also the first step towards an "
                "[[term:asset-based-community-development|asset-based]] approach that "
                "starts with what a community already has.</p>"
            )],
        ],
        "related_papers": ["doubly-disadvantaged", "the-ties-that-bind"],
    },
    {
        "slug": "notes-from-stoke-on-trent",
        "title": "Notes from Stoke-on-Trent: starting with what is strong",
        "date": "2025-06-17",
        "authors": ["helen-booth"],
        "topics": ["community-wealth-building", "neighbourhood-regeneration", "community-power"],
        "intro": "How Stoke-on-Trent City Council is trying to build community wealth from the neighbourhood up, and what we have learned in the first year.",
        "body": [
            ["paragraph", (
                "<p>Stoke-on-Trent is a city of six towns, and people here have a strong "
                "sense of where they are from. That loyalty to place is one of our "
                "greatest strengths. It is also something that regeneration programmes "
                "have not always respected. Too often in the past, plans were drawn up "
                "centrally and then consulted on, by which point residents could only "
                "say yes or no to decisions already made.</p>"
            )],
            ["heading", {"text": "Turning the process around", "level": "h2"}],
            ["paragraph", (
                "<p>When we started working with the network on "
                "[[term:community-wealth-building|community wealth building]], we made a "
                "deliberate choice to begin in neighbourhoods rather than in the "
                "procurement team. Council officers, ward councillors and local "
                "organisations held conversations in community venues, at school events "
                "and on doorsteps. We asked what people valued about their area, what "
                "they wanted to change and what they could offer.</p>"
                "<p>The lists that came back were long. There were skilled tradespeople "
                "looking for work, a disused bowling green that a group wanted to turn "
                "into a growing space, a church with an under-used hall and a network of "
                "parents who already ran informal childcare swaps. This is "
                "[[term:asset-based-community-development|asset-based community "
                "development]] in practice: starting with what is strong.</p>"
            )],
            ["heading", {"text": "Connecting neighbourhoods to anchors", "level": "h2"}],
            ["paragraph", (
                "<p>The next step is to connect those neighbourhood assets to the spending "
                "power of the city’s [[term:anchor-institutions|anchor institutions]], "
                "including the council itself. We are rewriting how we use "
                "[[term:social-value|social value]] in contracts, so that neighbourhood "
                "organisations help to decide what contractors should deliver and check "
                "whether they have. We are also looking at which council buildings could "
                "be transferred to community ownership.</p>"
            )],
            ["pull_quote", {
                "quote": "The best ideas in our pilot areas came from residents, not from us. Our job was to get out of the way and then help with the hard bits.",
                "attribution": "Helen Booth, Stoke-on-Trent City Council",
            }],
            ["heading", {"text": "What has been hard", "level": "h2"}],
            ["paragraph", (
                "<p>I do not want to pretend this has been easy. Working this way takes "
                "longer, and council processes are not built for it. Our finance "
                "systems prefer annual budgets and clear outputs; neighbourhood work "
                "needs patience. Some residents were understandably sceptical after years "
                "of consultation that led nowhere. The way to build trust, we found, was "
                "to do small things quickly and visibly, such as clearing a site or "
                "opening a building for a group, while working on the bigger changes.</p>"
                "<p>We are a year in. It is too early to talk about economic impact, but "
                "the number of organisations involved has grown at every stage, and "
                "people are starting to see themselves in the city’s plans. You can read "
                "more in the Social Capital 2025 paper <em>Wealth from the ground "
                "up</em>.</p>"
            )],
        ],
        "related_papers": ["wealth-from-the-ground-up"],
    },
    {
        "slug": "the-case-for-prevention",
        "title": "£281,000 and the case for prevention",
        "date": "2025-08-05",
        "authors": ["daniel-mensah"],
        "topics": ["children-and-families", "local-government-finance", "volunteering-and-civil-society"],
        "intro": "A single figure shows why councils cannot afford to treat community organisations as an optional extra in children’s services.",
        "body": [
            ["key_statistic", {
                "figure": "£281,000",
                "label": "average annual cost to a local authority of a child’s residential placement",
                "source": "Safe at home, Social Capital 2025",
            }],
            ["paragraph", (
                "<p>I have worked in children’s services for almost twenty years, first as "
                "a social worker and now managing early help. In that time I have seen the "
                "cost of caring for children rise to a point that would once have been "
                "unimaginable. The figure above, the average annual cost to a local "
                "authority of a child’s [[term:residential-placement|residential "
                "placement]], is one that every councillor and finance director should "
                "know.</p>"
            )],
            ["heading", {"text": "Behind the number", "level": "h2"}],
            ["paragraph", (
                "<p>Numbers like this can make children sound like a cost. They are not. "
                "Every one of those placements is a young person whose life has been "
                "turned upside down, often placed a long way from home because there was "
                "nowhere closer. Some [[term:looked-after-children|looked-after children]] "
                "need specialist residential care, and they deserve the very best. But "
                "practitioners across the country will tell you that some of the children "
                "they place might have stayed safely at home if their families had "
                "received the right help earlier.</p>"
            )],
            ["heading", {"text": "Where prevention really happens", "level": "h2"}],
            ["paragraph", (
                "<p>In my experience, [[term:early-intervention|early intervention]] "
                "rarely starts in a council office. It starts at the baby group, the food "
                "club, the boxing gym and the after-school club: places where parents and "
                "young people go because they want to, and where someone might notice that "
                "things are not right. These are run by the "
                "[[term:voluntary-and-community-sector|voluntary and community sector]], "
                "often on very little money.</p>"
                "<p>The <em>Safe at home</em> paper found that neighbourhoods with more of "
                "this [[term:social-infrastructure|social infrastructure]] tend to see "
                "fewer children needing crisis intervention. That will not surprise anyone "
                "who works on the front line, but it matters to have the evidence.</p>"
            )],
            ["heading", {"text": "What we are changing", "level": "h2"}],
            ["paragraph", (
                "<p>In Stoke-on-Trent, we have started basing family practitioners in "
                "community venues for part of the week, and funding local organisations "
                "on longer terms. The early signs are encouraging: referrals are arriving "
                "sooner, and families who used to avoid us are more willing to talk. It "
                "is early days, and we will evaluate it properly.</p>"
                "<p>My plea to colleagues in finance is simple. When budgets are tight, "
                "grants to community groups look like an easy saving. They are not. If "
                "one of those groups helps one family avoid crisis, it may have saved more "
                "than its funding for a decade.</p>"
            )],
        ],
        "related_papers": ["safe-at-home"],
    },
    {
        "slug": "anchors-and-the-neighbourhoods-next-door",
        "title": "Anchor institutions and the neighbourhoods next door",
        "date": "2025-11-25",
        "authors": ["rachel-dunmore"],
        "topics": ["community-wealth-building", "health-and-wellbeing", "neighbourhood-regeneration"],
        "intro": "Hospitals, universities and councils spend billions every year. Here is how to make sure some of it reaches the neighbourhoods on their doorsteps.",
        "body": [
            ["paragraph", (
                "<p>Drive past almost any large hospital in England and within a few "
                "minutes you will be in a neighbourhood with high unemployment and poor "
                "health. The hospital is one of the area’s biggest employers and "
                "spenders, yet for many residents nearby it is simply a place you go "
                "when you are ill. Changing that relationship is at the heart of the "
                "[[term:anchor-institutions|anchor institution]] idea.</p>"
            )],
            ["heading", {"text": "What anchors can do", "level": "h2"}],
            ["paragraph", (
                "<p>Anchor institutions are large organisations that are rooted in a "
                "place and unlikely to leave: councils, NHS trusts, universities, colleges "
                "and housing associations. Through "
                "[[term:community-wealth-building|community wealth building]], they can "
                "use their spending, recruitment and land to benefit local people. That "
                "might mean breaking contracts into smaller lots so local firms can bid, "
                "running recruitment fairs in the most deprived wards, paying the real "
                "Living Wage or making surplus land available for community use.</p>"
            )],
            ["heading", {"text": "The neighbourhood gap", "level": "h2"}],
            ["paragraph", (
                "<p>In my work with councils and NHS bodies, I often see a gap between "
                "intention and effect. An anchor commits to spending more locally, but "
                "the local suppliers who benefit are in the more prosperous parts of the "
                "city. It opens up jobs, but residents of the estate next door do not "
                "hear about them, or lack the confidence or transport to apply.</p>"
                "<p>This is why I welcome the bottom-up approach being developed in "
                "Stoke-on-Trent. Anchors cannot reach neighbourhoods on their own. They "
                "need trusted local organisations, such as "
                "[[term:community-anchor-organisations|community anchor organisations]], "
                "tenants’ groups and social enterprises, to act as a bridge.</p>"
            )],
            ["heading", {"text": "Making social value count", "level": "h2"}],
            ["paragraph", (
                "<p>[[term:social-value|Social value]] commitments in contracts are "
                "another lever, but they are only as good as their design and "
                "monitoring. Too many are generic promises that nobody checks. Three "
                "practical steps help:</p>"
                "<ol><li>ask neighbourhood organisations what benefits they would most "
                "value, before contracts are tendered;</li>"
                "<li>target commitments at specific neighbourhoods, not the authority "
                "area as a whole;</li>"
                "<li>report back publicly on what was delivered, in plain language.</li></ol>"
                "<p>Anchors that do this well find that the relationships they build "
                "with neighbourhoods are valuable in their own right. For an NHS trust, "
                "stronger community ties can support the prevention agenda and help to "
                "reduce health inequalities, as well as building a local workforce.</p>"
            )],
        ],
        "related_papers": ["wealth-from-the-ground-up"],
    },
    {
        "slug": "participatory-budgeting-lessons",
        "title": "Participatory budgeting: five lessons from our members",
        "date": "2026-02-24",
        "authors": ["sophie-kerr"],
        "topics": ["community-power", "local-government-finance"],
        "intro": "Several network members have run participatory budgeting rounds in the past year. We brought them together to compare notes.",
        "body": [
            ["paragraph", (
                "<p>[[term:participatory-budgeting|Participatory budgeting]] is one of the "
                "most popular ways for councils to hand decisions to residents. In its "
                "simplest form, a council sets aside a sum of money, invites ideas and "
                "lets residents vote on how to spend it. Following the <em>Patient "
                "money</em> paper, we invited members who had tried it to a practice "
                "session. Here is what they told us.</p>"
            )],
            ["heading", {"text": "1. Support groups before the vote", "level": "h3"}],
            ["paragraph", (
                "<p>Without support, the best-organised groups win. Members who ran "
                "workshops to help new groups develop their ideas saw a much wider range "
                "of bids, including from neighbourhoods that had never applied for "
                "funding before.</p>"
            )],
            ["heading", {"text": "2. Go to where people are", "level": "h3"}],
            ["paragraph", (
                "<p>Online voting is convenient, but it is not enough. Ballot boxes at "
                "school gates, in supermarkets and at community events reached people "
                "who would never visit a council website. One member took voting papers "
                "to a lunch club and doubled turnout among older residents.</p>"
            )],
            ["heading", {"text": "3. Make it a relationship, not an event", "level": "h3"}],
            ["paragraph", (
                "<p>One-off rounds create a burst of energy that quickly fades. Members "
                "who repeated the process each year, and kept in touch with groups that "
                "lost the vote, found that it helped build "
                "[[term:linking-social-capital|linking social capital]]: residents "
                "developed relationships with officers and councillors that outlasted "
                "any single project.</p>"
            )],
            ["heading", {"text": "4. Mix people up", "level": "h3"}],
            ["paragraph", (
                "<p>Voting events where groups presented their ideas in person were "
                "popular. They brought together people of different ages and backgrounds "
                "who would not otherwise have met, strengthening "
                "[[term:bridging-social-capital|bridging ties]] across the "
                "neighbourhood.</p>"
            )],
            ["heading", {"text": "5. Be honest about scale", "level": "h3"}],
            ["paragraph", (
                "<p>Participatory budgeting usually involves small sums. Members warned "
                "against presenting it as a substitute for mainstream investment. "
                "Residents quickly notice when they are asked to vote on a few thousand "
                "pounds while decisions about millions are made elsewhere. Several "
                "councils are now exploring how residents could influence larger "
                "budgets, such as neighbourhood regeneration funds.</p>"
            )],
            ["pull_quote", {
                "quote": "The money mattered less than the conversation. People met neighbours they’d lived next to for years and never spoken to.",
                "attribution": "Community development officer, network member council",
            }],
            ["paragraph", (
                "<p>If your organisation has run participatory budgeting, please share a "
                "case study on the hub so that others can learn from it.</p>"
            )],
        ],
        "related_papers": ["patient-money"],
    },
    {
        "slug": "why-a-shared-glossary-matters",
        "title": "Why a shared glossary matters",
        "date": "2026-06-09",
        "authors": ["sophie-kerr", "gareth-lloyd"],
        "topics": ["volunteering-and-civil-society", "community-power"],
        "intro": "Neighbourhood improvement is full of jargon. Our glossary is an attempt to make sure that councils and communities mean the same things when they use the same words.",
        "body": [
            ["paragraph", (
                "<p>At a network event last year, a council officer and a community "
                "organiser spent twenty minutes disagreeing about whether their "
                "neighbourhood had any [[term:civic-assets|civic assets]]. Eventually it "
                "became clear that the officer meant buildings the council owned, while "
                "the organiser meant everything from the church hall to the allotments. "
                "They were not really disagreeing at all.</p>"
            )],
            ["heading", {"text": "Words that travel badly", "level": "h2"}],
            ["paragraph", (
                "<p>Some terms mean different things in different settings. "
                "[[term:community-led-regeneration|Community-led regeneration]] can "
                "describe anything from a consultation exercise to residents owning and "
                "running the whole programme. [[term:place-based-funding|Place-based "
                "funding]] can mean a national grant targeted at a local authority or "
                "a small pot controlled by a residents’ partnership. Terms such as "
                "[[term:looked-after-children|looked-after children]] have precise "
                "legal meanings that are not always understood outside children’s "
                "services.</p>"
                "<p>Other terms are contested. Some residents dislike being described as "
                "living in a [[term:left-behind-neighbourhoods|left behind "
                "neighbourhood]], and we understand why. Our glossary explains where "
                "such terms come from and how they are used, so readers can make "
                "informed choices about language.</p>"
            )],
            ["heading", {"text": "How we write definitions", "level": "h2"}],
            ["paragraph", (
                "<p>Every entry has a short definition of no more than a couple of "
                "sentences, followed by a fuller explanation, related terms and sources. "
                "We try to:</p>"
                "<ul><li>write in plain English that a resident or a new councillor "
                "could follow;</li>"
                "<li>note where a term has a legal or statutory meaning;</li>"
                "<li>point to the original source where a term was coined;</li>"
                "<li>link to the papers and blogs where the term is used.</li></ul>"
            )],
            ["heading", {"text": "Help us improve it", "level": "h2"}],
            ["paragraph", (
                "<p>The glossary is a living resource. If you think a definition is "
                "wrong, unclear or missing something, tell us. If there is a term you "
                "keep hearing and do not understand, suggest it. We review suggestions "
                "with members of the network every quarter.</p>"
                "<p>A good place to start is the entry on "
                "[[term:social-capital|social capital]], which underpins much of our "
                "work, and the entries on "
                "[[term:indices-of-deprivation|indices of deprivation]] and "
                "[[term:doubly-disadvantaged-neighbourhoods|doubly disadvantaged "
                "neighbourhoods]], which explain how the places we focus on are "
                "identified.</p>"
            )],
        ],
        "related_papers": ["the-ties-that-bind"],
    },
    {
        "slug": "revisiting-double-disadvantage",
        "title": "Revisiting double disadvantage: what has changed?",
        "date": "2026-10-06",
        "authors": ["priya-raman", "tom-hargreaves"],
        "topics": ["social-infrastructure", "neighbourhood-regeneration", "health-and-wellbeing"],
        "intro": "More than a year after the Doubly disadvantaged paper, we look at what has moved, what has not, and what we are working on next.",
        "body": [
            ["paragraph", (
                "<p>When we published <em>Doubly disadvantaged</em> in May 2025, our "
                "argument was straightforward: neighbourhoods that combine high "
                "deprivation with poor [[term:social-infrastructure|social "
                "infrastructure]] face problems that deprivation alone does not explain, "
                "and need a different kind of investment. Since then we have talked to "
                "dozens of councils, funders and community groups about what that means "
                "in practice.</p>"
            )],
            ["heading", {"text": "What has moved", "level": "h2"}],
            ["paragraph", (
                "<p>The language of social infrastructure is now common in local "
                "strategies, which would have been unusual a few years ago. Several "
                "network members have started mapping community spaces alongside the "
                "[[term:indices-of-deprivation|indices of deprivation]] when deciding "
                "where to target regeneration. Others have paused disposals of community "
                "buildings while they assess the [[term:social-value|social value]] of "
                "keeping them open, and some have completed "
                "[[term:community-asset-transfer|community asset transfers]] with proper "
                "support packages attached.</p>"
            )],
            ["heading", {"text": "What has not", "level": "h2"}],
            ["paragraph", (
                "<p>Funding remains the biggest obstacle. Much money for neighbourhoods "
                "is still allocated through short, competitive rounds, and the places "
                "with the least capacity still struggle to bid. Community groups in "
                "[[term:doubly-disadvantaged-neighbourhoods|doubly disadvantaged "
                "neighbourhoods]] tell us they spend more time chasing small grants than "
                "delivering activities. The case for patient, long-term, resident-led "
                "investment made in our <em>Patient money</em> paper is widely accepted "
                "in principle, but much harder to find in practice.</p>"
            )],
            ["pull_quote", {
                "quote": "Everyone agrees with the diagnosis now. The question is whether anyone will fund the treatment for long enough to work.",
                "attribution": "Chief executive, community anchor organisation",
            }],
            ["heading", {"text": "What comes next", "level": "h2"}],
            ["paragraph", (
                "<p>Our next piece of work, <em>Connected and well</em>, looks at social "
                "connection and health in these neighbourhoods. Loneliness, poor mental "
                "health and long-term illness cluster in the same places that have lost "
                "their meeting spaces, and NHS bodies are increasingly interested in the "
                "role that [[term:community-anchor-organisations|community anchor "
                "organisations]] and other local groups can play in prevention. We will "
                "be talking to members about their experience over the coming months.</p>"
                "<p>If you are working on health and neighbourhoods, we would like to "
                "hear from you. Sign up to the network to contribute a case study or "
                "follow new papers on this topic.</p>"
            )],
        ],
        "related_papers": ["doubly-disadvantaged", "patient-money", "connected-and-well"],
    },
]

DEFINITIONS = [
    {
        "slug": "social-infrastructure",
        "term": "Social infrastructure",
        "also_known_as": ["community infrastructure"],
        "short_definition": "The places, spaces and organisations that allow people to meet, form relationships and act together, such as community centres, libraries, parks, pubs, faith groups and local clubs.",
        "explanation": (
            "<p>Social infrastructure is the physical and organisational foundation of "
            "community life. It includes public and community buildings, green spaces, "
            "commercial venues that play a social role and the groups that use them. "
            "Some definitions, including Local Trust’s, also include connectivity: "
            "transport and digital links to opportunities beyond the neighbourhood.</p>"
            "<p>Social infrastructure matters because it is where "
            "[[term:social-capital|social capital]] is created and sustained. When it is "
            "lost, the relationships and activities it supported often disappear too. "
            "Neighbourhoods with little social infrastructure and high deprivation are "
            "described as [[term:doubly-disadvantaged-neighbourhoods|doubly "
            "disadvantaged]].</p>"
        ),
        "sources": [
            {"title": "Palaces for the People: How Social Infrastructure Can Help Fight Inequality, Polarization, and the Decline of Civic Life", "publisher": "Crown", "year": 2018},
            {"title": "Left behind? Understanding communities on the edge", "publisher": "Local Trust", "year": 2019, "url": "https://www.learningfrombiglocal.org.uk/resources/left-behind-understanding-communities-on-the-edge"},
        ],
        "related": ["social-capital", "civic-assets", "doubly-disadvantaged-neighbourhoods", "community-anchor-organisations"],
        "topics": ["social-infrastructure"],
    },
    {
        "slug": "social-capital",
        "term": "Social capital",
        "also_known_as": [],
        "short_definition": "The networks of relationships, shared norms and trust that allow people to cooperate and act together for mutual benefit.",
        "explanation": (
            "<p>Social capital describes the value that comes from relationships. "
            "Individuals draw on it when they find a job through a friend or ask a "
            "neighbour for help; communities draw on it when they organise to tackle a "
            "shared problem. The idea was popularised by the political scientist Robert "
            "Putnam, who linked declining civic participation to weaker communities.</p>"
            "<p>Researchers commonly distinguish three forms: "
            "[[term:bonding-social-capital|bonding]], "
            "[[term:bridging-social-capital|bridging]] and "
            "[[term:linking-social-capital|linking]] social capital. Each plays a different "
            "role, and a neighbourhood can be rich in one and poor in another.</p>"
            "<p>Social capital is hard to measure directly. Common indicators include "
            "levels of trust, volunteering, participation in groups and the presence of "
            "[[term:social-infrastructure|social infrastructure]].</p>"
        ),
        "sources": [
            {"title": "Bowling Alone: The Collapse and Revival of American Community", "publisher": "Simon & Schuster", "year": 2000},
        ],
        "related": ["bonding-social-capital", "bridging-social-capital", "linking-social-capital", "social-infrastructure"],
        "topics": ["measuring-social-capital", "social-infrastructure"],
    },
    {
        "slug": "bonding-social-capital",
        "term": "Bonding social capital",
        "also_known_as": ["bonding ties"],
        "short_definition": "Close ties between people who share characteristics or circumstances, such as family, close friends or members of the same community group.",
        "explanation": (
            "<p>Bonding social capital provides emotional and practical support, "
            "particularly in hard times. It is often strong in long-established "
            "neighbourhoods and close-knit communities, including some of the most "
            "deprived.</p>"
            "<p>On its own, however, bonding social capital can reinforce isolation from "
            "wider opportunities and, at worst, exclude outsiders. It is most valuable "
            "when combined with [[term:bridging-social-capital|bridging]] and "
            "[[term:linking-social-capital|linking]] ties.</p>"
        ),
        "sources": [
            {"title": "Bowling Alone: The Collapse and Revival of American Community", "publisher": "Simon & Schuster", "year": 2000},
        ],
        "related": ["social-capital", "bridging-social-capital", "linking-social-capital"],
        "topics": ["measuring-social-capital"],
    },
    {
        "slug": "bridging-social-capital",
        "term": "Bridging social capital",
        "also_known_as": ["bridging ties"],
        "short_definition": "Connections between people from different backgrounds, such as different ages, ethnicities, classes or neighbourhoods, that help information and opportunities travel.",
        "explanation": (
            "<p>Bridging social capital links people who would not otherwise meet. It "
            "helps residents hear about jobs and services, reduces mistrust between "
            "groups and supports community cohesion.</p>"
            "<p>Shared spaces and mixed activities, such as community festivals, sports "
            "clubs and [[term:participatory-budgeting|participatory budgeting]] events, "
            "are common ways of building bridging ties. Loss of "
            "[[term:social-infrastructure|social infrastructure]] tends to weaken them "
            "first.</p>"
        ),
        "sources": [
            {"title": "Bowling Alone: The Collapse and Revival of American Community", "publisher": "Simon & Schuster", "year": 2000},
        ],
        "related": ["social-capital", "bonding-social-capital", "linking-social-capital"],
        "topics": ["measuring-social-capital", "community-power"],
    },
    {
        "slug": "linking-social-capital",
        "term": "Linking social capital",
        "also_known_as": ["linking ties"],
        "short_definition": "Relationships between residents and people or institutions with power and resources, such as councillors, officers, funders, housing providers and employers.",
        "explanation": (
            "<p>Linking social capital connects communities to decision makers. It "
            "allows residents to influence services, secure funding and hold "
            "institutions to account. The concept was developed by researchers studying "
            "public health, who argued that relationships across differences of power "
            "are essential for tackling inequality.</p>"
            "<p>It is often the form of social capital most lacking in "
            "[[term:left-behind-neighbourhoods|left behind neighbourhoods]]. Long-term, "
            "resident-led [[term:place-based-funding|place-based funding]] is one of the "
            "most effective ways to build it.</p>"
        ),
        "sources": [
            {"title": "Health by association? Social capital, social theory, and the political economy of public health (International Journal of Epidemiology)", "publisher": "Oxford University Press", "year": 2004},
        ],
        "related": ["social-capital", "bonding-social-capital", "bridging-social-capital", "participatory-budgeting"],
        "topics": ["measuring-social-capital", "community-power"],
    },
    {
        "slug": "doubly-disadvantaged-neighbourhoods",
        "term": "Doubly disadvantaged neighbourhoods",
        "also_known_as": ["doubly deprived neighbourhoods"],
        "short_definition": "Neighbourhoods that combine high levels of deprivation with poor social infrastructure: few places to meet, little civic activity and weak connections to the wider world.",
        "explanation": (
            "<p>The idea of double disadvantage was developed in research by Local Trust "
            "and Oxford Consultants for Social Inclusion (OCSI). It observes that some "
            "deprived neighbourhoods fare worse than others with similar levels of "
            "deprivation, and that the difference is associated with the absence of "
            "[[term:social-infrastructure|social infrastructure]].</p>"
            "<p>Neighbourhoods identified in this way, using the "
            "[[term:indices-of-deprivation|indices of deprivation]] alongside a measure of "
            "community need, are often described as "
            "[[term:left-behind-neighbourhoods|left behind neighbourhoods]]. The analysis "
            "identified 225 such neighbourhoods in England.</p>"
        ),
        "sources": [
            {"title": "Left behind? Understanding communities on the edge", "publisher": "Local Trust", "year": 2019, "url": "https://www.learningfrombiglocal.org.uk/resources/left-behind-understanding-communities-on-the-edge"},
            {"title": "Communities of trust: why we must invest in the social infrastructure of ‘left behind’ neighbourhoods", "publisher": "APPG for ‘left behind’ neighbourhoods / Local Trust", "year": 2020, "url": "https://localtrust.org.uk/insights/research/communities-of-trust-why-we-must-invest-in-the-social-infrastructure-of-left-behind-neighbourhoods"},
        ],
        "related": ["left-behind-neighbourhoods", "social-infrastructure", "indices-of-deprivation"],
        "topics": ["social-infrastructure", "neighbourhood-regeneration"],
    },
    {
        "slug": "left-behind-neighbourhoods",
        "term": "Left behind neighbourhoods",
        "also_known_as": ["‘left behind’ neighbourhoods", "LBNs"],
        "short_definition": "Local Trust’s term for neighbourhoods that rank highly on the indices of deprivation and also lack social infrastructure, meaning they miss out on social, economic and cultural opportunities.",
        "explanation": (
            "<p>The term was coined in research for Local Trust, which combined "
            "deprivation data with a new Community Needs Index measuring community "
            "assets, civic engagement and connectivity. It was later taken up by an "
            "All-Party Parliamentary Group for ‘left behind’ neighbourhoods, active "
            "between 2020 and 2024.</p>"
            "<p>Some residents and practitioners dislike the label because it can sound "
            "stigmatising, and it is often written in quotation marks. The underlying "
            "idea is the same as that of "
            "[[term:doubly-disadvantaged-neighbourhoods|doubly disadvantaged "
            "neighbourhoods]].</p>"
        ),
        "sources": [
            {"title": "Left behind? Understanding communities on the edge", "publisher": "Local Trust", "year": 2019, "url": "https://www.learningfrombiglocal.org.uk/resources/left-behind-understanding-communities-on-the-edge"},
        ],
        "related": ["doubly-disadvantaged-neighbourhoods", "social-infrastructure", "place-based-funding"],
        "topics": ["social-infrastructure", "neighbourhood-regeneration"],
    },
    {
        "slug": "community-wealth-building",
        "term": "Community wealth building",
        "also_known_as": ["CWB", "the Preston model"],
        "short_definition": "A people-centred approach to local economic development that redirects wealth back into the local economy and places control and benefits in the hands of local people.",
        "explanation": (
            "<p>Community wealth building uses the spending, employment, land and "
            "assets of [[term:anchor-institutions|anchor institutions]] to create a "
            "fairer local economy. The Centre for Local Economic Strategies describes it "
            "in terms of five pillars: progressive procurement, fair employment, "
            "socially productive use of land and property, local finance, and plural "
            "ownership of the economy. Preston City Council is the best-known UK "
            "example.</p>"
            "<p>Most strategies are led by anchors. The network’s work with "
            "Stoke-on-Trent City Council explores a bottom-up approach that starts with "
            "neighbourhoods, drawing on "
            "[[term:asset-based-community-development|asset-based community "
            "development]] and treating social capital as part of local wealth.</p>"
        ),
        "sources": [
            {"title": "What is community wealth building?", "publisher": "Centre for Local Economic Strategies (CLES)", "year": 2019, "url": "https://cles.org.uk/community-wealth-building/"},
        ],
        "related": ["anchor-institutions", "social-value", "asset-based-community-development", "community-led-regeneration"],
        "topics": ["community-wealth-building"],
    },
    {
        "slug": "anchor-institutions",
        "term": "Anchor institutions",
        "also_known_as": ["anchors"],
        "short_definition": "Large organisations rooted in a place and unlikely to move, such as councils, NHS trusts, universities, colleges and housing associations, whose spending and employment can shape the local economy.",
        "explanation": (
            "<p>Because anchor institutions are tied to their localities, they have a "
            "long-term interest in the wellbeing of the people around them. Through "
            "[[term:community-wealth-building|community wealth building]], they can "
            "direct procurement to local suppliers, recruit from disadvantaged areas and "
            "make land and buildings available for community use.</p>"
            "<p>Anchor institutions should not be confused with "
            "[[term:community-anchor-organisations|community anchor organisations]], "
            "which are much smaller, resident-led bodies.</p>"
        ),
        "sources": [
            {"title": "Building healthier communities: the role of the NHS as an anchor institution", "publisher": "The Health Foundation", "year": 2019},
        ],
        "related": ["community-wealth-building", "social-value", "community-anchor-organisations"],
        "topics": ["community-wealth-building", "health-and-wellbeing"],
    },
    {
        "slug": "looked-after-children",
        "term": "Looked-after children",
        "also_known_as": ["LAC", "children looked after", "CLA", "children in care"],
        "short_definition": "Children who are in the care of a local authority, either under a care order made by a court or accommodated by the council with parental agreement, as defined by the Children Act 1989.",
        "explanation": (
            "<p>A child is looked after if they are subject to a care order or are "
            "provided with accommodation by a local authority for more than 24 hours. "
            "Most live with foster carers; others live with relatives, in children’s "
            "homes or in other settings, including "
            "[[term:residential-placement|residential placements]].</p>"
            "<p>The local authority acts as the child’s corporate parent. Many "
            "practitioners prefer phrases such as ‘children in care’ or ‘care-experienced "
            "young people’, and some young people dislike the abbreviation LAC. "
            "[[term:early-intervention|Early intervention]] aims to support families so "
            "that fewer children need to come into care.</p>"
        ),
        "sources": [
            {"title": "Children Act 1989", "publisher": "legislation.gov.uk", "year": 1989, "url": "https://www.legislation.gov.uk/ukpga/1989/41/contents"},
            {"title": "Children looked after in England including adoptions (statistical series)", "publisher": "Department for Education", "year": 2024, "url": "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions"},
        ],
        "related": ["residential-placement", "early-intervention", "voluntary-and-community-sector"],
        "topics": ["children-and-families"],
    },
    {
        "slug": "residential-placement",
        "term": "Residential placement",
        "also_known_as": ["children’s home placement", "residential care"],
        "short_definition": "A placement in which a looked-after child lives in a children’s home staffed by paid carers, rather than with a foster family or relatives. It is usually the most expensive form of care.",
        "explanation": (
            "<p>Residential placements can be the right choice for some children, "
            "particularly those with complex needs. However, a shortage of foster carers "
            "and of local provision means that children are sometimes placed in "
            "residential care far from home.</p>"
            "<p>Most children’s homes in England are run by independent providers. The "
            "network’s Social Capital 2025 series uses the figure of £281,000 as the "
            "average annual cost to a local authority of a child’s residential "
            "placement, illustrating the value of "
            "[[term:early-intervention|early intervention]].</p>"
        ),
        "sources": [
            {"title": "Children’s social care market study: final report", "publisher": "Competition and Markets Authority", "year": 2022},
        ],
        "related": ["looked-after-children", "early-intervention"],
        "topics": ["children-and-families", "local-government-finance"],
    },
    {
        "slug": "early-intervention",
        "term": "Early intervention",
        "also_known_as": ["early help", "prevention"],
        "short_definition": "Support offered to children and families as soon as problems emerge, to prevent them from becoming more serious and reduce the need for crisis services such as child protection or care.",
        "explanation": (
            "<p>Early intervention can mean intervening early in a child’s life or early "
            "in the development of a problem. In England, councils provide ‘early help’ "
            "services, often working with schools, health services and the "
            "[[term:voluntary-and-community-sector|voluntary and community sector]].</p>"
            "<p>Community organisations play an important part because families often "
            "trust them more than statutory services. The Social Capital 2025 series "
            "links strong [[term:social-infrastructure|social infrastructure]] with fewer "
            "children needing crisis intervention.</p>"
        ),
        "sources": [
            {"title": "Early Intervention: The Next Steps", "publisher": "HM Government", "year": 2011},
        ],
        "related": ["looked-after-children", "residential-placement", "voluntary-and-community-sector"],
        "topics": ["children-and-families"],
    },
    {
        "slug": "community-led-regeneration",
        "term": "Community-led regeneration",
        "also_known_as": ["resident-led regeneration"],
        "short_definition": "Regeneration in which residents set priorities, make decisions and often own or run assets and projects, rather than being consulted on plans drawn up by others.",
        "explanation": (
            "<p>Community-led regeneration sits at one end of a spectrum that runs from "
            "top-down programmes, through consultation and co-production, to "
            "community control. It usually depends on strong local organisations such as "
            "[[term:community-anchor-organisations|community anchor organisations]] "
            "and on patient [[term:place-based-funding|place-based funding]].</p>"
            "<p>Because the term is used loosely, it is worth asking who actually makes "
            "decisions and controls resources in any programme described in this "
            "way.</p>"
        ),
        "sources": [
            {"title": "Communities of trust: why we must invest in the social infrastructure of ‘left behind’ neighbourhoods", "publisher": "APPG for ‘left behind’ neighbourhoods / Local Trust", "year": 2020, "url": "https://localtrust.org.uk/insights/research/communities-of-trust-why-we-must-invest-in-the-social-infrastructure-of-left-behind-neighbourhoods"},
        ],
        "related": ["community-anchor-organisations", "place-based-funding", "asset-based-community-development", "community-wealth-building"],
        "topics": ["neighbourhood-regeneration", "community-power"],
    },
    {
        "slug": "civic-assets",
        "term": "Civic assets",
        "also_known_as": ["community assets", "community facilities"],
        "short_definition": "Buildings and spaces that serve the community, such as community centres, libraries, village halls, parks, sports grounds and places of worship, whoever owns them.",
        "explanation": (
            "<p>Civic assets are a central part of "
            "[[term:social-infrastructure|social infrastructure]]. Many have been lost "
            "or sold in recent years as councils have faced budget pressures. Some have "
            "been saved through [[term:community-asset-transfer|community asset "
            "transfer]] or listed as assets of community value under the Localism Act "
            "2011.</p>"
            "<p>Council asset registers often record only publicly owned buildings, so "
            "mapping civic assets with residents usually reveals many more.</p>"
        ),
        "sources": [
            {"title": "The Great British Sell Off", "publisher": "Locality", "year": 2018},
        ],
        "related": ["social-infrastructure", "community-asset-transfer", "community-anchor-organisations"],
        "topics": ["social-infrastructure"],
    },
    {
        "slug": "community-asset-transfer",
        "term": "Community asset transfer",
        "also_known_as": ["CAT", "asset transfer"],
        "short_definition": "The transfer of land or buildings from a public body to a community organisation, usually at less than market value, so that the asset can be managed for community benefit.",
        "explanation": (
            "<p>Community asset transfer can give local organisations a permanent base "
            "and a source of income, and save well-used buildings from closure. It was "
            "encouraged by the Quirk Review in 2007 and is now common practice in many "
            "councils.</p>"
            "<p>Transfers work best when they come with support: repairs, a realistic "
            "business plan and time for the organisation to grow. Without it, a group can "
            "inherit a liability rather than an asset. Transfers are a common way of "
            "protecting [[term:civic-assets|civic assets]].</p>"
        ),
        "sources": [
            {"title": "Making assets work: The Quirk Review of community management and ownership of public assets", "publisher": "Department for Communities and Local Government", "year": 2007},
        ],
        "related": ["civic-assets", "community-anchor-organisations", "community-led-regeneration"],
        "topics": ["neighbourhood-regeneration", "community-power"],
    },
    {
        "slug": "participatory-budgeting",
        "term": "Participatory budgeting",
        "also_known_as": ["PB"],
        "short_definition": "A process in which residents directly decide how part of a public budget is spent, usually by proposing ideas and voting on them.",
        "explanation": (
            "<p>Participatory budgeting began in Porto Alegre, Brazil, in the late 1980s "
            "and has spread worldwide. In the UK it is most often used for small "
            "neighbourhood grants, though some councils have applied it to larger "
            "mainstream budgets.</p>"
            "<p>It can introduce new people to local decision-making and build "
            "[[term:bridging-social-capital|bridging]] and "
            "[[term:linking-social-capital|linking]] social capital. It works best as "
            "part of a continuing relationship rather than a one-off event.</p>"
        ),
        "sources": [
            {"title": "Participatory budgeting: a significant contribution to participatory democracy (Environment and Urbanization)", "publisher": "SAGE", "year": 2004},
        ],
        "related": ["linking-social-capital", "place-based-funding", "community-led-regeneration"],
        "topics": ["community-power"],
    },
    {
        "slug": "asset-based-community-development",
        "term": "Asset-based community development",
        "also_known_as": ["ABCD", "strengths-based approach"],
        "short_definition": "An approach to community development that starts with the skills, relationships, organisations and places a community already has, rather than with its needs and problems.",
        "explanation": (
            "<p>Asset-based community development was set out by John Kretzmann and John "
            "McKnight in the early 1990s as an alternative to needs-based approaches "
            "that, they argued, treat residents as clients rather than citizens. It "
            "typically begins by mapping local assets with residents.</p>"
            "<p>The approach informs the network’s work on bottom-up "
            "[[term:community-wealth-building|community wealth building]] in "
            "Stoke-on-Trent.</p>"
        ),
        "sources": [
            {"title": "Building Communities from the Inside Out: A Path Toward Finding and Mobilizing a Community’s Assets", "publisher": "ACTA Publications", "year": 1993},
        ],
        "related": ["community-wealth-building", "community-led-regeneration", "civic-assets"],
        "topics": ["community-power", "neighbourhood-regeneration"],
    },
    {
        "slug": "social-value",
        "term": "Social value",
        "also_known_as": ["social value procurement"],
        "short_definition": "The wider social, economic and environmental benefits that an activity, contract or investment creates for a community, beyond its direct purpose and price.",
        "explanation": (
            "<p>In England, the Public Services (Social Value) Act 2012 requires public "
            "bodies commissioning certain services to consider how they might improve "
            "the economic, social and environmental wellbeing of the area. Many "
            "councils and [[term:anchor-institutions|anchor institutions]] now "
            "include social value commitments in contracts.</p>"
            "<p>Commitments are most meaningful when communities help define and "
            "monitor them, a key element of "
            "[[term:community-wealth-building|community wealth building]].</p>"
        ),
        "sources": [
            {"title": "Public Services (Social Value) Act 2012", "publisher": "legislation.gov.uk", "year": 2012, "url": "https://www.legislation.gov.uk/ukpga/2012/3/enacted"},
        ],
        "related": ["community-wealth-building", "anchor-institutions"],
        "topics": ["community-wealth-building", "local-government-finance"],
    },
    {
        "slug": "community-anchor-organisations",
        "term": "Community anchor organisations",
        "also_known_as": ["community anchors"],
        "short_definition": "Independent, multi-purpose organisations rooted in a neighbourhood and led by local people, which host activities, own or manage assets and support other groups.",
        "explanation": (
            "<p>Community anchor organisations include development trusts, community "
            "associations and settlements. They often run a community building, provide "
            "services, employ local people and act as a trusted link between residents "
            "and public agencies.</p>"
            "<p>They are central to rebuilding "
            "[[term:social-infrastructure|social infrastructure]] and to "
            "[[term:community-led-regeneration|community-led regeneration]]. They are "
            "different from [[term:anchor-institutions|anchor institutions]], which are "
            "large public and private bodies.</p>"
        ),
        "sources": [
            {"title": "Firm foundations: the Government’s framework for community capacity building", "publisher": "Home Office", "year": 2004},
        ],
        "related": ["anchor-institutions", "community-led-regeneration", "voluntary-and-community-sector", "civic-assets"],
        "topics": ["volunteering-and-civil-society", "social-infrastructure"],
    },
    {
        "slug": "voluntary-and-community-sector",
        "term": "Voluntary and community sector",
        "also_known_as": ["VCS", "VCSE", "third sector", "civil society"],
        "short_definition": "Organisations that are independent of government and business and exist for social purposes, from large charities to small unregistered community groups.",
        "explanation": (
            "<p>The sector includes registered charities, community groups, faith-based "
            "organisations, social enterprises and mutual aid groups. The term VCSE adds "
            "social enterprises explicitly. Much of the sector is very small and "
            "relies heavily on volunteers.</p>"
            "<p>In neighbourhoods, the voluntary and community sector is a key part of "
            "[[term:social-infrastructure|social infrastructure]] and of "
            "[[term:early-intervention|early intervention]] for families.</p>"
        ),
        "sources": [
            {"title": "UK Civil Society Almanac", "publisher": "NCVO", "year": 2023},
        ],
        "related": ["community-anchor-organisations", "social-infrastructure", "early-intervention"],
        "topics": ["volunteering-and-civil-society"],
    },
    {
        "slug": "place-based-funding",
        "term": "Place-based funding",
        "also_known_as": ["place-based investment", "patient funding"],
        "short_definition": "Funding targeted at a defined place, such as a neighbourhood, to address its priorities as a whole, ideally over the long term and with residents involved in decisions.",
        "explanation": (
            "<p>Place-based funding contrasts with funding for a single issue or service "
            "across a wide area. It ranges from national regeneration programmes to "
            "resident-led funds such as Local Trust’s Big Local, in which 150 areas each "
            "received at least £1 million to spend over 10 to 15 years.</p>"
            "<p>Long-term, flexible place-based funding is one of the strongest tools for "
            "building [[term:linking-social-capital|linking social capital]] in "
            "[[term:left-behind-neighbourhoods|left behind neighbourhoods]].</p>"
        ),
        "sources": [
            {"title": "Communities of trust: why we must invest in the social infrastructure of ‘left behind’ neighbourhoods", "publisher": "APPG for ‘left behind’ neighbourhoods / Local Trust", "year": 2020, "url": "https://localtrust.org.uk/insights/research/communities-of-trust-why-we-must-invest-in-the-social-infrastructure-of-left-behind-neighbourhoods"},
        ],
        "related": ["left-behind-neighbourhoods", "community-led-regeneration", "participatory-budgeting"],
        "topics": ["local-government-finance", "neighbourhood-regeneration"],
    },
    {
        "slug": "indices-of-deprivation",
        "term": "Indices of deprivation",
        "also_known_as": ["IoD", "English Indices of Deprivation", "Index of Multiple Deprivation", "IMD"],
        "short_definition": "The official measure of relative deprivation for small areas in England, combining data on income, employment, education, health, crime, housing barriers and living environment.",
        "explanation": (
            "<p>The English Indices of Deprivation rank every lower-layer super output "
            "area (a small area of around 1,500 residents) from most to least deprived. "
            "The Index of Multiple Deprivation combines seven domains into a single "
            "score. The indices are updated every few years; the 2019 edition covered "
            "32,844 small areas.</p>"
            "<p>The indices measure relative deprivation, not affluence, and do not "
            "capture [[term:social-infrastructure|social infrastructure]]. That is why "
            "research on [[term:doubly-disadvantaged-neighbourhoods|doubly "
            "disadvantaged neighbourhoods]] combines them with other data.</p>"
        ),
        "sources": [
            {"title": "English indices of deprivation 2019", "publisher": "Ministry of Housing, Communities and Local Government", "year": 2019, "url": "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019"},
        ],
        "related": ["doubly-disadvantaged-neighbourhoods", "left-behind-neighbourhoods", "social-infrastructure"],
        "topics": ["measuring-social-capital"],
    },
]

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About the network",
        "intro": "The national network for neighbourhood improvement brings together councils, community organisations and researchers working to improve England’s most disadvantaged neighbourhoods.",
        "body": [
            ["heading", {"text": "What we do", "level": "h2"}],
            ["paragraph", (
                "<p>We help people working on neighbourhood improvement to learn from each "
                "other and from the best available evidence. We do this by:</p>"
                "<ul><li>publishing research, including the Social Capital 2025 series "
                "written by Demos with Local Trust and the network;</li>"
                "<li>bringing officers, councillors and community leaders together to "
                "share what has worked and what has not;</li>"
                "<li>collecting case studies from members;</li>"
                "<li>maintaining a glossary of the terms used in neighbourhood "
                "work.</li></ul>"
            )],
            ["heading", {"text": "Our focus", "level": "h2"}],
            ["paragraph", (
                "<p>We focus on neighbourhoods that combine high deprivation with weak "
                "[[term:social-infrastructure|social infrastructure]], the places Local "
                "Trust describes as [[term:left-behind-neighbourhoods|left behind]]. We "
                "believe lasting improvement in these places depends on residents having "
                "the spaces, relationships and power to shape their own futures, and on "
                "public bodies working with them as partners.</p>"
                "<p>Our work with Stoke-on-Trent City Council on neighbourhood regeneration "
                "and a bottom-up approach to [[term:community-wealth-building|community "
                "wealth building]] is an example of the partnerships we support.</p>"
            )],
            ["heading", {"text": "Who can join", "level": "h2"}],
            ["paragraph", (
                "<p>Membership is open to anyone working in local government or with an "
                "interest in neighbourhood improvement, including community organisations, "
                "funders, health bodies and researchers. Membership is free. Sign up to "
                "follow papers and topics, read case studies and hear about new research; "
                "if you work in local government, you can share your own case studies too.</p>"
            )],
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "intro": "Sample text: this accessibility statement follows the UK public sector model and is provided as demo content. It must be reviewed before the site goes live.",
        "body": [
            ["paragraph", (
                "<p><strong>This is sample text for demonstration purposes.</strong></p>"
                "<p>This accessibility statement applies to the hub, the website of the "
                "national network for neighbourhood improvement. We want as many people as "
                "possible to be able to use this website. For example, that means you "
                "should be able to:</p>"
                "<ul><li>change colours, contrast levels and fonts using browser or "
                "device settings;</li>"
                "<li>zoom in up to 400% without the text spilling off the screen;</li>"
                "<li>navigate most of the website using just a keyboard or speech "
                "recognition software;</li>"
                "<li>listen to most of the website using a screen reader.</li></ul>"
                "<p>We have also made the website text as simple as possible to "
                "understand.</p>"
            )],
            ["heading", {"text": "How accessible this website is", "level": "h2"}],
            ["paragraph", (
                "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version "
                "2.2 to AA standard. We know some parts of this website are not fully "
                "accessible:</p>"
                "<ul><li>some older PDF reports may not be fully accessible to screen "
                "reader software;</li>"
                "<li>some charts may be difficult to interpret without their text "
                "alternatives, which we provide for every chart.</li></ul>"
            )],
            ["heading", {"text": "Feedback and contact information", "level": "h2"}],
            ["paragraph", (
                "<p>If you need information on this website in a different format, such as "
                "an accessible PDF, large print, easy read or audio, email "
                "accessibility@example.org. We will consider your request and get back to "
                "you within 5 working days.</p>"
            )],
            ["heading", {"text": "Reporting accessibility problems with this website", "level": "h2"}],
            ["paragraph", (
                "<p>We are always looking to improve the accessibility of this website. If "
                "you find any problems not listed on this page or think we are not meeting "
                "accessibility requirements, email accessibility@example.org. Please tell "
                "us the web address of the page, the problem you found and the assistive "
                "technology you were using, if any.</p>"
            )],
            ["heading", {"text": "Enforcement procedure", "level": "h2"}],
            ["paragraph", (
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) "
                "(No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). "
                "If you are not happy with how we respond to your complaint, contact the "
                "<a href=\"https://www.equalityadvisoryservice.com/\">Equality Advisory and "
                "Support Service (EASS)</a>.</p>"
            )],
            ["heading", {"text": "Technical information about this website’s accessibility", "level": "h2"}],
            ["paragraph", (
                "<p>We are committed to making this website accessible, in accordance with "
                "the accessibility regulations. This website is partially compliant with "
                "the Web Content Accessibility Guidelines version 2.2 AA standard, due to "
                "the non-compliances listed above.</p>"
            )],
            ["heading", {"text": "Preparation of this accessibility statement", "level": "h2"}],
            ["paragraph", (
                "<p>This sample statement was prepared for demonstration purposes. Before "
                "publication, the website should be tested against WCAG 2.2 AA and the "
                "statement updated with the date of testing, the method used and any "
                "known issues.</p>"
            )],
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "intro": "Sample text: this privacy notice explains what personal data a membership site like the hub would hold and how it would be used. It is demo content and must be reviewed before the site goes live.",
        "body": [
            ["paragraph", (
                "<p><strong>This is sample text for demonstration purposes.</strong> It "
                "describes how the national network for neighbourhood improvement would "
                "handle personal data on the hub. The data controller named in a live "
                "version would need to be confirmed.</p>"
            )],
            ["heading", {"text": "What we collect", "level": "h2"}],
            ["paragraph", (
                "<p>If you read the hub without signing up, we do not ask for any personal "
                "data. We use only the cookies that are strictly necessary for the site to "
                "work. If you sign up as a member, we hold:</p>"
                "<ul><li>your name;</li>"
                "<li>your email address;</li>"
                "<li>your organisation and, if you choose to give it, your job title;</li>"
                "<li>the consents you have given, for example to receive our newsletter "
                "or to be contacted about research, with the date you gave them;</li>"
                "<li>any case studies, comments or other content you contribute.</li></ul>"
            )],
            ["heading", {"text": "How we use it", "level": "h2"}],
            ["paragraph", (
                "<p>We use your information to manage your membership, let you sign in, "
                "send you the updates you have agreed to receive and publish content you "
                "choose to contribute. Our lawful basis is your consent for newsletters "
                "and research contact, and our legitimate interests in running the network "
                "for account management. We never sell your data and do not share it with "
                "third parties for marketing.</p>"
            )],
            ["heading", {"text": "Changing your consents", "level": "h2"}],
            ["paragraph", (
                "<p>You can change your consents at any time from your account page or by "
                "using the unsubscribe link in any email.</p>"
            )],
            ["heading", {"text": "Deleting your account", "level": "h2"}],
            ["paragraph", (
                "<p>You can delete your account at any time. When you do, we delete your "
                "personal data, including your name, email address, organisation and "
                "consent records, except where we must keep a record by law. Case studies "
                "you have contributed are kept because they are useful to other members, "
                "but they are anonymised: your name and any other details that identify "
                "you are removed.</p>"
            )],
            ["heading", {"text": "Your rights", "level": "h2"}],
            ["paragraph", (
                "<p>Under UK data protection law you have the right to access your data, "
                "have it corrected, ask us to delete it, object to or restrict how we use "
                "it and receive a copy in a portable format. To exercise these rights, "
                "email privacy@example.org. If you are unhappy with how we have handled "
                "your data, you can complain to the "
                "<a href=\"https://ico.org.uk/\">Information Commissioner’s Office</a>.</p>"
            )],
        ],
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "intro": "Sample contact details for the national network for neighbourhood improvement. These are demo addresses and will not reach a real inbox.",
        "body": [
            ["paragraph", (
                "<p><strong>This is sample text for demonstration purposes.</strong></p>"
            )],
            ["heading", {"text": "General enquiries", "level": "h2"}],
            ["paragraph", (
                "<p>Email: hello@example.org</p>"
                "<p>We aim to reply within 5 working days.</p>"
            )],
            ["heading", {"text": "Membership and sign-up", "level": "h2"}],
            ["paragraph", (
                "<p>For help with your account or questions about joining, email "
                "membership@example.org.</p>"
            )],
            ["heading", {"text": "Research and the Social Capital 2025 series", "level": "h2"}],
            ["paragraph", (
                "<p>For questions about our papers, or to suggest a case study, email "
                "research@example.org.</p>"
            )],
            ["heading", {"text": "Press", "level": "h2"}],
            ["paragraph", (
                "<p>Journalists can contact press@example.org.</p>"
            )],
            ["heading", {"text": "Accessibility and privacy", "level": "h2"}],
            ["paragraph", (
                "<p>To report an accessibility problem, email accessibility@example.org. "
                "For data protection requests, email privacy@example.org.</p>"
            )],
        ],
    },
]
