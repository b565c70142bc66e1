# coding: latin-1
# a module written in Latin-1
NAME = "café"
