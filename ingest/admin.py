"""Curation panel for sources: outlets and the articles fed to the extractor."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Article, Feed, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country", "language", "state_affiliated", "article_count"]
    list_filter = ["state_affiliated", "language", "country"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_total")
    def article_count(self, outlet: Outlet) -> int:
        return outlet.article_total


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "language", "published", "status", "extractor_version", "events_found"]
    list_filter = ["status", "language", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "source_name", "outlet__name"]
    date_hierarchy = "published"
    autocomplete_fields = ["outlet"]
    # Django 6 will assume https for scheme-less URLs; say so now rather than store http links.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["content_hash", "source_link", "extractor_version", "attempts", "created", "updated"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "url",
                    "source_link",
                    "outlet",
                    "author",
                    "language",
                    "published",
                    "published_expression",
                ]
            },
        ),
        (_("Processing"), {"fields": ["status", "error", "attempts", "extractor_version", "created", "updated"]}),
        (_("Content"), {"classes": ["collapse"], "fields": ["source_name", "content_hash", "is_html", "raw", "text"]}),
    ]

    actions = ["retry_failed"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_total=Count("evidence__event", distinct=True))

    def get_urls(self):
        from django.urls import path

        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="ingest_article_upload")
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        from ingest.admin_upload import handle_upload

        return handle_upload(self, request)

    @admin.action(description=_("Retry the selected failed articles"))
    def retry_failed(self, request, queryset):
        from ingest.sources import retry_article

        failed = queryset.filter(status=Article.Status.FAILED).values_list("pk", flat=True)
        retried = sum(retry_article(pk) for pk in failed)
        message = ngettext("%(count)s failed article queued again.", "%(count)s failed articles queued again.", retried)
        self.message_user(request, message % {"count": retried})

    @admin.display(description=_("events found"), ordering="event_total")
    def events_found(self, article: Article) -> int:
        return article.event_total

    @admin.display(description=_("open source"))
    def source_link(self, article: Article) -> str:
        if not article.url:
            return "—"
        return format_html('<a href="{}" rel="noopener noreferrer" target="_blank">{}</a>', article.url, article.url)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "active", "poll_minutes", "last_polled", "last_new_entries", "has_error"]
    list_editable = ["active", "poll_minutes"]
    list_filter = ["active", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["url", "title", "outlet__name"]
    autocomplete_fields = ["outlet"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["etag", "last_modified", "last_polled", "last_new_entries", "error", "created"]
    actions = ["poll_now"]

    @admin.display(description=_("error"), boolean=True)
    def has_error(self, feed: Feed) -> bool:
        return bool(feed.error)

    @admin.action(description=_("Poll the selected feeds now"))
    def poll_now(self, request, queryset):
        from ingest.tasks import poll_feed_task

        for pk in queryset.values_list("pk", flat=True):
            poll_feed_task.delay_on_commit(feed_id=pk)
        count = queryset.count()
        message = ngettext("%(count)s feed queued for polling.", "%(count)s feeds queued for polling.", count)
        self.message_user(request, message % {"count": count})


from . import admin_curation  # noqa: E402, F401  (adds the re-extract action)
