//! Native modules: `sys`, `math`, `time`.

pub mod gc;
pub mod math;
pub mod sys;
pub mod time;

use crate::value::Obj;
use crate::vm::Vm;

/// Creates the native module `name` if taipan implements it (`None` otherwise).
/// `sys` and `builtins` exist from start-up and are found in `sys.modules`.
pub fn load_native(vm: &mut Vm, name: &str) -> Option<Obj> {
    match name {
        "gc" => Some(gc::create(vm)),
        "math" => Some(math::create(vm)),
        "time" => Some(time::create(vm)),
        _ => None,
    }
}
