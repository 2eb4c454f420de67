/ an expression ending in a verb without its right argument is a function
f:1+2*
f 10
/=> 21
'[neg;+][3;4]
/=> -7
inc:1+
inc\[10>sum@;1 2]
/=> 1 2
/=> 2 3
/=> 3 4
/=> 4 5
/=> 5 6
