from django import forms

from content.core import worker_memo
from content.core.params import IdMultipleChoiceField
from content.core.privacy import public_pages
from content.core.request_memo import is_public_path
from content.papers.models import PaperSeriesPage
from content.topics.models import Topic
from members.models import MemberProfile

from .models import AUTHORITY_KINDS, AlertSettings, Delivery, Follow, Frequency
from .tasks import queue_immediate


def _read_series() -> list[tuple[int, str, str]]:
    return list(PaperSeriesPage.objects.live().order_by("title").values_list("pk", "title", "path"))


def _read_topics() -> list[tuple[int, str]]:
    return [(topic.pk, str(topic)) for topic in Topic.objects.all()]


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Your email address",
        help_text="We send one email to confirm; nothing else until you confirm.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class AlertSettingsForm(forms.Form):
    """Everything a member follows, on one form in /members/."""

    all_papers = forms.BooleanField(
        label="Every new paper, in any series",
        required=False,
        help_text="An email each time the network releases a paper.",
    )
    series = IdMultipleChoiceField(
        label="Paper series",
        queryset=PaperSeriesPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Email me when a paper in the series is released.",
    )
    topics = IdMultipleChoiceField(
        label="Topics you follow",
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Email me about new papers, posts and case studies on these topics.",
    )
    authority_kinds = forms.MultipleChoiceField(
        label="Case studies from",
        choices=list(AUTHORITY_KINDS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Email me when a case study from this kind of authority is published (if you may read it).",
    )
    frequency = forms.ChoiceField(
        label="How often", choices=Frequency.choices, widget=forms.RadioSelect, initial=Frequency.IMMEDIATE
    )

    def __init__(
        self, *args, user, profile: MemberProfile | None = None, follows: list[Follow] | None = None, **kwargs
    ):
        """``profile`` and ``follows`` are the member's, when the caller has read them already."""
        self.user = user
        follows = list(Follow.objects.filter(user=user)) if follows is None else follows
        settings = AlertSettings.objects.filter(user=user).first()
        kwargs.setdefault(
            "initial",
            {
                "series": [f.series_id for f in follows if f.series_id],
                "topics": [f.topic_id for f in follows if f.topic_id],
                "authority_kinds": [f.authority_kind for f in follows if f.authority_kind],
                "frequency": settings.frequency if settings else Frequency.IMMEDIATE,
                "all_papers": profile.release_alerts
                if profile is not None
                else MemberProfile.objects.filter(user=user, release_alerts=True).exists(),
            },
        )
        super().__init__(*args, **kwargs)
        if self.is_bound:  # what a post may choose (building the query is most of this form's cost on a GET)
            self.fields["series"].queryset = public_pages(PaperSeriesPage).order_by("title")
        # What the checklists show: the same for every reader, kept by the worker until the content changes,
        # the series filtered by this request's own read of the view restrictions.
        series = worker_memo.kept("alerts.series_choices", "all", _read_series)
        self.fields["series"].widget.choices = [(pk, title) for pk, title, path in series if is_public_path(path)]
        self.fields["topics"].widget.choices = worker_memo.kept("alerts.topic_choices", "all", _read_topics)

    def save(self) -> None:

        data = self.cleaned_data
        wanted = (
            {("series", s.pk) for s in data["series"]}
            | {("topic", t.pk) for t in data["topics"]}
            | {("authority_kind", k) for k in data["authority_kinds"]}
        )
        current = {}
        for follow in Follow.objects.filter(user=self.user):
            key = (
                ("series", follow.series_id)
                if follow.series_id
                else ("topic", follow.topic_id)
                if follow.topic_id
                else ("authority_kind", follow.authority_kind)
            )
            current[key] = follow
        for key, follow in current.items():
            if key not in wanted:
                follow.delete()
        for field, value in wanted - set(current):
            Follow.objects.get_or_create(
                user=self.user, **({f"{field}_id": value} if field != "authority_kind" else {field: value})
            )
        AlertSettings.objects.update_or_create(user=self.user, defaults={"frequency": data["frequency"]})
        MemberProfile.objects.filter(user=self.user).update(release_alerts=data["all_papers"])
        profile = MemberProfile.objects.filter(user=self.user).first()
        if profile is not None:  # the member's interests are the topics they follow: one choice
            profile.topics.set(data["topics"])
        if data["frequency"] == Frequency.IMMEDIATE:
            # Items held for a digest go now rather than wait for a digest that will not come.
            held = Delivery.objects.filter(user=self.user, digest=True, status=Delivery.Status.PENDING)
            pks = list(held.values_list("pk", flat=True))
            held.update(digest=False)
            queue_immediate(Delivery.objects.filter(pk__in=pks))
