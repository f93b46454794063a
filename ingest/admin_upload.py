"""The admin's upload page for articles (.txt, .html, .jsonl)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ingest.uploads import ingest_upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        return [single(d, initial) for d in data] if isinstance(data, list | tuple) else [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(label=_("Files (.txt, .html, .jsonl)"))


def handle_upload(model_admin, request):
    if not model_admin.has_add_permission(request):
        return redirect("admin:ingest_article_changelist")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        queued = known = 0
        for upload in form.cleaned_data["files"]:
            report = ingest_upload(upload.name, upload.read())
            queued, known = queued + report.queued, known + report.known
            for error in report.errors[:20]:
                messages.error(request, error)
        queued_text = ngettext("%(count)s article queued", "%(count)s articles queued", queued) % {"count": queued}
        known_text = ngettext("%(count)s already known", "%(count)s already known", known) % {"count": known}
        messages.success(request, gettext("%(queued)s, %(known)s.") % {"queued": queued_text, "known": known_text})
        return redirect("admin:ingest_article_changelist")
    context = {**model_admin.admin_site.each_context(request), "form": form, "opts": model_admin.model._meta}
    return TemplateResponse(request, "admin/ingest/article/upload.html", context)
