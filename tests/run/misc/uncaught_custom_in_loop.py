class ValidationError(Exception):
    pass
def validate(rec):
    if "id" not in rec:
        raise ValidationError(f"record without id: {rec}")
    return rec["id"]
records = [{"id": 1}, {"id": 2}, {"name": "x"}]
for r in records:
    print("valid", validate(r))
