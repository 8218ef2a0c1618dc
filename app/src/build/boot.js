// Boot (issue #10: only pages with an island pay for the wasm). Plain pages are complete
// HTML; on a page with <leptos-island> elements, load the wasm, set up its reactive root,
// then hydrate each island with the exported function its data-component names.
const islands = [...document.querySelectorAll("leptos-island")];
const ready = () => { document.documentElement.dataset.hydrated = "true"; };
if (islands.length === 0) {
  ready();
} else {
  import("./pkg/__JS__").then(async (mod) => {
    await mod.default({ module_or_path: new URL("./pkg/__WASM__", import.meta.url) });
    mod.hydrate();
    for (const el of islands) {
      const island = mod[el.dataset.component];
      if (island) await island(el);
      else console.error(`拠点ナビ: no island ${el.dataset.component}`);
    }
    ready();
  });
}
