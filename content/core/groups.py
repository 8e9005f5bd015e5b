"""The names of the groups the hub's rules read, defined once (migrations keep their own copies, frozen).

Wagtail creates Editors and Moderators; the hub adds the two member tiers (``members/tiers.py`` puts
members in them). Editors and moderators read every restricted page and case study.
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
EDITORIAL_GROUPS = (EDITORS, MODERATORS)
MEMBERS = "Members"
LOCAL_GOVERNMENT_MEMBERS = "Local government members"
MEMBER_TIERS = (MEMBERS, LOCAL_GOVERNMENT_MEMBERS)
