X = 1
Y = "bad ÿ byte"
