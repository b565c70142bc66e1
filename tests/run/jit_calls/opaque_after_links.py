# Opaque calls and slice stores in runs that linked: a link that hands the next loop's
# trace a borrowed item (not a word the frame keeps) stops them for the rest of the run;
# links that hand over only the frame's own objects do not.
class Node:
    def __init__(self, v):
        self.v = v

def borrowed_items(lst, nums):
    clear = lst.clear
    extend = lst.extend
    total = 0
    i = 0
    while i < 40:
        node = lst[i % 3]
        j = 0
        while j < 3:
            if i % 10 == 9 and j == 1:
                clear()
                extend(map(Node, nums))
                nums[:2] = nums[1::-1]
            total += node.v
            j += 1
        i += 1
    return total, [n.v for n in lst], nums

def frame_objects(lst, ins, pop):
    r = 0
    n = 0
    while n < 60:
        while r != 4:
            r += 1
        while r != 0:
            ins(r, pop(0))
            lst[:2] = lst[1::-1]
            r -= 1
            if lst[0] > 2:
                break
        n += 1
    return lst, r

print(borrowed_items([Node(1), Node(2), Node(3)], [7, 8, 9]))
xs = [0, 1, 2, 3, 4]
print(frame_objects(xs, xs.insert, xs.pop))
