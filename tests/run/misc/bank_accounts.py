class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(f"{self.owner}: balance {self.balance} < {amt}")
        self.balance -= amt
        self.history.append(("wd", amt))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance})"
def transfer(a, b, amt):
    a.withdraw(amt)
    b.deposit(amt)
alice, bob = Account("alice", 100), Account("bob")
transfer(alice, bob, 30)
for amt in (50, 80, -5):
    try:
        transfer(alice, bob, amt) if amt > 0 else bob.deposit(amt)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
print(alice, bob, alice.history, bob.history)
