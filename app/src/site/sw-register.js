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
    const script = new URL(`sw.js?v=${build}.${boot}`, base);
    sw.register(script, { scope: base.pathname }).then((reg) => ownWorker(reg, script.href)).then((reg) => {
      if (!reg) return;
      const urls = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)]
        .filter((u) => u.startsWith(base.href));
      reg.active.postMessage({ type: "kn-cache", urls });
    }).catch(() => {});
  }

  // Resolves with the registration once this page's version is the active worker (null if
  // a newer one replaced it). A new version calls skipWaiting(), but Chromium swaps it in
  // only once the old worker is idle, and every request of this page (still controlled by
  // the old one) wakes that again: ask the waiting worker to skip waiting once a second,
  // which each time asks the old worker to stop as soon as it is idle. Nothing is posted to
  // the old worker meanwhile, so it is not kept awake (its cache goes at activation anyway).
  async function ownWorker(reg, href) {
    for (let i = 0; i < 300; i++) {
      if (reg.active?.scriptURL === href) return reg;
      if (![reg.installing, reg.waiting].some((w) => w?.scriptURL === href)) return null;
      reg.waiting?.postMessage({ type: "kn-skip-waiting" });
      await new Promise((ok) => setTimeout(ok, 1000));
    }
    return null;
  }
}
