# Iterating characters of str values, counting categories.
def main():
    text = "The quick brown fox jumps over the lazy dog 0123456789! " * 5
    counts = {"upper": 0, "lower": 0, "digit": 0, "other": 0}
    for ch in text:
        if ch.isupper():
            counts["upper"] += 1
        elif ch.islower():
            counts["lower"] += 1
        elif ch.isdigit():
            counts["digit"] += 1
        else:
            counts["other"] += 1
    print(counts)
    rev = ""
    for ch in "héllo wörld ☃":
        rev = ch + rev
    print(rev, len(rev))
    print([ord(c) % 7 for c in text[:30]])


main()
