"""Module imported by import_local.py: string helpers."""

VOWELS = "aeiou"


def count_vowels(text):
    n = 0
    for ch in text.lower():
        if ch in VOWELS:
            n += 1
    return n


def title_words(text):
    return " ".join(w.capitalize() for w in text.split())


def reverse_words(text):
    words = text.split()
    words.reverse()
    return " ".join(words)
