s = "Hello, World"
print(s[0], s[4], s[-1], s[-5], len(s))
print(s[0:5], s[7:], s[:5], s[-5:], s[:], s[3:3], s[5:2])
print(s[::2], s[::-1], s[1::3], s[-1:-6:-1], s[10:2:-2], s[::-3])
print(s[100:], s[-100:3], s[3:100], s[-100:-50])
print(s[slice(2, 8, 2)], s[slice(None, None, -1)][:3])
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[1.0]
except TypeError as e:
    print("TypeError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
u = "héllo wörld ✓"
print(u[1], u[-1], u[::-1], len(u))
