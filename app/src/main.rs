//! The site builder's command line: `check`, `build`, `serve` and `import` (see
//! `import::cli`).

use std::path::PathBuf;
use std::process::ExitCode;

use kyoten_navi::load::load_content;
use kyoten_navi::site::assets::Precompress;
use kyoten_navi::site::build::{build_site, normalise_base, BuildError, BuildOptions};
use kyoten_navi::site::wasm::WasmMode;
use kyoten_navi::site::{serve, wasm};

const USAGE: &str = "usage: kyoten-navi <check|build|serve|synth|bench|import> [--content DIR] [--out DIR] [--base-path /sub/path/] [--port N] [--facilities N] [--precompress shared|all|none] [--rounds N] [--browser] [--wasm preview|release]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let command = args.first().map(String::as_str).unwrap_or("");
    let root = wasm::workspace_root();
    if command == "import" {
        return kyoten_navi::import::cli::run(&args[1..], &root);
    }
    let mut content = root.join("content");
    let mut out: Option<PathBuf> = None;
    let mut base = "/".to_string();
    let mut port: u16 = 8080;
    let mut facilities: usize = 50_000;
    let mut precompress = Precompress::default();
    let mut browser = false;
    let mut rounds: usize = 3;
    // `serve` previews with one bundle holding every island; `build` makes what is published.
    let mut wasm_mode = if command == "serve" { WasmMode::Preview } else { WasmMode::Release };
    let mut it = args.iter().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--content" => content = PathBuf::from(value()?),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--base-path" => base = normalise_base(&value()?),
            "--port" => port = value()?.parse().map_err(|_| format!("--port needs a number\n{USAGE}"))?,
            "--facilities" => {
                facilities = value()?.parse().map_err(|_| format!("--facilities needs a number\n{USAGE}"))?
            }
            "--precompress" => {
                precompress = Precompress::parse(&value()?)
                    .ok_or_else(|| format!("--precompress is shared, all or none\n{USAGE}"))?
            }
            "--rounds" => {
                rounds = value()?
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--rounds needs a number of 1 or more\n{USAGE}"))?
            }
            "--browser" => browser = true,
            "--wasm" => {
                wasm_mode =
                    WasmMode::parse(&value()?).ok_or_else(|| format!("--wasm is preview or release\n{USAGE}"))?
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    // synth and bench never write over the real site.
    let out = out.unwrap_or_else(|| match command {
        "synth" => root.join(format!("target/synth-{facilities}")),
        "bench" => root.join("target/bench-dist"),
        _ => root.join("dist"),
    });
    match command {
        "check" => match load_content(&content, &base) {
            Ok(c) => {
                // Warnings never stop a build: the settings left out, and open-data values shown
                // as text (counted; `build` lists them).
                for w in c.warnings.iter().filter(|w| w.path.ends_with("site.toml")) {
                    eprintln!("warning: {w}");
                }
                let open_data = c.warnings.iter().filter(|w| !w.path.ends_with("site.toml")).count();
                if open_data > 0 {
                    eprintln!("note: {open_data} open-data value(s) are shown as text or left out; `build` lists them");
                }
                println!(
                    "content is valid: {} areas, {} facilities, {} reports, {} guides",
                    c.areas.len(),
                    c.facilities.len(),
                    c.reports.len(),
                    c.guides.len()
                );
                Ok(())
            }
            Err(diagnostics) => Err(report(&diagnostics)),
        },
        "build" | "serve" => {
            let opts = BuildOptions {
                content,
                out: out.clone(),
                base_path: base.clone(),
                wasm: Some(wasm_mode),
                root,
                precompress,
            };
            build_site(&opts, &mut |m| eprintln!("{m}")).map_err(|e| match e {
                BuildError::Content(d) => report(&d),
                BuildError::Other(m) => format!("build failed: {m}"),
            })?;
            if command == "serve" {
                serve::serve(&out, &base, port)?;
            }
            Ok(())
        }
        "synth" => {
            kyoten_navi::site::synth::synth(&root.join("content"), &out, facilities)?;
            println!("wrote {facilities} synthetic facilities to {} (a test tool: never ship it)", out.display());
            Ok(())
        }
        "bench" => {
            use kyoten_navi::site::bench;
            let report = bench::bench(&content, &out, &root, precompress, rounds, browser)?;
            print!("{}", report.markdown(&content.display().to_string()));
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    }
}

fn report(diagnostics: &[kyoten_navi::load::Diagnostic]) -> String {
    let mut s = String::new();
    for d in diagnostics {
        s.push_str(&d.to_string());
        s.push('\n');
    }
    s.push_str(&format!("{} problem(s) found; nothing was built", diagnostics.len()));
    s
}
