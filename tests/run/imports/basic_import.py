import mod_util
print(mod_util.VERSION, mod_util.greet("ann"), mod_util.__name__, type(mod_util).__name__)
print(mod_util.Widget(3), mod_util._private)
import mod_util as mu
print(mu is mod_util, mu.bump(), mu.bump(), mod_util.counter)
