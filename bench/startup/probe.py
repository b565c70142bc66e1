# Used by bench/implementations.json to check that an implementation can run a script at all.
print("probe ok")
