class Settings:
    defaults = {"color": "blue", "size": 10}
    def __init__(self, **overrides):
        self.overrides = overrides
    def __getattr__(self, name):
        if name in self.overrides:
            return self.overrides[name]
        if name in self.defaults:
            return self.defaults[name]
        raise AttributeError(f"no setting {name!r}")
s = Settings(size=12)
print(s.color, s.size, getattr(s, "missing", "fallback"), hasattr(s, "color"))
try:
    s.missing
except AttributeError as e:
    print("AttributeError:", e)
