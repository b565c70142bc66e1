for i in range(2):
    pass
while False:
    pass
if True:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
class Empty:
    pass
def noop():
    pass
with open("/tmp/taipan_test_control_pass.txt", "w") as f:
    pass
print("all passes done", noop(), Empty.__name__)
