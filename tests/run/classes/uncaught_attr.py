class Account:
    def __init__(self, owner):
        self.owner = owner
acc = Account("ann")
print(acc.owner)
print(acc.balance)
