"""Curation panel for the timeline: review proposed events, fix actors and dates, publish."""

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .density import mark_timeline_changed
from .models import Actor, ActorAlias, Event, EventActor, Evidence, Office


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


class OfficeInline(admin.TabularInline):
    model = Office
    extra = 0


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "alias_count", "wikidata_id"]
    list_filter = ["kind"]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    autocomplete_fields = ["country"]
    inlines = [ActorAliasInline, OfficeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(alias_total=Count("aliases"))

    @admin.display(description=_("aliases"), ordering="alias_total")
    def alias_count(self, actor: Actor) -> int:
        return actor.alias_total


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "actor"]
    list_filter = ["language"]
    list_select_related = ["actor"]
    search_fields = ["name", "actor__name"]
    autocomplete_fields = ["actor"]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["title", "holder", "start", "end"]
    list_select_related = ["holder"]
    search_fields = ["title", "holder__name", "holder__aliases__name"]
    autocomplete_fields = ["holder"]


class EventActorInline(admin.TabularInline):
    model = EventActor
    extra = 0
    autocomplete_fields = ["actor"]


class EvidenceInline(admin.StackedInline):
    """Sources are read here and changed on their own page: offsets must keep pointing into the text."""

    model = Evidence
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["sentence", "article_link", "date_expression", "trigger", "confidence", "offsets", "merge_reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article__outlet")

    @admin.display(description=_("article"))
    def article_link(self, evidence: Evidence) -> str:
        return _article_links(evidence.article)

    @admin.display(description=_("offsets"))
    def offsets(self, evidence: Evidence) -> str:
        return f"{evidence.start}–{evidence.end}"


def _article_links(article) -> str:
    change_url = reverse("admin:ingest_article_change", args=[article.pk])
    outlet = f" ({article.outlet})" if article.outlet_id else ""
    if not article.url:
        return format_html('<a href="{}">{}</a>{}', change_url, article, outlet)
    return format_html(
        '<a href="{}">{}</a>{} · <a href="{}" rel="noopener noreferrer" target="_blank">{} ↗</a>',
        change_url,
        article,
        outlet,
        article.url,
        gettext("source"),
    )


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["date_display", "kind", "title", "status", "modality", "confidence", "source_count"]
    list_display_links = ["date_display", "title"]
    list_filter = ["status", "kind", "precision", "modality"]
    search_fields = ["title", "summary", "actors__name", "actors__aliases__name", "evidence__sentence"]
    date_hierarchy = "date_start"
    autocomplete_fields = ["merged_into"]
    readonly_fields = ["date_trail", "public_link", "created", "updated"]
    inlines = [EventActorInline, EvidenceInline]
    actions = ["publish_events", "reject_events"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "summary", "location", "status", "merged_into", "public_link"]}),
        (_("Date"), {"fields": ["date_start", "date_end", "precision", "qualifier", "date_trail"]}),
        (_("Extraction"), {"fields": ["modality", "confidence", "plover_type", "plover_mode", "created", "updated"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(source_total=Count("evidence__article", distinct=True))

    @admin.display(description=_("date"), ordering="date_start")
    def date_display(self, event: Event) -> str:
        return event.date_display

    @admin.display(description=_("sources"), ordering="source_total")
    def source_count(self, event: Event) -> int:
        return event.source_total

    @admin.display(description=_("on the timeline"))
    def public_link(self, event: Event) -> str:
        if event.status != Event.Status.PUBLISHED:
            return gettext("not shown until published")
        return format_html('<a href="{}">{}</a>', event.get_absolute_url(), event.get_absolute_url())

    @admin.action(description=_("Publish selected events"))
    def publish_events(self, request, queryset):
        changed = self._set_status(request, queryset, Event.Status.PUBLISHED)
        message = ngettext("%(count)s event published.", "%(count)s events published.", changed)
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Reject selected events"))
    def reject_events(self, request, queryset):
        changed = self._set_status(request, queryset, Event.Status.REJECTED)
        message = ngettext("%(count)s event rejected.", "%(count)s events rejected.", changed)
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    def _set_status(self, request, queryset, status: str) -> int:
        # Merged events keep their status: they live on through the event they were merged into.
        changed = queryset.exclude(status=Event.Status.MERGED).update(status=status)
        mark_timeline_changed()  # update() sends no signals: drop the cached density strips here
        skipped = queryset.filter(status=Event.Status.MERGED).count()
        if skipped:
            message = ngettext(
                "%(count)s merged event left unchanged.", "%(count)s merged events left unchanged.", skipped
            )
            self.message_user(request, message % {"count": skipped}, messages.WARNING)
        return changed


@admin.register(EventActor)
class EventActorAdmin(admin.ModelAdmin):
    list_display = ["event", "actor", "role"]
    list_filter = ["role"]
    list_select_related = ["event", "actor"]
    search_fields = ["event__title", "actor__name"]
    autocomplete_fields = ["event", "actor"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["short_sentence", "event", "article_outlet", "date_expression", "confidence", "extractor_version"]
    list_filter = ["extractor_version", "article__outlet", "article__language"]
    list_select_related = ["event", "article__outlet"]
    search_fields = ["sentence", "date_expression", "event__title", "article__title"]
    raw_id_fields = ["event", "article"]
    readonly_fields = ["article_link", "start", "end", "extractor_version", "created"]
    fields = [
        "event",
        "article",
        "article_link",
        "sentence",
        "start",
        "end",
        "date_expression",
        "trigger",
        "confidence",
        "merge_reason",
        "extractor_version",
        "created",
    ]

    @admin.display(description=_("sentence"))
    def short_sentence(self, evidence: Evidence) -> str:
        return evidence.sentence if len(evidence.sentence) <= 90 else f"{evidence.sentence[:89]}…"

    @admin.display(description=_("outlet"), ordering="article__outlet__name")
    def article_outlet(self, evidence: Evidence) -> str:
        return str(evidence.article.outlet or "—")

    @admin.display(description=_("article links"))
    def article_link(self, evidence: Evidence) -> str:
        if evidence.article_id is None:
            return "—"
        return _article_links(evidence.article)


from . import admin_curation  # noqa: E402, F401  (the review queue, history and undo on top of these)
