// Text contrast against the background a reader actually sees, gradients included.
//
// axe-core gives up on text over a background-image (it reports "incomplete", not a
// violation), so red-gradient footers and banners slipped through. This check walks every
// visible element that has text of its own, finds the backgrounds behind it (background
// colours and every colour stop of CSS gradients on the element and its ancestors), and
// measures the text colour against the worst of them. WCAG 2.1 SC 1.4.3: 4.5:1 for normal
// text, 3:1 for large text (24px, or 18.66px bold). Returns the failures.
() => {
  const parseColour = (text) => {
    const match = text.match(/rgba?\(([^)]+)\)/);
    if (!match) return null;
    const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const colourStops = (backgroundImage) =>
    (backgroundImage.match(/rgba?\([^)]+\)/g) || []).map(parseColour);
  const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (value) => {
      const s = value / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (first, second) => {
    const [light, dark] = [luminance(first), luminance(second)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  const WHITE = { r: 255, g: 255, b: 255, a: 1 };

  // The possible backgrounds behind an element: every combination that a gradient stop can
  // produce, blended over what lies below, down to the first opaque layer (or the canvas).
  const backgroundsBehind = (element) => {
    const layers = [];
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      const image = style.backgroundImage;
      if (image && image !== "none") {
        if (/url\(/.test(image) && !/gradient/.test(image)) return null; // a picture: cannot judge
        const stops = colourStops(image);
        if (stops.length) {
          layers.push(stops);
          if (stops.every((stop) => stop.a >= 1)) break;
        }
      }
      const colour = parseColour(style.backgroundColor);
      if (colour && colour.a > 0) {
        layers.push([colour]);
        if (colour.a >= 1) break;
      }
    }
    let candidates = [WHITE];
    for (const layer of layers.reverse()) {
      candidates = layer.flatMap((stop) => candidates.map((below) => blend(stop, below)));
    }
    return candidates;
  };

  const ownText = (element) =>
    Array.from(element.childNodes).some((child) => child.nodeType === 3 && child.textContent.trim() !== "");
  const isVisible = (element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false; // visually hidden (screen-reader text)
    if (rect.right <= 0 || rect.bottom <= 0) return false; // moved off screen (skip link)
    const style = getComputedStyle(element);
    if (style.visibility !== "visible" || style.display === "none") return false;
    for (let node = element; node; node = node.parentElement) {
      const nodeStyle = getComputedStyle(node);
      if (Number(nodeStyle.opacity) === 0) return false;
      if (nodeStyle.clip && nodeStyle.clip !== "auto" && nodeStyle.position === "absolute") return false;
    }
    return true;
  };
  const describe = (element) => {
    let path = element.tagName.toLowerCase();
    if (element.id) path += `#${element.id}`;
    else if (element.classList.length) path += `.${Array.from(element.classList).join(".")}`;
    const parent = element.parentElement;
    if (parent && parent !== document.body) {
      const parentName = parent.tagName.toLowerCase() + (parent.classList.length ? `.${parent.classList[0]}` : "");
      path = `${parentName} > ${path}`;
    }
    return path;
  };
  const hex = ({ r, g, b }) => "#" + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

  const failures = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (["SCRIPT", "STYLE", "NOSCRIPT", "OPTION", "TEMPLATE"].includes(element.tagName)) continue;
    if (!ownText(element) || !isVisible(element)) continue;
    if (element.closest(":disabled, [aria-disabled='true']")) continue; // inactive controls are exempt
    const backgrounds = backgroundsBehind(element);
    if (!backgrounds) continue;
    const style = getComputedStyle(element);
    const colour = parseColour(style.color);
    if (!colour) continue;
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const required = large ? 3 : 4.5;
    let worst = null;
    for (const background of backgrounds) {
      const value = ratio(blend(colour, background), background);
      if (!worst || value < worst.value) worst = { value, background };
    }
    if (worst.value < required) {
      failures.push({
        element: describe(element),
        text: element.textContent.trim().slice(0, 60),
        ratio: Math.round(worst.value * 100) / 100,
        required,
        color: hex(colour),
        background: hex(worst.background),
      });
    }
  }
  return failures.slice(0, 10);
}
