from mod_util import greet, VERSION as V, Widget
print(greet("bob"), V, Widget(1))
from mod_util import counter, bump
bump()
import mod_util
print(counter, mod_util.counter)
