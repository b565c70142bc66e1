path = "/tmp/taipan_test_files_word_count.txt"
text = """the quick brown fox
jumps over the lazy dog
the end"""
with open(path, "w") as f:
    f.write(text)
counts = {}
lines = 0
with open(path) as f:
    for line in f:
        lines += 1
        for w in line.split():
            counts[w] = counts.get(w, 0) + 1
print(lines, sum(counts.values()), len(counts))
for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]:
    print(w, c)
