raise ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2)] * 3)])
