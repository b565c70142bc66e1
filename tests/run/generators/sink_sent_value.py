# Consumers that store a generator's values (list, tuple, set, sum, any) send None into it:
# a generator that uses the sent value sees None; a generator expression discards it.
def echo(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    print("echo got", got)

print(list(echo(3)))
print(tuple(echo(2)))
print(sorted(set(echo(4))))
print(sum(echo(5)))
print(any(echo(0)), all(echo(1)))

def show(n):
    for i in range(n):
        print("sent", (yield i * 2))

print(list(show(2)))
print(set(x % 3 for x in range(10)), tuple(str(x) for x in range(3)))

def twice(xs):
    for x in xs:
        y = yield x
        yield y

print(list(twice([1, 2])), set(twice([3])))
