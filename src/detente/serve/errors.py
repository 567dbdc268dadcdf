"""One error shape for the whole API: ``{"error": {"code", "message", "details"}}``.

:class:`ApiError` is raised by the endpoints; :func:`install_error_handlers` turns it, parameter
errors, FastAPI's request-validation errors, HTTP errors (404, 405 …) and unexpected exceptions
into that shape — or into an HTML error page for a browser asking for a dashboard page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DataError, DetenteError, InputError, StoreError
from .jsonutil import json_response
from .params import ParamError
from .render import error_page

log = logging.getLogger("detente.serve")

#: HTTP status → error code used when a plain HTTP error is raised.
STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    """The body of an error (for the OpenAPI documentation)."""

    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    """Every API error: ``{"error": {"code", "message", "details"}}``."""

    error: ErrorDetail


#: ``responses=`` entry documenting the error shape in OpenAPI.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Not found"},
    422: {"model": ErrorResponse, "description": "Invalid parameter"},
}


class ApiError(Exception):
    """An error an endpoint returns on purpose, with its HTTP status, code, message and details."""

    def __init__(self, status: int, code: str, message: str, details: Any = None) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        super().__init__(message)


def not_found(kind: str, ident: str) -> ApiError:
    """A 404 for a missing record."""
    return ApiError(404, "not_found", f"no {kind} with id {ident!r}", {"kind": kind, "id": ident})


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The one error shape."""
    return {"error": {"code": code, "message": message, "details": details}}


def wants_html(request: Request) -> bool:
    """True when a browser asked for a dashboard page (not the API, not a JSON twin)."""
    path = request.url.path
    if path.startswith(("/api/", "/docs", "/openapi", "/redoc", "/assets/")) or path.endswith((".json", ".csv")):
        return False
    if request.query_params.get("format", "").lower() in ("json", "csv"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, code: str, message: str, details: Any = None) -> Response:
    """The error as JSON (API, twins, scripts) or as an HTML page (browsers on dashboard pages)."""
    if wants_html(request):
        return HTMLResponse(error_page(status, code, message, details), status_code=status)
    return json_response(error_body(code, message, details), status=status)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        param = ".".join(loc[1:]) if len(loc) > 1 else ".".join(loc)
        value = err.get("input")
        if not isinstance(value, str | int | float | bool | type(None)):
            value = None
        out.append({"param": param or "body", "location": loc[0] if loc else None,
                    "value": value, "message": err.get("msg", "invalid")})
    return out


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(ParamError)
    async def _param_error(request: Request, exc: ParamError) -> Response:
        return error_response(request, 422, "invalid_parameter", str(exc), [i.to_dict() for i in exc.issues])

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        msg = "; ".join(f"{d['param']}: {d['message']}" for d in details) or "invalid request"
        return error_response(request, 422, "invalid_parameter", msg, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = STATUS_CODES.get(exc.status_code, "http_error")
        message = str(exc.detail) if exc.detail else code
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}"
        resp = error_response(request, exc.status_code, code, message, None)
        if exc.headers:
            resp.headers.update(exc.headers)
        return resp

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> Response:
        return error_response(request, 422, "invalid_input", str(exc), {"record": exc.record, "reason": exc.reason})

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError) -> Response:
        return error_response(request, 503, "unavailable", str(exc), None)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request, 500, "store_error", str(exc), None)

    @app.exception_handler(DetenteError)
    async def _detente_error(request: Request, exc: DetenteError) -> Response:
        return error_response(request, 500, "detente_error", str(exc), {"type": type(exc).__name__})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "internal_error", "internal server error", {"type": type(exc).__name__})
