// Which NL Design System component CSS the site ships: `npm run build:css` (the Makefile's
// `static/vendor/.built` and deploy/Dockerfile run it). PurgeCSS keeps a rule of
// @utrecht/component-library-css only when one of its class names occurs in our templates,
// Python or JavaScript; the rest (about 85% of the file) never reaches a visitor.
// tests/theme/test_component_css.py checks that every `utrecht-*` class in our templates
// still has its rules. The design tokens are ours: static/css/theme.css.
module.exports = {
  css: ["node_modules/@utrecht/component-library-css/dist/index.css"],
  output: "static/vendor/utrecht-components.css",
  content: [
    // Every app's templates and Python (a class may be set in a form widget or format_html);
    // node_modules is not ours, tests only look at pages.
    "!(node_modules|tests|staticfiles|media|test-artifacts)/**/*.{html,py}",
    "static/js/*.js",
  ],
  safelist: {
    // Modifiers composed in a template ("utrecht-alert--{% if … %}error{% endif %}"): the
    // extractor sees only "utrecht-alert--", so every variant of these blocks stays.
    greedy: [/^utrecht-alert--/],
  },
  // Custom properties and keyframes are kept as they are: the theme sets the tokens.
  variables: false,
  keyframes: false,
  fontFace: false,
};
