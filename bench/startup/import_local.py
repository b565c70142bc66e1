"""Start-up with imports: loads four small modules from this directory and uses each once.

Measures finding, compiling (or loading cached bytecode for) and executing module code.
"""
import startup_shapes
import startup_text
import startup_tables
import startup_util

total = startup_shapes.total_area(startup_shapes.sample_shapes())
words = startup_text.count_vowels("the quick brown fox jumps over the lazy dog")
table = startup_tables.lookup("beta")
print("imported", startup_util.describe([total, words, table]))
