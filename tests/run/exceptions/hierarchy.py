for exc in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError, RecursionError,
            NotImplementedError, StopIteration, KeyboardInterrupt, SystemExit, ModuleNotFoundError,
            UnboundLocalError, OverflowError, TimeoutError, GeneratorExit, IsADirectoryError, TabError]:
    print(exc.__name__, [k.__name__ for k in exc.__mro__])
print(issubclass(KeyError, LookupError), issubclass(ValueError, Exception), issubclass(SystemExit, Exception))
print(issubclass(BaseException, object), issubclass(bool, Exception), ArithmeticError.__subclasses__())
