import types
async def f(): return 1
async def g():
    return await f()
c = g()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def h():
    async for x in 5: pass
try:
    h().send(None)
except TypeError as e:
    print(e)
async def k():
    await 5
try:
    k().send(None)
except TypeError as e:
    print(e)
co = f()
co.close()
co.close()
try:
    co.send(None)
except RuntimeError as e:
    print(e)
async def agen():
    yield 1
a = agen()
print(type(a).__name__)
try:
    a.__anext__().send(None)
except StopIteration as e:
    print('anext', e.value)
except BaseException as e:
    print(type(e).__name__)
