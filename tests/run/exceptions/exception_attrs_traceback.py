try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    print(e.with_traceback(None) is e)
e = ValueError("x")
print(e.__traceback__, e.__cause__, e.__context__)
e.note = "custom attr"
print(e.note)
e2 = ValueError("y")
e2.add_note("a note")
print(e2.__notes__)
