//! Builds the browser bundles: `cargo build` for wasm32 with the `hydrate` feature and one
//! bundle's islands ([`BUNDLES`]), wasm-bindgen as a library (no CLI to install), then
//! `wasm-opt -Oz --converge` when a recent binaryen is present.
//!
//! Two caches keep a content-only rebuild free of the compiler:
//! - by *source*: a bundle whose inputs (the crate's files, the manifests and lock file, its
//!   features and profile, the compiler's version, `RUSTFLAGS`, the wasm-opt passes) are
//!   unchanged is taken from `target/wasm/source/<key>/` and cargo is not run at all;
//! - by *compiled wasm*: when cargo did run but produced the same wasm (a comment changed),
//!   wasm-bindgen and wasm-opt are skipped.
//!
//! An unoptimised result is made again once a wasm-opt is available.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

const TARGET: &str = "wasm32-unknown-unknown";

/// wasm-opt's passes: for size, run again until they gain nothing (about 0.5 % more off a
/// bundle, at a few seconds each; the finder widget needs it to stay within 150 KB).
const WASM_OPT_PASSES: &[&str] = &["-Oz", "--converge"];

/// The wasm bundles, one per kind of island page: `(name, its islands' function names)`,
/// built with the `island-<name>` feature (each `#[island]` is a plain, unused component in
/// the other bundles). A page downloads only the bundle of its islands, so the catalogue does
/// not pay for the finder's map, nor the finder page for the widget's frame.
pub const BUNDLES: &[(&str, &[&str])] = &[
    ("finder", &["FinderIsland"]),
    ("catalogue", &["CatalogueFilters"]),
    ("screening", &["ScreeningIsland"]),
    ("finder-widget", &["FinderWidget"]),
    ("screening-widget", &["ScreeningWidget", "EmergencyWidget"]),
    ("generator", &["EmbedGenerator"]),
];

/// Which bundles a build makes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WasmMode {
    /// One bundle per kind of island page, size-optimised: what `build` publishes and the
    /// size report measures.
    #[default]
    Release,
    /// Every island in one bundle (feature `island-all`), compiled with the quicker
    /// `wasm-preview` profile and not passed through wasm-opt: what `serve` uses, so the first
    /// page appears after one wasm compile instead of six.
    Preview,
}

impl WasmMode {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "release" => Some(Self::Release),
            "preview" => Some(Self::Preview),
            _ => None,
        }
    }

    fn specs(self) -> Vec<Spec> {
        match self {
            Self::Release => BUNDLES
                .iter()
                .map(|&(name, islands)| Spec {
                    name,
                    islands: islands.to_vec(),
                    features: format!("hydrate,island-{name}"),
                    profile: "wasm-release",
                    optimise: true,
                })
                .collect(),
            Self::Preview => vec![Spec {
                name: "preview",
                islands: BUNDLES.iter().flat_map(|(_, islands)| islands.iter().copied()).collect(),
                features: "hydrate,island-all".into(),
                profile: "wasm-preview",
                optimise: false,
            }],
        }
    }
}

/// How to make one bundle.
struct Spec {
    name: &'static str,
    islands: Vec<&'static str>,
    features: String,
    profile: &'static str,
    optimise: bool,
}

/// One bundle's bindgen output: JavaScript glue and the wasm, not yet hashed.
pub struct Bundle {
    pub name: &'static str,
    pub islands: Vec<&'static str>,
    pub js: Vec<u8>,
    pub wasm: Vec<u8>,
    pub optimised: bool,
}

/// Workspace root (the folder holding the top-level `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Every bundle of `mode`.
pub fn build_wasm(mode: WasmMode, log: &mut dyn FnMut(&str)) -> Result<Vec<Bundle>, String> {
    let root = workspace_root();
    let specs = mode.specs();
    let wasm_opt = if specs.iter().any(|s| s.optimise) { wasm_opt(log) } else { None };
    let sources = source_digest(&root)?;
    let mut target_ready = false;
    specs
        .into_iter()
        .map(|spec| {
            let key = source_key(&sources, &spec, wasm_opt.as_deref());
            if let Some(bundle) = cached(&root.join("target/wasm/source").join(&key), &spec, wasm_opt.is_some()) {
                log(&format!("the {} bundle is unchanged since its last build (no compile)", spec.name));
                return Ok(bundle);
            }
            if !target_ready {
                ensure_target(log)?;
                target_ready = true;
            }
            let bundle = build_bundle(&root, &spec, wasm_opt.as_deref(), log)?;
            store(&root.join("target/wasm/source").join(&key), &bundle)?;
            Ok(bundle)
        })
        .collect()
}

/// Sources that never reach the browser: modules that `lib.rs` compiles only with the `ssr`
/// feature (a test keeps this list and `lib.rs` in step), and the binary. Editing them (the
/// build, the importers, the content loader, `boot.js`) rebuilds no bundle.
const NATIVE_ONLY: [&str; 5] =
    ["app/src/site", "app/src/import", "app/src/load", "app/src/markdown.rs", "app/src/main.rs"];

/// The inputs of every bundle that live in files: the workspace manifests, the lock file and
/// everything under `app/` (sources and the crate's manifest) but [`NATIVE_ONLY`], by relative
/// path and content.
fn source_digest(root: &Path) -> Result<Vec<u8>, String> {
    let mut files = vec![root.join("Cargo.toml"), root.join("Cargo.lock"), root.join("rust-toolchain.toml")];
    collect_files(&root.join("app"), &mut files)?;
    files.retain(|f| !NATIVE_ONLY.iter().any(|n| f.starts_with(root.join(n))));
    files.sort();
    let mut hasher = Sha256::new();
    for file in files {
        let Ok(bytes) = fs::read(&file) else { continue };
        let rel = file.strip_prefix(root).unwrap_or(&file);
        hasher.update(rel.to_string_lossy().as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    Ok(hasher.finalize().to_vec())
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The source cache key of one bundle: its files' digest plus everything else that changes
/// what cargo, wasm-bindgen and wasm-opt make of them.
fn source_key(sources: &[u8], spec: &Spec, wasm_opt: Option<&str>) -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let compiler = Command::new(rustc).arg("-vV").output().map(|o| o.stdout).unwrap_or_default();
    let optimiser = match wasm_opt.filter(|_| spec.optimise) {
        Some(exe) => Command::new(exe).arg("--version").output().map(|o| o.stdout).unwrap_or_default(),
        None => Vec::new(),
    };
    let mut hasher = Sha256::new();
    for part in [
        sources,
        spec.name.as_bytes(),
        spec.features.as_bytes(),
        spec.profile.as_bytes(),
        WASM_OPT_PASSES.join(" ").as_bytes(),
        &compiler,
        &optimiser,
        std::env::var("RUSTFLAGS").unwrap_or_default().as_bytes(),
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex(&hasher.finalize())[..24].to_string()
}

/// A bundle from a cache folder. An unoptimised one is reused only while no wasm-opt is at
/// hand, or when the bundle is never optimised (the preview).
fn cached(dir: &Path, spec: &Spec, have_wasm_opt: bool) -> Option<Bundle> {
    let js = fs::read(dir.join("kyoten_navi.js")).ok()?;
    let wasm = fs::read(dir.join("kyoten_navi_bg.wasm")).ok()?;
    let optimised = dir.join("optimised").exists();
    (optimised || !have_wasm_opt || !spec.optimise).then(|| Bundle {
        name: spec.name,
        islands: spec.islands.clone(),
        js,
        wasm,
        optimised,
    })
}

/// Write a bundle to a cache folder, the marker last, so a half-written folder is never used.
fn store(dir: &Path, bundle: &Bundle) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let _ = fs::remove_file(dir.join("optimised"));
    fs::write(dir.join("kyoten_navi.js"), &bundle.js).map_err(|e| e.to_string())?;
    fs::write(dir.join("kyoten_navi_bg.wasm"), &bundle.wasm).map_err(|e| e.to_string())?;
    if bundle.optimised {
        fs::write(dir.join("optimised"), b"").map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `cargo build` with the bundle's features. The release bundles share one target folder, so
/// that the dependencies are compiled once; cargo keeps one fingerprint for this crate
/// whatever its features, so each bundle is linked again after the one before (about 25 s
/// each), into the one output file `kyoten_navi.wasm`. That file is removed first: if cargo
/// ever took a bundle as fresh, the build stops instead of shipping another bundle's wasm.
fn build_bundle(root: &Path, spec: &Spec, wasm_opt: Option<&str>, log: &mut dyn FnMut(&str)) -> Result<Bundle, String> {
    let name = spec.name;
    let target_dir = root.join("target/wasm");
    let built = target_dir.join(TARGET).join(spec.profile);
    let outputs = [built.join("kyoten_navi.wasm"), built.join("deps/kyoten_navi.wasm")];
    for output in &outputs {
        let _ = fs::remove_file(output);
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    log(&format!("compiling the {name} bundle (wasm32, {}, profile {})…", spec.features, spec.profile));
    let status = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--lib", "-p", "kyoten-navi", "--target", TARGET, "--no-default-features", "--profile"])
        .arg(spec.profile)
        .arg("--features")
        .arg(&spec.features)
        .arg("--target-dir")
        .arg(&target_dir)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("the {name} wasm build failed (see the compiler output above)"));
    }
    let input = &outputs[0];
    let raw = fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let wasm_opt = wasm_opt.filter(|_| spec.optimise);
    // The passes are part of the key: changing them makes every bundle again.
    let key = hex(&Sha256::digest([raw.as_slice(), WASM_OPT_PASSES.join(" ").as_bytes()].concat()))[..16].to_string();
    let cache = target_dir.join("bundle").join(&key);
    if let Some(bundle) = cached(&cache, spec, wasm_opt.is_some()) {
        return Ok(bundle);
    }
    log(&format!("running wasm-bindgen on the {name} bundle…"));
    let out = target_dir.join("bindgen");
    let _ = fs::remove_dir_all(&out);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(input)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .typescript(false)
        .generate(&out)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;
    let bg = out.join("kyoten_navi_bg.wasm");
    let optimised = match wasm_opt {
        None => false,
        Some(wasm_opt) => match Command::new(wasm_opt)
            .args(WASM_OPT_PASSES)
            // The features Rust's wasm32 target emits that binaryen 108 needs told about.
            .args(["--enable-bulk-memory", "--enable-nontrapping-float-to-int"])
            .arg(&bg)
            .arg("-o")
            .arg(&bg)
            .status()
        {
            Ok(s) if s.success() => true,
            Ok(_) => {
                log("warning: wasm-opt failed; using the unoptimised wasm");
                false
            }
            Err(e) => {
                log(&format!("warning: could not run wasm-opt ({e}); using the unoptimised wasm"));
                false
            }
        },
    };
    let js = fs::read(out.join("kyoten_navi.js")).map_err(|e| e.to_string())?;
    let wasm = fs::read(&bg).map_err(|e| e.to_string())?;
    let bundle = Bundle { name, islands: spec.islands.clone(), js, wasm, optimised };
    store(&cache, &bundle)?;
    Ok(bundle)
}

/// A usable wasm-opt: `$WASM_OPT`, else `wasm-opt` on the PATH. Binaryen before version
/// 116 (Debian 12 ships 108) breaks wasm-bindgen's externref table — the page then fails
/// to hydrate — so an older one is reported and skipped. `npm i binaryen` gives a newer one.
fn wasm_opt(log: &mut dyn FnMut(&str)) -> Option<String> {
    if std::env::var_os("KN_NO_WASM_OPT").is_some() {
        return None;
    }
    let exe = std::env::var("WASM_OPT").unwrap_or_else(|_| "wasm-opt".into());
    let Ok(out) = Command::new(&exe).arg("--version").output() else {
        log("note: wasm-opt not found (npm i -g binaryen); the wasm is larger without it");
        return None;
    };
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let version: u32 = text.split_whitespace().find_map(|w| w.parse().ok()).unwrap_or(0);
    if version < 116 {
        log(&format!("note: {exe} is binaryen {version}, too old for wasm-bindgen's externref table; skipping it (npm i -g binaryen, or set WASM_OPT)"));
        return None;
    }
    Some(exe)
}

/// Install the wasm target with rustup when missing, or say exactly what to run.
fn ensure_target(log: &mut dyn FnMut(&str)) -> Result<(), String> {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match installed {
        Ok(o) if String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == TARGET) => Ok(()),
        Ok(_) => {
            log("installing the wasm32-unknown-unknown target with rustup…");
            let ok = Command::new("rustup").args(["target", "add", TARGET]).status().is_ok_and(|s| s.success());
            if ok {
                Ok(())
            } else {
                Err(format!("could not install the target; run: rustup target add {TARGET}"))
            }
        }
        Err(_) => {
            // No rustup: the toolchain may still have the target; let cargo say if not.
            log(&format!("note: rustup not found; if the build fails, install the {TARGET} target for your toolchain"));
            Ok(())
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_only_sources_are_the_modules_lib_rs_compiles_only_for_ssr() {
        let app = Path::new(env!("CARGO_MANIFEST_DIR"));
        let lib = fs::read_to_string(app.join("src/lib.rs")).expect("lib.rs");
        let lines: Vec<&str> = lib.lines().collect();
        for path in NATIVE_ONLY.iter().filter(|p| !p.ends_with("main.rs")) {
            let name = Path::new(path).file_stem().and_then(|s| s.to_str()).expect("module name");
            let at = lines
                .iter()
                .position(|l| l.trim() == format!("pub mod {name};"))
                .unwrap_or_else(|| panic!("lib.rs declares no module {name}"));
            assert_eq!(
                lines[at - 1].trim(),
                "#[cfg(feature = \"ssr\")]",
                "{name} reaches the wasm: drop it from NATIVE_ONLY"
            );
        }
        // main.rs is the binary: the wasm bundles build the library only.
        let manifest = fs::read_to_string(app.join("Cargo.toml")).expect("Cargo.toml");
        assert!(manifest.contains("crate-type"), "the library builds the wasm");
    }
}
