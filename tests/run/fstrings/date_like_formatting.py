rows = [(2024, 1, 5, 9, 3), (1999, 12, 31, 23, 59), (7, 7, 7, 7, 7)]
for y, mo, d, h, mi in rows:
    print(f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}")
secs = 3725
print(f"{secs // 3600}h {secs % 3600 // 60:02d}m {secs % 60:02d}s")
pct = 0.4567
print(f"progress [{'#' * int(pct * 20):<20}] {pct:.0%}")
