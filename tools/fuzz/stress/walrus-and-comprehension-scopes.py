print([y := i for i in range(3)], y)
print([[x := j for j in range(2)] for i in range(2)], x)
def f():
    return [z for z in range(3) if (w := z)], w
print(f())
class C:
    try:
        r = [q for q in range(3) if (t := q)]
    except Exception as e:
        r = type(e).__name__
print(C.r if hasattr(C, 'r') else 'nr')
