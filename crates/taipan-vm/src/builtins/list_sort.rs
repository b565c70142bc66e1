//! `list.sort` / `sorted`: CPython 3.11's timsort (`Objects/listobject.c`,
//! `Objects/listsort.txt`), reproduced step by step so that the comparisons made (visible
//! through Python `__lt__`), the result for inconsistent orders (NaNs) and the state of the
//! list after a failed comparison all match CPython.
//!
//! # Algorithm
//! - Only `<` is used (`PyObject_RichCompare(v, w, Py_LT)`).
//! - `minrun` = the top 6 bits of `n`, plus 1 if any lower bit is set (`n` itself below 64).
//! - The array is cut into natural runs (`count_run`: non-descending, or strictly
//!   descending and then reversed); runs shorter than `minrun` are extended by binary
//!   insertion sort (`binarysort`).
//! - Runs are merged with the powersort policy (3.11 `found_new_run` / `powerloop`), then
//!   all at the end (`merge_force_collapse`). A merge first trims with `gallop_right` /
//!   `gallop_left`, then runs `merge_lo` or `merge_hi` (the shorter run copied to a
//!   temporary), entering galloping mode after `min_gallop` consecutive wins (adaptive,
//!   starting at 7).
//! - On a comparison error the sort stops; the list is left as CPython leaves it (the
//!   merge's temporary copied back). With `reverse=True` the list is reversed before and
//!   after the stable sort, also after an error. With `key`, keys are computed first (an
//!   error leaves the list untouched) and moved together with the items.
//! - During the sort the list looks empty; anything added meanwhile is discarded and
//!   reported as "list modified during sort".
//!
//! The sort works on a permutation of key indices (`usize`), so items never move while
//! Python code runs.

use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Consecutive wins before galloping (CPython `MIN_GALLOP`).
const MIN_GALLOP: usize = 7;

/// A pending run: start, length, powersort power.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

/// The `<` of the sort: on keys, by index.
struct Cmp<'a> {
    vm: &'a mut Vm,
    keys: &'a [Value],
}

impl Cmp<'_> {
    /// `keys[x] < keys[y]`.
    fn lt(&mut self, x: usize, y: usize) -> PyResult<bool> {
        let (Some(p), Some(q)) = (self.keys.get(x), self.keys.get(y)) else {
            return Ok(false);
        };
        if let Some(r) = self.scalar_lt(p, q).or_else(|| self.tuple_lt(p, q)) {
            return Ok(r);
        }
        self.vm.lt(p, q)
    }

    /// `p < q` decided natively for two ints, two floats or two exact strs (code point
    /// order); `None` otherwise. A str subclass may override `__lt__`, so it is left to
    /// the generic comparison.
    #[inline]
    fn scalar_lt(&self, p: &Value, q: &Value) -> Option<bool> {
        match (p, q) {
            (Value::Int(i), Value::Int(j)) => Some(i < j),
            (Value::Float(i), Value::Float(j)) => Some(i < j),
            (Value::Obj(a), Value::Obj(b)) => match (&a.kind, &b.kind) {
                (ObjKind::Str(s), ObjKind::Str(t))
                    if self.is_exact(a, &self.vm.types.str) && self.is_exact(b, &self.vm.types.str) =>
                {
                    Some(taipan_bytecode::surrogate::cmp_code_points(s.as_str(), t.as_str()).is_lt())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `p < q` for two exact tuples when it needs no Python code (the `(-count, word)`
    /// keys of a frequency sort): as CPython's tuple comparison (`tuplerichcompare`),
    /// the first items that are not equal decide, by `<`; a tuple that is a prefix of
    /// the other is the smaller. Items are compared with [`crate::dict::native_eq`] and
    /// [`Cmp::scalar_lt`], which run no Python code, so when one of them cannot decide
    /// (`None`) the generic comparison redoes the whole comparison with the same result
    /// and the same calls CPython makes.
    fn tuple_lt(&self, p: &Value, q: &Value) -> Option<bool> {
        let (Value::Obj(a), Value::Obj(b)) = (p, q) else {
            return None;
        };
        let (ObjKind::Tuple(s), ObjKind::Tuple(t)) = (&a.kind, &b.kind) else {
            return None;
        };
        if !self.is_exact(a, &self.vm.types.tuple) || !self.is_exact(b, &self.vm.types.tuple) {
            return None;
        }
        for (u, v) in s.iter().zip(t.iter()) {
            match crate::dict::native_eq(u, v)? {
                true => {}
                false => return self.scalar_lt(u, v),
            }
        }
        Some(s.len() < t.len())
    }

    /// True if the class of `o` is `ty` itself.
    #[inline]
    fn is_exact(&self, o: &crate::value::Obj, ty: &crate::value::Obj) -> bool {
        o.class.as_ref().is_some_and(|c| std::rc::Rc::ptr_eq(c, ty))
    }
}

fn get(arr: &[usize], i: isize) -> usize {
    if i < 0 {
        0
    } else {
        arr.get(i as usize).copied().unwrap_or(0)
    }
}

/// Leftmost `k` in `0..=arr.len()` with `key <= arr[k]` (CPython `gallop_left`, starting
/// from `hint`).
fn gallop_left(cmp: &mut Cmp, key: usize, arr: &[usize], hint: usize) -> PyResult<usize> {
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    let h = hint as isize;
    let n = arr.len() as isize;
    if cmp.lt(get(arr, h), key)? {
        let maxofs = n - h;
        while ofs < maxofs {
            if cmp.lt(get(arr, h + ofs), key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += h;
        ofs += h;
    } else {
        let maxofs = h + 1;
        while ofs < maxofs {
            if cmp.lt(get(arr, h - ofs), key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = h - ofs;
        ofs = h - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if cmp.lt(get(arr, m), key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs.max(0) as usize)
}

/// `k` in `0..=arr.len()` just after the last element `<= key` (CPython `gallop_right`).
fn gallop_right(cmp: &mut Cmp, key: usize, arr: &[usize], hint: usize) -> PyResult<usize> {
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    let h = hint as isize;
    let n = arr.len() as isize;
    if cmp.lt(key, get(arr, h))? {
        let maxofs = h + 1;
        while ofs < maxofs {
            if cmp.lt(key, get(arr, h - ofs))? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = h - ofs;
        ofs = h - k;
    } else {
        let maxofs = n - h;
        while ofs < maxofs {
            if cmp.lt(key, get(arr, h + ofs))? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += h;
        ofs += h;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if cmp.lt(key, get(arr, m))? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs.max(0) as usize)
}

/// Sort state (CPython `MergeState`), over `a`, a permutation of indices into the keys.
struct Sorter<'a> {
    cmp: Cmp<'a>,
    a: Vec<usize>,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// How a merge ended (CPython's labels).
enum MergeEnd {
    /// All done but the temporary's rest, copied back in place.
    Succeed,
    /// `merge_lo`'s CopyB / `merge_hi`'s CopyA.
    CopyRest,
}

impl Sorter<'_> {
    fn at(&self, i: usize) -> usize {
        self.a.get(i).copied().unwrap_or(0)
    }

    fn set(&mut self, i: usize, v: usize) {
        if let Some(s) = self.a.get_mut(i) {
            *s = v;
        }
    }

    fn lt(&mut self, x: usize, y: usize) -> PyResult<bool> {
        self.cmp.lt(x, y)
    }

    fn slice(&self, from: usize, len: usize) -> &[usize] {
        self.a.get(from..from.saturating_add(len)).unwrap_or(&[])
    }

    /// Length of the run starting at `lo` (ending before `hi`), and whether it is strictly
    /// descending (CPython `count_run`).
    fn count_run(&mut self, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 >= hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let mut i = lo + 2;
        let descending = self.lt(self.at(lo + 1), self.at(lo))?;
        while i < hi {
            let smaller = self.lt(self.at(i), self.at(i - 1))?;
            if smaller != descending {
                break;
            }
            n += 1;
            i += 1;
        }
        Ok((n, descending))
    }

    /// Binary insertion sort of `a[lo..hi]`, whose prefix `a[lo..start]` is sorted.
    fn binarysort(&mut self, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = self.at(start);
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, self.at(p))? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            if let Some(s) = self.a.get_mut(l..=start) {
                s.rotate_right(1);
            }
            start += 1;
        }
        Ok(())
    }

    /// Merges `a[ssa..ssa+na]` and the following `a[ssb..ssb+nb]`, `na <= nb`, copying the
    /// first run to a temporary (CPython `merge_lo`).
    fn merge_lo(&mut self, ssa: usize, na: usize, ssb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = self.slice(ssa, na).to_vec();
        let tmp_at = |i: usize| tmp.get(i).copied().unwrap_or(0);
        let (mut na, mut nb) = (na, nb);
        let (mut pa, mut pb, mut dest) = (0usize, ssb, ssa);
        let result = (|| -> PyResult<MergeEnd> {
            let v = self.at(pb);
            self.set(dest, v);
            dest += 1;
            pb += 1;
            nb -= 1;
            if nb == 0 {
                return Ok(MergeEnd::Succeed);
            }
            if na == 1 {
                return Ok(MergeEnd::CopyRest);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if self.lt(self.at(pb), tmp_at(pa))? {
                        let v = self.at(pb);
                        self.set(dest, v);
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.set(dest, tmp_at(pa));
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(MergeEnd::CopyRest);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = self.at(pb);
                    let k = gallop_right(&mut self.cmp, key, tmp.get(pa..pa + na).unwrap_or(&[]), 0)?;
                    acount = k;
                    if k > 0 {
                        for _ in 0..k {
                            self.set(dest, tmp_at(pa));
                            dest += 1;
                            pa += 1;
                        }
                        na -= k;
                        if na == 1 {
                            return Ok(MergeEnd::CopyRest);
                        }
                        if na == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                    }
                    let v = self.at(pb);
                    self.set(dest, v);
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(MergeEnd::Succeed);
                    }
                    let key = tmp_at(pa);
                    let run = self.a.get(pb..pb + nb).unwrap_or(&[]);
                    let k = gallop_left(&mut self.cmp, key, run, 0)?;
                    bcount = k;
                    if k > 0 {
                        for _ in 0..k {
                            let v = self.at(pb);
                            self.set(dest, v);
                            dest += 1;
                            pb += 1;
                        }
                        nb -= k;
                        if nb == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                    }
                    self.set(dest, tmp_at(pa));
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(MergeEnd::CopyRest);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match result {
            Ok(MergeEnd::CopyRest) => {
                // the rest of b moves left, then the last element of a
                for i in 0..nb {
                    let v = self.at(pb + i);
                    self.set(dest + i, v);
                }
                self.set(dest + nb, tmp_at(pa));
                Ok(())
            }
            other => {
                for i in 0..na {
                    self.set(dest + i, tmp_at(pa + i));
                }
                other.map(|_| ())
            }
        }
    }

    /// Merges `a[ssa..ssa+na]` and `a[ssb..ssb+nb]`, `na >= nb`, from the right, copying the
    /// second run to a temporary (CPython `merge_hi`).
    fn merge_hi(&mut self, ssa: usize, na: usize, ssb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = self.slice(ssb, nb).to_vec();
        let tmp_at = |i: usize| tmp.get(i).copied().unwrap_or(0);
        let (mut na, mut nb) = (na, nb);
        // a's remaining run is a[ssa..ssa+na], b's is tmp[0..nb]; the next slot to fill
        // (from the right) is ssa + na + nb - 1.
        let dest = |na: usize, nb: usize| (ssa + na + nb).wrapping_sub(1);
        let result = (|| -> PyResult<MergeEnd> {
            let v = self.at(ssa + na - 1);
            self.set(dest(na, nb), v);
            na -= 1;
            if na == 0 {
                return Ok(MergeEnd::Succeed);
            }
            if nb == 1 {
                return Ok(MergeEnd::CopyRest);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    if self.lt(tmp_at(nb - 1), self.at(ssa + na - 1))? {
                        let v = self.at(ssa + na - 1);
                        self.set(dest(na, nb), v);
                        na -= 1;
                        acount += 1;
                        bcount = 0;
                        if na == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.set(dest(na, nb), tmp_at(nb - 1));
                        nb -= 1;
                        bcount += 1;
                        acount = 0;
                        if nb == 1 {
                            return Ok(MergeEnd::CopyRest);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = tmp_at(nb - 1);
                    let run = self.a.get(ssa..ssa + na).unwrap_or(&[]);
                    let k = na - gallop_right(&mut self.cmp, key, run, na - 1)?.min(na);
                    acount = k;
                    if k > 0 {
                        for _ in 0..k {
                            let v = self.at(ssa + na - 1);
                            self.set(dest(na, nb), v);
                            na -= 1;
                        }
                        if na == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                    }
                    self.set(dest(na, nb), tmp_at(nb - 1));
                    nb -= 1;
                    if nb == 1 {
                        return Ok(MergeEnd::CopyRest);
                    }
                    if nb == 0 {
                        return Ok(MergeEnd::Succeed);
                    }
                    let key = self.at(ssa + na - 1);
                    let k = nb - gallop_left(&mut self.cmp, key, tmp.get(..nb).unwrap_or(&[]), nb - 1)?.min(nb);
                    bcount = k;
                    if k > 0 {
                        for _ in 0..k {
                            self.set(dest(na, nb), tmp_at(nb - 1));
                            nb -= 1;
                        }
                        if nb == 1 {
                            return Ok(MergeEnd::CopyRest);
                        }
                        if nb == 0 {
                            return Ok(MergeEnd::Succeed);
                        }
                    }
                    let v = self.at(ssa + na - 1);
                    self.set(dest(na, nb), v);
                    na -= 1;
                    if na == 0 {
                        return Ok(MergeEnd::Succeed);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match result {
            Ok(MergeEnd::CopyRest) => {
                // a's remaining run moves right by one; b's first element goes before it
                for i in (0..na).rev() {
                    let v = self.at(ssa + i);
                    self.set(ssa + i + 1, v);
                }
                self.set(ssa, tmp_at(0));
                Ok(())
            }
            other => {
                for i in 0..nb {
                    self.set(ssa + na + i, tmp_at(i));
                }
                other.map(|_| ())
            }
        }
    }

    /// Merges pending runs `i` and `i + 1` (CPython `merge_at`).
    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let (Some(&ra), Some(&rb)) = (self.pending.get(i), self.pending.get(i + 1)) else {
            return Ok(());
        };
        let (mut ssa, mut na, ssb, nb) = (ra.base, ra.len, rb.base, rb.len);
        if let Some(r) = self.pending.get_mut(i) {
            r.len = na + nb;
        }
        self.pending.remove(i + 1);
        let key = self.at(ssb);
        let run = self.a.get(ssa..ssa + na).unwrap_or(&[]);
        let k = gallop_right(&mut self.cmp, key, run, 0)?.min(na);
        ssa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        let key = self.at(ssa + na - 1);
        let run = self.a.get(ssb..ssb + nb).unwrap_or(&[]);
        let nb = gallop_left(&mut self.cmp, key, run, nb.saturating_sub(1))?.min(nb);
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(ssa, na, ssb, nb)
        } else {
            self.merge_hi(ssa, na, ssb, nb)
        }
    }

    /// Powersort: merges while the run below the top has a greater power than the new
    /// boundary, then records the power (CPython `found_new_run`).
    fn found_new_run(&mut self, n2: usize, total: usize) -> PyResult<()> {
        if let Some(top) = self.pending.last().copied() {
            let power = powerloop(top.base, top.len, n2, total);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                self.merge_at(self.pending.len() - 2)?;
            }
            if let Some(t) = self.pending.last_mut() {
                t.power = power;
            }
        }
        Ok(())
    }

    /// Merges all remaining runs (CPython `merge_force_collapse`).
    fn force_collapse(&mut self) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }

    /// The whole sort (the main loop of CPython `list_sort_impl`).
    fn sort(&mut self) -> PyResult<()> {
        let total = self.a.len();
        if total < 2 {
            return Ok(());
        }
        let minrun = compute_minrun(total);
        let mut lo = 0;
        let mut remaining = total;
        while remaining > 0 {
            let (mut n, descending) = self.count_run(lo, lo + remaining)?;
            if descending {
                if let Some(s) = self.a.get_mut(lo..lo + n) {
                    s.reverse();
                }
            }
            if n < minrun {
                let force = remaining.min(minrun);
                self.binarysort(lo, lo + force, lo + n)?;
                n = force;
            }
            self.found_new_run(n, total)?;
            self.pending.push(Run {
                base: lo,
                len: n,
                power: 0,
            });
            lo += n;
            remaining -= n;
        }
        self.force_collapse()
    }
}

/// CPython `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// CPython `powerloop`: the powersort power of the boundary between a run at `s1` of
/// length `n1` and the following one of length `n2`, in an array of `n` items.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
        if result > 64 {
            break;
        }
    }
    result
}

/// Sorts `items` in place by `key` (None = identity) with `<`, stably; `reverse` as
/// `list.sort`. The first error (from the key function or a comparison) is stored in
/// `err`; `items` is then left as CPython leaves the list.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: &Value, reverse: bool, err: &mut Option<PyErr>) {
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for it in items.iter() {
            match vm.call(key, std::slice::from_ref(it)) {
                Ok(k) => ks.push(k),
                Err(e) => {
                    *err = Some(e);
                    return;
                }
            }
        }
        ks
    };
    let n = items.len();
    let mut order: Vec<usize> = (0..n).collect();
    if reverse {
        order.reverse();
    }
    let mut sorter = Sorter {
        cmp: Cmp { vm, keys: &keys },
        a: order,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    if let Err(e) = sorter.sort() {
        *err = Some(e);
    }
    let mut order = sorter.a;
    if reverse {
        order.reverse();
    }
    let sorted: Vec<Value> = order.iter().filter_map(|&i| items.get(i).cloned()).collect();
    if sorted.len() == items.len() {
        *items = sorted;
    }
}

/// `list.sort(*, key=None, reverse=False)`. Errors: positional arguments, unknown
/// keywords, key/comparison errors, "list modified during sort".
pub fn list_sort(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let Some(ObjKind::List(cell)) = args.first().and_then(|a| a.kind()) else {
        let tn = args
            .first()
            .map(|a| vm.type_name(a))
            .unwrap_or_else(|| "NoneType".into());
        return Err(vm.type_error(format!(
            "descriptor 'sort' for 'list' objects doesn't apply to a '{tn}' object"
        )));
    };
    if npos != 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::None;
    let mut reverse = Value::Bool(false);
    for (k, v) in kwnames.iter().zip(args[npos..].iter()) {
        match k.as_str().unwrap_or("") {
            "key" => key = v.clone(),
            "reverse" => reverse = v.clone(),
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    let reverse = match reverse {
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::Float(_) => return Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        other => {
            let i = vm.to_index(&other)?;
            i != 0
        }
    };
    let mut items = std::mem::take(&mut *cell.borrow_mut());
    let mut err = None;
    sort_values(vm, &mut items, &key, reverse, &mut err);
    let modified = !cell.borrow().is_empty();
    let added = std::mem::replace(&mut *cell.borrow_mut(), items);
    drop(added);
    if let Some(e) = err {
        return Err(e);
    }
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}
