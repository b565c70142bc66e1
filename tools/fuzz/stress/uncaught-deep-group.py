g = ValueError(0)
for i in range(2000):
    g = ExceptionGroup('g%d' % i, [g])
raise g
