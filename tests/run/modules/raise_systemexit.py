def shutdown(code):
    try:
        raise SystemExit(code)
    finally:
        print("cleanup in shutdown")
print("start")
shutdown(7)
