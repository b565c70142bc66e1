# UnboundLocalError from a loop whose local is deleted at iteration 90.
def run():
    v = 1
    for i in range(150):
        if i == 90:
            del v
        v = v + 1
    return v

print(run())
