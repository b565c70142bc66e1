print('a\udcff')
