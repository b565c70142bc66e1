z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate())
print(z * 2, z + 1, z - 1j, z * z, z / 2)
print(complex(1, 2), complex("3+5j"), complex(2), complex())
print(1j * 1j, (1 + 2j) == complex(1, 2), 1j ** 2)
print(repr(-0j), repr(complex(0, -0.0)), repr(1e300j * 1e300))
print(type(z).__name__, isinstance(z, complex))
try:
    z < 1j
except TypeError as e:
    print(e)
try:
    print(1 / 0j)
except ZeroDivisionError as e:
    print(e)
