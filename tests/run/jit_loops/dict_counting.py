# Building frequency tables and inverted indexes in loops.
def main():
    words = ("alpha beta gamma delta alpha beta alpha epsilon " * 30).split()
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    print(freq)
    idx = {}
    for pos, w in enumerate(words[:40]):
        idx.setdefault(w[0], []).append(pos)
    print(idx)
    nums = {}
    for i in range(500):
        key = (i * 7919) % 97
        if key in nums:
            nums[key] += 1
        else:
            nums[key] = 1
    print(len(nums), max(nums.values()), min(nums.values()))


main()
