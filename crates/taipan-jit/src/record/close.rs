//! Closing a recording: assembling the raw iteration into a loop trace.
//!
//! The raw trace is one iteration in execution order, with each local's entry load
//! (`load_tag`, `guard_tag`, payload load) inline where it was first needed. The loop is
//! `param; entry loads; loop; phis; body; jump`:
//! 1. the entry loads and their guards are copied first, all guards sharing one snapshot
//!    that resumes at the start with nothing to restore (nothing has run yet);
//! 2. each local the iteration assigns gets `phi entry, last` (its entry type must be its
//!    type at the back edge, else [`AbortReason::TypeUnstableLoop`]); inside the body the
//!    entry value means the phi; a local *dead at the entry* (assigned a number before any
//!    read, `Recorder::dead`) has no entry value: its phi is `phi undef, last` with an
//!    `undef_*` of `last`'s type made before the loop (the peeled iteration's snapshots
//!    then leave the frame's slot as it is: `opt/peel.rs`);
//! 3. the body is copied in order; each snapshot also lists every loop-carried local it
//!    does not mention (such a local has not been assigned yet in this iteration, so its
//!    value is the phi — memory still holds the value from before the trace);
//! 4. `jump`. The result is verified ([`AbortReason::Invalid`] if not).

use hashbrown::HashMap;

use crate::ir::verify::verify;
use crate::ir::{Builder, Func, InsnId, Op, SnapEntry, SnapId, SnapVal, Type};
use crate::record::{Abort, AbortReason, PyVal, Recorder};

/// A name usable in the IR text (`[A-Za-z0-9_.]`).
fn ir_name(code: &str, pc: u32) -> String {
    let base: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' })
        .collect();
    format!("{base}_pc{pc}")
}

impl Recorder {
    /// Builds the loop trace (see the module docs); `pc` is the closing instruction.
    pub(crate) fn close(&mut self, pc: u32) -> Result<Func, Abort> {
        let raw = self.b.func();
        let n = raw.insns.len();
        let mut out = Builder::new(&ir_name(&self.code.name, self.start_pc), &[Type::Ptr], Type::Void);
        let mut map: Vec<Option<InsnId>> = vec![None; n];
        if let Some(m) = map.first_mut() {
            *m = Some(InsnId(0));
        }
        let get = |map: &[Option<InsnId>], v: InsnId| map.get(v.index()).copied().flatten().unwrap_or(InsnId(u32::MAX));
        let hoisted = |i: usize| self.hoisted.get(i).copied().unwrap_or(false);
        // 1. Entry loads and guards.
        let entry_snap = out.snapshot(self.start_pc, Vec::new());
        for i in 1..n {
            if hoisted(i) {
                let mut insn = raw.insns[i].clone();
                insn.args = insn.args.iter().map(|&a| get(&map, a)).collect();
                if insn.snap.is_some() {
                    insn.snap = Some(entry_snap);
                }
                map[i] = Some(out.push(insn));
            }
        }
        // Entry values the trace owns (owned phis, `alloc.rs`): counted once, after every
        // entry guard (whose exits have nothing to release).
        for &(_, e) in &self.owned_entries {
            let inc = out.op(Op::ObjIncref, &[get(&map, e)], crate::ir::Imm::None, None);
            map[e.index()] = Some(inc);
        }
        // Locals dead at the entry: their phis start from an undef of the type they get.
        let mut undefs: Vec<(u32, InsnId)> = Vec::new();
        for (local, w) in self.written.iter().enumerate() {
            if !*w || !self.dead.get(local).copied().unwrap_or(false) {
                continue;
            }
            let op = match self.locals.get(local) {
                Some(Some(PyVal::Int(_))) => Op::UndefI64,
                Some(Some(PyVal::Float(_))) => Op::UndefF64,
                Some(Some(PyVal::Bool(_))) => Op::UndefBool,
                Some(Some(last)) => {
                    let d = format!(
                        "local {local} is assigned a number first and {} at the back edge",
                        last.tag().name()
                    );
                    return Err(self.abort(AbortReason::TypeUnstableLoop, pc, d));
                }
                _ => return Err(self.abort(AbortReason::Invalid, pc, format!("local {local} has no value"))),
            };
            undefs.push((local as u32, out.op(op, &[], crate::ir::Imm::None, None)));
        }
        // 2. Loop-carried locals.
        out.op(Op::Loop, &[], crate::ir::Imm::None, None);
        let mut carried: Vec<(u32, InsnId, InsnId)> = Vec::new();
        for (local, w) in self.written.iter().enumerate() {
            if !*w {
                continue;
            }
            if let Some(&(_, u)) = undefs.iter().find(|(l, _)| *l as usize == local) {
                let Some(l) = self.locals.get(local).copied().flatten().and_then(|v| v.id()) else {
                    return Err(self.abort(AbortReason::Invalid, pc, format!("local {local} has no value")));
                };
                let phi = out.binary(Op::Phi, u, u);
                carried.push((local as u32, phi, l));
                continue;
            }
            let (Some(Some(entry)), Some(Some(last))) = (self.entry.get(local), self.locals.get(local)) else {
                return Err(self.abort(AbortReason::Invalid, pc, format!("local {local} has no entry value")));
            };
            if entry.tag() != last.tag() {
                let d = format!(
                    "local {local} is {} at the entry and {} at the back edge",
                    entry.tag().name(),
                    last.tag().name()
                );
                return Err(self.abort(AbortReason::TypeUnstableLoop, pc, d));
            }
            if let (Some(e), Some(l)) = (entry.id(), last.id()) {
                let pre = get(&map, e);
                let phi = out.binary(Op::Phi, pre, pre);
                map[e.index()] = Some(phi);
                carried.push((local as u32, phi, l));
            }
        }
        // 3. The body, snapshots completed with the carried locals.
        let mut snaps: HashMap<SnapId, SnapId> = HashMap::new();
        for i in 1..n {
            if hoisted(i) {
                continue;
            }
            let mut insn = raw.insns[i].clone();
            insn.args = insn.args.iter().map(|&a| get(&map, a)).collect();
            if let Some(s) = insn.snap {
                let new = match snaps.get(&s) {
                    Some(&t) => t,
                    None => {
                        let Some(old) = raw.snaps.get(s.index()) else {
                            return Err(self.abort(AbortReason::Invalid, pc, format!("no snapshot {s}")));
                        };
                        let mut entries: Vec<SnapEntry> = old
                            .entries
                            .iter()
                            .map(|e| SnapEntry {
                                slot: e.slot,
                                val: match e.val {
                                    SnapVal::None => SnapVal::None,
                                    SnapVal::Obj(k) => SnapVal::Obj(k),
                                    SnapVal::Value(v) => SnapVal::Value(get(&map, v)),
                                },
                            })
                            .collect();
                        let mut added: Vec<InsnId> = Vec::new();
                        for &(local, phi, _) in &carried {
                            if !entries.iter().any(|e| e.slot == local) {
                                entries.push(SnapEntry {
                                    slot: local,
                                    val: SnapVal::Value(phi),
                                });
                                added.push(phi);
                            }
                        }
                        // (an owned phi listed for its local is transferred, not released)
                        let release = old
                            .release
                            .iter()
                            .map(|&v| get(&map, v))
                            .filter(|v| !added.contains(v))
                            .collect();
                        let t = out.snapshot_like(old, entries, release);
                        snaps.insert(s, t);
                        t
                    }
                };
                insn.snap = Some(new);
            }
            map[i] = Some(out.push(insn));
        }
        // (an owned value carried by several locals: one more count for each more phi)
        let mut taken: Vec<InsnId> = Vec::new();
        for &(_, phi, last) in &carried {
            let mut v = get(&map, last);
            if self.owned.contains(&last) {
                if taken.contains(&last) {
                    v = out.op(Op::ObjIncref, &[v], crate::ir::Imm::None, None);
                } else {
                    taken.push(last);
                }
            }
            out.set_arg(phi, 1, v);
        }
        // 4. The back edge.
        out.op(Op::Jump, &[], crate::ir::Imm::None, None);
        let f = out.finish();
        verify(&f).map_err(|e| self.abort(AbortReason::Invalid, pc, e.to_string()))?;
        Ok(f)
    }
}
