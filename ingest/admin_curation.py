"""Curation actions on articles: extract again with the current extractor."""

from django.contrib import admin, messages

from .admin import ArticleAdmin
from .models import Article


class CurationArticleAdmin(ArticleAdmin):
    list_display = [*ArticleAdmin.list_display, "short_error"]
    actions = [*ArticleAdmin.actions, "reextract"]

    @admin.display(description="error")
    def short_error(self, article: Article) -> str:
        return article.error if len(article.error) <= 80 else f"{article.error[:79]}…"

    @admin.action(description="Extract the selected articles again with the current extractor")
    def reextract(self, request, queryset):
        from ingest.tasks import reextract_article_task

        # Articles still waiting for their page have nothing to extract yet.
        ready = queryset.exclude(status__in=[Article.Status.QUEUED, Article.Status.FETCHING])
        ids = list(ready.values_list("pk", flat=True))
        for article_id in ids:
            reextract_article_task.delay_on_commit(article_id=article_id)
        self.message_user(
            request,
            f"{len(ids)} article(s) queued for extraction; their reports merge into the events they support.",
            messages.SUCCESS,
        )


admin.site.unregister(Article)
admin.site.register(Article, CurationArticleAdmin)
