record = {"name": "Widget", "qty": 3, "price": 9.5}
print("%(name)s x%(qty)d @ %(price).2f" % record)
print("%(name)-10s|%(qty)5d|" % record)
print("%%(name)s literal" % ())
print("%s" % (record,))
print("%r %s" % ("a", ("tuple", 1)))
try:
    "%(missing)s" % record
except KeyError as e:
    print("KeyError:", e)
