/ 0x0 vs and 0b vs give the big-endian bytes and bits of a number at its width
0x0 vs 258h
/=> 0x0102
0b vs 5h
/=> 0000000000000101b
0x0 vs 1f
/=> 0x3ff0000000000000
