rows = [(1, 2), (3, 0)]
ratios = list(map(lambda r: r[0] / r[1], rows))
