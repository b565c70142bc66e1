//! Building a [`Func`] instruction by instruction (used by the parser, the passes and,
//! later, the trace recorder).
//!
//! The builder only appends: instructions get consecutive [`InsnId`]s, snapshots get
//! consecutive [`SnapId`]s at the current position. It infers result types from the op
//! table and does not check operands: run [`crate::ir::verify`] on the result.

use crate::ir::{
    Args, CallEffect, Callee, Func, Imm, Insn, InsnId, Op, Res, SnapEntry, SnapFrame, SnapId, Snapshot, Tag, Type,
};

/// Appends instructions and snapshots to a function under construction.
#[derive(Debug)]
pub struct Builder {
    func: Func,
    /// How many `call`s declared `writes` the function holds (kept by [`Builder::push`] and
    /// [`Builder::set_call_effects`], so the recorder asks in O(1), not by a scan).
    writes_calls: usize,
    /// How many instructions that may write memory (ops with a `Writes` effect, `call`s
    /// declared `writes`) were pushed: see [`Builder::mutations`].
    mutations: usize,
}

impl Builder {
    /// A function named `name` with the given parameters (emitted as `param` instructions,
    /// so parameter `i` is `InsnId(i)`) and return type.
    pub fn new(name: &str, params: &[Type], ret: Type) -> Builder {
        let mut b = Builder {
            func: Func {
                name: name.to_string(),
                params: params.to_vec(),
                ret,
                insns: Vec::new(),
                snaps: Vec::new(),
                lines: Vec::new(),
                parent: None,
            },
            writes_calls: 0,
            mutations: 0,
        };
        for (i, &ty) in params.iter().enumerate() {
            b.push(Insn {
                op: Op::Param,
                ty,
                args: Args::new(),
                imm: Imm::Param(i as u32),
                snap: None,
            });
        }
        b
    }

    /// Reserves room for `insns` more instructions and `snaps` more snapshots (a pass knows
    /// its output is about the size of its input; growing a long trace's vectors by
    /// doubling cost page faults and copies).
    pub fn reserve(&mut self, insns: usize, snaps: usize) {
        self.func.insns.reserve(insns);
        self.func.snaps.reserve(snaps);
    }

    /// The function so far (passes look up operands in it).
    pub fn func(&self) -> &Func {
        &self.func
    }

    /// Marks the function as a side trace of exit `exit` of `parent` ([`Func::parent`]).
    pub fn set_parent(&mut self, parent: Option<(String, crate::ir::ExitId)>) {
        self.func.parent = parent;
    }

    /// The finished function.
    pub fn finish(self) -> Func {
        self.func
    }

    /// The id the next instruction will get.
    pub fn next_id(&self) -> InsnId {
        InsnId(self.func.insns.len() as u32)
    }

    /// Appends `insn` as is and returns its id.
    pub fn push(&mut self, insn: Insn) -> InsnId {
        let id = self.next_id();
        if Self::is_writes_call(&insn) {
            self.writes_calls += 1;
            self.mutations += 1;
        } else if insn.op.info().effect == crate::ir::Effect::Writes {
            self.mutations += 1;
        }
        self.func.insns.push(insn);
        id
    }

    /// Records the source line of the last instruction pushed (parser only).
    pub fn set_line(&mut self, id: InsnId, line: u32) {
        let n = self.func.insns.len();
        self.func.lines.resize(n, 0);
        if let Some(l) = self.func.lines.get_mut(id.index()) {
            *l = line;
        }
    }

    /// Replaces operand `k` of instruction `id` (to close a `phi` once its back-edge value
    /// exists). Out-of-range indices are ignored.
    pub fn set_arg(&mut self, id: InsnId, k: usize, v: InsnId) {
        if let Some(a) = self.func.insns.get_mut(id.index()).and_then(|i| i.args.get_mut(k)) {
            *a = v;
        }
    }

    /// Sets the declared effect of every `call` so far whose helper name `pick` accepts (the
    /// recorder demotes its `pure` list reads to `reads` once the trace mutates a list).
    pub fn set_call_effects(&mut self, pick: impl Fn(&str) -> bool, effect: CallEffect) {
        for insn in &mut self.func.insns {
            if let Imm::Call(c) = &mut insn.imm
                && pick(&c.name)
            {
                c.effect = effect;
            }
        }
        self.writes_calls = self.func.insns.iter().filter(|i| Self::is_writes_call(i)).count();
    }

    /// A count that grows with every instruction pushed that may write memory (an op with a
    /// `Writes` effect, a `call` declared `writes`): two equal readings mean nothing between
    /// them could have changed a list (the recorder reuses element loads across them).
    pub fn mutations(&self) -> usize {
        self.mutations
    }

    /// True when the function so far holds a `call` declared `writes` (O(1)).
    pub fn has_writes_call(&self) -> bool {
        self.writes_calls > 0
    }

    fn is_writes_call(insn: &Insn) -> bool {
        matches!(&insn.imm, Imm::Call(c) if c.effect == CallEffect::Writes)
    }

    /// Appends `op` with the result type its table row implies (`Arg0`: the first operand's
    /// type; `Declared`: void — use [`Builder::call`] for calls).
    pub fn op(&mut self, op: Op, args: &[InsnId], imm: Imm, snap: Option<SnapId>) -> InsnId {
        let ty = match op.info().res {
            Res::Void | Res::Declared => Type::Void,
            Res::I64 => Type::I64,
            Res::F64 => Type::F64,
            Res::Bool => Type::Bool,
            Res::Ptr => Type::Ptr,
            Res::Arg0 => args.first().map_or(Type::Void, |&a| self.func.ty(a)),
        };
        self.push(Insn {
            op,
            ty,
            args: Args::from_slice(args),
            imm,
            snap,
        })
    }

    /// `const_i64 k`.
    pub fn const_i64(&mut self, k: i64) -> InsnId {
        self.op(Op::ConstI64, &[], Imm::Int(k), None)
    }

    /// `const_f64 x`.
    pub fn const_f64(&mut self, x: f64) -> InsnId {
        self.op(Op::ConstF64, &[], Imm::Float(x.to_bits()), None)
    }

    /// `const_bool b`.
    pub fn const_bool(&mut self, b: bool) -> InsnId {
        self.op(Op::ConstBool, &[], Imm::Bool(b), None)
    }

    /// `const_ptr w`.
    pub fn const_ptr(&mut self, w: u64) -> InsnId {
        self.op(Op::ConstPtr, &[], Imm::Word(w), None)
    }

    /// A value-only op (arithmetic, comparisons, conversions, `phi`).
    pub fn unary(&mut self, op: Op, a: InsnId) -> InsnId {
        self.op(op, &[a], Imm::None, None)
    }

    /// A two-operand op without immediate or snapshot.
    pub fn binary(&mut self, op: Op, a: InsnId, b: InsnId) -> InsnId {
        self.op(op, &[a, b], Imm::None, None)
    }

    /// An op that can exit (`int_add_ov`, `guard_true`, ...) with its snapshot.
    pub fn exiting(&mut self, op: Op, args: &[InsnId], snap: SnapId) -> InsnId {
        self.op(op, args, Imm::None, Some(snap))
    }

    /// `guard_tag t, tag, snap`.
    pub fn guard_tag(&mut self, t: InsnId, tag: Tag, snap: SnapId) -> InsnId {
        self.op(Op::GuardTag, &[t], Imm::Tag(tag), Some(snap))
    }

    /// A slot load (`load_tag`, `load_int`, ...) of slot `slot` of `base`.
    pub fn load(&mut self, op: Op, base: InsnId, slot: u32) -> InsnId {
        self.op(op, &[base], Imm::Slot(slot), None)
    }

    /// A slot store (`store_int base, slot, v`, ...; `store_none` takes no value).
    pub fn store(&mut self, op: Op, base: InsnId, slot: u32, v: Option<InsnId>) -> InsnId {
        let mut args = vec![base];
        args.extend(v);
        self.op(op, &args, Imm::Slot(slot), None)
    }

    /// `call @name(args) -> ty effect`.
    pub fn call(&mut self, name: &str, effect: CallEffect, args: &[InsnId], ty: Type) -> InsnId {
        self.call_with(name, effect, args, ty, false)
    }

    /// `call @name(args) -> own ptr writes`: a helper returning a new reference (an owned
    /// value, see [`crate::ir::Func::owns`]).
    pub fn call_owned(&mut self, name: &str, args: &[InsnId]) -> InsnId {
        self.call_with(name, CallEffect::Writes, args, Type::Ptr, true)
    }

    fn call_with(&mut self, name: &str, effect: CallEffect, args: &[InsnId], ty: Type, owns: bool) -> InsnId {
        self.push(Insn {
            op: Op::Call,
            ty,
            args: Args::from_slice(args),
            imm: Imm::Call(Box::new(Callee {
                name: name.to_string(),
                effect,
                owns,
            })),
            snap: None,
        })
    }

    /// A snapshot at the current position: resume at `pc` after writing `entries`
    /// (sorted by slot here).
    pub fn snapshot(&mut self, pc: u32, entries: Vec<SnapEntry>) -> SnapId {
        self.snapshot_release(pc, entries, Vec::new())
    }

    /// A snapshot at the current position with a `release` list (owned values live at its
    /// exits that no entry lists; see [`Snapshot::release`]).
    pub fn snapshot_release(&mut self, pc: u32, entries: Vec<SnapEntry>, release: Vec<InsnId>) -> SnapId {
        self.snapshot_frames(pc, entries, release, Vec::new())
    }

    /// A snapshot at the current position with a `release` list and the extra frames of a
    /// multi-frame snapshot ([`Snapshot::frames`]; empty: one frame).
    pub fn snapshot_frames(
        &mut self,
        pc: u32,
        mut entries: Vec<SnapEntry>,
        release: Vec<InsnId>,
        frames: Vec<SnapFrame>,
    ) -> SnapId {
        entries.sort_by_key(|e| e.slot);
        let id = SnapId(self.func.snaps.len() as u32);
        self.func.snaps.push(Snapshot {
            pos: self.func.insns.len() as u32,
            pc,
            entries,
            release,
            frames,
            branch: false,
        });
        id
    }

    /// A copy of snapshot `old` (of another function) at the current position with these
    /// `entries` and `release` values (renamed into this function): its resume point,
    /// frames and branch mark are `old`'s. How passes and the recorder's rewrites copy a
    /// snapshot.
    pub fn snapshot_like(&mut self, old: &Snapshot, entries: Vec<SnapEntry>, release: Vec<InsnId>) -> SnapId {
        let s = self.snapshot_frames(old.pc, entries, release, old.frames.clone());
        if old.branch {
            self.mark_branch(s);
        }
        s
    }

    /// Marks the snapshot of every exit-capable instruction from instruction index `from`
    /// on a branch snapshot ([`Snapshot::branch`]).
    pub fn mark_branches_since(&mut self, from: usize) {
        let Func { insns, snaps, .. } = &mut self.func;
        for s in insns.iter().skip(from).filter_map(|i| i.snap) {
            if let Some(snap) = snaps.get_mut(s.index()) {
                snap.branch = true;
            }
        }
    }

    /// Marks snapshot `s` a branch snapshot ([`Snapshot::branch`]).
    pub fn mark_branch(&mut self, s: SnapId) {
        if let Some(snap) = self.func.snaps.get_mut(s.index()) {
            snap.branch = true;
        }
    }

    /// The number of snapshots so far.
    pub fn snap_count(&self) -> usize {
        self.func.snaps.len()
    }
}
