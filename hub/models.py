"""The worker clock's lease: however many workers run, one clock ticks at a time."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone


class ClockLease(models.Model):
    """One row: who holds the clock and until when. Taken with a conditional update, so it works the
    same on SQLite and PostgreSQL and needs no lock server; a worker that dies frees it by expiry."""

    name = models.CharField(max_length=50, primary_key=True)
    holder = models.CharField(max_length=64)
    held_until = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} held by {self.holder} until {self.held_until:%H:%M:%S}"

    @classmethod
    def take(cls, holder: str, seconds: float, name: str = "clock") -> bool:
        """Take or renew the lease for ``seconds``; False if another live holder has it."""
        now = timezone.now()
        until = now + timedelta(seconds=seconds)
        free_or_mine = Q(held_until__lt=now) | Q(holder=holder)
        if cls.objects.filter(free_or_mine, name=name).update(holder=holder, held_until=until):
            return True
        try:
            with transaction.atomic():
                cls.objects.create(name=name, holder=holder, held_until=until)
            return True
        except IntegrityError:
            return False  # someone else holds it (the row exists and is not ours or expired)

    @classmethod
    def release(cls, holder: str, name: str = "clock") -> None:
        cls.objects.filter(name=name, holder=holder).delete()


def new_holder_id() -> str:
    return uuid.uuid4().hex
