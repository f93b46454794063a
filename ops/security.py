"""Framing is refused site-wide (X-Frame-Options DENY, CSP frame-ancestors 'none'); embeds opt in."""

from functools import wraps

from csp.decorators import csp_replace
from django.views.decorators.clickjacking import xframe_options_exempt


def allow_framing(view):
    """For embed pages only: any site may frame the view; everything else in the policy still holds."""

    @xframe_options_exempt
    @csp_replace({"frame-ancestors": ["*"]})
    @wraps(view)
    def framed(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return framed
