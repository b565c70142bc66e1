BOM = "with bom"
