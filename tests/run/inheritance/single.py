class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
for a in [Animal("x"), Dog("rex"), Puppy("bit", 1)]:
    print(a.speak(), a.kind(), isinstance(a, Dog))
print(Puppy.__bases__, Puppy.__mro__)
print(Puppy("p", 2).age, issubclass(Puppy, Animal))
