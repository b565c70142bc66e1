//! Inline expansion of runtime helpers ([`InlineHelper`]): a call of a helper the VM
//! registered with [`crate::backend::HelperTable::add_inline`] becomes a few loads at offsets the
//! VM measured, and no call (so no registers clobbered around it).
//!
//! The dict-attribute helpers (`@attr_base`, `@attr_absent`) stay branch-free: an object
//! with no instance dict (a null dict word) reads the dict's fields from the VM's
//! stand-in, a block of zeros that is no dict ([`DictLayout::no_dict`]). Constant
//! arguments (the class and shape the recorder saw) are compared as immediates.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{self as clir, InstBuilder, MemFlagsData, types};

use super::{Lower, err};
use crate::backend::{CompileError, DictLayout, InlineHelper};

impl Lower<'_, '_> {
    /// The value of an inlined helper call `how(args)` with result type `t` (each argument
    /// with its IR constant, if it is one).
    ///
    /// # Errors
    /// A missing argument.
    pub(super) fn inline_helper(
        &mut self,
        how: InlineHelper,
        args: &[Arg],
        t: clir::Type,
    ) -> Result<clir::Value, CompileError> {
        let flags = MemFlagsData::trusted();
        let arg = |k: usize| {
            args.get(k)
                .copied()
                .ok_or_else(|| err(format!("inline helper without argument {k}")))
        };
        let w = arg(0)?.0;
        Ok(match how {
            InlineHelper::ExactLen {
                class_off,
                class,
                len_off,
            } => {
                let c = self.fb.ins().load(types::I64, flags, w, class_off);
                let is = self.fb.ins().icmp_imm_s(IntCC::Equal, c, class as i64);
                let n = self.fb.ins().load(types::I64, flags, w, len_off);
                let minus = self.fb.ins().iconst(types::I64, -1);
                self.fb.ins().select(is, n, minus)
            }
            InlineHelper::IsExact { class_off, class } => {
                let c = self.fb.ins().load(types::I64, flags, w, class_off);
                let is = self.fb.ins().icmp_imm_s(IntCC::Equal, c, class as i64);
                self.fb.ins().uextend(types::I64, is)
            }
            InlineHelper::LoadWord { off } => self.fb.ins().load(t, flags, w, off),
            InlineHelper::DictEntries(l) => {
                let (cls, shape) = (arg(1)?, arg(2)?);
                self.dict_entries(&l, w, cls, shape)
            }
            InlineHelper::DictAbsent(l) => {
                let (cls, absent) = (arg(1)?, arg(2)?);
                self.dict_absent(&l, w, cls, absent)
            }
        })
    }

    /// Whether object `w`'s class word is `cls` (a constant: compared as an immediate),
    /// whether it has an instance dict, and that dict's address, or
    /// [`DictLayout::no_dict`] when it has none (so the dict's fields can be loaded without
    /// a branch).
    fn class_and_dict(&mut self, l: &DictLayout, w: clir::Value, cls: Arg) -> (clir::Value, clir::Value, clir::Value) {
        let flags = MemFlagsData::trusted();
        let c = self.fb.ins().load(types::I64, flags, w, l.class_off);
        let is = match cls {
            (_, Some(k)) => self.fb.ins().icmp_imm_s(IntCC::Equal, c, k),
            (v, None) => self.fb.ins().icmp(IntCC::Equal, c, v),
        };
        let d = self.fb.ins().load(types::I64, flags, w, l.dict_off);
        let has = self.fb.ins().icmp_imm_s(IntCC::NotEqual, d, 0);
        let stand_in = self.fb.ins().iconst(types::I64, l.no_dict as i64);
        let d = self.fb.ins().select(has, d, stand_in);
        (is, has, d)
    }

    /// Whether dict object `d` is a dict of shape `shape` (an `i64`; a constant is
    /// compared as an immediate) and `shape != 0`. The borrow flag is not read: no dict is
    /// borrowed while a trace's own code runs (borrows end before a helper returns, and
    /// the interpreter holds none across a trace's entry); the helper checks it anyway.
    fn dict_at_shape(&mut self, l: &DictLayout, d: clir::Value, shape: Arg) -> clir::Value {
        let flags = MemFlagsData::trusted();
        let tag = self.fb.ins().uload8(types::I64, flags, d, l.kind_off);
        let sh = self.fb.ins().uload32(flags, d, l.shape_off);
        let tagged = self.fb.ins().icmp_imm_s(IntCC::Equal, tag, i64::from(l.dict_tag));
        match shape {
            (_, Some(0)) => self.fb.ins().iconst(types::I8, 0),
            (_, Some(k)) => {
                let same = self.fb.ins().icmp_imm_s(IntCC::Equal, sh, k);
                self.fb.ins().band(tagged, same)
            }
            (v, None) => {
                let same = self.fb.ins().icmp(IntCC::Equal, sh, v);
                let shaped = self.fb.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
                let b = self.fb.ins().band(same, shaped);
                self.fb.ins().band(tagged, b)
            }
        }
    }

    /// The expansion of `@attr_base(w, cls, shape)` ([`InlineHelper::DictEntries`]); the
    /// stand-in has no dict's tag, so it answers 0.
    fn dict_entries(&mut self, l: &DictLayout, w: clir::Value, cls: Arg, shape: Arg) -> clir::Value {
        let (is, _, d) = self.class_and_dict(l, w, cls);
        let ok = self.dict_at_shape(l, d, shape);
        let ok = self.fb.ins().band(ok, is);
        let p = self
            .fb
            .ins()
            .load(types::I64, MemFlagsData::trusted(), d, l.entries_off);
        let zero = self.fb.ins().iconst(types::I64, 0);
        self.fb.ins().select(ok, p, zero)
    }

    /// The expansion of `@attr_absent(w, cls, absent)` ([`InlineHelper::DictAbsent`]).
    fn dict_absent(&mut self, l: &DictLayout, w: clir::Value, cls: Arg, absent: Arg) -> clir::Value {
        let (is, has, d) = self.class_and_dict(l, w, cls);
        let ok = match absent {
            // with a dict never; without one, the class check alone
            (_, Some(0)) => {
                let no = self.fb.ins().icmp_imm_s(IntCC::Equal, has, 0);
                self.fb.ins().band(no, is)
            }
            _ => {
                // with a dict: at shape `absent`; without: `absent == 0`
                let shaped = self.dict_at_shape(l, d, absent);
                let none = match absent {
                    (_, Some(_)) => self.fb.ins().iconst(types::I8, 0),
                    (v, None) => self.fb.ins().icmp_imm_s(IntCC::Equal, v, 0),
                };
                let ok = self.fb.ins().select(has, shaped, none);
                self.fb.ins().band(ok, is)
            }
        };
        self.fb.ins().uextend(types::I64, ok)
    }
}

/// An argument of an inlined helper: its value and, for an IR constant, the constant.
type Arg = (clir::Value, Option<i64>);
