raise ValueError('\udcff')
