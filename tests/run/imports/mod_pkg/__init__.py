print("mod_pkg init")
PKG_NAME = "mod_pkg"
from .sub import sub_func
