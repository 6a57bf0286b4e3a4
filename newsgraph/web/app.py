"""The HTTP API and the static web UI. A thin layer: every answer comes from ``newsgraph.query``.

Article text is untrusted: the API returns it as JSON strings and the UI renders it as text. Every
response carries a Content-Security-Policy that allows scripts, styles, images and requests from this
origin only, and no inline script, so markup smuggled into an article cannot run even if it reached
the DOM as markup.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import query
from newsgraph.store import Store, StoreError

STATIC = Path(__file__).parent / "static"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets inline styles on its elements; its page shows the API's own schema, no article text.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

TAGS = [
    {"name": "entities", "description": "Actors and places: search by any alias, one entity with everything known about it."},
    {"name": "facts", "description": "Relations and events, filtered and paginated; the network and the map."},
    {"name": "documents", "description": "Documents with their cleaned text, removed lines and the spans of every fact."},
    {"name": "corrections", "description": "Merge, split, rename, retype: stored decisions, the same the CLI writes."},
]


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class StoreAccess:
    """One Store (SQLite connection) per server thread, opened on first use; corrections, which write
    and re-run resolution, one at a time."""

    def __init__(self, db: Path):
        self.db = Path(db)
        self._local = threading.local()
        self.write_lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            if not self.db.exists():
                raise ApiError(503, f"no store at {self.db} (run `newsgraph ingest PATH --db {self.db}` first)")
            try:
                store = self._local.store = Store(self.db)
            except StoreError as exc:
                raise ApiError(503, str(exc)) from exc
        return store


class Correction(BaseModel):
    """A correction as the CLI takes it: ``merge A B [--name N]``, ``split ENTITY ALIAS``,
    ``rename ENTITY NAME``, ``retype ENTITY TYPE``."""

    a: str = Field(..., min_length=1, description="The entity (name, alias or id); for merge, the one whose name is kept.",
                   examples=["Karim al-Tarmi"])
    b: str = Field(..., min_length=1, description="merge: the other entity; split: the alias as documents spell it; "
                                                  "rename: the new name; retype: PERSON, ORG or LOC[/subtype].",
                   examples=["Karim Tarmi"])
    name: str | None = Field(None, description="merge only: the merged entity's display name.")


# query parameters several routes share (module level: the annotations are resolved by name)
Dates = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD", examples=["2024-03"])]
BBoxQ = Annotated[str | None, Query(description="west,south,east,north in degrees", examples=["35,32,45,38"])]
Limit = Annotated[int, Query(ge=1, le=10000)]
Offset = Annotated[int, Query(ge=0)]


def _bbox(text: str | None) -> query.BBox | None:
    return query.BBox.parse(text) if text else None


def create_app(db: str | Path) -> FastAPI:
    access = StoreAccess(Path(db))
    app = FastAPI(
        title="newsgraph",
        description="Actors, relations, events, quotes and contradictions reconstructed from news articles, "
                    "each fact with the exact characters that support it. Article text in the answers is "
                    "untrusted input: render it as text.",
        version="1",
        openapi_tags=TAGS,
        docs_url=None,  # the default page loads Swagger UI from a CDN and runs an inline script
        redoc_url=None,
    )
    app.state.access = access

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = DOCS_CSP if request.url.path == "/docs" else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def error(status: int, message: str, **extra: Any) -> JSONResponse:
        return JSONResponse({"error": {"status": status, "message": message, **extra}}, status_code=status)

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError):
        return error(exc.status, exc.message)

    @app.exception_handler(query.NotFound)
    async def not_found(_: Request, exc: query.NotFound):
        return error(404, str(exc).strip("'\""))

    @app.exception_handler(ValueError)
    async def bad_value(_: Request, exc: ValueError):
        return error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'body', 'path'))}: {e['msg']}"
                    for e in exc.errors()]
        return error(422, "invalid request: " + "; ".join(problems), problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = f"no such path: {request.url.path}" if exc.status_code == 404 else str(exc.detail)
        return error(exc.status_code, message)

    def store() -> Store:
        return access.get()

    # -- entities -----------------------------------------------------------------------------

    @app.get("/api/summary", tags=["entities"], summary="What the store holds")
    def summary() -> dict[str, Any]:
        s = store()
        return {"db": str(access.db), "counts": query.summary(s), "facets": query.facets(s)}

    @app.get("/api/search", tags=["entities"], summary="Entities by any alias")
    def search(q: Annotated[str, Query(min_length=1, description="Part of a name or alias, case-insensitive.")],
               type: Annotated[Literal["PERSON", "ORG", "LOC"] | None, Query()] = None,
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
        return {"items": query.search_entities(store(), q, type=type, limit=limit)}

    @app.get("/api/entities", tags=["entities"], summary="Entities, most widely reported first")
    def entities(type: Annotated[Literal["PERSON", "ORG", "LOC"] | None, Query()] = None,
                 min_docs: Annotated[int, Query(ge=0)] = 0,
                 limit: Annotated[int, Query(ge=1, le=5000)] = 100,
                 offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
        rows = query.entities(store(), type=type, min_docs=min_docs)
        return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}

    @app.get("/api/entities/{ref}", tags=["entities"], summary="One entity: aliases and why they were joined, "
             "relations with evidence, events, quotes, documents, gazetteer candidates, corrections")
    def entity(ref: str) -> dict[str, Any]:
        return query.entity_page(store(), ref)

    @app.get("/api/why-same", tags=["entities"], summary="Whether two names are one entity, and why")
    def why_same(a: Annotated[str, Query(min_length=1)], b: Annotated[str, Query(min_length=1)]) -> dict[str, Any]:
        return query.why_same(store(), a, b)

    # -- relations, events, graph, map --------------------------------------------------------------

    @app.get("/api/relations", tags=["facts"], summary="Relations, filtered and paginated")
    def relations(predicate: Annotated[str | None, Query(description="one or more, comma-separated")] = None,
                  actor: Annotated[str | None, Query(description="an entity at either end (name, alias or id)")] = None,
                  place: Annotated[str | None, Query(description="a place at either end")] = None,
                  date_from: Dates = None, date_to: Dates = None, bbox: BBoxQ = None,
                  min_stories: Annotated[int, Query(ge=0)] = 0, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        return query.relations_page(store(), predicate=predicate, actor=actor, place=place, date_from=date_from,
                                    date_to=date_to, bbox=_bbox(bbox), min_stories=min_stories, limit=limit, offset=offset)

    @app.get("/api/events", tags=["facts"], summary="Events, filtered and paginated, in date order")
    def events(type: Annotated[str | None, Query(description="PLOVER or ACLED types, comma-separated")] = None,
               actor: Annotated[str | None, Query(description="an entity taking part, or the place")] = None,
               place: Annotated[str | None, Query(description="where it happened")] = None,
               date_from: Dates = None, date_to: Dates = None, bbox: BBoxQ = None,
               min_stories: Annotated[int, Query(ge=0)] = 0, limit: Limit = 100, offset: Offset = 0,
               evidence: Annotated[bool, Query(description="include evidence spans and reports")] = True) -> dict[str, Any]:
        return query.events_page(store(), type=type, actor=actor, place=place, date_from=date_from, date_to=date_to,
                                 bbox=_bbox(bbox), min_stories=min_stories, limit=limit, offset=offset, evidence=evidence)

    @app.get("/api/events/{event_id}", tags=["facts"], summary="One event with its evidence and the reports behind it")
    def event(event_id: str) -> dict[str, Any]:
        return query.event(store(), event_id)

    @app.get("/api/graph", tags=["facts"], summary="The network of actors and relations")
    def graph(predicate: Annotated[str | None, Query(description="comma-separated")] = None,
              types: Annotated[str | None, Query(description="entity types, comma-separated: PERSON,ORG,LOC")] = None,
              date_from: Dates = None, date_to: Dates = None,
              min_stories: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
        return query.graph(store(), predicate=predicate, types=types, date_from=date_from, date_to=date_to,
                           min_stories=min_stories)

    @app.get("/api/places", tags=["facts"], summary="Located places with their event counts")
    def places() -> dict[str, Any]:
        return {"items": query.places(store())}

    @app.get("/api/quotes", tags=["facts"], summary="Who said what")
    def quotes(speaker: str | None = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        rows = query.quotes(store(), speaker=speaker)
        return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}

    @app.get("/api/contradictions", tags=["facts"], summary="Where sources disagree, with every value and source")
    def contradictions() -> dict[str, Any]:
        return {"items": query.contradictions_view(store())}

    # -- documents ------------------------------------------------------------------------------------

    @app.get("/api/documents", tags=["documents"], summary="Documents")
    def documents(limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        return query.documents_page(store(), limit=limit, offset=offset)

    @app.get("/api/documents/{ref}", tags=["documents"],
             summary="A document: cleaned text, removed lines with reasons, spans of every fact, other copies")
    def document(ref: str) -> dict[str, Any]:
        return query.document_view(store(), ref)

    # -- corrections ----------------------------------------------------------------------------------

    @app.get("/api/corrections", tags=["corrections"], summary="The stored corrections, with whether each applies")
    def corrections() -> dict[str, Any]:
        return {"items": query.corrections(store())}

    @app.post("/api/corrections/{action}", tags=["corrections"], status_code=201,
              summary="Store a correction and re-resolve the entities",
              responses={404: {"description": "an unknown or ambiguous name"}, 400: {"description": "a bad correction"}})
    def correct(action: Literal["merge", "split", "rename", "retype"], body: Annotated[Correction, Body()]) -> dict[str, Any]:
        if body.name and action != "merge":
            raise ApiError(400, f"'name' goes with merge only, not {action}")
        with access.write_lock:
            return query.correct(store(), action, body.a, body.b, name=body.name)

    # -- the UI --------------------------------------------------------------------------------------

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return FileResponse(STATIC / "docs.html")

    return app
