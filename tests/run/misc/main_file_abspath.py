import sys

# __file__ of the main script is absolute (the test runner strips the checkout root);
# sys.argv[0] stays as given
print(__file__)
print(sys.argv[0])
print(__file__.endswith(sys.argv[0]))
