// Boot (issue #10: only pages with an island pay for the wasm, and only for their own
// islands). Plain pages are complete HTML; on a page with <leptos-island> elements, load the
// bundle of its islands (the build fills in the table: island → [JavaScript, wasm]), set up
// its reactive root, then hydrate each island with the exported function its data-component
// names (Leptos adds a hash: FinderIsland_1555…).
const BUNDLES = __BUNDLES__;
const islands = [...document.querySelectorAll("leptos-island")];
const early = earlyArea();
const ready = () => { early?.remove(); document.documentElement.dataset.hydrated = "true"; };
const bundle = islands.length ? BUNDLES[islands[0].dataset.component.replace(/_\d+$/, "")] : null;
if (!bundle) {
  if (islands.length) console.error(`拠点ナビ: no bundle for ${islands[0].dataset.component}`);
  ready();
} else {
  import(bundle[0]).then(async (mod) => {
    await mod.default({ module_or_path: new URL(bundle[1], import.meta.url) });
    // What a person typed or ticked while the wasm was on its way (a slow phone, issue
    // #17) is given back to the islands after hydration, as if typed then.
    const typed = [...document.querySelectorAll("leptos-island input[id]")]
      .filter((i) => i.type !== "hidden" && (i.value !== i.defaultValue || i.checked !== i.defaultChecked))
      .map((i) => [i.id, i.value, i.checked]);
    mod.hydrate();
    for (const el of islands) {
      const island = mod[el.dataset.component];
      if (island) await island(el);
      else console.error(`拠点ナビ: no island ${el.dataset.component}`);
    }
    ready();
    for (const [id, value, checked] of typed) {
      const input = document.getElementById(id);
      if (!input) continue;
      const tick = input.type === "checkbox" || input.type === "radio";
      if (tick) input.checked = checked; else input.value = value;
      input.dispatchEvent(new Event(tick ? "change" : "input", { bubbles: true }));
    }
  });
}

// 「修正を依頼する」 (issue #21): show its closed form; its script loads when it is opened,
// so reading a page costs no more than this.
for (const d of document.querySelectorAll("details[data-kn-js]")) {
  d.hidden = false;
  d.addEventListener("toggle", () => import("./__CORRECTION__"), { once: true });
}

// The finder opened for an area (`/search/?area=132144`, from the home page): before the
// wasm arrives, name the area and link to its 「まず連絡するところ」, whose numbers are in
// its pre-rendered page. The name comes from the page's own area directory.
function earlyArea() {
  const start = document.getElementById("kn-search-start");
  const id = new URLSearchParams(location.search).get("area");
  if (!start || !id || !/^[0-9]{6}$/.test(id)) return null;
  const link = start.querySelector(`a[href$="/areas/${id}/"]`);
  if (!link) return null;
  const name = link.textContent.trim();
  const box = document.createElement("p");
  box.className = "kn-search__early";
  box.setAttribute("role", "status");
  const first = document.createElement("a");
  first.href = `${link.getAttribute("href")}#kn-first`;
  first.textContent = `${name}で、まず連絡するところ（電話番号）を見る`;
  box.append(`${name}の相談先を読み込んでいます。`, document.createElement("br"), first);
  start.before(box);
  return box;
}

// The reading switch (issue #22): a link to this page in another reading keeps what the
// page was showing (`?area=…`, `#kn-first`). On やさしい日本語 pages, ふりがな can be hidden;
// the choice is kept on this device.
for (const a of document.querySelectorAll("a[data-kn-same]")) {
  a.search = location.search;
  a.hash = location.hash;
}
const ruby = document.querySelector("button[data-kn-ruby]");
if (ruby) {
  const show = (on) => {
    document.documentElement.classList.toggle("kn-no-ruby", !on);
    ruby.setAttribute("aria-pressed", String(on));
  };
  let stored = null;
  try { stored = localStorage.getItem("kn-ruby"); } catch { /* storage blocked: not remembered */ }
  show(stored !== "off");
  ruby.hidden = false;
  ruby.addEventListener("click", () => {
    const on = ruby.getAttribute("aria-pressed") !== "true";
    show(on);
    try { localStorage.setItem("kn-ruby", on ? "on" : "off"); } catch { /* not remembered */ }
  });
}
