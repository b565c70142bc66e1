class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def greet(self, name):
        return f"{self.greeting}, {name}"
g = Greeter("Hi")
m = g.greet
print(m("Ann"), Greeter.greet(g, "Bob"), m.__self__ is g, m.__func__ is Greeter.greet)
fns = [Greeter("Yo").greet, Greeter("Hey").greet]
print([f("x") for f in fns])
print(g.greet == g.greet, g.greet is g.greet)
g.greet = lambda name: "replaced " + name
print(g.greet("Cy"), Greeter("Ok").greet("Di"))
