prices = {"apple": 1.25, "bread": 2.5, "milk": 0.99}
for k in prices:
    print(k, end=" ")
print()
for k, v in sorted(prices.items(), key=lambda kv: kv[1]):
    print(f"{k}: {v:.2f}")
print(sum(prices.values()), max(prices, key=prices.get), min(prices.items(), key=lambda kv: kv[1]))
print(list(zip(prices, prices.values())), dict(zip(prices.values(), prices)))
print({k: v for k, v in prices.items() if v > 1}, len(prices), list(enumerate(prices)))
