//! The small-block allocator: per-thread free lists in 16-byte size classes for every
//! heap block of at most [`MAX_SMALL`] bytes, larger blocks from the system allocator.
//!
//! Why: the interpreter allocates and frees millions of small blocks (an object's `Rc`
//! allocation is 120 bytes, a 2-tuple's item slice 32 bytes, a small list's buffer or a
//! frame's stack a few words). glibc's `malloc`/`free` cost ~85 and ~130 instructions per
//! call on binary_trees (its per-thread cache holds only 7 blocks per size, so the bursts
//! of frees when a tree dies go through `_int_free`); a free-list pop or push is ~15.
//! This is CPython's `pymalloc` idea (`Objects/obmalloc.c`: size classes of small blocks
//! carved from big arenas), written for Rust's `GlobalAlloc`.
//!
//! Rules (the invariants the `unsafe` code relies on):
//! - A block's size class is decided by the `Layout` it is allocated with, and Rust
//!   passes the same layout (size and alignment) to `dealloc`, so a block always returns to
//!   the class it came from. `realloc` of a small block allocates anew, copies and frees.
//! - Blocks of a class are carved from chunks taken from the system allocator and never
//!   returned to it, so a block freed on another thread (pushed on that thread's list) is
//!   still valid memory. Memory of a class is reused by that class only: the footprint is
//!   the peak of live small blocks per class (as with pymalloc before it frees an arena).
//! - Every class size is a multiple of 16 and chunks are 16-aligned, so every block is
//!   16-aligned; layouts with a larger alignment go to the system allocator.
//! - The per-thread state holds raw pointers only (no destructor), so it stays usable
//!   while a thread's other thread-locals are destroyed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr;

/// Largest block size (bytes) served from the free lists.
pub const MAX_SMALL: usize = 128;

/// Size-class granularity (bytes); also the alignment of every small block.
const GRAIN: usize = 16;

/// Number of size classes: 16, 32, .., 128 bytes.
const CLASSES: usize = MAX_SMALL / GRAIN;

/// Bytes taken from the system allocator at a time to carve blocks from.
const CHUNK: usize = 256 * 1024;

/// A free block: its first word links to the next free block of its class.
struct FreeBlock {
    next: *mut FreeBlock,
}

thread_local! {
    /// Head of each class's free list (null: empty).
    static FREE: [Cell<*mut FreeBlock>; CLASSES] = const {
        [const { Cell::new(ptr::null_mut()) }; CLASSES]
    };
    /// The unused rest of the current chunk: `(next, end)`.
    static BUMP: Cell<(*mut u8, *mut u8)> = const { Cell::new((ptr::null_mut(), ptr::null_mut())) };
}

/// The process's global allocator (see the module documentation).
pub struct SmallAlloc;

/// The class of a small request of `size` bytes (1 ..= [`MAX_SMALL`]).
#[inline(always)]
fn class_of(size: usize) -> usize {
    (size - 1) / GRAIN
}

/// Whether `layout` is served from the free lists.
#[inline(always)]
fn is_small(layout: &Layout) -> bool {
    layout.size() <= MAX_SMALL && layout.align() <= GRAIN && layout.size() != 0
}

/// Takes a block of class `c`: the head of its free list, or a fresh one from the chunk.
/// Null when the system is out of memory.
#[inline(always)]
fn small_alloc(c: usize) -> *mut u8 {
    let head = FREE.with(|f| {
        let h = f[c].get();
        if !h.is_null() {
            // SAFETY: a non-null list head is a free block of this class, pushed by
            // `small_free`; its first word is the link written there, and nothing else
            // uses the block while it is on the list.
            f[c].set(unsafe { (*h).next });
        }
        h
    });
    if !head.is_null() {
        return head.cast();
    }
    carve((c + 1) * GRAIN)
}

/// A fresh block of `size` bytes from the current chunk (a new chunk when it is used up;
/// the old chunk's rest, under `size` bytes, is left unused).
#[cold]
#[inline(never)]
fn carve(size: usize) -> *mut u8 {
    BUMP.with(|b| {
        let (mut next, mut end) = b.get();
        if (end as usize).wrapping_sub(next as usize) < size || next.is_null() {
            // SAFETY: the layout has a non-zero size and a valid power-of-two alignment.
            let chunk = unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, GRAIN)) };
            if chunk.is_null() {
                return ptr::null_mut();
            }
            next = chunk;
            end = chunk.wrapping_add(CHUNK);
        }
        let block = next;
        b.set((next.wrapping_add(size), end));
        block
    })
}

/// Returns a block of class `c` to this thread's free list.
#[inline(always)]
fn small_free(p: *mut u8, c: usize) {
    let block: *mut FreeBlock = p.cast();
    FREE.with(|f| {
        // SAFETY: `p` is a block of class `c` (at least 16 bytes, 16-aligned) that its
        // owner gave up; it is ours to hold the link until it is allocated again.
        unsafe { block.write(FreeBlock { next: f[c].get() }) };
        f[c].set(block);
    });
}

// SAFETY: blocks are handed out once until freed (free lists and bump carving never
// overlap), each of at least the requested size and alignment (see the module rules);
// other layouts are delegated to `System` unchanged.
unsafe impl GlobalAlloc for SmallAlloc {
    #[inline(always)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_small(&layout) {
            small_alloc(class_of(layout.size()))
        } else {
            // SAFETY: forwarded with the caller's guarantees.
            unsafe { System.alloc(layout) }
        }
    }

    #[inline(always)]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if is_small(&layout) {
            small_free(p, class_of(layout.size()));
        } else {
            // SAFETY: a non-small layout was allocated by `System` with this layout.
            unsafe { System.dealloc(p, layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if is_small(&layout) {
            let p = small_alloc(class_of(layout.size()));
            if !p.is_null() {
                // SAFETY: `p` is a block of at least `layout.size()` bytes.
                unsafe { ptr::write_bytes(p, 0, layout.size()) };
            }
            p
        } else {
            // SAFETY: forwarded with the caller's guarantees.
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` with `layout.align()` is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let old_small = is_small(&layout);
        if !old_small && !is_small(&new_layout) {
            // SAFETY: both sides are system blocks; forwarded with the caller's guarantees.
            return unsafe { System.realloc(p, layout, new_size) };
        }
        if old_small && is_small(&new_layout) && class_of(layout.size()) == class_of(new_size) {
            return p;
        }
        // SAFETY: `new_layout` is valid and non-zero (the caller's guarantees).
        let q = unsafe { self.alloc(new_layout) };
        if !q.is_null() {
            // SAFETY: both blocks are live, distinct, and at least the copied size.
            unsafe {
                ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                self.dealloc(p, layout);
            }
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_aligned_and_distinct() {
        let a = SmallAlloc;
        let l = Layout::from_size_align(40, 8).unwrap();
        // SAFETY: non-zero layouts; each block is freed once with its own layout.
        unsafe {
            let p = a.alloc(l);
            let q = a.alloc(l);
            assert_ne!(p, q);
            assert_eq!(p as usize % GRAIN, 0);
            a.dealloc(p, l);
            let r = a.alloc(l);
            assert_eq!(r, p);
            let big = a.realloc(r, l, 1000);
            assert!(!big.is_null());
            a.dealloc(big, Layout::from_size_align(1000, 8).unwrap());
            a.dealloc(q, l);
        }
    }
}
