# Function traces: exceptions raised deep in traced recursion, caught at several levels;
# a traceback through traced recursive calls.


def down(n, d):
    if n == 0:
        return 10 // d
    return down(n - 1, d) + 1


def catch_mid(n, d):
    if n == 5:
        try:
            return down(n, d)
        except ZeroDivisionError:
            return -1
    return catch_mid(n - 1, d) + 1


for i in range(200):
    down(10, 1)
print(down(10, 2))
print(catch_mid(20, 1), catch_mid(20, 0))
try:
    down(12, 0)
except ZeroDivisionError as e:
    print("caught", e)
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("traceback entries", n)
down(3, 0)
