for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 0.125, 0.375, 1.005]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(5), round(5, 2), round(15, -1), round(25, -1), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(1e300, 2), round(float("inf"), 2), round(0.1 + 0.2, 15))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
