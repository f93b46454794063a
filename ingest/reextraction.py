"""Which articles to extract again when curators teach the gazetteer a new name."""

from django.db.models import Q

from ingest.models import Article

# A very common alias ("AS" in Indonesian text) would otherwise queue the whole archive at once;
# the extractor, not this substring match, decides what a mention means.
MAX_ARTICLES = 5000


def find_articles_mentioning(names: list[str]) -> list[int]:
    """Ids of extracted or failed articles whose cleaned text contains any of the names."""
    names = [n.strip() for n in names if n and n.strip()]
    if not names:
        return []
    mentions = Q()
    for name in names:
        mentions |= Q(text__icontains=name)
    done = [Article.Status.EXTRACTED, Article.Status.FAILED]
    return list(
        Article.objects.filter(status__in=done).filter(mentions).order_by("id").values_list("id", flat=True)[
            :MAX_ARTICLES
        ]
    )
