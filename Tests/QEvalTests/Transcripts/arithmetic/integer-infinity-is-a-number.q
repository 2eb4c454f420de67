/ widening an int keeps infinities as plain numbers; same-width arithmetic wraps
0Wi+1
/=> 2147483648
0Wi+1i
/=> 0Ni
9223372036854775807+1
/=> 0N
