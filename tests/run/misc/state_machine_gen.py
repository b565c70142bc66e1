def traffic_light():
    while True:
        for state, ticks in (("green", 3), ("yellow", 1), ("red", 2)):
            for t in range(ticks):
                cmd = yield state
                if cmd == "reset":
                    break
            else:
                continue
            break
lights = traffic_light()
seq = [next(lights)]
for i in range(9):
    seq.append(lights.send("reset" if i == 4 else None))
print(seq)
