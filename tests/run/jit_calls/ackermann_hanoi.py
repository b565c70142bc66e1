# Ackermann (small arguments) and Towers of Hanoi move counting.
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

print([ack(2, n) for n in range(5)], ack(3, 3))

moves = []
def hanoi(n, a, b, c):
    if n == 0:
        return
    hanoi(n - 1, a, c, b)
    moves.append((a, c))
    hanoi(n - 1, b, a, c)

hanoi(9, "A", "B", "C")
print(len(moves), moves[:5], moves[-1])
