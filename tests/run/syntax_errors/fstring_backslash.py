x = 1
print(f"{'\\n'.join(['a', 'b'])}")
