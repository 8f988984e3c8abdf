// Typeset math with the site's own KaTeX, on first load and after each instant navigation:
// what pymdownx.arithmatex marked on pages (\( \) and \[ \]), and $...$ in the markdown
// cells of lab notebooks. A "$" anywhere else (prose, code, output) stays text.
document$.subscribe(({ body }) => {
  const options = (delimiters) => ({ delimiters, throwOnError: false });
  for (const element of body.querySelectorAll(".arithmatex")) {
    renderMathInElement(element, options([
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ]));
  }
  for (const element of body.querySelectorAll(".jp-RenderedMarkdown")) {
    renderMathInElement(element, options([
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
    ]));
  }
});
