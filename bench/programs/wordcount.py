"""Word frequencies: string building, splitting, normalising and dict counting.

Size: the number of words in a generated text. The text is made from a fixed
vocabulary by a linear congruential generator, with capitals and punctuation
mixed in; it is then split into lines and words, lower-cased, stripped of
punctuation and counted in a dict. Prints the distinct count and the top words.
"""
import sys

VOCABULARY = ("the quick brown fox jumps over a lazy dog while seven wizards quietly "
              "pack boxes of liquor and jugs near an old river bank where python "
              "snakes taipan vipers and adders bask in warm afternoon sunshine").split()
PUNCTUATION = [",", ".", ";", "!", "?", ""]


def generate(count):
    words = []
    x = 12345
    nv = len(VOCABULARY)
    for i in range(count):
        x = (x * 1103515245 + 12345) % 2147483648
        w = VOCABULARY[(x >> 8) % nv]
        if (x >> 4) % 11 == 0:
            w = w.capitalize()
        if (x >> 12) % 7 == 0:
            w = w + PUNCTUATION[(x >> 16) % len(PUNCTUATION)]
        # derived words make the vocabulary larger
        if (x >> 20) % 5 == 0:
            w = w + str((x >> 24) % 40)
        words.append(w)
        if i % 12 == 11:
            words.append("\n")
    return " ".join(words)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for raw in line.split():
            word = raw.strip(",.;!?").lower()
            if not word:
                continue
            if word in counts:
                counts[word] += 1
            else:
                counts[word] = 1
    return counts


def main():
    n = 600000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    text = generate(n)
    counts = count_words(text)
    pairs = []
    for word in counts:
        pairs.append((-counts[word], word))
    pairs.sort()
    total = 0
    for word in counts:
        total += counts[word]
    print("words:", total, "distinct:", len(counts), "chars:", len(text))
    for pair in pairs[:8]:
        print(pair[1], -pair[0])


main()
