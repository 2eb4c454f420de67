/ a non-zero byte base gives the digits that always fit the integer's width, as bytes
0x10 vs 255h
/=> 0x00000f0f
