with open(p) as f, lock:
    print(f.read(), sep='')
