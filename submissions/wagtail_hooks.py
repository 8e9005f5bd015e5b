from wagtail import hooks

from members.sections import MEMBER_EXPORT

from .export import submissions_for_export


@hooks.register(MEMBER_EXPORT)
def submissions_in_the_data_export(user) -> dict:
    return {"case_study_submissions": submissions_for_export(user)}
