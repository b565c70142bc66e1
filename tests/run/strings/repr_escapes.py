for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nx", "\\", "\x00\x07\x1f\x7f",
          "é", "\u200b", "\U0001F600", "\ud800", "\r", "\x80\xff", "日本"]:
    print(repr(s), ascii(s), len(s))
