from django.contrib import admin

from ops.models import TaskCount


@admin.register(TaskCount)
class TaskCountAdmin(admin.ModelAdmin):
    """Read-only: the counts are written by the workers (ops.tasklog), staff only read them."""

    list_display = ["day", "task", "outcome", "count", "short_error", "updated"]
    list_filter = ["outcome", "task", "day"]
    search_fields = ["task", "last_error"]
    date_hierarchy = "day"

    @admin.display(description="last error")
    def short_error(self, obj: TaskCount) -> str:
        return obj.last_error[:120]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
