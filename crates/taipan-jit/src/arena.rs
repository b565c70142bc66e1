//! The code arena: W^X executable memory for machine code, on `rustix` (issue 5).
//!
//! Algorithm. One region of virtual memory is reserved once, at construction, with no access
//! rights (`PROT_NONE`, `MAP_NORESERVE`): the reservation is the code-memory budget
//! (`--jit-mem-size`, default [`DEFAULT_CAPACITY`] = 64 MiB of address space; physical memory
//! is used only for pages actually written). Keeping all code in one region keeps helper
//! calls, stencils and traces within rel32 reach of each other.
//!
//! Installing code is a bump allocation in two steps:
//! 1. [`CodeArena::alloc`] hands out a [`PendingBlock`]: the next page-aligned range, made
//!    read+write (`mprotect`). Its bytes are writable through [`PendingBlock::bytes_mut`];
//!    its final address ([`PendingBlock::addr`]) is known, so the caller can patch
//!    PC-relative relocations before sealing.
//! 2. [`PendingBlock::seal`] flips the block's pages to read+execute and returns a
//!    [`CodeBlock`] (address, length, arena generation). A pending block dropped without
//!    sealing gives its pages back (`PROT_NONE`, bump pointer rewound).
//!
//! Invariants (W^X): a page of the arena is in exactly one of three states — unused
//! (`PROT_NONE`), pending (read+write, not executable, owned by the one live
//! `PendingBlock`, which borrows the arena mutably) or sealed (read+execute, never writable
//! again until a reset). No page is ever writable and executable at once. Every block
//! starts on a fresh page, so sealing one block never has to make an executable page
//! writable again; the price is that each block occupies at least one page (4 KiB on
//! x86-64 Linux), i.e. 16 384 traces in the default budget.
//!
//! Policy when full: [`CodeArena::alloc`] returns [`ArenaError::Full`] and changes
//! nothing. The caller (the tier manager) then keeps running the interpreter for that code
//! and counts the failure; when it can prove no machine code is on the stack (a safe point),
//! it may invalidate every trace and call [`CodeArena::reset`] (a whole-arena flush: all
//! pages back to `PROT_NONE`, physical memory released with `MADV_DONTNEED`, generation
//! incremented so stale [`CodeBlock`]s are detectable with [`CodeArena::is_live`]). Single
//! blocks are never freed: traces die together, as in LuaJIT's `jit.flush()`.
//!
//! Instruction-cache coherence: x86-64 keeps instruction and data caches coherent, so
//! nothing beyond `mprotect` is needed; other architectures would need an explicit flush,
//! so [`CodeArena::new`] refuses them ([`ArenaError::UnsupportedArch`]).
//!
//! `unsafe` in this crate is confined to this file (the system calls) and to the call
//! boundary into machine code (`backend`); each block states its `// SAFETY:` argument.

use core::ffi::c_void;
use core::fmt;
use core::ptr::NonNull;

use rustix::mm::{Advice, MapFlags, MprotectFlags, ProtFlags};

/// Default code-memory budget: 64 MiB of reserved address space.
pub const DEFAULT_CAPACITY: usize = 64 << 20;

/// Parses a `--jit-mem-size` value: a byte count with an optional binary suffix
/// `k`/`K` (KiB), `m`/`M` (MiB) or `g`/`G` (GiB), e.g. `65536`, `512k`, `64M`.
///
/// Returns `None` for anything else, including zero and sizes that overflow `usize`.
pub fn parse_mem_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (digits, shift) = match s.as_bytes().last()? {
        b'k' | b'K' => (&s[..s.len() - 1], 10),
        b'm' | b'M' => (&s[..s.len() - 1], 20),
        b'g' | b'G' => (&s[..s.len() - 1], 30),
        _ => (s, 0),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: usize = digits.parse().ok()?;
    let bytes = n.checked_mul(1usize.checked_shl(shift)?)?;
    (bytes > 0).then_some(bytes)
}

/// Why the arena could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArenaError {
    /// The budget is exhausted: `requested` bytes (rounded up to whole pages) do not fit in
    /// the `available` bytes left of the `capacity`-byte reservation. Nothing was changed.
    Full {
        /// Bytes asked for, rounded up to whole pages.
        requested: usize,
        /// Bytes still free in the arena.
        available: usize,
        /// The arena's whole budget in bytes.
        capacity: usize,
    },
    /// A zero-byte block, an alignment that is not a power of two, or a size that overflows.
    BadRequest,
    /// A system call (`mmap`, `mprotect`, `madvise`) failed; the OS error number.
    Os(i32),
    /// The host architecture needs instruction-cache maintenance that is not implemented.
    UnsupportedArch,
}

impl fmt::Display for ArenaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArenaError::Full {
                requested,
                available,
                capacity,
            } => write!(
                f,
                "code arena full: {requested} bytes requested, {available} of {capacity} bytes free \
                 (raise --jit-mem-size)"
            ),
            ArenaError::BadRequest => write!(f, "code arena: bad allocation request"),
            ArenaError::Os(errno) => write!(f, "code arena: system call failed (errno {errno})"),
            ArenaError::UnsupportedArch => {
                write!(
                    f,
                    "code arena: instruction-cache maintenance not implemented for this CPU"
                )
            }
        }
    }
}

impl std::error::Error for ArenaError {}

fn os(e: rustix::io::Errno) -> ArenaError {
    ArenaError::Os(e.raw_os_error())
}

/// Handle to sealed (read+execute) machine code in a [`CodeArena`].
///
/// Plain data: it does not keep the code alive. After [`CodeArena::reset`] or the arena's
/// drop the address is stale; [`CodeArena::is_live`] tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeBlock {
    addr: usize,
    len: usize,
    generation: u64,
}

impl CodeBlock {
    /// Address of the first byte of the block (the entry point when the block is one function).
    pub fn addr(&self) -> usize {
        self.addr
    }

    /// Pointer form of [`CodeBlock::addr`].
    pub fn as_ptr(&self) -> *const u8 {
        self.addr as *const u8
    }

    /// Length of the code in bytes (without the padding to the page end).
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false: blocks are never empty ([`CodeArena::alloc`] refuses zero bytes).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The arena generation the block belongs to (incremented by each reset).
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

/// A W^X executable-memory arena (see the module documentation for the policy).
pub struct CodeArena {
    /// Start of the reservation (page-aligned).
    base: NonNull<u8>,
    /// Reserved bytes: the budget, a whole number of pages.
    capacity: usize,
    /// Bytes handed out so far (a whole number of pages); the bump pointer.
    used: usize,
    /// The OS page size in bytes.
    page: usize,
    /// Incremented by every reset.
    generation: u64,
    /// Bytes of code in sealed blocks (unrounded), since the last reset.
    code_bytes: usize,
    /// Number of sealed blocks since the last reset.
    blocks: usize,
}

impl fmt::Debug for CodeArena {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeArena")
            .field("base", &self.base)
            .field("capacity", &self.capacity)
            .field("used", &self.used)
            .field("generation", &self.generation)
            .finish()
    }
}

fn round_up(n: usize, to: usize) -> Option<usize> {
    // `to` is a power of two (page size or alignment).
    Some(n.checked_add(to - 1)? & !(to - 1))
}

impl CodeArena {
    /// Reserves a new arena of `capacity` bytes (rounded up to whole pages; at least one page).
    ///
    /// Only address space is reserved; pages are committed as code is written.
    ///
    /// # Errors
    /// [`ArenaError::Os`] if the reservation fails, [`ArenaError::BadRequest`] if the size
    /// overflows, [`ArenaError::UnsupportedArch`] on CPUs other than x86-64.
    pub fn new(capacity: usize) -> Result<CodeArena, ArenaError> {
        if !cfg!(target_arch = "x86_64") {
            return Err(ArenaError::UnsupportedArch);
        }
        let page = rustix::param::page_size();
        let capacity = round_up(capacity.max(1), page).ok_or(ArenaError::BadRequest)?;
        // SAFETY: a fresh anonymous private mapping at an address the kernel chooses
        // (null hint) aliases no Rust object; PROT_NONE makes it inaccessible until `alloc`.
        let ptr = unsafe {
            rustix::mm::mmap_anonymous(
                core::ptr::null_mut(),
                capacity,
                ProtFlags::empty(),
                MapFlags::PRIVATE | MapFlags::NORESERVE,
            )
        }
        .map_err(os)?;
        let base = NonNull::new(ptr.cast::<u8>()).ok_or(ArenaError::Os(0))?;
        Ok(CodeArena {
            base,
            capacity,
            used: 0,
            page,
            generation: 0,
            code_bytes: 0,
            blocks: 0,
        })
    }

    /// An arena with the default budget ([`DEFAULT_CAPACITY`]).
    ///
    /// # Errors
    /// As [`CodeArena::new`].
    pub fn with_default_capacity() -> Result<CodeArena, ArenaError> {
        CodeArena::new(DEFAULT_CAPACITY)
    }

    /// The budget in bytes (reserved address space).
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Bytes handed out (whole pages, sealed or pending).
    pub fn used(&self) -> usize {
        self.used
    }

    /// Bytes still free.
    pub fn available(&self) -> usize {
        self.capacity - self.used
    }

    /// Bytes of machine code in sealed blocks since the last reset (without page padding).
    pub fn code_bytes(&self) -> usize {
        self.code_bytes
    }

    /// Number of sealed blocks since the last reset.
    pub fn blocks(&self) -> usize {
        self.blocks
    }

    /// The OS page size in bytes.
    pub fn page_size(&self) -> usize {
        self.page
    }

    /// Current generation (incremented by [`CodeArena::reset`]).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Address range `[start, end)` of the whole reservation.
    pub fn range(&self) -> (usize, usize) {
        let start = self.base.as_ptr() as usize;
        (start, start + self.capacity)
    }

    /// Whether `block` belongs to this arena's current generation (its code may run).
    pub fn is_live(&self, block: &CodeBlock) -> bool {
        let (start, end) = self.range();
        block.generation == self.generation && block.addr >= start && block.addr < end
    }

    /// Allocates a writable block of `len` bytes aligned to `align` bytes (a power of two).
    ///
    /// The block starts on a fresh page (so any `align` up to the page size holds trivially)
    /// and its pages are read+write until [`PendingBlock::seal`].
    ///
    /// # Errors
    /// [`ArenaError::Full`] when the budget is exhausted (nothing changes),
    /// [`ArenaError::BadRequest`] for `len == 0`, a non-power-of-two `align` or overflow,
    /// [`ArenaError::Os`] if `mprotect` fails.
    pub fn alloc(&mut self, len: usize, align: usize) -> Result<PendingBlock<'_>, ArenaError> {
        if len == 0 || !align.is_power_of_two() {
            return Err(ArenaError::BadRequest);
        }
        let start = round_up(self.used, align.max(self.page)).ok_or(ArenaError::BadRequest)?;
        let pages_len = round_up(len, self.page).ok_or(ArenaError::BadRequest)?;
        let end = start.checked_add(pages_len).ok_or(ArenaError::BadRequest)?;
        if end > self.capacity {
            return Err(ArenaError::Full {
                requested: pages_len,
                available: self.available(),
                capacity: self.capacity,
            });
        }
        // SAFETY: `start..end` lies inside our reservation (checked above) and above the bump
        // pointer, so no sealed code and no Rust reference covers it; it is page-aligned.
        unsafe {
            rustix::mm::mprotect(
                self.base.as_ptr().add(start).cast::<c_void>(),
                pages_len,
                MprotectFlags::READ | MprotectFlags::WRITE,
            )
        }
        .map_err(os)?;
        let previous_used = self.used;
        self.used = end;
        Ok(PendingBlock {
            arena: self,
            start,
            len,
            pages_len,
            previous_used,
            sealed: false,
        })
    }

    /// Whole-arena flush: every page back to no access, physical memory released, the bump
    /// pointer back to zero and the generation incremented.
    ///
    /// # Safety
    /// No code from this arena may be running or run afterwards: no machine-code frame may be
    /// on any thread's stack and every entry point handed out must have been forgotten (or be
    /// checked with [`CodeArena::is_live`] before use).
    ///
    /// # Errors
    /// [`ArenaError::Os`] if `mprotect`/`madvise` fails (the arena is then unusable for new
    /// code only if the failure persists).
    pub unsafe fn reset(&mut self) -> Result<(), ArenaError> {
        if self.used > 0 {
            // SAFETY: `0..used` is inside the reservation and page-aligned; the caller
            // guarantees no code in it runs any more, and the `&mut self` receiver proves no
            // `PendingBlock` (and so no Rust reference into it) is alive.
            unsafe {
                rustix::mm::mprotect(self.base.as_ptr().cast::<c_void>(), self.used, MprotectFlags::empty())
                    .map_err(os)?;
                rustix::mm::madvise(self.base.as_ptr().cast::<c_void>(), self.used, Advice::LinuxDontNeed)
                    .map_err(os)?;
            }
        }
        self.used = 0;
        self.code_bytes = 0;
        self.blocks = 0;
        self.generation += 1;
        Ok(())
    }
}

impl Drop for CodeArena {
    fn drop(&mut self) {
        // SAFETY: the reservation was created by `mmap_anonymous` in `new` with exactly this
        // base and length; the arena is being dropped, so no `PendingBlock` borrows it. Code
        // handed out as `CodeBlock`s must not run after this point (documented on `CodeBlock`
        // and at the call boundary). A failure can only leak address space.
        let _ = unsafe { rustix::mm::munmap(self.base.as_ptr().cast::<c_void>(), self.capacity) };
    }
}

/// A block of the arena being written: read+write, not executable, until [`PendingBlock::seal`].
///
/// Dropping it unsealed returns its pages to the arena.
pub struct PendingBlock<'a> {
    arena: &'a mut CodeArena,
    /// Offset of the block from the arena base (page-aligned).
    start: usize,
    /// Requested length in bytes.
    len: usize,
    /// Length rounded up to whole pages.
    pages_len: usize,
    /// The bump pointer before this allocation (restored on drop without seal).
    previous_used: usize,
    sealed: bool,
}

impl PendingBlock<'_> {
    /// The address the block will have once sealed (its first byte).
    pub fn addr(&self) -> usize {
        self.arena.base.as_ptr() as usize + self.start
    }

    /// Length in bytes, as requested.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false ([`CodeArena::alloc`] refuses zero bytes).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The block's bytes, writable (initially zero on fresh pages; stale after a reset).
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: `start..start+len` is inside the reservation, mapped read+write by `alloc`,
        // and exclusively owned by this block: the arena is mutably borrowed for the block's
        // lifetime and the bump pointer keeps later allocations out of it.
        unsafe { core::slice::from_raw_parts_mut(self.arena.base.as_ptr().add(self.start), self.len) }
    }

    /// Makes the block read+execute (never writable again until a reset) and returns its handle.
    ///
    /// # Errors
    /// [`ArenaError::Os`] if `mprotect` fails; the pages are then returned to the arena.
    pub fn seal(mut self) -> Result<CodeBlock, ArenaError> {
        // SAFETY: the range is this block's own pages (see `bytes_mut`); `self` is consumed,
        // so no `&mut [u8]` into the pages outlives this call.
        unsafe {
            rustix::mm::mprotect(
                self.arena.base.as_ptr().add(self.start).cast::<c_void>(),
                self.pages_len,
                MprotectFlags::READ | MprotectFlags::EXEC,
            )
        }
        .map_err(os)?;
        self.sealed = true;
        self.arena.code_bytes += self.len;
        self.arena.blocks += 1;
        Ok(CodeBlock {
            addr: self.addr(),
            len: self.len,
            generation: self.arena.generation,
        })
    }
}

impl Drop for PendingBlock<'_> {
    fn drop(&mut self) {
        if self.sealed {
            return;
        }
        // SAFETY: this block's own pages, no longer referenced (we are being dropped).
        let res = unsafe {
            rustix::mm::mprotect(
                self.arena.base.as_ptr().add(self.start).cast::<c_void>(),
                self.pages_len,
                MprotectFlags::empty(),
            )
        };
        // Only rewind when the pages are inaccessible again; otherwise leave them used (a
        // leak of address space, never a writable page handed out twice).
        if res.is_ok() && self.arena.used == self.start + self.pages_len {
            self.arena.used = self.previous_used;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fn(a: i64, b: i64) -> i64 { a + b }` for x86-64 System V:
    /// `mov rax, rdi; add rax, rsi; ret`.
    const ADD: [u8; 7] = [0x48, 0x89, 0xf8, 0x48, 0x01, 0xf0, 0xc3];

    /// The protection string (e.g. `r-xp`) of every mapping overlapping `[lo, hi)`.
    fn perms_in(lo: usize, hi: usize) -> Vec<String> {
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap_or_default();
        let mut out = Vec::new();
        for line in maps.lines() {
            let mut fields = line.split_whitespace();
            let (Some(range), Some(perms)) = (fields.next(), fields.next()) else {
                continue;
            };
            let Some((a, b)) = range.split_once('-') else { continue };
            let (Ok(a), Ok(b)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16)) else {
                continue;
            };
            if a < hi && b > lo {
                out.push(perms.to_string());
            }
        }
        out
    }

    fn perms_at(addr: usize) -> String {
        perms_in(addr, addr + 1).pop().unwrap_or_default()
    }

    fn no_rwx_anywhere() -> bool {
        !perms_in(0, usize::MAX)
            .iter()
            .any(|p| p.contains('w') && p.contains('x'))
    }

    #[test]
    fn write_seal_execute() {
        let mut arena = CodeArena::new(1 << 20).expect("arena");
        let mut pending = arena.alloc(ADD.len(), 16).expect("alloc");
        let addr = pending.addr();
        pending.bytes_mut().copy_from_slice(&ADD);
        assert_eq!(perms_at(addr), "rw-p");
        let block = pending.seal().expect("seal");
        assert_eq!(block.addr(), addr);
        assert_eq!(perms_at(addr), "r-xp");
        assert!(arena.is_live(&block));
        assert_eq!(arena.code_bytes(), ADD.len());
        assert_eq!(arena.blocks(), 1);
        // SAFETY: the block holds the System V function `ADD` above, sealed read+execute in a
        // live arena.
        let f: extern "C" fn(i64, i64) -> i64 = unsafe { core::mem::transmute(block.as_ptr()) };
        assert_eq!(f(40, 2), 42);
        assert_eq!(f(-5, 3), -2);
    }

    #[test]
    fn blocks_start_on_fresh_pages() {
        let mut arena = CodeArena::new(1 << 20).expect("arena");
        let page = arena.page_size();
        let mut a = arena.alloc(10, 16).expect("alloc");
        a.bytes_mut()[0] = 0xc3;
        let a = a.seal().expect("seal");
        let mut b = arena.alloc(page + 1, 64).expect("alloc");
        b.bytes_mut()[page] = 0xc3;
        let b = b.seal().expect("seal");
        assert_eq!(a.addr() % page, 0);
        assert_eq!(b.addr(), a.addr() + page);
        assert_eq!(arena.used(), 3 * page);
        // The first block stayed executable while the second was written.
        assert_eq!(perms_at(a.addr()), "r-xp");
    }

    #[test]
    fn budget_exhaustion_is_an_error_and_changes_nothing() {
        let mut arena = CodeArena::new(1).expect("arena"); // rounds up to one page
        let page = arena.page_size();
        assert_eq!(arena.capacity(), page);
        let err = arena.alloc(page + 1, 16).err();
        assert_eq!(
            err,
            Some(ArenaError::Full {
                requested: 2 * page,
                available: page,
                capacity: page
            })
        );
        let block = arena.alloc(page, 16).expect("fits").seal().expect("seal");
        assert!(matches!(arena.alloc(1, 16), Err(ArenaError::Full { available: 0, .. })));
        assert_eq!(arena.used(), page);
        assert!(arena.is_live(&block));
        let msg = ArenaError::Full {
            requested: 1,
            available: 0,
            capacity: 1,
        }
        .to_string();
        assert!(msg.contains("--jit-mem-size"));
        // Flush: everything free again, old handles stale.
        // SAFETY: `block` (a single zero page) was never executed and is not used afterwards.
        unsafe { arena.reset() }.expect("reset");
        assert!(!arena.is_live(&block));
        assert_eq!(arena.available(), page);
        assert_eq!(perms_at(block.addr()), "---p");
        assert!(arena.alloc(page, 16).is_ok());
    }

    #[test]
    fn mem_size_option() {
        assert_eq!(parse_mem_size("65536"), Some(65536));
        assert_eq!(parse_mem_size("512k"), Some(512 << 10));
        assert_eq!(parse_mem_size("64M"), Some(64 << 20));
        assert_eq!(parse_mem_size("1g"), Some(1 << 30));
        for bad in [
            "",
            "0",
            "M",
            "-1",
            "1.5M",
            "12Q",
            "99999999999999999999",
            "9999999999999G",
        ] {
            assert_eq!(parse_mem_size(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_requests() {
        let mut arena = CodeArena::new(1 << 16).expect("arena");
        assert_eq!(arena.alloc(0, 16).err(), Some(ArenaError::BadRequest));
        assert_eq!(arena.alloc(8, 3).err(), Some(ArenaError::BadRequest));
        assert_eq!(arena.alloc(usize::MAX, 16).err(), Some(ArenaError::BadRequest));
    }

    #[test]
    fn dropped_pending_block_returns_its_pages() {
        let mut arena = CodeArena::new(1 << 16).expect("arena");
        let addr = {
            let mut p = arena.alloc(100, 16).expect("alloc");
            p.bytes_mut()[0] = 1;
            p.addr()
        };
        assert_eq!(arena.used(), 0);
        assert_eq!(perms_at(addr), "---p");
        assert_eq!(arena.alloc(100, 16).expect("alloc").addr(), addr);
    }

    #[test]
    fn never_writable_and_executable() {
        let mut arena = CodeArena::new(1 << 20).expect("arena");
        let (lo, hi) = arena.range();
        for i in 0..4 {
            let mut p = arena.alloc(ADD.len() + i * 5000, 16).expect("alloc");
            p.bytes_mut()[..ADD.len()].copy_from_slice(&ADD);
            let pending_perms = perms_in(lo, hi);
            assert!(pending_perms.iter().all(|p| !(p.contains('w') && p.contains('x'))));
            let b = p.seal().expect("seal");
            assert!(perms_in(lo, hi).iter().all(|p| !(p.contains('w') && p.contains('x'))));
            // SAFETY: as in `write_seal_execute`.
            let f: extern "C" fn(i64, i64) -> i64 = unsafe { core::mem::transmute(b.as_ptr()) };
            assert_eq!(f(i as i64, 1), i as i64 + 1);
        }
        assert!(no_rwx_anywhere(), "{:?}", perms_in(0, usize::MAX));
    }
}
