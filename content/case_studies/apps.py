from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "content.case_studies"
    label = "case_studies"
