words = ["naïve", "café", "日本語", "Ελληνικά", "😀👍", "Ünïcödé", "\u00e9", "e\u0301"]
for w in words:
    print(w, len(w), w.upper(), w[::-1], w.encode("utf-8"))
print(" ".join(words))
print("é" == "e\u0301", sorted(words))
