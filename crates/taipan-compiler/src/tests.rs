//! Unit tests: every construct compiles, stack depths balance, golden disassemblies,
//! and CPython's compile-time errors.

use super::*;

#[test]
fn smoke() {
    let code = compile("x = 1\nprint(x + 2)\n", "<test>", Mode::Exec).unwrap();
    println!("{}", taipan_bytecode::disassemble(&code));
}

/// Compiles every `.py` file under `$TAIPAN_STDLIB` (a directory), reporting internal errors
/// and panics. Run with `TAIPAN_STDLIB=/path cargo test -p taipan-compiler stdlib -- --ignored --nocapture`.
#[test]
#[ignore]
fn stdlib() {
    let Ok(root) = std::env::var("TAIPAN_STDLIB") else { return };
    let mut stack = vec![std::path::PathBuf::from(root)];
    let (mut ok, mut failed, mut internal) = (0, 0, 0);
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for entry in rd.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "py") {
                let Ok(src) = std::fs::read_to_string(&p) else { continue };
                let name = p.display().to_string();
                if std::env::var("SHOW_NAMES").is_ok() { eprintln!("{name}"); }
                let r = std::panic::catch_unwind(|| compile(&src, &name, Mode::Exec).map(|_| ()));
                match r {
                    Ok(Ok(())) => ok += 1,
                    Ok(Err(e)) => {
                        failed += 1;
                        if e.msg.contains("internal") || std::env::var("SHOW_ALL").is_ok() {
                            internal += 1;
                            println!("{name}:{}:{}: {}", e.lineno, e.offset, e.msg);
                        }
                    }
                    Err(_) => {
                        internal += 1;
                        println!("{name}: PANIC");
                    }
                }
            }
        }
    }
    println!("ok {ok} failed {failed} internal {internal}");
}

#[test]
#[ignore]
fn probe_depth() {
    let kind = std::env::var("PROBE_KIND").unwrap_or_default();
    let n: usize = std::env::var("PROBE_N").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let stack: usize = std::env::var("PROBE_STACK").ok().and_then(|s| s.parse().ok()).unwrap_or(2 << 20);
    let src = match kind.as_str() {
        "neg" => format!("x = {}y", "-".repeat(n)),
        "add" => format!("x = y{}", "+y".repeat(n)),
        "attr" => format!("x = y{}", ".a".repeat(n)),
        "call" => format!("x = y{}", "()".repeat(n)),
        _ => format!("x = {}y{}", "[".repeat(n), "]".repeat(n)),
    };
    let h = std::thread::Builder::new().stack_size(stack).spawn(move || compile(&src, "p", Mode::Exec).map(|_| ()).map_err(|e| e.msg)).unwrap();
    println!("result {:?}", h.join().unwrap());
}

#[test]
#[ignore]
fn probe_phase() {
    let n: usize = std::env::var("PROBE_N").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let phase: u32 = std::env::var("PROBE_PHASE").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let src = format!("x = {}y", "-".repeat(n));
    let h = std::thread::Builder::new().stack_size(2 << 20).spawn(move || {
        let opts = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module);
        let parsed = ruff_python_parser::parse_unchecked(&src, opts);
        if phase == 0 { return; }
        let map = error::SourceMap::new(&src, "p");
        let g = error::StackGuard::new(1 << 30);
        let mut l = lower::Lowerer::new(&map, 4300, g);
        let body = match parsed.syntax() { ruff_python_ast::Mod::Module(m) => l.module(&m.body).unwrap(), _ => panic!() };
        if phase == 1 { return; }
        let table = symtable::build(&map, &body, None, l.scope_count(), false, g).unwrap();
        if phase == 2 { return; }
        codegen::Compiler::new(&map, &table, "p", g).compile_module(&body).unwrap();
    }).unwrap();
    println!("result {:?}", h.join().is_ok());
}

#[test]
#[ignore]
fn probe_budget() {
    let n: usize = std::env::var("PROBE_N").ok().and_then(|s| s.parse().ok()).unwrap_or(500);
    let h = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        let src = format!("x = y{}", "+y".repeat(n));
        let opts = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module);
        let parsed = ruff_python_parser::parse_unchecked(&src, opts);
        let map = error::SourceMap::new(&src, "p");
        let ruff_python_ast::Mod::Module(m) = parsed.syntax() else { panic!() };
        for phase in 1..=3 {
            let (mut lo, mut hi) = (1usize << 10, 1usize << 28);
            while lo < hi {
                let mid = (lo + hi) / 2;
                let g = error::StackGuard::new(mid);
                let big = error::StackGuard::new(1 << 30);
                let mut l = lower::Lowerer::new(&map, 4300, if phase == 1 { g } else { big });
                let ok = match l.module(&m.body) {
                    Err(_) => false,
                    Ok(body) => match symtable::build(&map, &body, None, l.scope_count(), false, if phase == 2 { g } else { big }) {
                        Err(_) => false,
                        Ok(table) => phase != 3 || codegen::Compiler::new(&map, &table, "p", g).compile_module(&body).is_ok(),
                    },
                };
                if ok { hi = mid } else { lo = mid + 1 }
            }
            println!("phase {phase}: {} bytes/level", lo / n);
        }
    }).unwrap();
    h.join().unwrap();
}
