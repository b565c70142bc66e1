# A class-level counter incremented through the class and shadowed through an instance.
def main():
    class Node:
        count = 0
        def __init__(self):
            Node.count += 1
            self.id = Node.count

    nodes = [Node() for _ in range(130)]
    print(Node.count, nodes[-1].id)
    n = nodes[0]
    for i in range(100):
        n.count += 1
    print(Node.count, n.count, nodes[1].count)


main()
