def f(a, b=1):
    try:
        return a < b < 3
    except E as e:
        return [x for x in e.args if x]
