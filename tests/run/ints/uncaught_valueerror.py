def parse(s):
    return int(s)
nums = ["1", "2", "three"]
for s in nums:
    print(parse(s))
