"""The curation panel on top of timeline/admin.py: the review queue, merge/split/reject pages,
history with revert on events and the gazetteer, and the curation log with undo.

Every change goes through timeline.curation, so it is recorded and can be undone.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from simple_history.admin import SimpleHistoryAdmin

from ingest.models import Article

from . import curation
from .admin import (
    ActorAdmin,
    ActorAliasAdmin,
    EventActorAdmin,
    EventActorInline,
    EventAdmin,
    EvidenceInline,
    OfficeAdmin,
)
from .curation_models import CurationAction
from .date_conflicts import annotate_reported_days, find_disagreeing_sources
from .models import Actor, ActorAlias, Event, EventActor, Evidence, Office
from .selectors import annotate_source_counts
from .templatetags.timeline_tags import highlight_evidence

# The precision words of the review columns, translated like the event form's choices.
_PRECISIONS = dict(Event.Precision.choices)
CONFIDENCE_BANDS = {"low": (0.0, 0.5), "medium": (0.5, 0.8), "high": (0.8, 1.01)}


class ConfidenceBandFilter(admin.SimpleListFilter):
    title = _("confidence")
    parameter_name = "confidence"

    def lookups(self, request, model_admin):
        return [("low", _("low (< 0.5)")), ("medium", _("medium (0.5–0.8)")), ("high", _("high (≥ 0.8)"))]

    def queryset(self, request, queryset):
        band = CONFIDENCE_BANDS.get(self.value() or "")
        if band is None:
            return queryset
        return queryset.filter(confidence__gte=band[0], confidence__lt=band[1])


class DateConflictFilter(admin.SimpleListFilter):
    title = _("date conflict")
    parameter_name = "date_conflict"

    def lookups(self, request, model_admin):
        return [("yes", _("sources disagree on the day")), ("no", _("no conflict"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(reported_days__gt=1)
        if self.value() == "no":
            return queryset.filter(reported_days__lte=1)
        return queryset


class OutletFilter(admin.SimpleListFilter):
    title = _("outlet")
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        from ingest.models import Outlet

        return [(str(o.pk), o.name) for o in Outlet.objects.order_by("name")[:200]]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        return queryset.filter(pk__in=Evidence.objects.filter(article__outlet_id=self.value()).values("event"))


class LanguageFilter(admin.SimpleListFilter):
    title = _("source language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        codes = Article.objects.exclude(language="").order_by("language").values_list("language", flat=True)
        return [(code, code) for code in codes.distinct()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(pk__in=Evidence.objects.filter(article__language=self.value()).values("event"))


class ActorFilter(admin.SimpleListFilter):
    """Events of an actor, a country counting also through its people (as on the timeline)."""

    title = _("actor")
    parameter_name = "actor"

    def lookups(self, request, model_admin):
        actors = Actor.objects.filter(roles__isnull=False).distinct().order_by("name")[:300]
        return [(str(a.pk), a.name) for a in actors]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        involved = EventActor.objects.filter(Q(actor_id=self.value()) | Q(actor__country_id=self.value()))
        return queryset.filter(pk__in=involved.values("event"))


class ReviewEvidenceInline(EvidenceInline):
    """Each source with its date expression highlighted, the day it gave and a link to the article."""

    fields = ["highlighted", "article_link", "reported", "date_expression", "trigger", "confidence", "merge_reason"]
    readonly_fields = fields

    @admin.display(description=_("sentence (date expression marked)"))
    def highlighted(self, evidence: Evidence) -> str:
        return highlight_evidence(evidence)

    @admin.display(description=_("date this source gave"))
    def reported(self, evidence: Evidence) -> str:
        if evidence.reported_start is None:
            return "—"
        precision = evidence.reported_precision
        return f"{evidence.reported_start:%d %b %Y} ({_PRECISIONS.get(precision, precision)})"


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Kept with the event.")
    )


class SplitForm(forms.Form):
    evidence = forms.ModelMultipleChoiceField(
        label=_("Sources"), queryset=Evidence.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    date_start = forms.DateField(label=_("Start date"), help_text=_("YYYY-MM-DD"))
    date_end = forms.DateField(label=_("End date"), required=False, help_text=_("Empty for a single day"))
    precision = forms.ChoiceField(label=_("Precision"), choices=Event.Precision.choices)


class CurationEventAdmin(SimpleHistoryAdmin, EventAdmin):
    """The review queue: proposed events first, with what a curator weighs before publishing."""

    list_display = [
        "date_display", "kind", "title", "status", "actor_names", "confidence",
        "source_count", "independent_outlets", "date_conflict",
    ]
    list_filter = [
        "status", "kind", ActorFilter, ConfidenceBandFilter, OutletFilter, LanguageFilter, DateConflictFilter,
        "precision", "modality",
    ]
    readonly_fields = [*EventAdmin.readonly_fields, "conflict_sources", "curation_log"]
    inlines = [EventActorInline, ReviewEvidenceInline]
    actions = ["publish_events", "reject_events", "merge_events"]
    fieldsets = [
        *EventAdmin.fieldsets,
        (_("Review"), {"fields": ["conflict_sources", "curation_log"]}),
    ]

    def get_queryset(self, request):
        events = annotate_reported_days(annotate_source_counts(Event.objects.all()))
        return events.prefetch_related("roles__actor")

    def get_urls(self):
        own = [
            path("<int:pk>/split/", self.admin_site.admin_view(self.split_view), name="timeline_event_split"),
            path(
                "undo/<int:action_pk>/",
                self.admin_site.admin_view(require_http_methods(["GET", "POST"])(self.undo_view)),
                name="timeline_event_undo",
            ),
        ]
        return own + super().get_urls()

    # Columns

    @admin.display(description=_("actors"))
    def actor_names(self, event: Event) -> str:
        return ", ".join(role.actor.name for role in event.roles.all())

    @admin.display(description=_("sources"), ordering="source_count")
    def source_count(self, event: Event) -> int:
        return event.source_count

    @admin.display(description=_("independent"), ordering="independent_count")
    def independent_outlets(self, event: Event) -> int:
        return event.independent_count

    @admin.display(description=_("date conflict"), boolean=True, ordering="reported_days")
    def date_conflict(self, event: Event) -> bool:
        return getattr(event, "reported_days", 0) > 1

    @admin.display(description=_("sources that disagree on the day"))
    def conflict_sources(self, event: Event) -> str:
        days = find_disagreeing_sources(event) if event.pk else []
        if not days:
            return gettext("The sources agree on the date.")
        # One column per day, each source under the day it gave: outlet, publication time, words as written.
        heads = format_html_join("", "<th>{}</th>", ((f"{day:%d %b %Y}",) for day, _ in days))
        cells = format_html_join(
            "",
            "<td>{}</td>",
            (
                (
                    format_html_join(
                        "",
                        '<p><a href="{}">{}</a><br>{} {}<br>“{}”</p>',
                        (
                            (
                                reverse("admin:ingest_article_change", args=[e.article_id]),
                                e.article.outlet or e.article,
                                gettext("published"),
                                e.article.published.strftime("%d %b %Y %H:%M %Z") if e.article.published else "?",
                                e.date_expression or e.sentence[:80],
                            )
                            for e in evidence
                        ),
                    ),
                )
                for _, evidence in days
            ),
        )
        return format_html(
            '<table class="date-conflict"><thead><tr>{}</tr></thead><tbody><tr>{}</tr></tbody></table>', heads, cells
        )

    @admin.display(description=_("curation log"))
    def curation_log(self, event: Event) -> str:
        if not event.pk:
            return "—"
        split_url = reverse("admin:timeline_event_split", args=[event.pk])
        actions = CurationAction.objects.filter(event=event).select_related("user")[:20]
        rows = format_html_join(
            "",
            "<li>{} {} {} {}{}{}</li>",
            (
                (
                    f"{a.created:%d %b %Y %H:%M}",
                    a.get_kind_display(),
                    pgettext("curation log: action by whom", "by"),
                    a.user or gettext("the system"),
                    f" ({a.reason})" if a.reason else "",
                    format_html(" · {} {}", gettext("undone"), f"{a.undone:%d %b %Y %H:%M}")
                    if a.undone
                    else format_html(
                        ' · <a href="{}">{}</a>', reverse("admin:timeline_event_undo", args=[a.pk]), gettext("undo")
                    ),
                )
                for a in actions
            ),
        )
        return format_html(
            '<p><a href="{}">{}</a></p><ul>{}</ul>', split_url, gettext("Split sources off into a new event…"), rows
        )

    def save_model(self, request, obj, form, change):
        """A date changed in the form goes through curation.edit_date: the old date stays in the trail
        and the correction can be undone from the curation log."""
        date_fields = {"date_start", "date_end", "precision", "qualifier"}
        if change and date_fields & set(form.changed_data):
            before = Event.objects.get(pk=obj.pk)
            try:
                curation.edit_date(
                    before, date_start=obj.date_start, date_end=obj.date_end, precision=obj.precision,
                    qualifier=obj.qualifier, user=request.user,
                )
            except curation.CurationError as error:
                self.message_user(request, str(error), messages.ERROR)
                return
            obj.date_trail = before.date_trail
        super().save_model(request, obj, form, change)

    # Actions

    @admin.action(description=_("Publish selected events"))
    def publish_events(self, request, queryset):
        done, _ = self._apply(request, queryset, lambda e: curation.publish(e, user=request.user))
        message = ngettext("%(count)s event published.", "%(count)s events published.", done)
        self.message_user(request, message % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Reject selected events (asks for a reason)"))
    def reject_events(self, request, queryset):
        form = RejectForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            done, _ = self._apply(request, queryset, lambda e: curation.reject(e, reason=reason, user=request.user))
            message = ngettext("%(count)s event rejected.", "%(count)s events rejected.", done)
            self.message_user(request, message % {"count": done}, messages.SUCCESS)
            return None
        return self._intermediate(request, queryset, "reject", form=form)

    @admin.action(description=_("Merge selected events into one (asks which to keep)"))
    def merge_events(self, request, queryset):
        events = list(queryset.order_by("date_start", "pk"))
        if len(events) < 2:
            self.message_user(request, gettext("Select at least two events to merge."), messages.WARNING)
            return None
        into_pk = request.POST.get("into", "")
        if into_pk.isdigit() and int(into_pk) in {e.pk for e in events}:
            into = next(e for e in events if e.pk == int(into_pk))
            try:
                curation.merge(events, into=into, user=request.user)
            except curation.CurationError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            merged = len(events) - 1
            message = ngettext("%(count)s event merged into #%(pk)s.", "%(count)s events merged into #%(pk)s.", merged)
            self.message_user(request, message % {"count": merged, "pk": into.pk}, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[into.pk]))
        return self._intermediate(request, queryset, "merge", events=events)

    def _apply(self, request, queryset, act) -> tuple[int, int]:
        # Merged events keep their status: they live on through the event they were merged into.
        merged = queryset.filter(status=Event.Status.MERGED).count()
        if merged:
            message = ngettext(
                "%(count)s merged event left unchanged.", "%(count)s merged events left unchanged.", merged
            )
            self.message_user(request, message % {"count": merged}, messages.WARNING)
        done = refused = 0
        for event in queryset.exclude(status=Event.Status.MERGED):
            try:
                act(event)
                done += 1
            except curation.CurationError as error:
                refused += 1
                self.message_user(request, f"#{event.pk}: {error}", messages.WARNING)
        return done, refused

    def _intermediate(self, request, queryset, action: str, **context):
        context.update(
            self.admin_site.each_context(request),
            title={"reject": gettext("Reject events"), "merge": gettext("Merge events")}[action],
            queryset=queryset,
            action=f"{action}_events",
            action_checkbox_name=admin.helpers.ACTION_CHECKBOX_NAME,
            opts=self.model._meta,
        )
        return TemplateResponse(request, f"admin/timeline/event/{action}.html", context)

    # Pages

    def split_view(self, request: HttpRequest, pk: int):
        event = get_object_or_404(Event, pk=pk)
        if not self.has_change_permission(request, event):
            raise PermissionDenied(gettext("Curators only."))
        initial = {"title": event.title, "date_start": event.date_start, "precision": event.precision}
        form = SplitForm(request.POST or None, initial=initial)
        form.fields["evidence"].queryset = Evidence.objects.filter(event=event).select_related("article__outlet")
        form.fields["evidence"].label_from_instance = lambda e: f"{e.article.outlet or e.article}: {e.sentence}"
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                new, _ = curation.split(
                    list(data["evidence"]), user=request.user, title=data["title"], date_start=data["date_start"],
                    date_end=data["date_end"], precision=data["precision"],
                )
            except curation.CurationError as error:
                form.add_error(None, str(error))
            else:
                message = gettext("Split into #%(pk)s, a new proposed event.") % {"pk": new.pk}
                self.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[new.pk]))
        context = {
            **self.admin_site.each_context(request), "event": event,
            "title": gettext("Split sources off #%(pk)s") % {"pk": event.pk},
            "form": form, "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/timeline/event/split.html", context)

    def undo_view(self, request: HttpRequest, action_pk: int):
        action = get_object_or_404(CurationAction, pk=action_pk)
        if not self.has_change_permission(request, action.event):
            raise PermissionDenied(gettext("Curators only."))
        if request.method == "POST":
            try:
                curation.undo(action, user=request.user)
                self.message_user(request, gettext("Undone: %(action)s.") % {"action": action}, messages.SUCCESS)
            except curation.CurationError as error:
                self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[action.event_id]))
        context = {
            **self.admin_site.each_context(request), "curation_action": action,
            "title": gettext("Undo: %(action)s") % {"action": action},
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/timeline/event/undo.html", context)


@admin.register(CurationAction)
class CurationActionAdmin(admin.ModelAdmin):
    list_display = ["created", "kind", "event_link", "user", "reason", "undone", "undo_link"]
    list_filter = ["kind", ("undone", admin.EmptyFieldListFilter)]
    list_select_related = ["event", "user"]
    search_fields = ["reason", "event__title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("event"))
    def event_link(self, action: CurationAction) -> str:
        return format_html(
            '<a href="{}">#{} {}</a>', reverse("admin:timeline_event_change", args=[action.event_id]),
            action.event_id, action.event.title,
        )

    @admin.display(description=_("undo"))
    def undo_link(self, action: CurationAction) -> str:
        if action.undone:
            return "—"
        undo_url = reverse("admin:timeline_event_undo", args=[action.pk])
        return format_html('<a href="{}">{}</a>', undo_url, gettext("undo…"))


class HistoryActorAdmin(SimpleHistoryAdmin, ActorAdmin):
    """Saving new aliases re-runs extraction, in the background, over the articles that contain them."""

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is ActorAlias:
            names = [alias.name for alias in formset.new_objects + [obj for obj, _ in formset.changed_objects]]
            queue_reextraction(names)


class HistoryActorAliasAdmin(SimpleHistoryAdmin, ActorAliasAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or "name" in form.changed_data:
            queue_reextraction([obj.name])


class HistoryOfficeAdmin(SimpleHistoryAdmin, OfficeAdmin):
    pass


class HistoryEventActorAdmin(SimpleHistoryAdmin, EventActorAdmin):
    pass


def queue_reextraction(names: list[str]) -> None:
    from ingest.tasks import reextract_mentioning_task

    names = [n for n in names if n and n.strip()]
    if names:
        reextract_mentioning_task.delay_on_commit(names=names)


for model, model_admin in [
    (Event, CurationEventAdmin),
    (Actor, HistoryActorAdmin),
    (ActorAlias, HistoryActorAliasAdmin),
    (Office, HistoryOfficeAdmin),
    (EventActor, HistoryEventActorAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
