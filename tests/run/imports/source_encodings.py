# Imported modules are decoded as compile() decodes bytes: PEP 263 declarations, BOM,
# invalid UTF-8 is a SyntaxError naming the module file.
import mod_latin1
import mod_bom
print(ascii(mod_latin1.NAME), mod_bom.BOM)
try:
    import mod_badutf8
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename.endswith("mod_badutf8.py"), e.lineno, e.offset, ascii(e.text))
import mod_badutf8
