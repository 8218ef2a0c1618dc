// Offline support (issue #10): register public/sw.js for the site's base path, versioned by
// the build (from the page's shell data) and this boot file's own hash, then hand it the page and
// files already loaded so this first page is kept too. `?sw=off` removes the worker and
// its caches. Not in frames: an embedded widget leaves the host site's storage alone.
const sw = navigator.serviceWorker;
if (sw && window.top === window) {
  const base = new URL("./", import.meta.url);
  if (new URLSearchParams(location.search).get("sw") === "off") {
    // The worker still answers this page's requests until it is left: tell it to stop saving.
    sw.getRegistrations()
      .then((regs) => Promise.all(regs.filter((r) => r.scope === base.href).map((r) => {
        r.active?.postMessage({ type: "kn-retire" });
        return r.unregister();
      })))
      .then(() => caches.keys())
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(`kn:${base.pathname}:`)).map((k) => caches.delete(k))));
  } else {
    const build = (document.getElementById("kn-page")?.textContent.slice(-300).match(/"build":"([0-9a-f]+)"/) || [])[1] || "0";
    const boot = (import.meta.url.match(/boot\.([0-9a-f]+)\.js/) || [])[1] || "0";
    sw.register(new URL(`sw.js?v=${build}.${boot}`, base), { scope: base.pathname }).then(() => sw.ready).then((reg) => {
      const urls = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)]
        .filter((u) => u.startsWith(base.href));
      reg.active?.postMessage({ type: "kn-cache", urls });
    }).catch(() => {});
  }
}
