__all__ = ["public_a", "helper"]
public_a = "A"
public_b = "B"
_hidden = "H"
def helper():
    return "helped"
