//! Argument parsing for native functions, with CPython's error messages
//! (`Python/getargs.c`, Argument Clinic).

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Binds `args`/`kwnames` (vectorcall layout) to `names`. The first `required` names are
/// mandatory; names listed after `posonly` positions may be given by keyword. Returns one
/// slot per name.
pub fn parse_args(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    bind_into(vm, fname, args, kwnames, names, required, &mut out)?;
    Ok(out)
}

/// [`parse_args`] into a fixed-size array (no allocation per call, for hot built-ins).
pub fn parse_args_array<const N: usize>(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: &[&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = [const { None }; N];
    bind_into(vm, fname, args, kwnames, names, required, &mut out)?;
    Ok(out)
}

/// The binding behind [`parse_args`]: fills `out` (one slot per name, all `None` on entry).
fn bind_into(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: &[&str],
    required: usize,
    out: &mut [Option<Value>],
) -> PyResult<()> {
    let npos = args.len().saturating_sub(kwnames.len());
    if npos > names.len() {
        let msg = if names.len() == required {
            if names.len() == 1 {
                format!("{fname}() takes exactly one argument ({npos} given)")
            } else if names.is_empty() {
                format!("{fname}() takes no arguments ({npos} given)")
            } else {
                format!("{fname}() takes exactly {} arguments ({npos} given)", names.len())
            }
        } else {
            format!(
                "{fname}() takes at most {} argument{} ({npos} given)",
                names.len(),
                if names.len() == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    // Argument Clinic counts positional and keyword arguments together first
    if args.len() > names.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} argument{} ({} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            args.len()
        )));
    }
    for (slot, a) in out.iter_mut().zip(args.iter().take(npos)) {
        *slot = Some(a.clone());
    }
    // the common case: all positional, all required ones given
    if kwnames.is_empty() && npos >= required {
        return Ok(());
    }
    for (k, v) in kwnames.iter().zip(args.iter().skip(npos)) {
        let ks = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == ks) {
            Some(i) => {
                let Some(slot) = out.get_mut(i) else { continue };
                if slot.is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {fname}() given by name ('{ks}') and position ({})",
                        i + 1
                    )));
                }
                *slot = Some(v.clone());
            }
            None => {
                return Err(vm.type_error(format!("{fname}() got an unexpected keyword argument '{ks}'")));
            }
        }
    }
    for (i, (slot, name)) in out.iter().zip(names.iter()).take(required).enumerate() {
        if slot.is_none() {
            if required == 1 && names.len() == 1 {
                return Err(vm.type_error(format!("{fname}() takes exactly one argument (0 given)")));
            }
            return Err(vm.type_error(format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    Ok(())
}

/// Rejects keyword arguments: "f() takes no keyword arguments".
pub fn no_kwargs(vm: &mut Vm, fname: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{fname}() takes no keyword arguments")))
    }
}

/// Checks a positional-only argument count range with CPython's messages.
pub fn check_count(vm: &mut Vm, fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{fname}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("{fname}() takes exactly one argument ({n} given)")
            } else {
                format!("{fname}() takes exactly {min} arguments ({n} given)")
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}
