/ booleans, bytes and shorts meet as ints under + - *
1b+1b
/=> 2i
3h*2h
/=> 6i
0x0a-0x01
/=> 9i
type 1i+55
/=> -7h
