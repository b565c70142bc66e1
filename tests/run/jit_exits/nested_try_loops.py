# try blocks nested in loops nested in try blocks, exits at each level.
def main():
    log = []
    for i in range(5):
        try:
            for j in range(100):
                try:
                    if j == 10 * i + 3:
                        raise ValueError(j)
                    if j == 50 + i:
                        raise KeyError(j)
                except ValueError as e:
                    log.append(("inner", i, e.args[0]))
                    continue
                finally:
                    if j == 99:
                        log.append(("fin", i))
        except KeyError as e:
            log.append(("outer", i, e.args[0]))
    print(log)


main()
