"""The calculator-marker extension in plain Python-Markdown, without any site engine."""

from __future__ import annotations

import os
import shutil
import sys

import markdown
import pytest

import trdcalc
from build_tools import calc_markers, package
from tests.conftest import CALCULATORS


def render(text: str, **config) -> str:
    return markdown.markdown(
        text,
        extensions=["fenced_code", "build_tools.calc_markers"],
        extension_configs={"build_tools.calc_markers": config},
    )


def test_markers_become_the_calculators_markup():
    html = render("Intro.\n\n<!-- calc:form msm -->\n\n<!-- calc:table msm -->\n")
    assert '<form class="calc-form" data-calc="msm"' in html
    assert 'data-calc-table="msm"' in html
    assert "<!--" not in html


def test_a_marker_shown_as_code_is_left_alone():
    html = render("```html\n<!-- calc:form msm -->\n```\n\nInline `<!-- calc:from x -->` too.\n")
    assert "&lt;!-- calc:form msm --&gt;" in html
    assert "data-calc=" not in html


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("<!-- calc:form no_such_calc -->", "unknown calculator 'no_such_calc'"),
        ("<!-- calc:from msm -->", "unknown marker kind 'from'"),
        ("<!-- calc:form -->", "bad calculator marker"),
        ("<!-- calc form msm -->", "bad calculator marker"),
        ("<!--calc:form MSM -->", "bad calculator marker"),
        ("<!-- Calc:form msm -->", "bad calculator marker"),
        ("<!-- calc:form msm extra -->", "bad calculator marker"),
        ("<!-- calculators below -->", "bad calculator marker"),
    ],
)
def test_anything_that_starts_like_a_marker_must_be_one(marker, message):
    with pytest.raises(calc_markers.MarkerError, match=message) as error:
        render(f"Text.\n\n{marker}\n")
    assert marker in str(error.value)


def test_other_comments_pass_through():
    assert "<!-- an editor's note -->" in render("<!-- an editor's note -->\n")


def test_a_new_marker_kind_is_one_registration(monkeypatch):
    monkeypatch.setitem(
        calc_markers.MARKERS, "title", lambda _context, calc_id: f"<p>{calc_id} by hand</p>"
    )
    assert "<p>msm by hand</p>" in render("<!-- calc:title msm -->\n")


def test_template_markers_render_their_template(tmp_path, monkeypatch):
    shutil.copytree(calc_markers.TEMPLATES_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "rules.html.j2").write_text("<ol data-rules='{{ calc.id }}'></ol>")
    monkeypatch.setattr(calc_markers, "MARKERS", dict(calc_markers.MARKERS))
    calc_markers.template_marker("rules")
    html = render("<!-- calc:rules msm -->\n", templates_dir=str(tmp_path))
    assert "<ol data-rules='msm'></ol>" in html


def test_an_edited_calculator_is_read_again(tmp_path):
    """No state from one build leaks into the next: `mkdocs serve` sees edits at once."""
    shutil.copytree(CALCULATORS / "trdcalc", tmp_path / "trdcalc")
    first = package.load(tmp_path)
    assert render("<!-- calc:form msm -->", calculators_dir=str(tmp_path)).count("data-calc=") == 1
    msm = tmp_path / "trdcalc" / "msm.py"
    msm.write_text(msm.read_text() + "\n# edited\n")
    os.utime(msm, ns=(msm.stat().st_atime_ns, msm.stat().st_mtime_ns + 10**9))
    second = package.load(tmp_path)
    assert second.digest != first.digest
    html = render("<!-- calc:form msm -->", calculators_dir=str(tmp_path))
    assert f'data-calc-package="{second.digest}"' in html
    assert sys.modules["trdcalc"] is trdcalc  # the build's copy never replaces the tests' import
