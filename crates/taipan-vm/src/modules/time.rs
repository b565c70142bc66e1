//! The `time` module: clocks and `sleep`.
//!
//! Source of the behaviour: CPython 3.11 `Modules/timemodule.c`. `time()` is the wall
//! clock (seconds since the Unix epoch); `monotonic()` and `perf_counter()` are the
//! monotonic clock measured from the first clock read of the process (only differences
//! are meaningful, as in CPython); `process_time()` is the CPU time of the process
//! (user + system, from `/proc/self/stat`, in clock ticks of 1/100 s). The `_ns`
//! variants return ints of nanoseconds.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::float::float_of;
use crate::numops::to_pyint;
use crate::object::NativeFn;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// The reference point of the monotonic clocks.
fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

fn no_args(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("time.{name}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!("time.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

fn wall_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn monotonic_ns_value() -> i128 {
    // Offset by one second so the first reading is not zero.
    base().elapsed().as_nanos() as i128 + 1_000_000_000
}

/// CPU time of the process in nanoseconds (user + system).
fn process_ns() -> i128 {
    let ticks = std::fs::read_to_string("/proc/self/stat").ok().and_then(|s| {
        // Fields after the command name, which is in parentheses and may hold spaces.
        let rest = s.rsplit_once(')')?.1;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let utime: i128 = fields.get(11)?.parse().ok()?;
        let stime: i128 = fields.get(12)?.parse().ok()?;
        Some(utime + stime)
    });
    match ticks {
        Some(t) => t * 10_000_000,
        None => base().elapsed().as_nanos() as i128,
    }
}

fn ns_value(ns: i128) -> Value {
    Value::Int(i64::try_from(ns).unwrap_or(i64::MAX))
}

fn secs_value(ns: i128) -> Value {
    Value::Float(ns as f64 / 1e9)
}

macro_rules! clocks {
    ($($f:ident, $fns:ident, $name:literal, $name_ns:literal, $src:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                no_args(vm, args, kwnames, $name)?;
                Ok(secs_value($src))
            }
            fn $fns(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                no_args(vm, args, kwnames, $name_ns)?;
                Ok(ns_value($src))
            }
        )*
    };
}

clocks! {
    time, time_ns, "time", "time_ns", wall_ns();
    monotonic, monotonic_ns, "monotonic", "monotonic_ns", monotonic_ns_value();
    perf_counter, perf_counter_ns, "perf_counter", "perf_counter_ns", monotonic_ns_value();
    process_time, process_time_ns, "process_time", "process_time_ns", process_ns();
}

/// `time.sleep(secs)`: ValueError for negative durations.
fn sleep(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("time.sleep() takes no keyword arguments"));
    }
    let [v] = args else {
        return Err(vm.type_error(format!(
            "time.sleep() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let secs = if let Some(f) = float_of(v) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        f
    } else if let Some(i) = to_pyint(v) {
        i.to_f64().unwrap_or(f64::INFINITY)
    } else {
        let i = crate::builtins::more::index_value(vm, v)?;
        i.to_f64().unwrap_or(f64::INFINITY)
    };
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    vm.flush_stdout();
    std::thread::sleep(Duration::from_secs_f64(secs));
    Ok(Value::None)
}

/// Creates the `time` module object.
pub fn create(vm: &mut Vm) -> Obj {
    let _ = base();
    let m = vm.new_module("time");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
    ];
    for (name, f) in funcs {
        vm.add_native(&m, name, *f);
    }
    m
}
