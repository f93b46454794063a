"""The staff-only Ingest page: paste URLs or a feed, watch each job until it is extracted or failed."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Count
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from ingest import pipeline, sources
from ingest.models import Article, Feed

MAX_URLS = 200
SESSION_ARTICLES = "ingest_article_ids"
SESSION_FEEDS = "ingest_feed_ids"
DONE = {Article.Status.EXTRACTED, Article.Status.FAILED, Article.Status.DUPLICATE}


@staff_member_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def ingest_page(request: HttpRequest):
    if request.method == "POST":
        submit_pasted(request)
        return redirect("ingest:page")
    context = jobs_context(request)
    template = (
        "ingest/page.html#jobs" if request.htmx and not request.htmx.history_restore_request else "ingest/page.html"
    )
    return render(request, template, context)


def submit_pasted(request: HttpRequest) -> None:
    lines = [line.strip() for line in request.POST.get("urls", "").splitlines() if line.strip()]
    as_feed = request.POST.get("kind") == "feed"
    article_ids = list(request.session.get(SESSION_ARTICLES, []))
    feed_ids = list(request.session.get(SESSION_FEEDS, []))
    if len(lines) > MAX_URLS:
        messages.warning(request, gettext("Only the first %(count)s lines were read.") % {"count": MAX_URLS})
    for line in lines[:MAX_URLS]:
        try:
            if as_feed:
                feed, _ = sources.submit_feed(line)
                feed_ids = [feed.pk] + [pk for pk in feed_ids if pk != feed.pk]
            else:
                submission = sources.submit_url(line)
                article_ids = [submission.article.pk] + [pk for pk in article_ids if pk != submission.article.pk]
        except pipeline.UnusableArticle as exc:
            messages.error(request, str(exc))
    request.session[SESSION_ARTICLES] = article_ids[:MAX_URLS]
    request.session[SESSION_FEEDS] = feed_ids[:20]


def jobs_context(request: HttpRequest) -> dict:
    feeds = list(Feed.objects.filter(pk__in=request.session.get(SESSION_FEEDS, [])).select_related("outlet"))
    ids = list(request.session.get(SESSION_ARTICLES, []))
    ids += list(Article.objects.filter(feed__in=feeds).order_by("-pk").values_list("pk", flat=True)[:100])
    articles = (
        Article.objects.filter(pk__in=ids)
        .annotate(event_total=Count("evidence__event", distinct=True))
        .select_related("duplicate_of")
        .prefetch_related("evidence__event")
        .order_by("-pk")
    )
    jobs = [{"article": a, "events": sorted({e.event for e in a.evidence.all()}, key=lambda e: e.pk)} for a in articles]
    pending = any(job["article"].status not in DONE for job in jobs)
    return {"jobs": jobs, "feeds": feeds, "pending": pending}
