//! Shapes (hidden classes) of instance dicts: a global transition tree over str keys.
//!
//! A *shape* names an ordered sequence of distinct str keys. The empty sequence is
//! [`ShapeId::EMPTY`]; appending key `k` to the sequence of shape `s` gives the child
//! `(s, k)`, created on first use and the same id forever after. So two dicts with the same
//! shape have the same keys (compared by text) at the same entry positions, and a cache
//! that remembers "shape S, entry position P" for an attribute needs one comparison of the
//! dict's shape word to know where the attribute is (or that it is absent).
//!
//! Which dicts carry a shape (see [`crate::dict::Dict::shape`]): the instance dicts of
//! plain objects, created shaped at [`ShapeId::EMPTY`]. A shaped dict follows the tree
//! while keys are only appended and every key is an exact `str`; anything else (deletion,
//! `popitem`, `clear`, a non-str or str-subclass key) makes it [`ShapeId::UNSHAPED`] for
//! good, after which caches fall back to looking the key up (the positions of an unshaped
//! dict still follow CPython's compact-dict rules, so nothing observable changes). This is
//! the "shared keys" idea of CPython 3.11's split dicts (`Objects/dictobject.c`,
//! `dk_version`), applied to the keys order only: values stay in each dict.
//!
//! The tree lives in a thread-local table (the VM is single-threaded). Each node keeps the
//! key object of its last transition so the common case (the same interned attribute name
//! appended again) is a pointer comparison; other transitions go through a hash map keyed
//! by (parent, key text). The tree is capped at [`MAX_SHAPES`] nodes: past it new
//! transitions give [`ShapeId::UNSHAPED`] (correct, only slower).
//!
//! The JIT may guard on a dict's shape id exactly as the inline caches do.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;

/// The id of a shape: an ordered sequence of distinct str keys (see the module docs).
/// Ids are never reused; [`ShapeId::UNSHAPED`] is not a shape but "no shape tracked".
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct ShapeId(pub u32);

impl ShapeId {
    /// "Not tracked": the dict's keys are not described by any shape.
    pub const UNSHAPED: ShapeId = ShapeId(0);
    /// The empty key sequence (a fresh instance dict).
    pub const EMPTY: ShapeId = ShapeId(1);
    /// Never the shape of any dict (ids stay below [`MAX_SHAPES`]): what a cache records
    /// when the dict it saw was unshaped, so its shape check always fails.
    pub const NEVER: ShapeId = ShapeId(u32::MAX);

    /// `self` as a cache records it: [`ShapeId::NEVER`] instead of
    /// [`ShapeId::UNSHAPED`], so that an unshaped dict never passes a shape check.
    #[inline]
    pub fn for_cache(self) -> ShapeId {
        if self.is_shaped() { self } else { ShapeId::NEVER }
    }

    /// True for a real shape (not [`ShapeId::UNSHAPED`]).
    #[inline(always)]
    pub fn is_shaped(self) -> bool {
        self.0 != 0
    }
}

/// Most shapes the tree holds (about 50 MB of nodes at most).
pub const MAX_SHAPES: usize = 1 << 20;

/// One node of the tree.
struct Node {
    /// Key object of the last transition taken from this node, and its child.
    last: Option<(Value, ShapeId)>,
    /// Number of keys of this shape.
    len: u32,
}

struct Tree {
    nodes: Vec<Node>,
    children: hashbrown::HashMap<(u32, Rc<str>), ShapeId>,
}

/// A borrowed `(parent, key text)` for looking transitions up without allocating; hashes
/// as the stored `(u32, Rc<str>)` does.
#[derive(Hash)]
struct EdgeRef<'a>(u32, &'a str);

impl hashbrown::Equivalent<(u32, Rc<str>)> for EdgeRef<'_> {
    fn equivalent(&self, key: &(u32, Rc<str>)) -> bool {
        self.0 == key.0 && self.1 == &*key.1
    }
}

thread_local! {
    static TREE: RefCell<Tree> = RefCell::new(Tree {
        // index 0: UNSHAPED (never used as a parent), index 1: EMPTY
        nodes: vec![Node { last: None, len: 0 }, Node { last: None, len: 0 }],
        children: hashbrown::HashMap::new(),
    });
}

/// The shape after appending `key` to the keys of `parent`, creating it on first use.
/// `key` must be an exact `str` (callers check); any other value, an unshaped parent or a
/// full tree gives [`ShapeId::UNSHAPED`].
pub fn child(parent: ShapeId, key: &Value) -> ShapeId {
    if !parent.is_shaped() {
        return ShapeId::UNSHAPED;
    }
    let Some(text) = key.as_str() else {
        return ShapeId::UNSHAPED;
    };
    TREE.try_with(|t| {
        let Ok(mut t) = t.try_borrow_mut() else {
            return ShapeId::UNSHAPED;
        };
        let Some(node) = t.nodes.get(parent.0 as usize) else {
            return ShapeId::UNSHAPED;
        };
        if let Some((k, c)) = &node.last
            && k.is(key)
        {
            return *c;
        }
        let len = node.len.saturating_add(1);
        let found = t.children.get(&EdgeRef(parent.0, text)).copied();
        let c = match found {
            Some(c) => c,
            None => {
                if t.nodes.len() >= MAX_SHAPES {
                    return ShapeId::UNSHAPED;
                }
                let Ok(id) = u32::try_from(t.nodes.len()) else {
                    return ShapeId::UNSHAPED;
                };
                t.nodes.push(Node { last: None, len });
                t.children.insert((parent.0, Rc::from(text)), ShapeId(id));
                ShapeId(id)
            }
        };
        if let Some(node) = t.nodes.get_mut(parent.0 as usize) {
            node.last = Some((key.clone(), c));
        }
        c
    })
    .unwrap_or(ShapeId::UNSHAPED)
}

/// The existing child of `parent` for `key` (no node is created): `None` if that
/// transition was never taken.
pub fn existing_child(parent: ShapeId, key: &Value) -> Option<ShapeId> {
    if !parent.is_shaped() {
        return None;
    }
    let text = key.as_str()?;
    TREE.try_with(|t| {
        let t = t.try_borrow().ok()?;
        let node = t.nodes.get(parent.0 as usize)?;
        if let Some((k, c)) = &node.last
            && k.is(key)
        {
            return Some(*c);
        }
        t.children.get(&EdgeRef(parent.0, text)).copied()
    })
    .ok()
    .flatten()
}

/// Number of keys of `shape` (0 for [`ShapeId::UNSHAPED`] or an unknown id).
pub fn len(shape: ShapeId) -> usize {
    TREE.try_with(|t| {
        t.try_borrow()
            .ok()
            .and_then(|t| t.nodes.get(shape.0 as usize).map(|n| n.len as usize))
    })
    .ok()
    .flatten()
    .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{ObjKind, PyStr};

    fn s(text: &str) -> Value {
        Value::Obj(Rc::new(crate::object::Object::with(
            None,
            None,
            ObjKind::Str(PyStr::new(text)),
        )))
    }

    #[test]
    fn transitions_are_shared_by_text() {
        let (a1, a2, b) = (s("a"), s("a"), s("b"));
        let x = child(ShapeId::EMPTY, &a1);
        assert!(x.is_shaped());
        assert_eq!(child(ShapeId::EMPTY, &a2), x);
        assert_eq!(child(ShapeId::EMPTY, &a1), x);
        let y = child(x, &b);
        assert_ne!(y, x);
        assert_eq!(len(y), 2);
        assert_eq!(existing_child(x, &b), Some(y));
        let z = child(ShapeId::EMPTY, &b);
        assert_ne!(z, x);
        assert_ne!(child(z, &a1), y);
        assert_eq!(child(ShapeId::UNSHAPED, &a1), ShapeId::UNSHAPED);
        assert_eq!(child(x, &Value::Int(1)), ShapeId::UNSHAPED);
    }
}
