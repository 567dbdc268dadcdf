"""The dashboard's stylesheet and script, shipped inside the package (no CDN, no network).

Kept as Python strings so they travel with the package whatever the packaging rules for data
files; served at ``/assets/detente.css`` and ``/assets/detente.js``.
"""

from __future__ import annotations

import hashlib

#: Colour-blind-safe QuadClass colours (Okabe–Ito): light/dark blue = cooperation, orange/red = conflict.
CSS = r"""
:root {
  --fg: #1d232b; --muted: #56606c; --bg: #ffffff; --panel: #f5f7f9; --line: #d9dee4;
  --link: #0b5cad; --q1: #56b4e9; --q2: #0072b2; --q3: #e69f00; --q4: #d55e00; --gold: #1d232b;
  --mark: #fff1a8; --actor: #d8ecfb; --recipient: #fde3cf;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC",
    "PingFang SC", "Microsoft YaHei", "Noto Sans Arabic", sans-serif;
  color: var(--fg); background: var(--bg); line-height: 1.5;
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; }
:lang(zh) { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif; }
:lang(ar) { font-family: "Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible {
  outline: 3px solid #ffbf47; outline-offset: 2px;
}
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; z-index: 10; }
header.site { background: #14202e; color: #fff; }
header.site nav { max-width: 1100px; margin: 0 auto; padding: .6rem 1rem; display: flex; gap: 1.2rem;
  align-items: center; flex-wrap: wrap; }
header.site a { color: #fff; text-decoration: none; }
header.site a:hover { text-decoration: underline; }
header.site .brand { font-weight: 700; font-size: 1.15rem; letter-spacing: .02em; }
header.site form { margin-left: auto; display: flex; gap: .3rem; }
header.site input[type=search] { padding: .3rem .5rem; border-radius: 4px; border: 1px solid #6b7785; min-width: 14rem; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .6rem 0 .2rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.sub { color: var(--muted); margin-top: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .6rem; margin: 0; }
.cards div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
.cards dt { color: var(--muted); font-size: .85rem; }
.cards dd { margin: 0; font-size: 1.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-size: .93rem; }
caption { text-align: left; color: var(--muted); padding: .3rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; }
tbody th { background: none; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.type { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .8rem; font-weight: 600;
  letter-spacing: .02em; border: 1px solid transparent; white-space: nowrap; }
.type.q1 { background: #e3f2fc; border-color: var(--q1); }
.type.q2 { background: #d6e8f5; border-color: var(--q2); }
.type.q3 { background: #fdf0d5; border-color: var(--q3); }
.type.q4 { background: #fbe2d4; border-color: var(--q4); }
.code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; color: var(--muted); }
.evidence { max-width: 46rem; }
.evidence a { color: inherit; text-decoration-color: #9aa5b1; }
mark { background: var(--mark); padding: 0 .1em; border-radius: 2px; }
mark.actor { background: var(--actor); }
mark.recipient { background: var(--recipient); }
mark.trigger { background: var(--mark); font-weight: 600; }
.chart { width: 100%; height: auto; display: block; background: #fff; }
.chart text { font-size: 12px; fill: var(--muted); }
.chart .axis-title { font-size: 12px; fill: var(--fg); }
.chart .grid { stroke: #eceff2; }
.chart .zero { stroke: #8a939d; stroke-dasharray: 4 3; }
.chart .axis-time line { stroke: #8a939d; }
.chart rect.q1 { fill: var(--q1); } .chart rect.q2 { fill: var(--q2); }
.chart rect.q3 { fill: var(--q3); } .chart rect.q4 { fill: var(--q4); }
.chart .goldstein polyline { fill: none; stroke: var(--gold); stroke-width: 2; }
.chart .goldstein circle { fill: var(--gold); stroke: #fff; stroke-width: 1.5; }
.chart .empty { font-size: 16px; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: .4rem 0; font-size: .9rem; }
.legend .sw { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; vertical-align: -2px; margin-right: .3rem; }
.legend .sw.q1 { background: var(--q1); } .legend .sw.q2 { background: var(--q2); }
.legend .sw.q3 { background: var(--q3); } .legend .sw.q4 { background: var(--q4); }
.legend .sw.gold { background: none; border-top: 2px solid var(--gold); height: 0; width: 1.2rem; vertical-align: 3px; }
.sparkline polyline { fill: none; stroke: var(--q2); stroke-width: 1.5; }
.sparkline circle { fill: var(--q2); }
form.controls { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: .8rem 0; }
form.controls label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .15rem; }
form.controls input, form.controls select { font: inherit; padding: .25rem .4rem; border: 1px solid #9aa5b1; border-radius: 4px; }
button { font: inherit; padding: .3rem .9rem; border-radius: 4px; border: 1px solid #0b5cad; background: #0b5cad; color: #fff; cursor: pointer; }
.pager { display: flex; gap: 1rem; margin: .6rem 0; }
details { margin: .6rem 0; }
summary { cursor: pointer; color: var(--link); }
.doc-text { white-space: pre-wrap; background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
  padding: .8rem 1rem; max-width: 52rem; overflow-wrap: anywhere; }
.doc-text mark.evidence { background: var(--mark); }
.removed { white-space: pre-wrap; color: var(--muted); overflow-wrap: anywhere; }
.flag { display: inline-block; background: #fbe2d4; border: 1px solid var(--q4); border-radius: 3px;
  padding: 0 .4rem; font-size: .85rem; margin: 0 .3rem .3rem 0; }
.flag.ok { background: #e3f2e6; border-color: #3a8a4c; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; }
.mention { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: .6rem 0; }
.mention h3 { font-size: 1rem; margin: 0 0 .3rem; }
.muted { color: var(--muted); }
footer { max-width: 1100px; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
.endpoint { border-top: 1px solid var(--line); padding: .4rem 0 .6rem; }
.endpoint h3 { font-size: 1rem; margin: .4rem 0 .2rem; }
.endpoint .method { display: inline-block; min-width: 3.6rem; font-size: .8rem; background: var(--q2); color: #fff;
  border-radius: 3px; padding: 0 .4rem; text-align: center; }
table.params { margin: .3rem 0; }
.error-box { border: 1px solid var(--q4); background: #fbe2d4; border-radius: 6px; padding: .8rem 1rem; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e9ed; --muted: #a7b0ba; --bg: #11161c; --panel: #1a222b; --line: #2c3641; --link: #79b8ff;
    --gold: #f2f4f6; --mark: #6b5b00; --actor: #143a57; --recipient: #5a2a0e; }
  .chart { background: var(--bg); }
  .chart .grid { stroke: #222b35; }
  .type.q1, .type.q2, .type.q3, .type.q4, .flag { background: transparent; }
  .chart .goldstein circle { stroke: var(--bg); }
}
"""

#: Progressive enhancement only: every page works without it.
JS = r"""
// Submit the dashboard's filter form as soon as a select changes (keyboard users keep the button).
document.querySelectorAll('form.controls select').forEach(function (el) {
  el.addEventListener('change', function () { el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit(); });
});
"""


#: Content hashes appended to the asset URLs, so browsers never keep a stale copy after an upgrade.
CSS_VERSION = hashlib.sha256(CSS.encode()).hexdigest()[:10]
JS_VERSION = hashlib.sha256(JS.encode()).hexdigest()[:10]
