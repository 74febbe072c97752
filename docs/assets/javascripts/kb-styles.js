/* The site's stylesheet arrives as a preload, so that it does not hold up the first paint: the
   rules of the first screen are inline in <head> (scripts/kennisbank/site/critical_css.py).
   Here it becomes a stylesheet; without script, a <noscript> link loads it. */
document.querySelectorAll('link[rel="preload"][as="style"]').forEach(function (link) {
  link.rel = "stylesheet";
});
