scores = {"ann": 91, "bob": 72, "cy": 85, "dee": 60}
passed = {k: v for k, v in scores.items() if v >= 75}
print(passed)
print({k: ("A" if v >= 90 else "B" if v >= 80 else "C") for k, v in scores.items()})
print({v: k for k, v in scores.items()}[85], {k.upper(): len(k) for k in scores})
print({i: [j for j in range(i)] for i in range(4)})
print(dict.fromkeys(sorted(scores), 0))
