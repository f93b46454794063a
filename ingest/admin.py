"""Curation panel for sources: outlets and the articles fed to the extractor."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.html import format_html

from .models import Article, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country", "language", "state_affiliated", "article_count"]
    list_filter = ["state_affiliated", "language", "country"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
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
        ("Processing", {"fields": ["status", "error", "attempts", "extractor_version", "created", "updated"]}),
        ("Content", {"classes": ["collapse"], "fields": ["source_name", "content_hash", "is_html", "raw", "text"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_total=Count("evidence__event", distinct=True))

    @admin.display(description="events found", ordering="event_total")
    def events_found(self, article: Article) -> int:
        return article.event_total

    @admin.display(description="open source")
    def source_link(self, article: Article) -> str:
        if not article.url:
            return "—"
        return format_html('<a href="{}" rel="noopener noreferrer" target="_blank">{}</a>', article.url, article.url)
