from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .models import Event


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    events = Event.objects.visible().in_date_order()
    return HttpResponse("\n".join(str(e) for e in events), content_type="text/plain")


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.visible(), pk=pk)
    return HttpResponse(str(event), content_type="text/plain")
