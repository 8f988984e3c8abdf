// Figures open larger in GLightbox (mkdocs-glightbox wraps each content image in a link and
// creates `lightbox`). For keyboards and screen readers: the enlarged view is a modal dialog
// named after the figure, its buttons speak the page's language (their names come from
// scripts/studysite/strings.py, through workarounds/zoom_labels.py), and closing it puts the
// focus back on the figure that opened it.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof lightbox === "undefined") return;
  const names = JSON.parse(document.body.dataset.zoomLabels || "{}");
  let opener = null;
  lightbox.on("open", () => {
    opener = document.activeElement;
    const dialog = document.querySelector(".glightbox-container");
    if (!dialog) return;
    const figure = opener && opener.querySelector ? opener.querySelector("img") : null;
    const label = names.dialog || "";
    dialog.setAttribute("aria-label", figure && figure.alt ? `${label}: ${figure.alt}` : label);
    dialog.setAttribute("aria-modal", "true");
    for (const [selector, key] of [[".gclose", "close"], [".gprev", "prev"], [".gnext", "next"]]) {
      const button = dialog.querySelector(selector);
      if (button && names[key]) button.setAttribute("aria-label", names[key]);
    }
  });
  // The enlarged image keeps the figure's alt text (GLightbox leaves it empty on some slides).
  lightbox.on("slide_after_load", ({ slideNode, trigger }) => {
    const enlarged = slideNode && slideNode.querySelector(".gslide-image img");
    const figure = trigger && trigger.querySelector ? trigger.querySelector("img") : null;
    if (enlarged && figure) enlarged.alt = figure.alt;
  });
  lightbox.on("close", () => {
    if (opener && typeof opener.focus === "function") opener.focus();
    opener = null;
  });
});
