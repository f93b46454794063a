"""Curators manage saved timelines: title, description, visibility, hand-picked events."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import states
from .models import Snapshot, Timeline, make_slug, make_state_key


class TimelineForm(forms.ModelForm):
    class Meta:
        model = Timeline
        fields = ["title", "description", "query", "visibility", "owner", "included", "excluded"]
        help_texts = {"query": _("The timeline page's query string, e.g. actor=China&kind=call")}

    def clean_query(self):
        try:
            return states.read_spec(self.cleaned_data.get("query", "")).query
        except states.InvalidSpec as error:
            raise forms.ValidationError(error.problems) from None


class SnapshotInline(admin.TabularInline):
    model = Snapshot
    extra = 0
    can_delete = False
    fields = ["key", "created", "event_count"]
    readonly_fields = fields

    @admin.display(description=_("events"))
    def event_count(self, snapshot):
        return len(snapshot.events)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Timeline)
class TimelineAdmin(admin.ModelAdmin):
    form = TimelineForm
    list_display = ["__str__", "visibility", "owner", "created", "link"]
    list_filter = ["visibility"]
    list_select_related = ["owner"]
    search_fields = ["title", "slug", "query"]
    raw_id_fields = ["included", "excluded", "owner"]
    inlines = [SnapshotInline]

    @admin.display(description=_("link"))
    def link(self, timeline):
        return format_html('<a href="{}">{}</a>', timeline.get_absolute_url(), timeline.slug)

    def save_related(self, request, form, formset, change):
        super().save_related(request, form, formset, change)
        # The state key follows the edited state, so "Share this view" finds this timeline for it.
        timeline = form.instance
        included = list(timeline.included.values_list("pk", flat=True))
        excluded = list(timeline.excluded.values_list("pk", flat=True))
        timeline.state_key = make_state_key(timeline.query, included, excluded)
        timeline.save(update_fields=["state_key"])

    def save_model(self, request, obj, form, change):
        if not obj.slug:
            obj.slug = make_slug(obj.visibility)
        obj.state_key = obj.state_key or "pending"
        super().save_model(request, obj, form, change)
