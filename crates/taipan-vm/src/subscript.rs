//! Subscription (`x[k]`, `x[k] = v`, `del x[k]`), slices and sequence unpacking, as
//! CPython's `PyObject_GetItem` family and `PySlice_AdjustIndices`.

use crate::numops::to_pyint;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Normalized slice indices: `(start, stop, step, length)` as `PySlice_AdjustIndices`.
#[derive(Copy, Clone, Debug)]
pub struct SliceIndices {
    /// First index.
    pub start: isize,
    /// Stop index (exclusive in the direction of `step`).
    pub stop: isize,
    /// Step (never 0).
    pub step: isize,
    /// Number of selected items.
    pub len: usize,
}

impl SliceIndices {
    /// The selected indices in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (self.start + i as isize * self.step) as usize)
    }
}

/// The integer bounds of a slice before they are fitted to a length (`None`: omitted).
#[derive(Copy, Clone, Debug)]
pub struct SliceBounds {
    /// Start (`None` for an omitted start).
    pub start: Option<i64>,
    /// Stop (`None` for an omitted stop).
    pub stop: Option<i64>,
    /// Step (never 0, at least `-isize::MAX`).
    pub step: isize,
}

impl SliceBounds {
    /// The bounds of `x[start:stop:step]` when each part is None or an int: no Python code
    /// to run. `None` for anything else, and for a zero step (whose ValueError the
    /// general path raises).
    #[inline]
    pub fn plain(start: &Value, stop: &Value, step: &Value) -> Option<SliceBounds> {
        let get = |v: &Value| match v {
            Value::None => Some(None),
            Value::Int(i) => Some(Some(*i)),
            _ => None,
        };
        let step = get(step)?.unwrap_or(1);
        if step == 0 {
            return None;
        }
        Some(SliceBounds {
            start: get(start)?,
            stop: get(stop)?,
            step: step.max(-(isize::MAX as i64)) as isize,
        })
    }

    /// Fits the bounds to a sequence of `len` items (`PySlice_AdjustIndices`): negative
    /// bounds count from the end, then everything is clamped into the sequence.
    #[inline]
    pub fn adjust(&self, len: usize) -> SliceIndices {
        let step = self.step;
        let len = len.min(isize::MAX as usize) as isize;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> isize {
            let v = v.clamp(isize::MIN as i64 / 2, isize::MAX as i64 / 2) as isize;
            if v < 0 {
                let v = v + len;
                if v < lower { lower } else { v }
            } else if v > upper {
                upper
            } else {
                v
            }
        };
        let start = match self.start {
            None => {
                if step < 0 {
                    upper
                } else {
                    lower
                }
            }
            Some(v) => clamp(v),
        };
        let stop = match self.stop {
            None => {
                if step < 0 {
                    lower
                } else {
                    upper
                }
            }
            Some(v) => clamp(v),
        };
        let n = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        SliceIndices {
            start,
            stop,
            step,
            len: n as usize,
        }
    }
}

impl Vm {
    /// `__index__`: an int from an int-like value (TypeError otherwise), clamped to i64.
    pub fn to_index(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            _ => {
                if let Some(i) = to_pyint(v) {
                    return Ok(i.as_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX }));
                }
                if let Some(r) = self.call_special(v, "__index__", &[])? {
                    if let Some(i) = to_pyint(&r) {
                        return Ok(i.as_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX }));
                    }
                    return Err(self.type_error(format!("__index__ returned non-int (type {})", self.type_name(&r))));
                }
                Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                )))
            }
        }
    }

    /// `operator.index(v)` as an `i64`, or `Ok(None)` when the integer does not fit (for
    /// item indexing, where CPython raises IndexError instead of clamping as slices do).
    /// Errors: as [`Vm::to_index`].
    pub fn to_index_exact(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            _ => {
                if let Some(i) = to_pyint(v) {
                    return Ok(i.as_i64());
                }
                if let Some(r) = self.call_special(v, "__index__", &[])? {
                    if let Some(i) = to_pyint(&r) {
                        return Ok(i.as_i64());
                    }
                    return Err(self.type_error(format!("__index__ returned non-int (type {})", self.type_name(&r))));
                }
                Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                )))
            }
        }
    }

    /// Resolves a slice object against a sequence length.
    pub fn slice_indices(&mut self, slice: &Value, len: usize) -> PyResult<SliceIndices> {
        Ok(self.slice_unpack(slice)?.adjust(len))
    }

    /// The bounds of a slice object as integers (`PySlice_Unpack`): `__index__` of
    /// step, start and stop runs here, in that order (it may run Python code, so a
    /// container's length is read only afterwards, by [`SliceBounds::adjust`]).
    /// Errors: TypeError for non-integer bounds, ValueError for a zero step.
    #[inline]
    pub fn slice_unpack(&mut self, slice: &Value) -> PyResult<SliceBounds> {
        let Some(ObjKind::Slice { start, stop, step }) = slice.kind() else {
            return Err(self.type_error("expected a slice"));
        };
        // the common case: None or small int bounds, no Python code
        if let Some(b) = SliceBounds::plain(start, stop, step) {
            return Ok(b);
        }
        let (start, stop, step) = (start.clone(), stop.clone(), step.clone());
        let step = if step.is_none() { 1 } else { self.slice_index(&step)? };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = if start.is_none() {
            None
        } else {
            Some(self.slice_index(&start)?)
        };
        let stop = if stop.is_none() {
            None
        } else {
            Some(self.slice_index(&stop)?)
        };
        Ok(SliceBounds {
            start,
            stop,
            step: step.max(-(isize::MAX as i64)) as isize,
        })
    }

    fn slice_index(&mut self, v: &Value) -> PyResult<i64> {
        match self.to_index(v) {
            Ok(i) => Ok(i),
            Err(_) => Err(self.type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// Normalizes a sequence index (negative from the end); IndexError with `what` in the
    /// message (`"list index out of range"`) when out of range.
    pub fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        self.seq_index_or(key, len, what, None)
    }

    /// [`Vm::seq_index`] with the IndexError message for an index out of range given
    /// (`None`: "{what} index out of range"), e.g. "list assignment index out of range".
    pub fn seq_index_or(&mut self, key: &Value, len: usize, what: &str, oob: Option<&str>) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            _ => match self.to_index_exact(key) {
                Ok(Some(i)) => i,
                // an int beyond Py_ssize_t: CPython's PyNumber_AsSsize_t(key, IndexError);
                // ranges index with arbitrary ints and just report the index out of range
                Ok(None) if what == "range object" => i64::MAX,
                Ok(None) => {
                    let tn = self.type_name(key);
                    return Err(self.index_error(format!("cannot fit '{tn}' into an index-sized integer")));
                }
                Err(_) => {
                    let tn = self.type_name(key);
                    let msg = match what {
                        "string" => format!("string indices must be integers, not '{tn}'"),
                        "index" => format!("byte indices must be integers or slices, not {tn}"),
                        "range object" => format!("range indices must be integers or slices, not {tn}"),
                        _ => format!("{what} indices must be integers or slices, not {tn}"),
                    };
                    return Err(self.type_error(msg));
                }
            },
        };
        let n = len as i64;
        let j = if i < 0 { i.saturating_add(n) } else { i };
        if j < 0 || j >= n {
            return Err(match oob {
                Some(m) => self.index_error(m),
                None => self.index_error(format!("{what} index out of range")),
            });
        }
        Ok(j as usize)
    }

    /// `container[key]`.
    pub fn getitem(&mut self, c: &Value, key: &Value) -> PyResult<Value> {
        if let Value::Obj(o) = c {
            let heap = self.class_of(c).kind.is_heap_type();
            if !heap
                || self
                    .lookup_special(c, "__getitem__")
                    .is_none_or(|m| matches!(m.kind(), Some(ObjKind::Native(_))))
            {
                if let Some(r) = crate::builtins::seqops::builtin_getitem(self, o, key) {
                    return r;
                }
            }
        }
        if let Some(ObjKind::Type(_)) = c.kind() {
            if let Some(m) = self.get_attr_opt_str(c, "__class_getitem__")? {
                return self.call(&m, std::slice::from_ref(key));
            }
        }
        match self.call_special(c, "__getitem__", std::slice::from_ref(key))? {
            Some(r) => Ok(r),
            None => {
                let tn = self.type_name(c);
                if let Some(ObjKind::Type(_)) = c.kind() {
                    let name = crate::types::tdata(c.as_obj().unwrap_or(&self.types.object))
                        .name
                        .borrow()
                        .to_string();
                    return Err(self.type_error(format!("type '{name}' is not subscriptable")));
                }
                Err(self.type_error(format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, c: &Value, key: Value, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            let heap = self.class_of(c).kind.is_heap_type();
            if !heap
                || self
                    .lookup_special(c, "__setitem__")
                    .is_none_or(|m| matches!(m.kind(), Some(ObjKind::Native(_))))
            {
                if let Some(r) = crate::builtins::seqops::builtin_setitem(self, o, &key, &value) {
                    return r;
                }
            }
        }
        match self.call_special(c, "__setitem__", &[key, value])? {
            Some(_) => Ok(()),
            None => {
                let tn = self.type_name(c);
                Err(self.type_error(format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, c: &Value, key: &Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            let heap = self.class_of(c).kind.is_heap_type();
            if !heap
                || self
                    .lookup_special(c, "__delitem__")
                    .is_none_or(|m| matches!(m.kind(), Some(ObjKind::Native(_))))
            {
                if let Some(r) = crate::builtins::seqops::builtin_delitem(self, o, key) {
                    return r;
                }
            }
        }
        match self.call_special(c, "__delitem__", std::slice::from_ref(key))? {
            Some(_) => Ok(()),
            None => {
                let tn = self.type_name(c);
                Err(self.type_error(format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }

    /// Items of `seq` for unpacking, with CPython's error for non-iterables.
    pub fn collect_for_unpack(&mut self, seq: &Value) -> PyResult<Vec<Value>> {
        match self.iter(seq) {
            Ok(it) => {
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
            Err(e) => {
                if self.exc_matches(&e.0, &self.exc.type_error.clone()) {
                    let tn = self.type_name(seq);
                    return Err(self.type_error(format!("cannot unpack non-iterable {tn} object")));
                }
                Err(e)
            }
        }
    }

    /// `a, b, c = seq` with exactly `n` items.
    pub fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        // exact tuples and lists only: a subclass may override __iter__
        let exact = !self.class_of(seq).kind.is_heap_type();
        let fast = match seq.kind() {
            Some(ObjKind::Tuple(t)) if exact => Some(t.to_vec()),
            Some(ObjKind::List(l)) if exact => Some(l.borrow().clone()),
            _ => None,
        };
        let items = match fast {
            Some(items) => items,
            None => {
                // stop after n + 1 items (infinite iterators)
                let it = match self.iter(seq) {
                    Ok(it) => it,
                    Err(e) => {
                        if self.exc_matches(&e.0, &self.exc.type_error.clone()) {
                            let tn = self.type_name(seq);
                            return Err(self.type_error(format!("cannot unpack non-iterable {tn} object")));
                        }
                        return Err(e);
                    }
                };
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(self.value_error(format!("too many values to unpack (expected {n})")));
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }
}
