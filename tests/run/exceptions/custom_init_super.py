class HTTPError(Exception):
    def __init__(self, code, reason):
        self.code = code
        self.reason = reason
        super().__init__(code, reason)
    def __str__(self):
        return f"{self.code} {self.reason}"
try:
    raise HTTPError(404, "Not Found")
except HTTPError as e:
    print(e, repr(e), e.args, e.code)
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
e = NoSuper(5)
print(repr(e), e.args, str(e))
class Msg(Exception):
    pass
print(repr(Msg()), str(Msg()), repr(Msg(1, 2)), str(Msg(1, 2)))
