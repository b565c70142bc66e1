# Bare raise re-raising the active exception from inside loops.
def risky(i):
    if i % 60 == 59:
        raise LookupError("at %d" % i)
    return i

def wrapper(n):
    done = 0
    for i in range(n):
        try:
            done += risky(i)
        except LookupError:
            if i > 100:
                raise
            done -= 1
    return done

try:
    wrapper(300)
except LookupError as e:
    print("reraised", e)
print(wrapper(100))
