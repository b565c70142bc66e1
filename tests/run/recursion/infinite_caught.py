def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print("recovered")
class Loop:
    def __getattr__(self, name):
        return self.missing_thing
try:
    Loop().x
except RecursionError as e:
    print("RecursionError from __getattr__:", e)
def again():
    return again()
try:
    again()
except RecursionError:
    print("second time caught")
print(sum(range(10)))
