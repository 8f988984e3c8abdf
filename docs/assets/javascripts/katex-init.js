// Typeset only what pymdownx.arithmatex marked as math (generic mode wraps it in \( \) or
// \[ \]), on first load and after each instant navigation. A "$" in prose or output stays text.
document$.subscribe(({ body }) => {
  for (const element of body.querySelectorAll(".arithmatex")) {
    renderMathInElement(element, {
      delimiters: [
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true },
      ],
      throwOnError: false,
    });
  }
});
