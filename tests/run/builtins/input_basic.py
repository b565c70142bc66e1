name = input()
print("Hello,", name)
age = int(input("Age? "))
print("Next year:", age + 1)
line = input()
print(line.split())
try:
    input()
except EOFError as e:
    print("EOFError:", e)
