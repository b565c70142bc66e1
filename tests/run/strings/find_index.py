s = "hello world hello"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.find("o", 5, 10), s.find(""), s.find("", 100))
print(s.rfind("hello"), s.rfind("o"), s.rfind("o", 0, 5), s.rfind("xyz"), s.rfind(""))
print(s.index("world"), s.rindex("l"), s.index("l", 5), s.find("h", -5), s.rfind("h", -100, -5))
try:
    s.index("xyz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("xyz")
except ValueError as e:
    print("ValueError:", e)
print("x" in s, "hello" in s, "" in s, "lo w" in s, "Hello" not in s)
