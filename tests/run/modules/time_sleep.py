import time
start = time.monotonic()
time.sleep(0.02)
elapsed = time.monotonic() - start
print(elapsed >= 0.015, elapsed < 5)
time.sleep(0)
print("slept")
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
