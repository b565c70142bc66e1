def producer():
    yield 1
    yield 2
    raise ValueError("producer failed")
for item in producer():
    print("got", item)
