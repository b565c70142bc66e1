class Point:
    def __init__(self, x):
        self.x = x
        return x


def main():
    pts = []
    for i in range(3):
        pts.append(Point(None))
    pts.append(Point(7))
    return pts


main()
