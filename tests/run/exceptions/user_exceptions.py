class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name
class Fatal(AppError):
    def __str__(self):
        return "FATAL: " + super().__str__()
for exc in [NotFound("widget"), Fatal("disk"), AppError("generic", 42)]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.name, e.args)
    except AppError as e:
        print("AppError", type(e).__name__, e, repr(e), e.args)
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
