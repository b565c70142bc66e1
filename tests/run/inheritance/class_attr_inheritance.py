class A:
    items = []
    tag = "A"
class B(A):
    tag = "B"
class C(A):
    pass
B.items.append(1)
print(A.items, B.items, C.items, A.tag, B.tag, C.tag)
C.tag = "C"
print(A.tag, C.tag)
del C.tag
print(C.tag)
print("tag" in B.__dict__, "tag" in C.__dict__, hasattr(C, "tag"))
