/ (types;widths) 1: bytes reads little-endian records into columns; (widths;types) reads big-endian
r:("hc";2 1) 1: 0x010041020042
r 0
/=> 1 2h
r 1
/=> "AB"
first first (enlist 2;enlist "h") 1: 0x0102
/=> 258h
