l = [1, 2, 3]
for op in ('l[10]', 'l[-10]', 'l[::0]', 'l.__setitem__(slice(None, None, 2), [1])', 'l.__setitem__(slice(None, None, -1), [7, 8, 9])',
           'l.__setitem__(slice(10**20, None), [4])', 'l.__delitem__(slice(None, None, -2))', 'l.pop(10**20)', 'l.pop(-10**20)',
           'l.insert(-10**20, 0)', 'l.insert(10**20, 9)', 'l.index(1, 10**20)', 'l.index(1, -10**20, 10**20)', 'l.index(99)',
           'l.remove(99)', 'l * -1', 'l * 2**62', 'l + (1,)', 'l.sort(key=5)', 'l.sort(reverse=None)', 'l.sort(1)',
           '[1, "a"].sort()', 'l.__iadd__(5)', 'l.__imul__(-3)', 'l.extend(l)', 'l[1:2] = l' if False else 'l.__setitem__(slice(1, 2), l)',
           'l.__setitem__(5, 1)', 'l.__getitem__("a")', 'l.__getitem__(2**100)', 'l.__getitem__(slice("a", None))',
           'l.copy().clear()', 'l.count(l)', 'l.reverse()', '[].pop()', 'l.__reversed__().__length_hint__()',
           'l.__contains__(l)', 'l.__eq__(5)', 'l.__lt__([1, "a"])', 'l.__init__((1, 2))', 'list.__new__(list)',
           'tuple.__getitem__((1,), -2)', '(1, 2)[slice(None, None, -2**100)]', '(1, 2).index(2, -10**30)', '(1,) * 2**63'):
    try:
        r = eval(op)
        print(op, 'ok', str(r)[:60])
    except BaseException as e:
        print(op, type(e).__name__)
print(l)
