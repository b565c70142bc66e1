result = []
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        if i == 2:
            raise ValueError(i)
        result.append(i)
    except ValueError as e:
        result.append(f"err{e}")
    finally:
        result.append(f"f{i}")
print(result)
n = 0
while True:
    try:
        n += 1
        if n > 3:
            break
    finally:
        print("loop finally", n)
