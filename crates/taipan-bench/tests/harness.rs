//! End-to-end check of the harness: runs `taipan-bench --quick` on two small programs with the
//! CPython on PATH only, and checks the JSON, Markdown and SVG it writes. Skips (passes with a
//! message) when `python3` is not installed.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn quick_run_writes_all_outputs() {
    if Command::new("python3")
        .arg("-c")
        .arg("pass")
        .output()
        .map(|o| !o.status.success())
        .unwrap_or(true)
    {
        eprintln!("python3 not available; skipping");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out_dir = std::env::temp_dir().join(format!("taipan-bench-test-{}", std::process::id()));
    let md = out_dir.join("perf.md");
    let json = out_dir.join("perf.json");
    let output = Command::new(env!("CARGO_BIN_EXE_taipan-bench"))
        .args([
            "--quick",
            "--set",
            "own,startup",
            "--program",
            "fib,pass",
            "--impl",
            "cpython",
            "--color",
            "never",
        ])
        .arg("--root")
        .arg(&root)
        .arg("--out")
        .arg(&md)
        .arg("--json")
        .arg(&json)
        .output()
        .expect("harness starts");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "harness failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("own/fib"), "{stdout}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("JSON written")).expect("valid JSON");
    let programs = report["programs"].as_array().expect("programs array");
    assert_eq!(programs.len(), 2);
    for p in programs {
        let cell = &p["cells"][0];
        assert_eq!(cell["implementation"], "cpython");
        assert_eq!(cell["status"], "ok", "{p}");
        assert!(cell["median_s"].as_f64().is_some_and(|t| t > 0.0));
    }
    let page = std::fs::read_to_string(&md).expect("Markdown written");
    assert!(page.contains("| fib |"), "{page}");
    // Only the baseline ran, so there is no speedup to draw and no SVG.
    let _ = std::fs::remove_dir_all(&out_dir);
}
