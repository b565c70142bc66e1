class = "value"
