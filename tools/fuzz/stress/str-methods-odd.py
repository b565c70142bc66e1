s = 'abcé😀'
for op in ('s[10]', 's[-10]', 's[::0]', 's[::-1]', 's[10**20:]', 's[-10**20:10**20:10**19]', 's.center(-5)',
           's.expandtabs(-1)', 's.split("")', 's.split(None, -5)', 's.rsplit("c", 10**20)', 's.replace("", "x", 3)',
           's.replace("", "")', 's.index("z")', 's.find("c", 10**20)', 's.find("c", -10**20)', 's.count("", 2, 1)',
           's.startswith(("a", 5))', 's.encode("utf-32")', 's.encode("nope")', 's.encode("ascii")',
           's.encode("ascii", "nope")', 's.encode("ascii", "xmlcharrefreplace")', 's.encode("latin-1", "backslashreplace")',
           '"\ud800".encode()', '"\ud800".encode("utf-8", "surrogatepass")', 's.translate({97: "xyz", 98: None, 99: 5})',
           's.translate({97: 2**40})', 'str.maketrans("ab", "c")', 'str.maketrans({"ab": 1})', 's.format(**{})',
           '"{0}{1}".format(1)', '"{a.b[c]}".format(a=1)', '"{0[1000000000000]}".format([1])', '"{:{}}".format(1, "<" * 100)',
           '"{!z}".format(1)', '"{0:d}".format("x")', '"{0:,x}".format(1)', '"{:.-1}".format(1.0)', '"{:,.2f}".format(2**2000)',
           '"%(a)s %(b)s" % {"a": 1}', '"%s %s" % (1,)', '"%" % ()', '"%(a" % {}', '"%y" % 1', '"%*.*f" % (5, 2)',
           's.zfill(-1)', 's.ljust(3, "ab")', 's.strip(5)', 's.partition("")', 's.join([s] * 3)', 's * 2**62',
           's.islower()', 's.casefold()', 's.title()', '"ß".upper()', '"İ".lower()', '"ﬁ".title()', '"\u0345".upper()',
           'str(b"abc", "ascii", "nope")', 'str(bytearray(b"\xff"), "utf-8", "replace")', 's.removeprefix(5)',
           'ord(s[-1])', 'chr(0x10ffff)', 'chr(0x110000)', '"%c" % 0xd800', 'repr("\ud800\x00\x7f\u2028\U000e0001")',
           'ascii("\U0001f600\ud800")', '"a".__mod__(5)', 'int("\U0001d7d9")', 'float("\u0660.5")', '"\N{LATIN SMALL LETTER A}"'):
    try:
        r = eval(op)
        print(op, 'ok', r if not isinstance(r, str) or len(r) < 60 else len(r))
    except BaseException as e:
        print(op, type(e).__name__)
