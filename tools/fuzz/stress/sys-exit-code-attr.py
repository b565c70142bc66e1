e = SystemExit(3)
e.code = 'text'
raise e
