"""Build steps of the site that do not depend on one static-site engine.

- `calc_markers`: a Python-Markdown extension that renders `<!-- calc:KIND ID -->` markers.
- `postbuild`: run after any engine has written the site: publishes the Python runtime,
  content-hashes the page modules, applies the Content-Security-Policy, checks the output and
  precompresses it (`python -m build_tools.postbuild SITE_DIR`).
- `serve`: serves a built site as a production static host should (`python -m build_tools.serve`).

The MkDocs hook in `hooks/` only connects these to MkDocs's events; another engine (Zensical)
runs the same extension from `markdown_extensions` and calls the post-build step itself.
"""


class SiteError(Exception):
    """The built site is incomplete or inconsistent: the build must fail. One problem per line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))
