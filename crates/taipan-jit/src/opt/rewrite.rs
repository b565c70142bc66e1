//! The one-pass rewriting driver every forward pass uses (copy-substitution).
//!
//! A pass never edits a function in place: it walks the old instructions in order and, for
//! each, tells the [`Rewriter`] to keep it (with operands renamed to the new function's
//! ids), to replace its value by an already emitted value, or to drop it; it may emit new
//! instructions first (a folded constant). This is LuaJIT's copy-substitution applied to a
//! whole trace: the map from old to new ids is the substitution, and ids stay dense and in
//! order, so the output is canonical.
//!
//! Snapshots are copied lazily, just before their first kept user, with their entries
//! renamed: a snapshot no kept instruction uses disappears, and one that stays is still
//! positioned before its users with only earlier values in it. A copy identical to an
//! earlier snapshot (same resume point, same entries after renaming) is merged into it.
//!
//! A `phi`'s back-edge operand is a forward reference: the visitor sees it still as an
//! *old* id, and the driver renames it once the whole body has been copied. A pass may also
//! create phis ([`Rewriter::phi`]), with the same late renaming of their back-edge operand.

use hashbrown::HashMap;
use std::hash::BuildHasher;

use crate::ir::{Builder, Func, Insn, InsnId, Op, SnapEntry, SnapId, SnapVal};

/// An id that names no instruction (an operand whose definition was dropped; the verifier
/// reports it).
const MISSING: InsnId = InsnId(u32::MAX);

/// What to do with one old instruction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    /// Copy it (with renamed operands, as passed to the visitor).
    Keep,
    /// Its value is this new value; emit nothing.
    Replace(InsnId),
    /// Emit nothing (only for instructions whose value, if any, is unused).
    Drop,
}

/// The state of one rewrite: the new function so far and the substitution.
#[derive(Debug)]
pub struct Rewriter<'a> {
    /// The function being rewritten.
    pub old: &'a Func,
    /// The new function under construction (passes may emit into it).
    pub b: Builder,
    map: Vec<Option<InsnId>>,
    snap_map: Vec<Option<SnapId>>,
    /// Phis emitted so far with the *old* id of their back-edge operand, renamed at the end.
    phis: Vec<(InsnId, InsnId)>,
    /// The snapshots copied so far, by the hash of their resume point and entries (as
    /// copied, before [`Builder::snapshot`] sorts them: equal copies hash equally).
    snap_index: HashMap<u64, Vec<SnapId>>,
    /// The hasher of `snap_index`'s keys (one per rewrite: its seed is random).
    snap_hasher: hashbrown::DefaultHashBuilder,
}

impl Rewriter<'_> {
    /// The new id of old value `old` (`InsnId(u32::MAX)`, which names nothing, if it was
    /// dropped).
    pub fn map(&self, old: InsnId) -> InsnId {
        self.map.get(old.index()).copied().flatten().unwrap_or(MISSING)
    }

    /// The new function so far.
    pub fn new_func(&self) -> &Func {
        self.b.func()
    }

    /// The new instruction `id`.
    pub fn insn(&self, id: InsnId) -> Option<&Insn> {
        self.b.func().insn(id)
    }

    /// Copies old snapshot `s` if not yet copied; returns its new id.
    fn snap(&mut self, s: SnapId) -> SnapId {
        if let Some(Some(n)) = self.snap_map.get(s.index()) {
            return *n;
        }
        let Some(old) = self.old.snaps.get(s.index()) else {
            return s;
        };
        let entries: Vec<SnapEntry> = old
            .entries
            .iter()
            .map(|e| {
                let mut e = *e;
                if let SnapVal::Value(v) = e.val {
                    e.val = SnapVal::Value(self.map(v));
                }
                e
            })
            .collect();
        // An identical snapshot already copied serves as well (it is earlier, so its values
        // are defined before this user too). Candidates are found by hash (a scan of every
        // earlier snapshot made long traces quadratic); the first identical one is taken.
        // (an owned value a pass dropped — a sunk allocation, `sink.rs` — has nothing to
        // release)
        let release: Vec<InsnId> = old
            .release
            .iter()
            .map(|&v| self.map(v))
            .filter(|&v| v != MISSING)
            .collect();
        let key = self.snap_hasher.hash_one((old.pc, &entries, &release, &old.frames));
        let snaps = &self.b.func().snaps;
        let same = self.snap_index.get(&key).and_then(|ids| {
            ids.iter().copied().find(|&i| {
                snaps.get(i.index()).is_some_and(|x| {
                    x.pc == old.pc && x.entries == entries && x.release == release && x.frames == old.frames
                })
            })
        });
        let n = match same {
            Some(i) => {
                if old.branch {
                    // (merged with an identical snapshot: a branch's stays a branch snapshot)
                    self.b.mark_branch(i);
                }
                i
            }
            None => {
                let n = self.b.snapshot_like(old, entries, release);
                self.snap_index.entry(key).or_default().push(n);
                n
            }
        };
        if let Some(slot) = self.snap_map.get_mut(s.index()) {
            *slot = Some(n);
        }
        n
    }

    /// Emits a new `phi entry, back` right after the `loop` marker (the visitor of the `loop`
    /// emits the marker itself first): `entry` is a new id, `back_old` an *old* id (the value
    /// the back edge brings), renamed when the whole body has been copied.
    pub fn phi(&mut self, entry: InsnId, back_old: InsnId) -> InsnId {
        let id = self.b.binary(Op::Phi, entry, entry);
        self.phis.push((id, back_old));
        id
    }

    /// Emits `insn` (already renamed), copying its snapshot if it names an old one.
    fn emit(&mut self, mut insn: Insn) -> InsnId {
        if let Some(s) = insn.snap {
            insn.snap = Some(self.snap(s));
        }
        self.b.push(insn)
    }
}

/// Rewrites `f` by calling `visit` on each instruction after the parameters, in order.
/// The visitor gets the instruction with its operands renamed (except a `phi`'s back-edge
/// operand, which is still the old id) and its snapshot still the old id.
pub fn rewrite(f: &Func, mut visit: impl FnMut(&mut Rewriter<'_>, InsnId, &Insn) -> Action) -> Func {
    let mut b = Builder::new(&f.name, &f.params, f.ret);
    b.set_parent(f.parent.clone());
    b.reserve(f.insns.len(), f.snaps.len());
    let mut rw = Rewriter {
        old: f,
        b,
        map: vec![None; f.insns.len()],
        snap_map: vec![None; f.snaps.len()],
        phis: Vec::new(),
        snap_index: HashMap::new(),
        snap_hasher: hashbrown::DefaultHashBuilder::default(),
    };
    for (i, m) in rw.map.iter_mut().enumerate().take(f.params.len()) {
        *m = Some(InsnId(i as u32));
    }
    for (idx, insn) in f.insns.iter().enumerate().skip(f.params.len()) {
        let old_id = InsnId(idx as u32);
        let mut renamed = insn.clone();
        for (k, a) in renamed.args.iter_mut().enumerate() {
            if !(insn.op == Op::Phi && k == 1) {
                *a = rw.map(*a);
            }
        }
        match visit(&mut rw, old_id, &renamed) {
            Action::Keep => {
                let back = (insn.op == Op::Phi).then(|| insn.args.get(1).copied()).flatten();
                let new = rw.emit(renamed);
                if let Some(b) = back {
                    rw.phis.push((new, b));
                }
                rw.map[idx] = Some(new);
            }
            Action::Replace(v) => rw.map[idx] = Some(v),
            Action::Drop => rw.map[idx] = None,
        }
    }
    for (new, old_back) in std::mem::take(&mut rw.phis) {
        let v = rw.map(old_back);
        rw.b.set_arg(new, 1, v);
    }
    rw.b.finish()
}

/// Emits a fresh instruction during a rewrite (for visitors that build replacements).
pub fn emit_new(rw: &mut Rewriter<'_>, insn: Insn) -> InsnId {
    rw.emit(insn)
}
