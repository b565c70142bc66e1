def g():
    yield 1
gen = g()
print(gen.__name__, gen.__qualname__, type(gen).__name__)
print(hasattr(gen, "send"), hasattr(gen, "__next__"), iter(gen) is gen)
print(gen.gi_running, next(gen), gen.gi_frame is not None)
for _ in gen:
    pass
print(gen.gi_frame)
