# list.append / list.pop through CALL_METHOD on instances of list subclasses that do not
# override them (the list fast path), and the cases that must not take it: an override
# added to the class later, an instance attribute shadowing the method, a subclass with
# __slots__, errors with their messages.
class OrderedCollection(list):
    pass

class Slotted(list):
    __slots__ = ("tag",)

def churn(l, n):
    for i in range(n):
        l.append(i)
    a = l.pop()
    b = l.pop(0)
    c = l.pop(-2)
    return a, b, c, list(l), type(l).__name__

for _ in range(12):
    r1 = churn(OrderedCollection(), 6)
    r2 = churn(Slotted(), 5)
print(r1)
print(r2)

OrderedCollection.append = lambda self, x: list.append(self, -x)
print(churn(OrderedCollection(), 6))
del OrderedCollection.append
print(churn(OrderedCollection(), 6))

oc = OrderedCollection()
oc.append = lambda x: print("shadowed", x)
for i in range(3):
    oc.append(i)
print(oc, oc.pop() if oc else "empty")

for args in [(), (1, 2), ("a",), (10,), (True,)]:
    try:
        print(OrderedCollection([1, 2]).pop(*args))
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
for _ in range(3):
    try:
        OrderedCollection().pop()
    except IndexError as e:
        print("IndexError:", e)
    try:
        OrderedCollection().append()
    except TypeError as e:
        print("TypeError:", e)
