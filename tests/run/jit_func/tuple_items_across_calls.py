# Function traces whose object words (items of tuples held by arguments) stay live
# across recursive calls: trees of tuples walked recursively, with type changes,
# exceptions deep in the recursion and callees that drop their own references.


def make(depth):
    if depth == 0:
        return (None, None)
    return (make(depth - 1), make(depth - 1))


def check(node):
    left = node[0]
    if left is None:
        return 1
    return 1 + check(left) + check(node[1])


def walk_sum(node):
    # items of mixed types: ints at the leaves, tuples inside
    head = node[0]
    if type(head) is int or type(head) is float:
        return head
    return walk_sum(head) + walk_sum(node[1]) + node[2]


def mixed(depth, k):
    if depth == 0:
        return (k, k + 1, 0)
    return (mixed(depth - 1, k * 2), mixed(depth - 1, k * 2 + 1), depth)


holder = []


def drop_then_use(node):
    # the callee empties the global list that also held the tree; the tuple items stay
    # alive through the argument
    left = node[0]
    if left is None:
        holder.clear()
        return 1
    return drop_then_use(left) + drop_then_use(node[1]) + 1


def fail_deep(node, depth):
    left = node[0]
    if left is None:
        if depth == 7:
            raise ValueError("deep leaf")
        return 1
    return fail_deep(left, depth + 1) + fail_deep(node[1], depth + 1)


for d in range(9):
    print(d, check(make(d)))

for d in range(1, 7):
    print("mixed", d, walk_sum(mixed(d, 1)))

# a leaf that turns into a float half way
t = mixed(6, 1)
print(walk_sum(t))
t2 = ((1.5, 2, 3), (t, (4, 5, 6), 7), 8)
print(walk_sum(t2))

for d in range(8):
    holder.append(make(d))
    print("drop", d, drop_then_use(holder[-1]), len(holder))

for d in range(6, 10):
    try:
        print("fail", d, fail_deep(make(d), 0))
    except ValueError as e:
        print("caught", d, e)
