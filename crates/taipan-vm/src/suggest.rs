//! "Did you mean" suggestions for NameError and AttributeError (CPython 3.11's
//! `Python/suggestions.c`: Levenshtein distance with substitution cost 2 and
//! case-only substitution cost 1 over UTF-8 bytes, candidates within
//! `(len(name) + len(candidate) + 3) * 2 / 6` of the typo). The printer in `traceback.rs`
//! asks for hints when it prints the exception, as CPython 3.11 does.

use crate::value::{Obj, Value};
use crate::vm::{PyErr, Vm};

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_STRING_SIZE: usize = 40;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` over the UTF-8 bytes, returning `max_cost + 1` when
/// exceeded.
fn distance(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best suggestion for `name` among `candidates`, as CPython's
/// `calculate_suggestions`: at most a third of the characters of both names may differ;
/// the first candidate with the smallest distance wins.
pub fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<String> = None;
    let mut best_distance = usize::MAX;
    for c in candidates {
        if c == name {
            continue;
        }
        let max_distance = (name.len() + c.len() + 3) * MOVE_COST / 6;
        let max_distance = max_distance.min(best_distance.saturating_sub(1));
        let d = distance(name, c, max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(c.clone());
            best_distance = d;
        }
    }
    best
}

/// The NameError for an undefined global `name` (with its `name` attribute set), and
/// the hint from `globals` then the builtins (the traceback printer first tries the
/// local variable names of the frame, as CPython 3.11).
pub fn name_error(vm: &mut Vm, globals: &Obj, name: &str) -> PyErr {
    let msg = format!("name '{name}' is not defined");
    let found = globals_then_builtins(vm, globals, name);
    let e = vm.name_error(msg);
    let n = vm.new_str(name);
    crate::exceptions::set_stored_field(vm, &e.0, "name", n);
    if let Some(d) = Vm::exc_data(&e.0) {
        d.borrow_mut().suggestion = found;
    }
    e
}

fn globals_then_builtins(vm: &mut Vm, globals: &Obj, name: &str) -> Option<String> {
    let found = best_match(name, &dict_keys(globals));
    if found.is_some() {
        return found;
    }
    let b = vm.builtins.dict.clone()?;
    best_match(name, &dict_keys(&b))
}

/// The hint for a NameError raised by user code (`NameError(..., name=...)`): the
/// globals of the module that ran `code`, then the builtins.
pub fn global_suggestion(vm: &mut Vm, code: &crate::code::Code, name: &str) -> Option<String> {
    let globals = crate::exceptions::frame_globals(vm, code);
    match globals {
        Value::Obj(g) => globals_then_builtins(vm, &g, name),
        _ => None,
    }
}

/// Str keys of a dict object.
pub fn dict_keys(d: &Obj) -> Vec<String> {
    match &d.kind {
        crate::object::ObjKind::Dict(t) => t
            .borrow()
            .iter()
            .filter_map(|(k, _)| k.as_str().map(|s| s.to_string()))
            .collect(),
        _ => vec![],
    }
}
