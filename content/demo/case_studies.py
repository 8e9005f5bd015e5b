"""Demo case studies for the hub.

Sample content only. All people named here are fictional and their email
addresses use example.org. The councils are real, but the programmes, quotations
and outcomes described are illustrative demo material written for the hub. They
are not accounts of real council programmes, and figures are illustrative
unless a source is given.

Term markers use the same convention as data.py: [[term:slug|text]] links to a
definition in data.DEFINITIONS.
"""

from __future__ import annotations

# The councils in these case studies, by their own email domain: the demo's local-government allowlist.
COUNCIL_DOMAINS = {
    "stoke.gov.uk": "Stoke-on-Trent City Council",
    "barnsley.gov.uk": "Barnsley Metropolitan Borough Council",
    "lewisham.gov.uk": "London Borough of Lewisham",
    "norfolk.gov.uk": "Norfolk County Council",
    "hastings.gov.uk": "Hastings Borough Council",
    "blackpool.gov.uk": "Blackpool Borough Council",
    "wmca.org.uk": "West Midlands Combined Authority",
    "gateshead.gov.uk": "Gateshead Metropolitan Borough Council",
}

CASE_STUDY_INDEX = {
    "title": "Case studies",
    "intro": (
        "Case studies are accounts from local authorities of what they tried in their "
        "neighbourhoods, what happened and what they would do differently. Full case "
        "studies are for network members, so that councils can share candidly with peers."
    ),
}

CASE_STUDIES = [
    # ------------------------------------------------------------------
    # Unitary city: Stoke-on-Trent (the model case study)
    # ------------------------------------------------------------------
    {
        "slug": "stoke-on-trent-community-wealth-from-the-neighbourhood-up",
        "title": "Building community wealth from the neighbourhood up in Stoke-on-Trent",
        "local_authority_gss": "E06000021",
        "audience": "members",
        "summary": (
            "Stoke-on-Trent City Council started its community wealth building work in "
            "neighbourhoods rather than in the procurement team. In three pilot areas "
            "across the six towns, residents mapped local strengths and then helped to "
            "set the social value the council asks of its contractors."
        ),
        "challenge": (
            "<p>Stoke-on-Trent is a city of six towns with a strong sense of local "
            "identity, but several of its neighbourhoods are among the most deprived in "
            "England. Past regeneration programmes were usually designed centrally and "
            "then put out to consultation, so residents could only react to decisions "
            "that had already been made. Trust in the council was low in some areas, "
            "and many local groups felt that money spent in the city passed them by.</p>"
            "<p>The council wanted to adopt "
            "[[term:community-wealth-building|community wealth building]], but most "
            "models it looked at were led by "
            "[[term:anchor-institutions|anchor institutions]] and focused on "
            "procurement. Officers were concerned that an anchor-led approach on its own "
            "would benefit established local firms without reaching the estates and "
            "terraced streets where the need was greatest.</p>"
        ),
        "what_we_did": (
            "<p>We chose to begin with neighbourhoods. In three pilot areas, one in "
            "Burslem, one in Longton and one in Bentilee, a small team of officers "
            "worked alongside ward councillors and local organisations for six months "
            "before any spending decisions were made. We held conversations in "
            "community venues, at school gates and on doorsteps, asking residents what "
            "they valued about their area, what they wanted to change and what they "
            "could offer.</p>"
            "<p>The results were recorded as neighbourhood asset maps, an "
            "[[term:asset-based-community-development|asset-based]] exercise that "
            "listed people’s skills, buildings, green spaces and informal networks. "
            "They included tradespeople looking for work, a disused bowling green that "
            "a residents’ group wanted to turn into a growing space and a church hall "
            "that stood empty most of the week.</p>"
            "<p>We then used the maps to change how the council spends. We:</p>"
            "<ul>"
            "<li>rewrote our [[term:social-value|social value]] framework so that "
            "neighbourhood panels help to choose the commitments contractors make, "
            "and check whether they have been delivered;</li>"
            "<li>split suitable low-value contracts, such as grounds maintenance and "
            "minor repairs, into smaller lots that local firms and social enterprises "
            "could bid for;</li>"
            "<li>opened talks with the NHS trust, the university and two housing "
            "associations about recruiting from the pilot areas;</li>"
            "<li>reviewed council buildings in each area for "
            "[[term:community-asset-transfer|community asset transfer]].</li>"
            "</ul>"
            "<p>Alongside this, we did small things quickly, such as clearing the "
            "bowling green site, to show that conversations would lead to action.</p>"
        ),
        "outcomes": (
            "<p>Eighteen months in, it is too early to claim a measurable effect on the "
            "local economy, but there are encouraging signs. More small local suppliers "
            "are bidding for council work, and the first contracts let under the new "
            "social value framework include commitments chosen by residents, such as "
            "apprenticeships advertised through community venues and volunteer days at "
            "the growing space. The number of organisations taking part in the pilots "
            "grew at each stage, and two groups are now negotiating asset transfers.</p>"
            "<p>We are working with the network to evaluate the pilots, including a "
            "repeat of the asset mapping to see whether relationships between groups "
            "have strengthened. The figures below are illustrative of the kind of "
            "early indicators we are tracking.</p>"
        ),
        "figures": [
            ["£1.2m", "of council spending with suppliers based in the pilot areas in the first year (illustrative)"],
            ["3", "pilot neighbourhoods with resident-led asset maps"],
            ["46", "local organisations involved across the pilots (illustrative)"],
            ["2", "community asset transfers under negotiation"],
        ],
        "lessons": (
            "<ul>"
            "<li><strong>Start with conversations, not contracts.</strong> The asset "
            "maps gave us a reason to change procurement that residents recognised.</li>"
            "<li><strong>Do something visible early.</strong> Clearing one site did "
            "more for trust than any number of meetings.</li>"
            "<li><strong>Give residents a real role in social value.</strong> Panels "
            "that help set and check commitments keep contractors honest.</li>"
            "<li><strong>Expect council systems to push back.</strong> Annual budgets "
            "and standard contract sizes had to be challenged, with support from "
            "finance and legal colleagues.</li>"
            "</ul>"
        ),
        "contacts": [
            {
                "name": "Helen Booth",
                "role": "Strategic Manager, Neighbourhood Regeneration",
                "email": "helen.booth@example.org",
            },
        ],
        "topics": ["community-wealth-building", "neighbourhood-regeneration", "community-power"],
        "published": "2025-09-12",
    },
    # ------------------------------------------------------------------
    # Metropolitan borough: Barnsley
    # ------------------------------------------------------------------
    {
        "slug": "barnsley-resident-grant-panels",
        "title": "Resident grant panels in Barnsley’s former mining villages",
        "local_authority_gss": "E08000016",
        "audience": "local_government",
        "summary": (
            "Barnsley Metropolitan Borough Council handed decisions on small "
            "neighbourhood grants to panels of residents in four former mining "
            "communities. Panels funded more first-time groups than the council had "
            "before, and turnout at decision events grew in the second year."
        ),
        "challenge": (
            "<p>Many of Barnsley’s villages grew up around collieries that closed in "
            "the 1980s and 1990s. Miners’ welfare halls, clubs and union branches once "
            "gave these communities a strong civic life; where those institutions have "
            "closed, fewer people now take part in local groups, and the same small "
            "circle of volunteers tends to run everything.</p>"
            "<p>The council already gave small grants to community groups through its "
            "area governance, but applications came mainly from well-established "
            "organisations with experience of form-filling. Officers wanted to reach "
            "new groups and give residents a genuine say over how money was spent in "
            "their village.</p>"
        ),
        "what_we_did": (
            "<p>We piloted resident grant panels in four villages in the Dearne and "
            "the east of the borough, using a simple form of "
            "[[term:participatory-budgeting|participatory budgeting]]. Each village had "
            "a pot of between £25,000 and £40,000 a year for two years, taken from "
            "existing ward budgets rather than new money.</p>"
            "<p>Each panel had eight to twelve residents, recruited through schools, "
            "the miners’ welfare, GP surgeries and a door-knocking exercise, with places "
            "reserved for young people and for people who had never been involved in a "
            "community group. Ward councillors sat on panels as advisers without a "
            "vote.</p>"
            "<p>We kept the process light. Groups could apply with a one-page form, a "
            "short video or a conversation with a community development worker, who "
            "wrote up the idea for them. Grants of up to £2,000 needed no constituted "
            "group, provided an established organisation agreed to hold the money. "
            "Each round ended with a public event in a village venue where applicants "
            "pitched and residents voted alongside the panel.</p>"
            "<p>Panel members received training on conflicts of interest and "
            "safeguarding, and a local infrastructure body from the "
            "[[term:voluntary-and-community-sector|voluntary and community sector]] "
            "offered new groups help with insurance, bank accounts and "
            "policies.</p>"
        ),
        "outcomes": (
            "<p>Over two years the panels funded a mix of activity: a walking football "
            "club, a repair café, holiday lunches, a heritage project recording "
            "memories of the pits and a youth-led skate event. More than half of the "
            "funded groups had never received council money before. Turnout at "
            "decision events rose in the second year as word spread, and several panel "
            "members have since joined other local committees.</p>"
            "<p>Administration costs were higher per pound than the old grants scheme, "
            "mainly because of community development time. The council has judged this "
            "worthwhile and is extending the model to two more wards. Figures are "
            "illustrative.</p>"
        ),
        "figures": [
            ["4", "villages with resident grant panels"],
            ["112", "grants awarded over two years (illustrative)"],
            ["58%", "of funded groups new to council funding (illustrative)"],
        ],
        "lessons": (
            "<ul>"
            "<li><strong>Use money you already have.</strong> Redirecting ward budgets "
            "made the pilot affordable and easier to sustain.</li>"
            "<li><strong>Recruit panels actively.</strong> Open calls attract the usual "
            "volunteers; door-knocking and reserved places brought in new voices.</li>"
            "<li><strong>Make applying easy.</strong> Videos and conversations opened "
            "the door to groups that would never fill in a form.</li>"
            "<li><strong>Budget for development support.</strong> New groups needed "
            "help after the grant, not just before it.</li>"
            "</ul>"
        ),
        "contacts": [
            {
                "name": "Karen Whitworth",
                "role": "Neighbourhood Services Manager",
                "email": "karen.whitworth@example.org",
            },
            {"name": "Liam Hodgson", "role": "Community Development Officer", "email": "liam.hodgson@example.org"},
        ],
        "topics": ["community-power", "volunteering-and-civil-society", "social-infrastructure"],
        "published": "2025-10-07",
    },
    # ------------------------------------------------------------------
    # London borough: Lewisham
    # ------------------------------------------------------------------
    {
        "slug": "lewisham-early-help-in-familiar-places",
        "title": "Early help in familiar places: family practitioners in Lewisham’s community venues",
        "local_authority_gss": "E09000023",
        "audience": "members",
        "summary": (
            "Lewisham Council based early help practitioners in community venues that "
            "families already used, and gave the organisations running them three-year "
            "grants. Families sought help earlier and were more willing to engage."
        ),
        "challenge": (
            "<p>Like many London boroughs, Lewisham faces rising demand for children’s "
            "social care and high costs when children become "
            "[[term:looked-after-children|looked after]], especially when no local "
            "placement is available. Practitioners reported that many families only "
            "came to the council’s attention at the point of crisis.</p>"
            "<p>Families told us they were wary of council buildings and worried that "
            "asking for help would lead to social workers at the door. At the same "
            "time, parent and toddler groups, food projects, faith groups and youth "
            "clubs were seeing these families every week, but had no easy route to "
            "support and were often funded year to year.</p>"
        ),
        "what_we_did": (
            "<p>We worked with six "
            "[[term:community-anchor-organisations|community anchor organisations]] "
            "across the borough, including a community centre in Downham, a church-run "
            "family project in Deptford and a youth charity in Bellingham. Each agreed "
            "to host an early help practitioner for two or three days a week.</p>"
            "<p>Practitioners joined in with existing activities rather than setting up "
            "drop-in clinics. They helped at stay-and-play sessions, sat in on coffee "
            "mornings and got to know staff and volunteers. When a parent was "
            "struggling, volunteers could introduce them to someone they had already "
            "met, and practitioners could offer advice on housing, debt or behaviour "
            "without opening a formal case.</p>"
            "<p>We also changed how we fund the host organisations. Instead of annual "
            "grants, each now has a three-year agreement covering core costs, with "
            "light-touch reporting agreed with them. We ran joint training on "
            "safeguarding and on [[term:early-intervention|early intervention]] for "
            "volunteers and council staff together, so that both understood when and "
            "how to escalate concerns.</p>"
            "<p>A small steering group of parents who had used the venues met every "
            "quarter to tell us what was and was not working.</p>"
        ),
        "outcomes": (
            "<p>Over the first eighteen months, a larger share of early help referrals "
            "in the pilot areas came from community organisations and from families "
            "themselves, and they tended to arrive earlier. Practitioners described "
            "conversations that would not have happened in an office. Host "
            "organisations said the multi-year funding let them plan, keep staff and "
            "take on more volunteers.</p>"
            "<p>It is too early to show an effect on the number of children entering "
            "care, and the pilot was not designed as a controlled trial. The council "
            "is now working with a university partner on a fuller evaluation. Figures "
            "are illustrative.</p>"
        ),
        "figures": [
            ["6", "community venues hosting early help practitioners"],
            ["3 years", "length of new core funding agreements"],
            [
                "31%",
                "of early help referrals in pilot areas from community organisations or self-referral (illustrative)",
            ],
        ],
        "lessons": (
            "<ul>"
            "<li><strong>Go where families already are.</strong> Trust built in a "
            "familiar venue transferred to the practitioner.</li>"
            "<li><strong>Join in, do not set up shop.</strong> Practitioners who "
            "helped with activities were approached far more than those who waited "
            "in a side room.</li>"
            "<li><strong>Fund the host, not just the project.</strong> Core, "
            "multi-year funding was what made the partnerships stable.</li>"
            "<li><strong>Train together.</strong> Shared safeguarding training "
            "reduced anxiety on both sides about when to refer.</li>"
            "</ul>"
        ),
        "contacts": [
            {"name": "Abena Asante", "role": "Head of Early Help", "email": "abena.asante@example.org"},
        ],
        "topics": ["children-and-families", "social-infrastructure", "volunteering-and-civil-society"],
        "published": "2025-11-18",
    },
    # ------------------------------------------------------------------
    # County council: Norfolk
    # ------------------------------------------------------------------
    {
        "slug": "norfolk-mapping-rural-social-infrastructure",
        "title": "Mapping and sustaining rural social infrastructure in Norfolk",
        "local_authority_gss": "E10000020",
        "audience": "local_government",
        "summary": (
            "Norfolk County Council worked with its district councils and community "
            "organisations to build a shared map of village halls, shops, pubs and "
            "other meeting places. The map is now used to target support at places "
            "where deprivation is high and places to meet are few."
        ),
        "challenge": (
            "<p>Norfolk is a large, rural county where disadvantage is often hidden. "
            "Deprivation is spread thinly across villages and market towns, and "
            "neighbourhood averages can mask households struggling with low pay, poor "
            "transport and isolation. Over the past decade many villages have lost "
            "their shop, pub, bus service or post office.</p>"
            "<p>The county council, district councils and community organisations each "
            "held partial information about "
            "[[term:social-infrastructure|social infrastructure]], in different formats. "
            "Nobody had a clear picture of which communities had lost most, which "
            "village halls were at risk, or where support would make the biggest "
            "difference.</p>"
        ),
        "what_we_did": (
            "<p>We set out to build a single, shared map of "
            "[[term:civic-assets|civic assets]] across the county. Our insight team "
            "combined existing datasets, including registers of assets of community "
            "value, village hall listings, licensing data and faith building records. "
            "We then asked parish councils, village hall committees and community "
            "groups to check and add to it through a simple online form and a series "
            "of drop-in sessions at libraries.</p>"
            "<p>For each area we set the asset data alongside the "
            "[[term:indices-of-deprivation|English Indices of Deprivation]], travel "
            "times by public transport and our own data on loneliness and adult social "
            "care. This let us identify places that were both deprived and short of "
            "places to meet, the rural equivalent of "
            "[[term:doubly-disadvantaged-neighbourhoods|doubly disadvantaged "
            "neighbourhoods]]. Some of these were small coastal and fenland "
            "settlements that had rarely featured in funding decisions.</p>"
            "<p>We used the findings in three ways:</p>"
            "<ul>"
            "<li>a small capital fund for repairs and energy improvements to village "
            "halls in priority areas;</li>"
            "<li>a mobile library and advice service routed to stop at community venues "
            "in places without one;</li>"
            "<li>shared priorities with district councils and funders, so that "
            "external grants are more likely to reach the places that most need "
            "them.</li>"
            "</ul>"
        ),
        "outcomes": (
            "<p>The map now holds records for several thousand community assets and is "
            "updated by communities themselves. Priority places have received capital "
            "grants, and two charitable funders have adopted the same priority list. "
            "District councils use the map when considering planning applications "
            "that would affect a pub or shop.</p>"
            "<p>Keeping the data current is the main challenge, and we are testing a "
            "yearly check-in with parish councils. Figures are illustrative.</p>"
        ),
        "figures": [
            ["4,300", "community assets recorded on the shared map (illustrative)"],
            ["27", "priority places identified as both deprived and short of places to meet (illustrative)"],
            ["£650,000", "in capital grants to village halls in priority places (illustrative)"],
        ],
        "lessons": (
            "<ul>"
            "<li><strong>Rural disadvantage needs local data.</strong> Area averages "
            "hid places that the asset map revealed.</li>"
            "<li><strong>Let communities correct the record.</strong> Parish councils "
            "and hall committees knew things no dataset held.</li>"
            "<li><strong>Share the map with funders.</strong> A common priority list "
            "has done more than our own small fund.</li>"
            "<li><strong>Plan for upkeep from the start.</strong> A map that is not "
            "maintained quickly loses trust.</li>"
            "</ul>"
        ),
        "contacts": [
            {"name": "Lucy Everitt", "role": "Community Insight Lead", "email": "lucy.everitt@example.org"},
        ],
        "topics": ["social-infrastructure", "measuring-social-capital"],
        "published": "2026-01-20",
    },
    # ------------------------------------------------------------------
    # Non-metropolitan district: Hastings
    # ------------------------------------------------------------------
    {
        "slug": "hastings-community-asset-transfer",
        "title": "Handing over the keys: community asset transfer in Hastings",
        "local_authority_gss": "E07000062",
        "audience": "members",
        "summary": (
            "Hastings Borough Council transferred three under-used buildings to "
            "community organisations on long leases, with a support package to help "
            "them succeed. The council learned as much from the transfer that nearly "
            "failed as from the two that went well."
        ),
        "challenge": (
            "<p>Hastings is a small district council with a tight budget and a "
            "property portfolio it cannot afford to maintain. Several buildings in "
            "Ore Valley, Hollington and central St Leonards, including a former "
            "changing pavilion, a small community hall and an empty depot office, were "
            "costing money while standing largely unused.</p>"
            "<p>At the same time, local groups were short of space. Community "
            "organisations told us they were renting rooms by the hour and could not "
            "plan ahead. The council wanted to use "
            "[[term:community-asset-transfer|community asset transfer]], but knew that "
            "handing over a building without support can leave a small group with a "
            "liability rather than an asset.</p>"
        ),
        "what_we_did": (
            "<p>We reviewed our whole estate and identified buildings that were not "
            "needed for council services and had community potential. We published "
            "the list with basic information on condition and running costs, and held "
            "open days so that groups could see the buildings for themselves.</p>"
            "<p>Instead of a competitive tender, we used a two-stage expression of "
            "interest. Groups first described what they wanted to do and who it would "
            "serve. Shortlisted groups then received up to six months of support from "
            "a mentor, funded by the council and a local charitable trust, to develop "
            "a business plan, understand the repair liabilities and secure funding.</p>"
            "<p>Transfers were made on 25-year leases at a peppercorn rent, with a "
            "tapering council contribution towards repairs in the first three years. "
            "We set a short list of community benefit commitments in each lease, such "
            "as opening hours and free use for resident groups, agreed with the "
            "organisation rather than imposed.</p>"
            "<p>The three buildings went to a community sports and wellbeing charity, "
            "a residents’ association working with a food project, and a young "
            "people’s arts organisation. Each is now developing as a "
            "[[term:community-anchor-organisations|community anchor]] for its area.</p>"
        ),
        "outcomes": (
            "<p>Two of the buildings are now open most days and host a wide range of "
            "groups. The council has removed their running costs from its budget. The "
            "third transfer nearly failed when a survey found roof problems that had "
            "not been identified earlier; it went ahead after the council agreed to "
            "complete the repair before handover and the group secured a capital "
            "grant.</p>"
            "<p>Groups say the mentoring was the most valuable part of the package. The "
            "council is now preparing a second round. Figures are illustrative.</p>"
        ),
        "figures": [
            ["3", "buildings transferred on 25-year leases"],
            ["£74,000", "annual running costs removed from the council budget (illustrative)"],
            ["60+", "groups and activities using the transferred buildings each month (illustrative)"],
        ],
        "lessons": (
            "<ul>"
            "<li><strong>Commission full condition surveys first.</strong> Hidden "
            "repair costs nearly sank one transfer.</li>"
            "<li><strong>Mentoring matters more than money.</strong> Groups valued "
            "business planning support above the repair contribution.</li>"
            "<li><strong>Agree community benefit together.</strong> Commitments written "
            "with the group are easier to keep.</li>"
            "<li><strong>Be honest about motives.</strong> Saving money is a legitimate "
            "reason, and groups trusted us more when we said so.</li>"
            "</ul>"
        ),
        "contacts": [
            {"name": "Mark Delaney", "role": "Estates and Regeneration Manager", "email": "mark.delaney@example.org"},
            {"name": "Joanna Pike", "role": "Community Partnerships Officer", "email": "joanna.pike@example.org"},
        ],
        "topics": ["community-power", "social-infrastructure", "neighbourhood-regeneration"],
        "published": "2025-12-09",
    },
    # ------------------------------------------------------------------
    # Second unitary: Blackpool
    # ------------------------------------------------------------------
    {
        "slug": "blackpool-connecting-people-in-inner-wards",
        "title": "Connecting people in Blackpool’s inner wards",
        "local_authority_gss": "E06000009",
        "audience": "local_government",
        "summary": (
            "Blackpool Council’s public health team funded community connectors to "
            "link isolated residents in the town’s inner wards with local groups. "
            "Groups were supported to welcome newcomers, and many participants went on "
            "to volunteer."
        ),
        "challenge": (
            "<p>Blackpool has some of the poorest health outcomes in England, and its "
            "inner wards near the seafront have a large, transient population. Many "
            "people arrive in the town alone, living in converted flats and houses in "
            "multiple occupation, with few local ties. Loneliness, poor mental health "
            "and problem drinking are common, and GPs report high numbers of "
            "appointments driven by social rather than medical needs.</p>"
            "<p>The town has a lively community sector, but newer residents rarely "
            "found their way to it. Existing groups often had strong "
            "[[term:bonding-social-capital|bonding ties]] among long-standing members, "
            "which could make them hard to join.</p>"
        ),
        "what_we_did": (
            "<p>Public health funded a team of five community connectors, employed "
            "by a local charity rather than the council, covering Claremont, "
            "Bloomfield and neighbouring wards. Connectors took referrals from GPs, "
            "housing officers, the job centre and drug and alcohol services, and also "
            "met people informally at food banks, launderettes and drop-ins.</p>"
            "<p>Instead of handing over a leaflet, connectors went with people to their "
            "first session at a group, whether that was a fishing club, a choir, a "
            "gardening project or a men’s shed. They stayed in touch for up to twelve "
            "weeks.</p>"
            "<p>We also invested in the groups themselves. A small fund paid for "
            "‘welcome hosts’ in 20 groups: members trained to greet newcomers and "
            "introduce them to others. This was a deliberate effort to build "
            "[[term:bridging-social-capital|bridging social capital]] between "
            "long-standing residents and people new to the town.</p>"
            "<p>Groups could also apply for small grants to cover room hire or "
            "equipment when connectors found gaps, such as weekend activities or "
            "groups for younger men. A shared directory, updated by connectors, "
            "replaced several out-of-date lists held by different services.</p>"
        ),
        "outcomes": (
            "<p>In the first two years, connectors worked with several hundred "
            "residents. Most attended at least one group more than once, and a "
            "significant minority became volunteers themselves. Participants reported "
            "feeling less lonely on a short wellbeing questionnaire completed at the "
            "start and end of their support, although without a comparison group we "
            "cannot attribute all of the change to the programme.</p>"
            "<p>GP practices in the area have asked for connectors to attend practice "
            "meetings, and the programme is now part-funded through the local NHS "
            "partnership. Figures are illustrative.</p>"
        ),
        "figures": [
            ["640", "residents supported by community connectors in two years (illustrative)"],
            ["20", "groups with trained welcome hosts"],
            ["1 in 5", "participants who went on to volunteer (illustrative)"],
        ],
        "lessons": (
            "<ul>"
            "<li><strong>Walk with people, do not signpost.</strong> Going to the "
            "first session together made the difference for most participants.</li>"
            "<li><strong>Invest in the groups as well as the referrals.</strong> Welcome "
            "hosts made groups easier to join for everyone.</li>"
            "<li><strong>Employ connectors outside the council.</strong> Residents were "
            "more willing to talk to a charity worker.</li>"
            "<li><strong>Measure simply and consistently.</strong> A short questionnaire "
            "used well is better than a long one used rarely.</li>"
            "</ul>"
        ),
        "contacts": [
            {
                "name": "Siobhan Carr",
                "role": "Public Health Principal, Healthy Communities",
                "email": "siobhan.carr@example.org",
            },
        ],
        "topics": ["health-and-wellbeing", "social-infrastructure", "volunteering-and-civil-society"],
        "published": "2026-02-10",
    },
    # ------------------------------------------------------------------
    # Combined authority: West Midlands
    # ------------------------------------------------------------------
    {
        "slug": "west-midlands-anchor-network-neighbourhoods",
        "title": "Pointing anchor spending at the neighbourhoods next door in the West Midlands",
        "local_authority_gss": "E47000007",
        "audience": "members",
        "summary": (
            "The West Midlands Combined Authority brought councils, NHS trusts, "
            "universities and housing associations together to direct some of their "
            "spending and recruitment towards the neighbourhoods around their sites. "
            "Partners agreed shared social value measures and a single list of "
            "priority neighbourhoods."
        ),
        "challenge": (
            "<p>The West Midlands has some of the largest "
            "[[term:anchor-institutions|anchor institutions]] in the country: major "
            "hospitals, several universities and large housing associations, alongside "
            "the seven constituent councils. Together they spend billions of pounds a "
            "year and employ tens of thousands of people, yet some of the most deprived "
            "neighbourhoods in England sit right next to their sites.</p>"
            "<p>Each organisation had its own approach to "
            "[[term:social-value|social value]], with different measures and "
            "priorities. Suppliers working across the region faced a patchwork of "
            "requirements, and there was no way to see whether spending and "
            "jobs were reaching the places that needed them most.</p>"
        ),
        "what_we_did": (
            "<p>We convened a regional anchor network of 14 organisations, with a "
            "senior sponsor from each. Rather than a new strategy, we agreed three "
            "practical commitments.</p>"
            "<p>First, a shared set of social value measures, kept deliberately short, "
            "so that suppliers report the same things to every partner. Local "
            "employment and spending are reported by neighbourhood, not just by local "
            "authority area.</p>"
            "<p>Second, a single list of priority neighbourhoods, drawn up with the "
            "constituent councils using deprivation data and local knowledge. Partners "
            "agreed to target entry-level recruitment and supplier development at these "
            "areas, for example by holding recruitment days in community venues and "
            "guaranteeing interviews for local applicants who meet the criteria.</p>"
            "<p>Third, a supplier development programme, run with business support "
            "partners, to help small firms and social enterprises in the priority "
            "neighbourhoods become ready to bid. We aligned this with existing "
            "[[term:place-based-funding|place-based funding]] so that it built on work "
            "already under way rather than duplicating it.</p>"
            "<p>Community organisations in each priority neighbourhood were invited "
            "to join a sounding board, so that the network heard directly from "
            "residents about barriers to jobs and contracts.</p>"
        ),
        "outcomes": (
            "<p>All partners now use the shared measures, and the first annual report "
            "showed, for the first time, how much anchor spending and recruitment "
            "reached the priority neighbourhoods. The baseline was lower than partners "
            "expected, which has itself prompted action: two NHS trusts have changed "
            "their recruitment for support roles, and a university has opened a "
            "supplier pipeline for catering and cleaning.</p>"
            "<p>Progress has been uneven between partners, and the sounding board has "
            "been frank that residents do not yet see much change. Figures are "
            "illustrative.</p>"
        ),
        "figures": [
            ["14", "anchor institutions in the regional network"],
            ["12", "shared social value measures, down from over 60 (illustrative)"],
            ["£38m", "of partner spending with suppliers in priority neighbourhoods in year one (illustrative)"],
        ],
        "lessons": (
            "<ul>"
            "<li><strong>Measure by neighbourhood.</strong> Borough-level figures hid "
            "how little reached the places next door.</li>"
            "<li><strong>Fewer measures, used by everyone.</strong> Suppliers responded "
            "better to a short, common list.</li>"
            "<li><strong>A baseline can be uncomfortable.</strong> Publishing honest "
            "first-year figures built credibility with residents.</li>"
            "<li><strong>Keep councils in the lead on place.</strong> The combined "
            "authority convenes, but constituent councils know the neighbourhoods.</li>"
            "</ul>"
        ),
        "contacts": [
            {"name": "Ravinder Sandhu", "role": "Head of Inclusive Economy", "email": "ravinder.sandhu@example.org"},
        ],
        "topics": ["community-wealth-building", "neighbourhood-regeneration", "local-government-finance"],
        "published": "2026-03-03",
    },
    # ------------------------------------------------------------------
    # Metropolitan borough: Gateshead
    # ------------------------------------------------------------------
    {
        "slug": "gateshead-residents-measuring-social-capital",
        "title": "Residents as researchers: measuring social capital in Gateshead",
        "local_authority_gss": "E08000037",
        "audience": "local_government",
        "summary": (
            "Gateshead Council trained residents as peer researchers to run a "
            "neighbourhood relationships survey in six areas. The results changed "
            "where the council put its community development effort and gave "
            "residents evidence to make their own case to funders."
        ),
        "challenge": (
            "<p>Gateshead’s neighbourhood planning relied heavily on deprivation data, "
            "which told the council where needs were greatest but little about the "
            "relationships and trust that help communities cope. Officers suspected "
            "that some deprived areas had strong local networks while others, "
            "including some less deprived estates, were more isolated than the data "
            "suggested.</p>"
            "<p>National surveys of [[term:social-capital|social capital]] do not "
            "produce reliable figures at neighbourhood level, and previous council "
            "surveys had low response rates in exactly the areas the council most "
            "wanted to understand.</p>"
        ),
        "what_we_did": (
            "<p>We designed a short neighbourhood relationships survey with residents "
            "and the network, covering the three forms of social capital: "
            "[[term:bonding-social-capital|bonding]], "
            "[[term:bridging-social-capital|bridging]] and "
            "[[term:linking-social-capital|linking]]. Questions asked, for example, "
            "whether people could borrow something from a neighbour, whether they had "
            "friends from different backgrounds and whether they knew who to contact "
            "to get something changed locally.</p>"
            "<p>We recruited and paid 24 residents from six neighbourhoods as peer "
            "researchers. They received training in interviewing, consent and data "
            "protection, and carried out the survey face to face on doorsteps, at "
            "community events and in shops and cafés. Residents were far more willing "
            "to talk to a neighbour than to a council officer.</p>"
            "<p>Our insight team analysed the results alongside deprivation data and "
            "a count of local meeting places. Peer researchers then took part in "
            "sense-making workshops, where they interpreted the findings and added "
            "what they had heard in conversations.</p>"
            "<p>Each neighbourhood received its own short report, written in plain "
            "English, which local groups were free to use in funding bids.</p>"
        ),
        "outcomes": (
            "<p>The survey reached far more residents than previous council surveys in "
            "the same areas. It confirmed that bonding ties were strong in several "
            "deprived neighbourhoods, but that linking social capital, residents’ "
            "connections to people with power and resources, was weak almost "
            "everywhere. One relatively less deprived estate stood out for low trust "
            "and few places to meet.</p>"
            "<p>The council has shifted community development time towards that estate "
            "and towards work that connects residents with decision-makers. Several "
            "peer researchers have gone on to paid work or further study. Figures are "
            "illustrative.</p>"
        ),
        "figures": [
            ["24", "residents trained and paid as peer researchers"],
            ["1,150", "survey responses across six neighbourhoods (illustrative)"],
            ["6", "neighbourhood reports shared with local groups"],
        ],
        "lessons": (
            "<ul>"
            "<li><strong>Pay peer researchers properly.</strong> It signalled respect "
            "and improved retention.</li>"
            "<li><strong>Keep the survey short.</strong> Fifteen questions on a "
            "doorstep worked; longer drafts did not.</li>"
            "<li><strong>Let residents interpret the results.</strong> Sense-making "
            "workshops caught misreadings the analysts would have missed.</li>"
            "<li><strong>Give the data back.</strong> Neighbourhood reports that groups "
            "could use themselves built goodwill for future rounds.</li>"
            "</ul>"
        ),
        "contacts": [
            {"name": "Claire Robson", "role": "Policy and Insight Manager", "email": "claire.robson@example.org"},
        ],
        "topics": ["measuring-social-capital", "community-power", "neighbourhood-regeneration"],
        "published": "2026-04-14",
    },
]
