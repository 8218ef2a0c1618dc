//! Builds the browser bundles: `cargo build` for wasm32 with the `hydrate` feature and one
//! bundle's islands ([`BUNDLES`]),
//! wasm-bindgen as a library (no CLI to install), then `wasm-opt -Oz --converge` when Debian's
//! binaryen is present. The result is cached by the hash of the compiled wasm; an unoptimised
//! result is made again once a wasm-opt is available.

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

/// One bundle's bindgen output: JavaScript glue and the wasm, not yet hashed.
pub struct Bundle {
    pub name: &'static str,
    pub islands: &'static [&'static str],
    pub js: Vec<u8>,
    pub wasm: Vec<u8>,
    pub optimised: bool,
}

/// Workspace root (the folder holding the top-level `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Every bundle of [`BUNDLES`].
pub fn build_wasm(log: &mut dyn FnMut(&str)) -> Result<Vec<Bundle>, String> {
    ensure_target(log)?;
    let wasm_opt = wasm_opt(log);
    BUNDLES.iter().map(|&(name, islands)| build_bundle(name, islands, wasm_opt.as_deref(), log)).collect()
}

/// `cargo build` with the bundle's feature. The bundles share one target folder, so that the
/// dependencies are compiled once; cargo keeps one fingerprint for this crate whatever its
/// features, so each bundle is linked again after the one before (about 25 s each), into the
/// one output file `kyoten_navi.wasm`. That file is removed first: if cargo ever took a
/// bundle as fresh, the build stops instead of shipping another bundle's wasm.
fn build_bundle(
    name: &'static str,
    islands: &'static [&'static str],
    wasm_opt: Option<&str>,
    log: &mut dyn FnMut(&str),
) -> Result<Bundle, String> {
    let root = workspace_root();
    let target_dir = root.join("target/wasm");
    let built = target_dir.join(TARGET).join("wasm-release");
    let outputs = [built.join("kyoten_navi.wasm"), built.join("deps/kyoten_navi.wasm")];
    for output in &outputs {
        let _ = fs::remove_file(output);
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    log(&format!("compiling the {name} bundle (wasm32, hydrate, island-{name})…"));
    let status = Command::new(cargo)
        .current_dir(&root)
        .args([
            "build",
            "--lib",
            "-p",
            "kyoten-navi",
            "--target",
            TARGET,
            "--no-default-features",
            "--profile",
            "wasm-release",
        ])
        .arg("--features")
        .arg(format!("hydrate,island-{name}"))
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
    // The passes are part of the key: changing them makes every bundle again.
    let key = hex(&Sha256::digest([raw.as_slice(), WASM_OPT_PASSES.join(" ").as_bytes()].concat()))[..16].to_string();
    let cache = target_dir.join("bundle").join(&key);
    if let (Ok(js), Ok(wasm)) = (fs::read(cache.join("kyoten_navi.js")), fs::read(cache.join("kyoten_navi_bg.wasm"))) {
        let optimised = cache.join("optimised").exists();
        // An unoptimised bundle is reused only while no wasm-opt is at hand.
        if optimised || wasm_opt.is_none() {
            return Ok(Bundle { name, islands, js, wasm, optimised });
        }
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
    fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
    fs::write(cache.join("kyoten_navi.js"), &js).map_err(|e| e.to_string())?;
    fs::write(cache.join("kyoten_navi_bg.wasm"), &wasm).map_err(|e| e.to_string())?;
    let _ = fs::remove_file(cache.join("optimised"));
    if optimised {
        fs::write(cache.join("optimised"), b"").map_err(|e| e.to_string())?;
    }
    Ok(Bundle { name, islands, js, wasm, optimised })
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
