/ 0x0 sv bytes and 0b sv bits build integers of the matching width
0x0 sv 0x0102
/=> 258h
0x0 sv 0x00000100
/=> 256i
0b sv 00000101b
/=> 0x05
