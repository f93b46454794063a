"""Curation actions on articles: extract again with the current extractor."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin import ArticleAdmin
from .models import Article


class CurationArticleAdmin(ArticleAdmin):
    list_display = [*ArticleAdmin.list_display, "short_error"]
    actions = [*ArticleAdmin.actions, "reextract"]

    @admin.display(description=_("error"))
    def short_error(self, article: Article) -> str:
        return article.error if len(article.error) <= 80 else f"{article.error[:79]}…"

    @admin.action(description=_("Extract the selected articles again with the current extractor"))
    def reextract(self, request, queryset):
        from ingest.tasks import reextract_article_task

        # Articles still waiting for their page have nothing to extract yet.
        ready = queryset.exclude(status__in=[Article.Status.QUEUED, Article.Status.FETCHING])
        ids = list(ready.values_list("pk", flat=True))
        for article_id in ids:
            reextract_article_task.delay_on_commit(article_id=article_id)
        message = ngettext(
            "%(count)s article queued for extraction; its reports merge into the events they support.",
            "%(count)s articles queued for extraction; their reports merge into the events they support.",
            len(ids),
        )
        self.message_user(request, message % {"count": len(ids)}, messages.SUCCESS)


admin.site.unregister(Article)
admin.site.register(Article, CurationArticleAdmin)
