"""The result chart is rebuilt from an allow-list, in Chromium.

No link, style, script, animation or outside reference in the markup reaches the page, and the
real chart comes through whole.
"""

from __future__ import annotations

import json

import pytest

import trdcalc

pytestmark = pytest.mark.browser

SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
EVIL = "http://evil.example/"


def chart(inner="", rect="", root=""):
    """A chart with one harmless rectangle (which must survive) and the attack around it."""
    return f'<svg {SVG}{root}><rect width="5" height="5"{rect}/>{inner}</svg>'


HOSTILE = {
    "script": chart("<script>window.hit = 1</script>"),
    "event attribute": chart(rect=' onclick="window.hit=1"', root=' onload="window.hit=1"'),
    "link": chart(f'<a href="{EVIL}"><text>go</text></a>'),
    "xlink": chart(f'<text xlink:href="{EVIL}">go</text>'),
    "animated href": chart(
        f'<g><animate attributeName="href" values="{EVIL}"/>'
        f'<set attributeName="fill" to="url({EVIL}#p)"/></g>'
    ),
    "style element": chart(f"<style>@import url({EVIL}x.css);</style>"),
    "style attribute": chart(rect=f' style="fill:url({EVIL}x)"'),
    "outside fill": chart(rect=f' fill="url({EVIL}x.svg#p)"'),
    "use and image": chart(
        f'<use href="{EVIL}x.svg#a"/><image href="{EVIL}x.png" width="9" height="9"/>'
    ),
    "foreign object": chart(
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
        f'<img src="{EVIL}x.png"/></div></foreignObject>'
    ),
    "nested svg": chart("<svg><script>window.hit=1</script></svg>"),
    "javascript value": chart(rect=' fill="javascript:alert(1)"'),
    "markup as text": chart(f'<text><![CDATA[<img src="{EVIL}x">]]></text>'),
}

NOT_SVG = {
    "html root": '<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>',
    "broken": f"<svg {SVG}><rect></svg>",
    "entity bomb": (
        '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        f'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg {SVG}><text>&c;</text></svg>'
    ),
    "not text": 42,
}

IMPORT_AND_RUN = """async (cases) => {
  // The page script arrives after the page (site.mjs imports it): wait for its chart module.
  const moduleUrl = () => performance.getEntriesByType("resource").map((e) => e.name)
    .find((name) => /\\/calc-svg[^/]*\\.mjs$/.test(name));
  for (let waited = 0; !moduleUrl() && waited < 30000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { chartFromMarkup } = await import(moduleUrl());
  const out = {};
  for (const [name, markup] of Object.entries(cases)) {
    const svg = chartFromMarkup(markup);
    if (svg) document.body.append(svg); // in the page, where a link or style would act
    out[name] = svg && {
      html: svg.outerHTML,
      tags: [svg, ...svg.querySelectorAll("*")].map((node) => node.localName),
      attributes: [svg, ...svg.querySelectorAll("*")].flatMap((node) => node.getAttributeNames()),
    };
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { out, hit: window.hit ?? null };
}"""

ALLOWED_TAGS = {"svg", "g", "rect", "text", "title"}
FORBIDDEN_TEXT = ("href", "style", "script", "url(", "javascript", "<img", "animate")


def run(page, base_url, cases):
    page.goto(base_url + "evidence/stard-calculator/")
    page.wait_for_load_state("load")
    return page.evaluate(IMPORT_AND_RUN, cases)


def test_hostile_charts_lose_every_attack_and_keep_the_shapes(page, base_url):
    result = run(page, base_url, HOSTILE)
    assert result["hit"] is None
    for name, chart in result["out"].items():
        assert chart, name
        assert set(chart["tags"]) <= ALLOWED_TAGS, (name, chart["tags"])
        assert "rect" in chart["tags"], name
        assert not [a for a in chart["attributes"] if a.startswith("on") or "href" in a], name
        lowered = chart["html"].lower().replace("&lt;img", "")
        assert not [word for word in FORBIDDEN_TEXT if word in lowered], (name, chart["html"])
    cdata = result["out"]["markup as text"]["html"]
    assert "&lt;img" in cdata, cdata  # kept as words, never as an element
    assert not [url for url in page.requests if "evil.example" in url]
    assert not page.errors


def test_markup_that_is_not_an_svg_gives_no_chart(page, base_url):
    result = run(page, base_url, NOT_SVG)
    assert result["out"] == dict.fromkeys(NOT_SVG)
    assert not page.errors


def test_the_real_chart_comes_through_whole(page, base_url):
    text, _ = trdcalc.run_json("stard", json.dumps({"remission_percents": [36.8, 30.6, 13.7, 13]}))
    markup = json.loads(text)["chart_svg"]
    chart = run(page, base_url, {"stard": markup})["out"]["stard"]
    assert chart["tags"].count("rect") == markup.count("<rect")
    assert chart["tags"].count("text") == markup.count("<text")
    assert chart["tags"].count("title") == 1
    assert {"viewBox", "role", "aria-label", "fill", "stroke", "font-size"} <= set(
        chart["attributes"]
    )
