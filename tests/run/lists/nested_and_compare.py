m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], [row[0] for row in m], [list(col) for col in zip(*m)])
print(sum(m, []), [x for row in m for x in row if x % 2])
print([1, 2] == [1, 2], [1, 2] < [1, 2, 3], [2] > [1, 100], [[1]] == [[1]], [1, [2]] < [1, [3]])
print(max(m), min(m, key=sum), sorted(m, reverse=True)[0])
l = [1]
l.append(l)
print(l, len(l))
