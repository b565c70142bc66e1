raise BaseException('b')
