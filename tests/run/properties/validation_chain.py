class Product:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, v):
        if not isinstance(v, (int, float)):
            raise TypeError(f"price must be a number, not {type(v).__name__}")
        if v < 0:
            raise ValueError("price must be non-negative")
        self._price = v
    @property
    def total(self):
        return self.price * self.qty
p = Product("pen", 1.5, 4)
print(p.total)
for bad in ["cheap", -1]:
    try:
        p.price = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
p.price = 2
print(p.total, p.price, vars(p))
