class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__(f"need {need}, have {have}")
class Wallet:
    def __init__(self, bal):
        self.bal = bal
    def pay(self, amt):
        if amt > self.bal:
            raise InsufficientFunds(amt, self.bal)
        self.bal -= amt
w = Wallet(10)
w.pay(3)
print(w.bal)
w.pay(30)
