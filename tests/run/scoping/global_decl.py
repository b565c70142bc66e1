count = 0
def incr():
    global count
    count += 1
def read():
    return count
incr(); incr()
print(count, read())
def define_new():
    global brand_new
    brand_new = [1, 2]
define_new()
print(brand_new)
def shadow():
    count = 99
    return count
print(shadow(), count)
def delete_global():
    global brand_new
    del brand_new
delete_global()
print("brand_new" in globals())
