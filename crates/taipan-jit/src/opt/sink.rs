//! Allocation sinking, the case without materialization: an instance the trace makes
//! (`call @new_instance(...) -> own ptr`, `record/alloc.rs`) that nothing but its own
//! initializing stores and its release uses is never made.
//!
//! Such an instance is a temporary the recorder already sees through: it answers loads of
//! the numbers stored into it from the stored values (`record/alloc.rs`, "Stores into a
//! fresh instance"), so in `self.pos.add(self.vel.scale(dt))` the result of `scale` is
//! read only by `add`, whose loads were forwarded. What is left of it is
//! - `%o = call @new_instance(area, cls, layout) -> own ptr writes`;
//! - per attribute, the address `%a = call @attr_add(%o, ...)` or `@attr_slots(%o, ...)`,
//!   `%z = ptr_eq %a, null` with its `guard_false %z`, and scalar stores
//!   `store_{int,float,bool,none}_at %a, i, v`;
//! - `obj_release %o`, and `%o` in the `release` lists of snapshots (exits that drop it).
//!
//! When every use of `%o` is one of those, all of them are dropped: no exit needs the
//! instance (it is in no snapshot's entries, only in `release` lists, which lose it), no
//! other object refers to it (no store of its word, no call taking it) and only numbers
//! were stored into it (an object stored into it would be kept alive by it: left alone).
//! The guards dropped could never fail (a fresh instance's dict is at the shape the
//! recorder tracked, its slots exist). An instance that escapes or that a snapshot lists
//! stays: materializing one at an exit (LuaJIT's sunk allocations, PyPy's virtuals) is not
//! built.

use crate::ir::{Func, Imm, InsnId, Op, SnapVal};
use crate::opt::rewrite::{Action, rewrite};
use crate::record::{ATTR_ADD_HELPER, ATTR_SLOTS, NEW_INSTANCE_HELPER};

/// The callee name of a `call`, if `insn` is one.
fn callee(f: &Func, id: InsnId) -> Option<&str> {
    match f.insn(id) {
        Some(i) if i.op == Op::Call => match &i.imm {
            Imm::Call(c) => Some(c.name.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// The instructions using each value (by old id).
fn users(f: &Func) -> Vec<Vec<InsnId>> {
    let mut u = vec![Vec::new(); f.insns.len()];
    for (i, insn) in f.insns.iter().enumerate() {
        for a in insn.args.iter() {
            if let Some(list) = u.get_mut(a.index()) {
                list.push(InsnId(i as u32));
            }
        }
    }
    u
}

/// The instructions that go with instance `o` when nothing else uses it (see the module
/// docs), or `None` when it must be made.
fn sinkable(f: &Func, users: &[Vec<InsnId>], o: InsnId) -> Option<Vec<InsnId>> {
    let null_const = |id: InsnId| {
        f.insn(id)
            .is_some_and(|i| i.op == Op::ConstPtr && matches!(i.imm, Imm::Word(0)))
    };
    let mut drop = vec![o];
    for &u in users.get(o.index())? {
        let insn = f.insn(u)?;
        match insn.op {
            Op::ObjRelease => drop.push(u),
            Op::Call
                if insn.args.first() == Some(&o)
                    && matches!(callee(f, u), Some(n) if n == ATTR_ADD_HELPER || n == ATTR_SLOTS) =>
            {
                drop.push(u);
                for &v in users.get(u.index())? {
                    let vi = f.insn(v)?;
                    match vi.op {
                        Op::PtrEq if vi.args.iter().any(|&a| null_const(a)) => {
                            let [g] = users.get(v.index())?.as_slice() else {
                                return None;
                            };
                            if f.insn(*g)?.op != Op::GuardFalse {
                                return None;
                            }
                            drop.extend([v, *g]);
                        }
                        Op::StoreIntAt | Op::StoreFloatAt | Op::StoreBoolAt | Op::StoreNoneAt
                            if vi.args.first() == Some(&u) =>
                        {
                            drop.push(v);
                        }
                        _ => return None,
                    }
                }
            }
            _ => return None,
        }
    }
    let listed = f
        .snaps
        .iter()
        .any(|s| s.entries.iter().any(|e| e.val == SnapVal::Value(o)));
    (!listed).then_some(drop)
}

/// Runs allocation sinking over `f` (see the module docs).
pub fn sink(f: &Func) -> Func {
    let users = users(f);
    let mut gone = vec![false; f.insns.len()];
    for (i, insn) in f.insns.iter().enumerate() {
        let id = InsnId(i as u32);
        let made = insn.op == Op::Call && matches!(&insn.imm, Imm::Call(c) if c.owns && c.name == NEW_INSTANCE_HELPER);
        if !made {
            continue;
        }
        if let Some(d) = sinkable(f, &users, id) {
            for x in d {
                if let Some(g) = gone.get_mut(x.index()) {
                    *g = true;
                }
            }
        }
    }
    if !gone.contains(&true) {
        return f.clone();
    }
    rewrite(f, |_, old, _| {
        if gone.get(old.index()).copied().unwrap_or(false) {
            Action::Drop
        } else {
            Action::Keep
        }
    })
}
