"""The background worker's queue in the admin (Settings → Background tasks), for staff to see failures."""

from django_tasks_db.models import DBTaskResult

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_policies import LimitedPermissionPolicy


class TaskResultViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "cogs"
    menu_label = "Background tasks"
    name = "background_tasks"
    url_prefix = "background-tasks"
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = [
        Column("task_path", label="Task"),
        Column("status", label="Status"),
        DateColumn("enqueued_at", label="Queued"),
        DateColumn("finished_at", label="Finished"),
        Column("exception_class_path", label="Error"),
    ]
    list_filter = ["status", "task_path"]
    inspect_view_fields = [
        "task_path",
        "status",
        "args_kwargs",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "worker_ids",
        "exception_class_path",
        "traceback",
    ]
    ordering = ["-enqueued_at"]
    # Nothing to edit by hand: a task is re-run by the code that queued it (deliveries retry themselves).
    form_fields = ["priority"]


register_permission_policy(DBTaskResult, LimitedPermissionPolicy(DBTaskResult, actions={"view"}))


@hooks.register("register_admin_viewset")
def register_task_results():
    return TaskResultViewSet()
