class Account:
    def __init__(self, balance):
        if balance < 0:
            raise ValueError("negative balance")
        self.balance = balance


def open_all(amounts):
    return [Account(a) for a in amounts]


open_all([1, 2, 3, -1])
