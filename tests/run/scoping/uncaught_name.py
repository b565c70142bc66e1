def report():
    print("report start")
    print(summary)
report()
