//! The host target ISA for the Cranelift backend.
//!
//! Settings (source: the project's dependency notes, `shared/dependencies.md`, and
//! `cranelift-codegen`'s `settings` definitions):
//! - `opt_level=none` ([`Tier::Quick`]) for every trace by default: the lowering itself
//!   shares element addresses, computes a counter's previous value only in the exits that
//!   need it and advances counters at the back edge, the work Cranelift's e-graph pass did
//!   for root traces; with that, `none` runs as few or fewer instructions on the benchmark
//!   programs and compiles 15-30% faster (`docs/jit.md`, "Optimization level per trace");
//!   `opt_level=speed` ([`Tier::Speed`], the e-graph pass: GVN, loop-invariant code
//!   motion) for root and function traces with the VM's `--jit-egraph=on`;
//! - `preserve_frame_pointers=true`: required on x86-64 for `CallConv::Tail` tail calls
//!   (future trace-to-trace jumps), and lets `perf` walk JIT frames;
//! - `is_pic=false`: calls to runtime helpers (`colocated=false` external names) become a
//!   64-bit absolute address load (`Abs8` relocation) and an indirect call, which
//!   `reloc.rs` patches with the helper's address;
//! - `unwind_info=false`: unwind tables are not registered (helpers never unwind: they are
//!   `extern "C"` and abort on panic);
//! - `enable_verifier`: on in debug builds (catches lowering bugs), off in release builds.
//!
//! CPU features are detected by `cranelift-native` (e.g. SSE4.1 `roundsd` for floor/ceil).

use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::settings::{self, Configurable};

/// How hard Cranelift optimizes one trace (see the module doc).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tier {
    /// `opt_level=speed`: root and function traces with `--jit-egraph=on`.
    Speed,
    /// `opt_level=none`: every trace by default.
    Quick,
}

/// Builds the Cranelift ISA for the host CPU with taipan's settings for root traces
/// ([`Tier::Speed`]; see the module doc).
///
/// # Errors
/// A message when the host is not supported by Cranelift or a setting is rejected.
pub fn host_isa() -> Result<OwnedTargetIsa, String> {
    host_isa_for(Tier::Speed)
}

/// Builds the Cranelift ISA for the host CPU with taipan's settings for `tier`.
///
/// # Errors
/// As [`host_isa`].
pub fn host_isa_for(tier: Tier) -> Result<OwnedTargetIsa, String> {
    let mut flags = settings::builder();
    let verifier = if cfg!(debug_assertions) { "true" } else { "false" };
    let opt = match tier {
        Tier::Speed => "speed",
        Tier::Quick => "none",
    };
    for (name, value) in [
        ("opt_level", opt),
        ("preserve_frame_pointers", "true"),
        ("is_pic", "false"),
        ("unwind_info", "false"),
        ("enable_verifier", verifier),
    ] {
        flags
            .set(name, value)
            .map_err(|e| format!("cranelift setting {name}={value}: {e}"))?;
    }
    let isa_builder = cranelift_native::builder().map_err(|e| format!("cranelift host ISA: {e}"))?;
    isa_builder
        .finish(settings::Flags::new(flags))
        .map_err(|e| format!("cranelift host ISA: {e}"))
}
