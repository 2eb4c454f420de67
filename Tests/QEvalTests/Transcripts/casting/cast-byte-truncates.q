/ casting to byte keeps the low byte
"x"$1 255 256 257
/=> 0x01ff0001
