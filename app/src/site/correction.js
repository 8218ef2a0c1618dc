// 「修正を依頼する」 (issue #21), loaded by the boot script when the form is first opened.
// Everything happens on this device: the form's changed fields become a before → after
// text, an e-mail (when the site has an address), and one row of the import CSV
// (content/templates/facilities-template.csv's columns, UTF-8 with BOM for Excel) that
// `kyoten-navi import sheet` reads. Nothing is sent by the site itself.
for (const form of document.querySelectorAll("form[data-kn-correction]")) setUp(form);

function setUp(form) {
  const columns = JSON.parse(form.dataset.columns || "[]");
  const fixed = Object.fromEntries(JSON.parse(form.dataset.fixed || "[]"));
  const result = form.querySelector(".kn-correction__result");
  const message = result.querySelector(".kn-correction__message");
  const outputs = result.querySelector(".kn-correction__outputs");
  const pre = result.querySelector(".kn-correction__text");
  const mail = result.querySelector("[data-kn=mail]");
  const copied = result.querySelector(".kn-correction__copied");
  let made = null;
  form.closest("[data-kn-js]").hidden = false;
  form.dataset.ready = "true";
  for (const el of form.closest(".kn-correction").querySelectorAll("[data-kn-nojs]")) el.hidden = true;

  // The buttons are plain buttons: until this script runs they do nothing, and nothing
  // typed is lost to a form submission.
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-kn-mode]");
    if (!button) return;
    const confirm = button.dataset.knMode === "confirm";
    const who = field(form, "依頼した人");
    const basis = field(form, "根拠となる資料");
    const changes = fields(form).filter((f) => f.after !== f.before);
    result.hidden = false;
    outputs.hidden = true;
    copied.textContent = "";
    const stop = (text, focus) => { message.textContent = text; focus?.focus(); };
    if (!who.value.trim()) return stop("「あなたの立場」を書いてください。担当者が確かめるときに使います。", who);
    if (confirm && changes.length) {
      return stop("書きかえた項目があります。直してほしいときは「修正の文面を作る」を押してください。", null);
    }
    if (!confirm && !changes.length) {
      return stop("書きかえた項目がありません。直したい項目を書きかえてください。内容が正しいときは「この掲載内容は正しいです」を押してください。", null);
    }
    if (!confirm && !basis.value.trim()) return stop("「根拠となる資料」を書いてください。担当者が確かめるときに使います。", basis);
    made = compose(form, columns, fixed, confirm ? [] : changes, who.value.trim(), basis.value.trim(), confirm);
    pre.textContent = made.text;
    message.textContent = confirm
      ? "「掲載内容は正しい」というお知らせができました。下のどれかの方法で送ってください。"
      : `${changes.length}項目の修正の依頼ができました。下のどれかの方法で送ってください。`;
    if (form.dataset.email) {
      const subject = `【拠点ナビ】${confirm ? "掲載内容の確認" : "掲載情報の修正依頼"}：${form.dataset.title}`;
      mail.href = `mailto:${form.dataset.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(made.text)}`;
      mail.hidden = false;
    }
    outputs.hidden = false;
  });

  result.querySelector("[data-kn=download]")?.addEventListener("click", () => {
    if (!made) return;
    const url = URL.createObjectURL(new Blob(["\uFEFF" + made.csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `kyoten-navi-${fixed.ID || "page"}-${made.date}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  result.querySelector("[data-kn=copy]").addEventListener("click", async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.text);
      copied.textContent = "コピーしました";
    } catch {
      copied.textContent = "コピーできませんでした。上の文面を選んでコピーしてください。";
    }
  });
}

// One field by its column.
function field(form, column) {
  return form.querySelector(`[data-column="${column}"]`);
}

// Every editable fact: its column, label, published value and value now.
function fields(form) {
  return [...form.querySelectorAll("[data-column]")]
    .filter((el) => !["依頼した人", "根拠となる資料"].includes(el.dataset.column))
    .map((el) => {
      const label = (el.querySelector("legend") || form.querySelector(`label[for="${el.id}"]`))?.textContent ?? el.dataset.column;
      if (el.tagName !== "FIELDSET") return { column: el.dataset.column, label, before: el.defaultValue.trim(), after: el.value.trim() };
      const boxes = [...el.querySelectorAll("input")];
      const pick = (on) => boxes.filter(on).map((b) => b.value).filter(Boolean).join("、");
      return { column: el.dataset.column, label, before: pick((b) => b.defaultChecked), after: pick((b) => b.checked) };
    });
}

function compose(form, columns, fixed, changes, who, basis, confirm) {
  const d = new Date();
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  const after = Object.fromEntries(changes.map((c) => [c.column, c.after]));
  const cells = columns.map((c) => fixed[c] ?? after[c] ?? { 確認日: date, 依頼した人: who, 根拠となる資料: basis }[c] ?? "");
  const csv = columns.length ? `${columns.map(cell).join(",")}\r\n${cells.map(cell).join(",")}\r\n` : "";
  const shown = (v) => v || "（空欄）";
  const lines = [
    `【拠点ナビ】${confirm ? "掲載内容の確認" : "掲載情報の修正依頼"}`,
    `ページ：${form.dataset.page}`,
    `対象：${form.dataset.title}${fixed.ID ? `（ID ${fixed.ID}）` : ""}`,
    `依頼した人：${who}`,
    `根拠となる資料：${basis || "（記載なし）"}`,
    `日付：${date}`,
    "",
  ];
  if (confirm) lines.push("このページの掲載内容は正しいことを確かめました。");
  else {
    if (changes[0]?.column !== "what") lines.push("修正してほしい項目：");
    for (const c of changes) lines.push(c.column === "what" ? `${c.label}：\n${c.after}` : `・${c.label}：${shown(c.before)} → ${shown(c.after)}`);
    if (changes.some((c) => !c.after)) lines.push("（空欄にしてほしい項目は、取り込み用の行には書けません。担当者が手で直します。）");
  }
  if (csv) lines.push("", "取り込み用の行（CSV。kyoten-navi import sheet で読めます）：", csv.trimEnd());
  return { text: lines.join("\n"), csv, date };
}

// A CSV cell: quoted when it holds a comma, a quote or a line break.
function cell(v) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
