# crashhunt finding 001 (category cli) -- FIXED in crates/taipan-cli/src/main.rs
# Command:  taipan -c $'print("\xff")'      (any argument that is not UTF-8)
# Happened: panic in std::env::args() ("called `Result::unwrap()` on an `Err` value"),
#           exit 101. Same for a script name or a program argument that is not UTF-8.
# Now:      -c code: CPython's "Unable to decode the command from the command line:" +
#           UnicodeEncodeError, exit 1; script name: can't open file '...\udcff.py', exit 2;
#           program arguments are decoded lossily into sys.argv.
# (This file is the program run by the argv variant:  taipan 001.py $'\xff')
import sys
print(len(sys.argv))
