"""Keep tiers in step with verified emails; tell editors of access requests, and members of the outcome."""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_changed, email_confirmed, password_reset, user_logged_in, user_signed_up

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from .access_notice import queue_notice
from .account_views import forget_sign_up, remember_sign_up
from .emails import send_templated_email
from .models import AccessRequest, LocalGovernmentDomain
from .ownership import release_unverified_claims, verify_after_reset
from .tiers import sync_tiers


@receiver(email_confirmed)
def tiers_on_email_confirmed(sender, request, email_address, **kwargs):
    """The owner has read the address's mail: unverified claims on it elsewhere go, tiers follow."""
    release_unverified_claims(email_address)
    sync_tiers(email_address.user)


user_signed_up.connect(remember_sign_up, dispatch_uid="members.remember_sign_up")
user_logged_in.connect(forget_sign_up, dispatch_uid="members.forget_sign_up")


@receiver(password_reset)
def ownership_on_password_reset(sender, request, user, **kwargs):
    verify_after_reset(request, user)


@receiver(email_changed)
def tiers_on_email_changed(sender, request, user, from_email_address, to_email_address, **kwargs):
    sync_tiers(user)


@receiver(user_logged_in)
def tiers_on_login(sender, request, user, **kwargs):
    sync_tiers(user)


@receiver(post_save, sender=LocalGovernmentDomain)
@receiver(post_delete, sender=LocalGovernmentDomain)
def tiers_on_allowlist_change(sender, instance: LocalGovernmentDomain, **kwargs):
    """Members whose verified address is on (or under) the domain gain or lose the tier now."""
    addresses = EmailAddress.objects.filter(verified=True).filter(
        Q(email__iendswith=f"@{instance.domain}") | Q(email__iendswith=f".{instance.domain}")
    )
    for address in addresses.select_related("user"):
        sync_tiers(address.user)


@receiver(pre_save, sender=AccessRequest)
def decide_access_request(sender, instance: AccessRequest, **kwargs):
    """When an editor approves or declines a request: record it, update tiers, email the member."""
    if not instance.pk:
        return
    previous = AccessRequest.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    if previous == instance.status or instance.status == AccessRequest.Status.PENDING:
        return
    instance.decided_at = timezone.now()
    instance._decision_changed = True


@receiver(post_save, sender=AccessRequest)
def after_access_request_saved(sender, instance: AccessRequest, created: bool, **kwargs):
    if created:
        queue_notice(instance)
        return
    if not getattr(instance, "_decision_changed", False):
        return
    instance._decision_changed = False
    sync_tiers(instance.user)
    send_templated_email(
        "email/access_request_decision",
        {"access_request": instance, "approved": instance.status == AccessRequest.Status.APPROVED},
        [instance.user.email],
    )
