class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"shape mismatch {self.shape} @ {other.shape}")
        return Matrix([[sum(self.rows[i][k] * other.rows[k][j] for k in range(m)) for j in range(p)] for i in range(n)])
    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __eq__(self, other):
        return self.rows == other.rows
    def T(self):
        return Matrix(zip(*self.rows))
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
    def __str__(self):
        return "\n".join(" ".join(f"{v:4}" for v in r) for r in self.rows)
a = Matrix([[1, 2, 3], [4, 5, 6]])
b = a.T()
print(a @ b)
print(repr(b @ a), (a + a).rows, a == Matrix([[1, 2, 3], [4, 5, 6]]), a.shape)
try:
    a @ a
except ValueError as e:
    print("ValueError:", e)
