# An uncaught error raised inside a method called from a hot loop.
class Account:
    def __init__(self):
        self.balance = 500

    def withdraw(self, n):
        if n > self.balance:
            raise ValueError("insufficient funds: %d > %d" % (n, self.balance))
        self.balance -= n
        return self.balance

acct = Account()
for i in range(1, 100):
    acct.withdraw(i)
