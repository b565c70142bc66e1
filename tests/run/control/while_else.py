n = 0
while n < 3:
    print("n =", n)
    n += 1
else:
    print("while finished normally")
while True:
    n -= 1
    if n == 1:
        break
else:
    print("not printed")
print("n after break", n)
i = 10
while i > 0:
    i -= 3
    if i % 2 == 0:
        continue
    print("odd i", i)
while 0:
    print("never")
else:
    print("else of never-run loop")
