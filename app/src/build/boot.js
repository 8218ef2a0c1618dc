// Boot (issue #10: only pages with an island pay for the wasm, and only for their own
// islands). Plain pages are complete HTML; on a page with <leptos-island> elements, load the
// bundle of its islands (the build fills in the table: island → [JavaScript, wasm]), set up
// its reactive root, then hydrate each island with the exported function its data-component
// names (Leptos adds a hash: FinderIsland_1555…).
const BUNDLES = __BUNDLES__;
const islands = [...document.querySelectorAll("leptos-island")];
const ready = () => { document.documentElement.dataset.hydrated = "true"; };
const bundle = islands.length ? BUNDLES[islands[0].dataset.component.replace(/_\d+$/, "")] : null;
if (!bundle) {
  if (islands.length) console.error(`拠点ナビ: no bundle for ${islands[0].dataset.component}`);
  ready();
} else {
  import(bundle[0]).then(async (mod) => {
    await mod.default({ module_or_path: new URL(bundle[1], import.meta.url) });
    mod.hydrate();
    for (const el of islands) {
      const island = mod[el.dataset.component];
      if (island) await island(el);
      else console.error(`拠点ナビ: no island ${el.dataset.component}`);
    }
    ready();
  });
}
