//! Background compilation: one thread that runs Cranelift ([`super::codegen`]) while the
//! interpreter and the compiled traces keep running on the VM's thread.
//!
//! Why: Cranelift's `Context::compile` is ~75% of a trace's compile time (nbody: 6.5 of
//! 8.7 ms for 8 traces, measured with `--jit-stats` in session 14) and it touches nothing of
//! the VM: its input is a Cranelift function (lowered on the VM's thread, with every
//! address it needs already in it as a constant) and its output plain bytes plus
//! relocations. So the VM thread lowers, hands the function over, goes on interpreting, and
//! installs the code (arena copy, relocations, W^X seal, bridge slot) at its next safe
//! point. HotSpot and V8 compile on background threads for the same reason; on this 2-core
//! machine the second core is otherwise idle.
//!
//! The protocol is one job at a time: [`CodegenWorker::submit`] while nothing is in flight,
//! then [`CodegenWorker::poll`] until it returns the result. The VM starts no recording
//! while a job is in flight, so at most one trace waits for its code (`docs/jit.md`,
//! "Background compilation").
//!
//! A panic inside Cranelift ends the thread; [`CodegenWorker::poll`] then reports a
//! [`CompileError::Codegen`] and the worker refuses further jobs ([`CodegenWorker::alive`]).

use std::sync::mpsc::{self, Receiver, RecvError, Sender, TryRecvError};

use cranelift_codegen::Context;
use cranelift_codegen::ir::Function;
use cranelift_codegen::isa::OwnedTargetIsa;

use super::isa::Tier;
use super::{Codegen, CompileError, codegen};

/// Native stack of the worker thread, in bytes (Cranelift's passes recurse little; the
/// default 2 MiB of a spawned thread would do, this leaves room for big traces).
const WORKER_STACK: usize = 16 << 20;

/// A job: the function, whether to keep its disassembly, and its tier.
type Job = (Function, bool, Tier);

/// The background compilation thread and its two channels (see the module docs).
#[derive(Debug)]
pub struct CodegenWorker {
    jobs: Sender<Job>,
    done: Receiver<Result<Codegen, CompileError>>,
    /// A job was submitted and its result not yet polled.
    busy: bool,
    /// The thread is gone (a panic in Cranelift): no more jobs.
    dead: bool,
}

impl CodegenWorker {
    /// Starts the thread, compiling for `isa` and, for [`Tier::Quick`] jobs, `quick`
    /// (handles shared with the backend that will install the code:
    /// [`super::Backend::isa_handle`], [`super::Backend::quick_isa_handle`]).
    ///
    /// # Errors
    /// The I/O error when the thread cannot be spawned.
    pub fn spawn(isa: OwnedTargetIsa, quick: OwnedTargetIsa) -> std::io::Result<CodegenWorker> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel();
        std::thread::Builder::new()
            .name("taipan-jit-codegen".to_string())
            .stack_size(WORKER_STACK)
            .spawn(move || {
                let mut ctx = Context::new();
                // ends when the VM drops its sender (or stops listening)
                while let Ok((func, disasm, tier)) = job_rx.recv() {
                    let isa = match tier {
                        Tier::Speed => &*isa,
                        Tier::Quick => &*quick,
                    };
                    if done_tx.send(codegen(&mut ctx, isa, func, disasm)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(CodegenWorker {
            jobs,
            done,
            busy: false,
            dead: false,
        })
    }

    /// Whether a job is in flight (submitted, result not yet returned by [`Self::poll`]).
    pub fn busy(&self) -> bool {
        self.busy
    }

    /// Whether the thread still takes jobs.
    pub fn alive(&self) -> bool {
        !self.dead
    }

    /// Hands `func` to the thread. Returns it back when the worker cannot take it (a job is
    /// in flight, or the thread is gone): the caller compiles it itself.
    ///
    /// # Errors
    /// `func` itself, as said.
    pub fn submit(&mut self, func: Function, disasm: bool, tier: Tier) -> Result<(), Box<Function>> {
        if self.busy || self.dead {
            return Err(Box::new(func));
        }
        match self.jobs.send((func, disasm, tier)) {
            Ok(()) => {
                self.busy = true;
                Ok(())
            }
            Err(mpsc::SendError((func, _, _))) => {
                self.dead = true;
                Err(Box::new(func))
            }
        }
    }

    /// The result of the job in flight: `None` while it runs (or when none is in flight);
    /// with `wait`, blocks until it is done. A thread that died reports a
    /// [`CompileError::Codegen`].
    pub fn poll(&mut self, wait: bool) -> Option<Result<Codegen, CompileError>> {
        if !self.busy {
            return None;
        }
        let got = if wait {
            self.done.recv().map_err(|RecvError| TryRecvError::Disconnected)
        } else {
            self.done.try_recv()
        };
        match got {
            Ok(r) => {
                self.busy = false;
                Some(r)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.busy = false;
                self.dead = true;
                Some(Err(CompileError::Codegen("the compilation thread stopped".to_string())))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{Backend, HelperTable};
    use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature, UserFuncName, types};
    use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

    /// `fn(x: i64) -> i64 { x + k }` for the backend's ISA.
    fn add_k(b: &Backend, k: i64) -> Function {
        let mut sig = Signature::new(b.call_conv());
        sig.params.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I64));
        let mut func = Function::with_name_signature(UserFuncName::user(0, 0), sig);
        let mut fctx = FunctionBuilderContext::new();
        let mut fb = FunctionBuilder::new(&mut func, &mut fctx);
        let block = fb.create_block();
        fb.append_block_params_for_function_params(block);
        fb.switch_to_block(block);
        fb.seal_block(block);
        let x = fb.block_params(block)[0];
        let y = fb.ins().iadd_imm_s(x, k);
        fb.ins().return_(&[y]);
        fb.finalize(b.isa().frontend_config());
        func
    }

    #[test]
    fn compiles_on_the_thread_and_installs_here() {
        let mut b = Backend::new(1 << 20).unwrap();
        let mut w = CodegenWorker::spawn(b.isa_handle(), b.quick_isa_handle()).unwrap();
        assert!(w.poll(false).is_none(), "nothing in flight");
        w.submit(add_k(&b, 5), false, Tier::Speed).unwrap();
        assert!(w.busy());
        // one job at a time: a second one comes back to the caller
        assert!(w.submit(add_k(&b, 6), false, Tier::Speed).is_err());
        let cg = w.poll(true).expect("a result").unwrap();
        assert!(!w.busy() && w.alive());
        let f = b.install(cg, &HelperTable::default()).unwrap();
        // SAFETY: the function was compiled for the host with signature (i64) -> i64.
        let call: extern "C" fn(i64) -> i64 = unsafe { f.as_fn() };
        assert_eq!(call(37), 42);
        // the worker takes the next job
        w.submit(add_k(&b, 1), false, Tier::Quick).unwrap();
        let f = b
            .install(w.poll(true).unwrap().unwrap(), &HelperTable::default())
            .unwrap();
        // SAFETY: as above.
        let call: extern "C" fn(i64) -> i64 = unsafe { f.as_fn() };
        assert_eq!(call(1), 2);
    }
}
