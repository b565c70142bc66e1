text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity"""
freq = {}
for raw in text.lower().split():
    w = raw.strip(",.")
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in top[:6]:
    print(f"{w:<12}{c:>3} {'#' * c}")
print(len(freq), sum(freq.values()))
