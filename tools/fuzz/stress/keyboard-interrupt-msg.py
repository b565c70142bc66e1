raise KeyboardInterrupt('x')
