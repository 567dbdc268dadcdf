"""``/docs``: the API reference, rendered on the server from the app's own OpenAPI schema.

FastAPI's Swagger UI and ReDoc pages load their JavaScript from a CDN, which an offline
deployment cannot reach; this page needs nothing but the server. The machine-readable schema
stays at ``/openapi.json``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .render import e, layout

_METHOD_ORDER = ("get", "post", "put", "patch", "delete")


def _resolve(spec: Mapping[str, Any], schema: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """Follow a local ``$ref`` (one level is enough for our schemas)."""
    if not schema:
        return {}
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        node: Any = spec
        for part in ref[2:].split("/"):
            node = node.get(part, {}) if isinstance(node, Mapping) else {}
        return node if isinstance(node, Mapping) else {}
    return schema


def _type(spec: Mapping[str, Any], schema: Mapping[str, Any] | None) -> str:
    """A short type name: ``string``, ``integer``, ``array of string``, ``string | null`` …"""
    s = _resolve(spec, schema)
    if "anyOf" in s:
        return " | ".join(_type(spec, x) for x in s["anyOf"])
    t = s.get("type")
    if t == "array":
        return f"array of {_type(spec, s.get('items'))}"
    if t:
        return str(t)
    if "$ref" in (schema or {}):
        return str((schema or {})["$ref"]).rsplit("/", 1)[-1]
    return "any"


def _params_table(spec: Mapping[str, Any], params: list[Mapping[str, Any]]) -> str:
    if not params:
        return ""
    rows = "".join(
        f'<tr><td><code>{e(p.get("name"))}</code></td><td>{e(p.get("in"))}</td>'
        f'<td>{"yes" if p.get("required") else "no"}</td><td class="code">{e(_type(spec, p.get("schema")))}</td>'
        f'<td>{e(p.get("description") or _resolve(spec, p.get("schema")).get("description") or "")}</td></tr>'
        for p in params
    )
    return ('<table class="params"><thead><tr><th scope="col">Parameter</th><th scope="col">In</th>'
            '<th scope="col">Required</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _body_table(spec: Mapping[str, Any], body: Mapping[str, Any] | None) -> str:
    if not body:
        return ""
    content = body.get("content") or {}
    schema = _resolve(spec, (content.get("application/json") or {}).get("schema"))
    props = schema.get("properties") or {}
    required = set(schema.get("required") or [])
    rows = "".join(
        f'<tr><td><code>{e(name)}</code></td><td>{"yes" if name in required else "no"}</td>'
        f'<td class="code">{e(_type(spec, prop))}</td><td>{e(prop.get("description") or "")}</td></tr>'
        for name, prop in props.items()
    )
    return (f"<p>JSON body <code>{e(schema.get('title') or '')}</code>: {e(schema.get('description') or '')}</p>"
            '<table class="params"><thead><tr><th scope="col">Field</th><th scope="col">Required</th>'
            f'<th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>{rows}</tbody></table>')


def _inline(text: str) -> str:
    """Escape, then turn `code` spans into <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", e(text))


def _markdown(text: str) -> str:
    """The little Markdown our descriptions use: paragraphs, ``* `` bullet lists, `code`."""
    out = []
    for block in text.strip().split("\n\n"):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if lines and all(ln.startswith("* ") for ln in lines):
            out.append("<ul>" + "".join(f"<li>{_inline(ln[2:])}</li>" for ln in lines) + "</ul>")
        elif lines:
            out.append(f"<p>{_inline(' '.join(lines))}</p>")
    return "".join(out)


def render_api_docs(spec: Mapping[str, Any]) -> str:
    """The HTML API reference of an OpenAPI 3 schema."""
    info = spec.get("info") or {}
    tags = {t["name"]: t.get("description", "") for t in spec.get("tags") or []}
    by_tag: dict[str, list[str]] = {name: [] for name in tags}
    for path, ops in (spec.get("paths") or {}).items():
        for method in _METHOD_ORDER:
            op = ops.get(method)
            if not op:
                continue
            tag = (op.get("tags") or ["other"])[0]
            anchor = f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", "")
            responses = ", ".join(f"<code>{e(code)}</code> {e(r.get('description', ''))}"
                                  for code, r in (op.get("responses") or {}).items())
            try_it = (f' <a href="{e(path)}">try it</a>' if method == "get" and "{" not in path
                      and not any(p.get("required") for p in op.get("parameters") or []) else "")
            by_tag.setdefault(tag, []).append(
                f'<section class="endpoint" id="{e(anchor)}"><h3><span class="method">{method.upper()}</span> '
                f"<code>{e(path)}</code>{try_it}</h3><p>{e(op.get('summary') or '')}</p>"
                f"{_params_table(spec, op.get('parameters') or [])}{_body_table(spec, op.get('requestBody'))}"
                f'<p class="muted">Responses: {responses}</p></section>'
            )
    toc = "".join(f'<li><a href="#tag-{e(t)}">{e(t)}</a></li>' for t, items in by_tag.items() if items)
    sections = "".join(
        f'<h2 id="tag-{e(t)}">{e(t)}</h2><p class="muted">{e(tags.get(t, ""))}</p>{"".join(items)}'
        for t, items in by_tag.items() if items
    )
    desc = _markdown(str(info.get("description") or ""))
    body = (
        f"<h1>{e(info.get('title'))} REST API <span class=\"muted\">{e(info.get('version'))}</span></h1>"
        f'{desc}<p>Machine-readable schema: <a href="/openapi.json">/openapi.json</a> (OpenAPI '
        f"{e(spec.get('openapi'))}).</p><nav aria-label=\"Sections\"><ul>{toc}</ul></nav>{sections}"
    )
    return layout("API reference", body, twin="/openapi.json")
