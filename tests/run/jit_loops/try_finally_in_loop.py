# try/finally with break, continue and return inside loops.
def main():
    log = []
    for i in range(150):
        try:
            if i % 50 == 0:
                continue
            if i == 120:
                break
        finally:
            if i % 50 == 0 or i == 120:
                log.append(i)
    print(log)

    def f():
        n = 0
        for i in range(200):
            try:
                n += 1
                if i == 133:
                    return n
            finally:
                n += 10
        return -1

    print(f())


main()
