class Config:
    _settings = {"debug": False}
    @classmethod
    def get(cls, k):
        return cls._settings[k]
    @classmethod
    def set(cls, k, v):
        cls._settings = {**cls._settings, k: v}
class DevConfig(Config):
    pass
DevConfig.set("debug", True)
print(Config.get("debug"), DevConfig.get("debug"), Config._settings, DevConfig._settings)
