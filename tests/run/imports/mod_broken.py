print("mod_broken executing")
value = 1
raise RuntimeError("mod_broken failed during import")
