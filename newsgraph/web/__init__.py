"""The analyst's workbench: an HTTP API over ``newsgraph.query`` and a browser UI (``newsgraph serve``)."""

from newsgraph.web.app import create_app

__all__ = ["create_app"]
