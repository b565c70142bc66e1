import mod_pkg
print(mod_pkg.PKG_NAME, mod_pkg.sub_func())
from mod_pkg.sub import sub_func
print(sub_func is mod_pkg.sub_func)
import mod_pkg.sub as s
print(s.__name__, mod_pkg.sub is s)
