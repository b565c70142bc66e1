data = b"valid \xe2\x82\xac then bad \xff"
print(data[:10].decode("utf-8"))
print(data.decode("utf-8"))
